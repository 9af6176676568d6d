package no.kontakt.store;

import java.time.Instant;

/**
 * Every staff-side role of one store in one object: what the web layer still asks for as {@code stores.staff()}.
 * Services take the single roles ({@link UserStore}, {@link LoginStore}, {@link AuditLog}, {@link EventLog},
 * {@link AppointmentStore}, {@link CannedReplyStore}, {@link FeedbackStore}) instead.
 */
public interface StaffStores extends UserStore, LoginStore, AuditLog, EventLog, AppointmentStore, CannedReplyStore, FeedbackStore {
    /** The table of audit pseudonyms: {@code c/<conversationId>} → pseudonym, {@code r/<pseudonym>} → conversation id. */
    String AUDIT_REFS = "audit_refs";
    /** The key in {@link #AUDIT_REFS} that says every audit entry names its conversation by a pseudonym. */
    String DONE = "pseudonymised";

    /** See {@link EventLog#eventId}. */
    static String eventId(String conversationId, Instant at, int n) {
        return EventLog.eventId(conversationId, at, n);
    }
}
