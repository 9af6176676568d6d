package no.kontakt.store;

import java.time.Instant;

/**
 * A citizen's request to be contacted: what about (or nothing), by call or SMS, when ({@code window} as
 * {@code asap} or {@code from/to}), by which first name (or anonymous), and its state: {@code open},
 * {@code cancelled}, {@code done}. {@code matters}: what matters to them now, in their words; {@code support}:
 * whether they have a crisis plan and/or a contact person ({@code crisis_plan}, {@code contact_person}, both
 * comma-separated, or {@code none}); both null when not asked or not answered.
 */
public record ContactRequest(String id, String conversationId, String topic, String channel, String window,
                             String windowText, String name, boolean urgent, String status, Instant createdAt, Instant updatedAt,
                             String phone, String matters, String support) {
    public static final String OPEN = "open";
    public static final String CANCELLED = "cancelled";

    public ContactRequest(String id, String conversationId, String topic, String channel, String window,
                          String windowText, String name, boolean urgent, String status, Instant createdAt, Instant updatedAt,
                          String phone) {
        this(id, conversationId, topic, channel, window, windowText, name, urgent, status, createdAt, updatedAt, phone, null, null);
    }

    public ContactRequest withStatus(String newStatus, Instant at) {
        return new ContactRequest(id, conversationId, topic, channel, window, windowText, name, urgent, newStatus, createdAt, at, phone,
                matters, support);
    }
}
