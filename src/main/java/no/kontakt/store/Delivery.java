package no.kontakt.store;

import java.time.Instant;
import java.util.Locale;

/**
 * The delivery status of one outbound message, as reported by the provider's status callbacks. Statuses only
 * move forward: a late {@code sent} never replaces {@code delivered}.
 */
public record Delivery(String messageId, String providerSid, String status, String errorCode, Instant updatedAt) {

    /** Rank of a status in the life of a message; terminal statuses rank highest. */
    public static int rank(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued" -> 1;
            case "sending" -> 2;
            case "sent" -> 3;
            case "failed", "undelivered", "canceled" -> 4;
            case "delivered" -> 5;
            case "read" -> 6;
            default -> 0;
        };
    }

    /** This report merged over the one stored: the stored one wins unless this one is further on. */
    public Delivery mergedOver(Delivery stored) {
        if (stored == null || rank(status) > rank(stored.status())) {
            return this;
        }
        return stored;
    }
}
