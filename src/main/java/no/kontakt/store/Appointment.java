package no.kontakt.store;

import java.time.Instant;

/**
 * A concrete meeting staff booked for a citizen (the warm handover): when, where, with whom, and the citizen's
 * answer ({@code yes}, {@code no}, or null while unanswered) and the reason a citizen gave with a no ("nei, jeg jobber
 * da" → "jeg jobber da"; null without one). Reminded once, the day before.
 */
public record Appointment(String id, String conversationId, Instant startsAt, String place, String with, String bookedBy,
                          String answer, Instant answeredAt, boolean reminded, Instant createdAt, String reason) {
    public Appointment answered(String newAnswer, Instant at) {
        return answered(newAnswer, at, null);
    }

    public Appointment answered(String newAnswer, Instant at, String why) {
        return new Appointment(id, conversationId, startsAt, place, with, bookedBy, newAnswer, at, reminded, createdAt, why);
    }

    public Appointment markReminded() {
        return new Appointment(id, conversationId, startsAt, place, with, bookedBy, answer, answeredAt, true, createdAt, reason);
    }
}
