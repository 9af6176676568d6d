package no.kontakt.store;

import java.time.Instant;

/**
 * A citizen's request to be contacted: what about (or nothing), by call or SMS, when ({@code window} as
 * {@code asap} or {@code from/to}), by which first name (or anonymous), and its state: {@code open},
 * {@code cancelled}, {@code done}.
 */
public record ContactRequest(String id, String conversationId, String topic, String channel, String window,
                             String windowText, String name, boolean urgent, String status, Instant createdAt, Instant updatedAt,
                             String phone) {
    public static final String OPEN = "open";
    public static final String CANCELLED = "cancelled";

    public ContactRequest withStatus(String newStatus, Instant at) {
        return new ContactRequest(id, conversationId, topic, channel, window, windowText, name, urgent, newStatus, createdAt, at, phone);
    }
}
