package no.kontakt.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stores of the staff side as JSON tables of one {@link Storage}: accounts, logins, the audit trail (kept apart from
 * conversation data), conversation events, appointments, canned replies and feedback asks.
 */
final class StaffTables implements StaffStores {
    private final JsonTable<User> users;
    private final JsonTable<LoginSession> logins;
    private final JsonTable<AuditEntry> audit;
    private final JsonTable<ConversationEvent> events;
    private final JsonTable<Appointment> appointments;
    private final JsonTable<CannedReply> canned;
    private final JsonTable<FeedbackAsk> feedback;
    /** {@code c/<conversationId>} → the conversation's audit pseudonym, and {@code r/<pseudonym>} → the conversation id. */
    private final JsonTable<String> auditRefs;
    /** Pseudonyms made recently, so two audits of a conversation in one group commit share one; older ones are in the table. */
    private final java.util.Map<String, String> refs = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    });
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    StaffTables(Storage storage, ValueCodec codec) {
        users = new JsonTable<>(storage, "users", User.class, codec);
        logins = new JsonTable<>(storage, "logins", LoginSession.class, codec);
        audit = new JsonTable<>(storage, "audit", AuditEntry.class, codec);
        events = new JsonTable<>(storage, "events", ConversationEvent.class, codec);
        appointments = new JsonTable<>(storage, "appointments", Appointment.class, codec);
        canned = new JsonTable<>(storage, "canned", CannedReply.class, codec);
        feedback = new JsonTable<>(storage, "feedback", FeedbackAsk.class, codec);
        auditRefs = new JsonTable<>(storage, AUDIT_REFS, String.class, codec);
        for (JsonTable<?> t : List.of(users, logins, audit, events, appointments, canned, feedback, auditRefs)) {
            t.map();
        }
    }

    public Optional<User> user(String username) {
        return users.get(username);
    }

    public List<User> users() {
        return users.withPrefix("");
    }

    public void saveUser(Batch batch, User user) {
        users.put(batch, user.username(), user);
    }

    public void removeUser(Batch batch, String username) {
        users.remove(batch, username);
    }

    public Optional<LoginSession> login(String tokenHash) {
        return logins.get(tokenHash);
    }

    public void saveLogin(Batch batch, LoginSession session) {
        logins.put(batch, session.tokenHash(), session);
    }

    public void removeLogin(Batch batch, String tokenHash) {
        logins.remove(batch, tokenHash);
    }

    /** Every stored login (a few per person): read when an account changes, to end its logins. */
    public List<LoginSession> logins() {
        return logins.withPrefix("");
    }

    /**
     * Records an entry. The conversation is named by its audit pseudonym, random and made once per conversation (not
     * derived from the phone number), and forgotten when the conversation is erased: the entries of an erased
     * conversation then link to nothing, not even to the next conversation from the same number.
     */
    public void audit(Batch batch, AuditEntry entry) {
        AuditEntry stored = entry;
        if (entry.conversationId() != null) {
            String conversationId = entry.conversationId();
            String ref = auditRef(conversationId);
            auditRefs.put(batch, "c/" + conversationId, ref);
            auditRefs.put(batch, "r/" + ref, conversationId);
            stored = new AuditEntry(entry.at(), entry.username(), entry.role(), entry.action(), ref, entry.detail());
        }
        audit.put(batch, key(entry.at()) + "/" + entry.username() + "/" + System.nanoTime(), stored);
    }

    /** The audit trail, newest first; an entry of a conversation that still exists names it by its id. */
    public List<AuditEntry> auditTrail() {
        List<AuditEntry> all = new java.util.ArrayList<>(audit.withPrefix(""));
        java.util.Collections.reverse(all);
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        return all.stream().map(e -> e.conversationId() == null || !e.conversationId().startsWith(REF_PREFIX) ? e
                : new AuditEntry(e.at(), e.username(), e.role(), e.action(),
                        ids.computeIfAbsent(e.conversationId(), ref -> auditRefs.get("r/" + ref).orElse(ref)), e.detail())).toList();
    }

    /** Who read or changed one conversation, newest first (for the citizen's access request). */
    public List<AuditEntry> auditTrail(String conversationId) {
        return auditTrail().stream().filter(e -> conversationId.equals(e.conversationId())).toList();
    }

    /** Forgets the conversation's audit pseudonym (erasure): its entries stay, linked to nothing. */
    public void forgetAuditRef(Batch batch, String conversationId) {
        String ref = refs.remove(conversationId);
        if (ref == null) {
            ref = auditRefs.get("c/" + conversationId).orElse(null);
        }
        auditRefs.remove(batch, "c/" + conversationId);
        if (ref != null) {
            auditRefs.remove(batch, "r/" + ref);
        }
    }

    /**
     * Once, for a store written before audit pseudonyms: names each entry's conversation by its pseudonym (made now for
     * a conversation that exists; a random one, kept nowhere, for one already erased, whose entries then link to
     * nothing). Commits as it goes and marks the work done in the last commit.
     */
    static long pseudonymiseAudit(Storage storage, ValueCodec codec) {
        var refTable = storage.table(AUDIT_REFS);
        if (refTable.containsKey(DONE)) {
            return -1;
        }
        var table = storage.table("audit");
        var conversations = storage.table("conversations");
        java.util.Map<String, String> made = new java.util.HashMap<>();
        long n = 0;
        for (var entry : table.entrySet()) {
            AuditEntry e = codec.decode(entry.getValue(), AuditEntry.class);
            String id = e.conversationId();
            if (id == null || id.startsWith(REF_PREFIX)) {
                continue;
            }
            String ref = made.computeIfAbsent(id, k -> {
                byte[] known = refTable.get("c/" + k);
                return known != null ? codec.decode(known, String.class) : newRef();
            });
            if (conversations.containsKey(id) && !refTable.containsKey("c/" + id)) {
                refTable.put("c/" + id, codec.encode(ref));
                refTable.put("r/" + ref, codec.encode(id));
            }
            table.put(entry.getKey(), codec.encode(new AuditEntry(e.at(), e.username(), e.role(), e.action(), ref, e.detail())));
            if (++n % 10_000 == 0) {
                storage.commit();
            }
        }
        refTable.put(DONE, codec.encode("1"));
        storage.commit();
        return n;
    }

    private static String newRef() {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        return REF_PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The audit pseudonym the conversation's entries carry in the store, if any was made. */
    public Optional<String> auditRefOf(String conversationId) {
        String ref = refs.get(conversationId);
        return ref != null ? Optional.of(ref) : auditRefs.get("c/" + conversationId);
    }

    private String auditRef(String conversationId) {
        synchronized (refs) {
            return refs.computeIfAbsent(conversationId, id -> auditRefs.get("c/" + id).orElseGet(StaffTables::newRef));
        }
    }

    public void event(Batch batch, ConversationEvent event) {
        events.put(batch, event.id(), event);
    }

    /** A conversation's events, in order. Ids are {@code conversationId/epoch-millis/n}. */
    public List<ConversationEvent> events(String conversationId) {
        return events.withPrefix(conversationId + "/");
    }

    public void removeEvents(Batch batch, String conversationId) {
        events(conversationId).forEach(e -> events.remove(batch, e.id()));
    }

    public Optional<Appointment> appointment(String id) {
        return appointments.get(id);
    }

    public List<Appointment> appointments(String conversationId) {
        return appointments.withPrefix(conversationId + "/");
    }

    public List<Appointment> allAppointments() {
        return appointments.withPrefix("").stream().sorted(Comparator.comparing(Appointment::startsAt)).toList();
    }

    public void saveAppointment(Batch batch, Appointment appointment) {
        appointments.put(batch, appointment.id(), appointment);
    }

    public void removeAppointment(Batch batch, String id) {
        appointments.remove(batch, id);
    }

    public List<CannedReply> cannedReplies() {
        return canned.withPrefix("");
    }

    public void saveCanned(Batch batch, CannedReply reply) {
        canned.put(batch, reply.id(), reply);
    }

    public void removeCanned(Batch batch, String id) {
        canned.remove(batch, id);
    }

    public Optional<FeedbackAsk> feedback(String conversationId) {
        return feedback.get(conversationId);
    }

    public List<FeedbackAsk> allFeedback() {
        return feedback.withPrefix("");
    }

    public void saveFeedback(Batch batch, FeedbackAsk ask) {
        feedback.put(batch, ask.conversationId(), ask);
    }

    public void removeFeedback(Batch batch, String conversationId) {
        feedback.remove(batch, conversationId);
    }

    private static String key(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }
}
