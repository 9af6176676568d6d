package no.kontakt.records;

import java.time.Clock;
import no.kontakt.inbox.Staff;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Batch;
import no.kontakt.store.AuditLog;
import no.kontakt.store.UnitOfWork;

/**
 * Writes who read or took out what, and when, to the audit trail: a reveal, an export, a list read. The entry
 * names the conversation by its pseudonym and never holds the citizen's text or number.
 */
public final class AccessLog {
    private final AuditLog auditLog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AccessLog(AuditLog auditLog, UnitOfWork unitOfWork, Clock clock) {
        this.auditLog = auditLog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** One entry, on disk when this returns. {@code conversationId} may be null (a list read, an access request). */
    public void record(Staff staff, String action, String conversationId, String detail) {
        Batch batch = new Batch();
        auditLog.audit(batch, new AuditEntry(clock.instant(), staff.username(), staff.role(), action, conversationId, detail));
        unitOfWork.commit(batch);
    }
}
