package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/**
 * Who read or changed what, kept apart from conversation data. A conversation is named in the stored entries by an
 * audit pseudonym that erasure forgets, so the entries of an erased conversation link to nothing.
 */
public interface AuditLog {
    /** How an audit pseudonym starts (a conversation id starts with its channel). */
    String REF_PREFIX = "audit-";

    void audit(Batch batch, AuditEntry entry);

    /** The audit trail, newest first; an entry of a conversation that still exists names it by its id. */
    List<AuditEntry> auditTrail();

    /** Who read or changed one conversation, newest first (for the citizen's access request). */
    List<AuditEntry> auditTrail(String conversationId);

    /** Forgets the conversation's audit pseudonym (erasure): its entries stay, linked to nothing. */
    void forgetAuditRef(Batch batch, String conversationId);

    /** The audit pseudonym the conversation's entries carry in the store, if any was made. */
    Optional<String> auditRefOf(String conversationId);
}
