package no.kontakt.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stores of the staff side, by role: accounts, logins, the audit trail (kept apart from conversation data),
 * conversation events, appointments and canned replies. All JSON tables of the same {@link Storage}.
 */
public final class StaffStores {
    private final JsonTable<User> users;
    private final JsonTable<LoginSession> logins;
    private final JsonTable<AuditEntry> audit;
    private final JsonTable<ConversationEvent> events;
    private final JsonTable<Appointment> appointments;
    private final JsonTable<CannedReply> canned;
    private final JsonTable<FeedbackAsk> feedback;

    /** A text staff can send with one click, in each language, edited by admins. */
    public record CannedReply(String id, java.util.Map<String, String> texts) {}

    StaffStores(Storage storage, ValueCodec codec) {
        users = new JsonTable<>(storage, "users", User.class, codec);
        logins = new JsonTable<>(storage, "logins", LoginSession.class, codec);
        audit = new JsonTable<>(storage, "audit", AuditEntry.class, codec);
        events = new JsonTable<>(storage, "events", ConversationEvent.class, codec);
        appointments = new JsonTable<>(storage, "appointments", Appointment.class, codec);
        canned = new JsonTable<>(storage, "canned", CannedReply.class, codec);
        feedback = new JsonTable<>(storage, "feedback", FeedbackAsk.class, codec);
        for (JsonTable<?> t : List.of(users, logins, audit, events, appointments, canned, feedback)) {
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

    public void audit(Batch batch, AuditEntry entry) {
        audit.put(batch, key(entry.at()) + "/" + entry.username() + "/" + System.nanoTime(), entry);
    }

    /** The audit trail, newest first. */
    public List<AuditEntry> auditTrail() {
        List<AuditEntry> all = new java.util.ArrayList<>(audit.withPrefix(""));
        java.util.Collections.reverse(all);
        return all;
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

    public static String eventId(String conversationId, Instant at, int n) {
        return conversationId + "/" + key(at) + "/" + n;
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
