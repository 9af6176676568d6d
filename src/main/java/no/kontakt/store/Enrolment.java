package no.kontakt.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One conversation's place in one offer: a {@code seated} participant or {@code waiting} on the list. {@code seq}
 * orders the offer's enrolments as they were decided (the waiting list is served in that order); {@code seatedAt}
 * is when the seat was given (at joining, or at moving up from the waiting list).
 */
public record Enrolment(String offerId, String conversationId, String status, long seq, Instant joinedAt, Instant seatedAt) {
    public static final String SEATED = "seated";
    public static final String WAITING = "waiting";

    public Enrolment {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(conversationId, "conversationId");
        if (!SEATED.equals(status) && !WAITING.equals(status)) {
            throw new IllegalArgumentException("status must be seated or waiting (was " + status + ")");
        }
    }

    public boolean seated() {
        return SEATED.equals(status);
    }

    /** This enrolment moved up from the waiting list to a seat. */
    public Enrolment seatedAt(Instant at) {
        return new Enrolment(offerId, conversationId, SEATED, seq, joinedAt, at);
    }

    /** The key of the enrolment: one per offer and conversation. */
    public String key() {
        return offerId + "|" + conversationId;
    }
}
