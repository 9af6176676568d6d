package no.kontakt.store;

import java.time.Instant;

/**
 * Who read or changed what, when, under which role. {@code conversationId} is the conversation's pseudonym,
 * so the entry says nothing about the citizen and survives the conversation's erasure.
 */
public record AuditEntry(Instant at, String username, String role, String action, String conversationId, String detail) {}
