package no.kontakt.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kontakt.conversation.ConversationService;
import no.kontakt.hours.Hours;
import no.kontakt.hours.OpeningHours;
import no.kontakt.privacy.Mask;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Batch;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.ConversationEvent;
import no.kontakt.store.Delivery;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.StatsStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.EventLog;
import no.kontakt.store.AppointmentStore;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.Outgoing;

/**
 * What staff do with conversations: the queue (urgent first, then oldest, with an SLA clock that counts only
 * opening hours), reading one (audited), taking over, replying through the conversation's channel, private
 * notes, handing back, closing with an outcome, reopening. Every change runs under the conversation's lock.
 */
public final class InboxService {
    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final DeliveryStore deliveryStore;
    private final OutboxStore outboxStore;
    private final ContactRequestStore contactRequestStore;
    private final StatsStore statsStore;
    private final AuditLog auditLog;
    private final no.kontakt.store.CannedReplyStore cannedReplyStore;
    private final EventLog eventLog;
    private final AppointmentStore appointmentStore;
    private final UnitOfWork unitOfWork;
    private final ConversationService conversations;
    private final Hours officeHours;
    private final Clock clock;
    private final Runnable outboxWake;
    private final InboxEvents live;
    private volatile java.util.function.BiConsumer<Batch, String> onClose = (batch, id) -> { };
    /** Escalation reads every waiting conversation: the timers run it at most this often. */
    static final Duration ESCALATION_EVERY = Duration.ofSeconds(30);
    private volatile Instant lastEscalation = Instant.EPOCH;

    public InboxService(ConversationStore conversationStore, MessageStore messageStore, DeliveryStore deliveryStore, OutboxStore outboxStore, ContactRequestStore contactRequestStore, StatsStore statsStore, AuditLog auditLog, no.kontakt.store.CannedReplyStore cannedReplyStore, EventLog eventLog, AppointmentStore appointmentStore, UnitOfWork unitOfWork, ConversationService conversations, Hours office, Clock clock, Runnable outboxWake, InboxEvents live) {
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.deliveryStore = deliveryStore;
        this.outboxStore = outboxStore;
        this.contactRequestStore = contactRequestStore;
        this.statsStore = statsStore;
        this.auditLog = auditLog;
        this.cannedReplyStore = cannedReplyStore;
        this.eventLog = eventLog;
        this.appointmentStore = appointmentStore;
        this.unitOfWork = unitOfWork;
        this.conversations = conversations;
        this.officeHours = office;
        this.clock = clock;
        this.outboxWake = outboxWake;
        this.live = live;
    }

    /** The counters of the conversation's unit. */
    private no.kontakt.store.StatsStore unitStats(String conversationId) {
        return no.kontakt.conversation.UnitStats.of(statsStore, no.kontakt.conversation.UnitIds.unitOf(conversationId));
    }

    private OpeningHours office() {
        return officeHours.get();
    }

    /** The office hours of the conversation's unit (set with {@link #unitOffices}; the default unit's otherwise). */
    private volatile java.util.function.Function<String, Hours> officeOf;

    /** Each conversation's office hours by its id (its unit's): the queue's opening-time clock and first contacts count in them. */
    public void unitOffices(java.util.function.Function<String, Hours> offices) {
        this.officeOf = offices;
    }

    private OpeningHours office(String conversationId) {
        var offices = officeOf;
        return (offices == null ? officeHours : offices.apply(conversationId)).get();
    }

    /** Called in the batch of a close (plans the feedback question). */
    public void onClose(java.util.function.BiConsumer<Batch, String> hook) {
        this.onClose = hook;
    }

    /** One line of the queue. */
    public record QueueItem(String id, String status, boolean urgent, String channel, String language, String address,
                            String assignedTo, Instant waitingSince, long waitedSeconds, long slaSeconds, boolean fromEarlierShift,
                            Instant lastMessageAt, int openRequests) {}

    /** One conversation as staff read it. */
    public record View(QueueItem conversation, List<MessageView> messages, List<ConversationEvent> events,
                       List<ContactRequest> contactRequests, List<no.kontakt.store.Appointment> appointments, int page, int pages) {}

    public record MessageView(String id, String direction, String author, String body, Instant at, String delivery) {}

    /**
     * The queue. Every filter but {@code closed} and {@code all} reads only the conversations someone must see (the
     * queue index and the open requests' index), so it costs the same with a million conversations stored as with ten.
     */
    public List<QueueItem> queue(String filter, Staff staff) {
        Instant now = clock.instant();
        String f = filter == null ? "waiting" : filter;
        Map<String, Integer> open = new LinkedHashMap<>();
        List<Conversation> candidates;
        if ("urgent".equals(f)) { // a few: count their own open requests rather than read every open one
            candidates = candidates(f, open);
            candidates.forEach(c -> open.put(c.id(), (int) contactRequestStore.ofConversation(c.id()).stream()
                    .filter(r -> ContactRequest.OPEN.equals(r.status())).count()));
        } else {
            contactRequestStore.open().forEach(r -> open.merge(r.conversationId(), 1, Integer::sum));
            candidates = candidates(f, open);
        }
        return candidates.stream()
                .filter(c -> matches(c, f, staff, open) && visibleTo(c, staff))
                .map(c -> item(c, now, open.getOrDefault(c.id(), 0)))
                .sorted(Comparator.comparing((QueueItem q) -> !q.urgent())
                        .thenComparing(q -> q.waitingSince() == null ? q.lastMessageAt() : q.waitingSince()))
                .toList();
    }

    private List<Conversation> candidates(String filter, Map<String, Integer> open) {
        if ("closed".equals(filter) || "all".equals(filter)) {
            return conversationStore.all();
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        if ("urgent".equals(filter)) {
            ids.addAll(conversationStore.urgentIds());
        } else {
            conversationStore.queued().forEach(e -> ids.add(e.conversationId()));
            ids.addAll(open.keySet());
        }
        List<Conversation> out = new ArrayList<>(ids.size());
        ids.forEach(id -> conversationStore.find(id).ifPresent(out::add));
        return out;
    }

    /** Whether the office is open now: the queue's SLA clock counts only then. */
    public boolean officeOpen() {
        return office().isOpen(clock.instant().atZone(office().zone()));
    }

    private static boolean matches(Conversation c, String filter, Staff staff, Map<String, Integer> open) {
        boolean needsPerson = Conversation.WAITING.equals(c.status()) || Conversation.TAKEN_OVER.equals(c.status())
                || c.urgent() || open.containsKey(c.id());
        return switch (filter) {
            case "urgent" -> c.urgent() && !Conversation.CLOSED.equals(c.status());
            case "mine" -> staff.username().equals(c.assignedTo()) && !Conversation.CLOSED.equals(c.status());
            case "unassigned" -> needsPerson && c.assignedTo() == null && !Conversation.CLOSED.equals(c.status());
            case "closed" -> Conversation.CLOSED.equals(c.status());
            case "all" -> true;
            default -> needsPerson && !Conversation.CLOSED.equals(c.status());
        };
    }

    private QueueItem item(Conversation c, Instant now, int openRequests) {
        Instant since = c.waitingSince();
        long waited = since == null ? 0 : Duration.between(since, now).toSeconds();
        OpeningHours office = office(c.id());
        long sla = since == null ? 0 : office.openTimeBetween(since.atZone(office.zone()), now.atZone(office.zone())).toSeconds();
        // waited through closed time: nobody picked it up before a shift ended
        boolean earlier = since != null && sla < waited - 60;
        return new QueueItem(c.id(), c.status(), c.urgent(), c.channel(), c.language(), Mask.phone(c.address()), c.assignedTo(),
                since, waited, sla, earlier, c.lastMessageAt(), openRequests);
    }

    /**
     * Whose promise and on-call phones apply to a conversation: the first scope that {@code covers} its id escalates it
     * with its {@code promise} counted in its {@code office} hours and alerts its {@code alerts} (one per unit).
     */
    public record Escalation(Duration promise, Hours office, OnCallAlerts alerts, java.util.function.Predicate<String> covers) {}

    /**
     * Nothing left behind: a conversation still waiting when {@code fraction} of the promised opening time has
     * passed is escalated once — marked in its events, announced live, and the on-call phones are alerted when
     * the ambulant team is on duty. Returns how many were escalated.
     */
    public int escalate(Duration promise, double fraction, OnCallAlerts alerts) {
        return escalate(fraction, List.of(new Escalation(promise, officeHours, alerts, id -> true)));
    }

    /** {@link #escalate(Duration, double, OnCallAlerts)} with each conversation's own scope (its unit's); ones no scope covers wait. */
    public int escalate(double fraction, List<Escalation> scopes) {
        lastEscalation = clock.instant();
        Instant now = clock.instant();
        int n = 0;
        for (no.kontakt.store.QueueEntry q : conversationStore.queued()) {
            Escalation scope = scopes.stream().filter(s -> s.covers().test(q.conversationId())).findFirst().orElse(null);
            if (scope == null) {
                continue;
            }
            long limit = (long) (scope.promise().toSeconds() * fraction);
            OpeningHours office = scope.office().get();
            // opening time never exceeds the time passed: what has not waited that long yet cannot be due
            if (!Conversation.WAITING.equals(q.status()) || q.waitingSince() == null || q.waitingSince().plusSeconds(limit).isAfter(now)) {
                continue;
            }
            Optional<Conversation> found = conversationStore.find(q.conversationId());
            if (found.isEmpty()) {
                continue;
            }
            Conversation c = found.get();
            if (!Conversation.WAITING.equals(c.status()) || c.waitingSince() == null
                    || office.openTimeBetween(c.waitingSince().atZone(office.zone()), now.atZone(office.zone())).toSeconds() < limit
                    || eventLog.events(c.id()).stream().anyMatch(e -> "escalated".equals(e.type()) && !e.at().isBefore(c.waitingSince()))) {
                continue;
            }
            n += conversations.locked(c.id(), () -> {
                Batch batch = new Batch();
                eventLog.event(batch, new ConversationEvent(EventLog.eventId(c.id(), now, 0), c.id(), now, "escalated", "bot",
                        Map.of("reason", "near the end of the promised time")));
                scope.alerts().alert(batch, now, "esc" + c.id().substring(c.id().length() - 4));
                unitOfWork.commit(batch);
                return 1;
            });
            live.publish("escalated", c.id());
        }
        if (n > 0) {
            outboxWake.run();
        }
        return n;
    }

    /** {@link #escalate} when {@link #ESCALATION_EVERY} has passed since it last ran (the timers call this every second). */
    public int escalateWhenDue(Duration promise, double fraction, OnCallAlerts alerts) {
        return escalateWhenDue(fraction, List.of(new Escalation(promise, officeHours, alerts, id -> true)));
    }

    /** {@link #escalate(double, List)} when {@link #ESCALATION_EVERY} has passed since it last ran. */
    public int escalateWhenDue(double fraction, List<Escalation> scopes) {
        return clock.instant().isBefore(lastEscalation.plus(ESCALATION_EVERY)) ? 0 : escalate(fraction, scopes);
    }

    public Optional<View> read(String id, Staff staff, int page, int size) {
        Optional<Conversation> found = conversationStore.find(id).filter(c -> visibleTo(c, staff));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        audit(staff, "read", id, "page " + page);
        List<Message> all = messageStore.ofConversation(id);
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int from = Math.max(0, all.size() - page * size);
        int to = Math.max(0, all.size() - (page - 1) * size);
        List<MessageView> messages = new ArrayList<>();
        for (Message m : all.subList(Math.min(from, to), to)) {
            messages.add(new MessageView(m.id(), m.direction().name().toLowerCase(), m.author(), m.body(), m.at(),
                    deliveryStore.find(m.id()).map(Delivery::status).orElse(null)));
        }
        return Optional.of(new View(item(found.get(), clock.instant(), 0), messages, eventLog.events(id),
                contactRequestStore.ofConversation(id), appointmentStore.appointments(id), page, pages));
    }

    public Conversation takeover(String id, Staff staff) {
        return change(id, staff, "takeover", Map.of(), c -> c.takenOverBy(staff.username(), clock.instant()));
    }

    public Conversation handback(String id, Staff staff) {
        return change(id, staff, "handback", Map.of(), Conversation::handedBack);
    }

    public Conversation reopen(String id, Staff staff) {
        return change(id, staff, "reopen", Map.of(), c -> c.reopened(clock.instant()));
    }

    public Conversation close(String id, Staff staff, String outcome) {
        return change(id, staff, "close", Map.of("outcome", outcome), Conversation::closed, batch -> {
            onClose.accept(batch, id);
            unitStats(id).increment(batch, "closed", clock.instant(), "");
            closeRequests(batch, id);
        });
    }

    private void closeRequests(Batch batch, String id) {
        contactRequestStore.ofConversation(id).stream().filter(r -> ContactRequest.OPEN.equals(r.status()))
                .forEach(r -> contactRequestStore.save(batch, r.withStatus("done", clock.instant())));
    }

    public ConversationEvent note(String id, Staff staff, String text) {
        return conversations.locked(id, () -> {
            require(id, staff);
            Instant now = clock.instant();
            Batch batch = new Batch();
            var note = new ConversationEvent(EventLog.eventId(id, now, (int) (System.nanoTime() & 0xffff)), id, now, "note",
                    staff.actor(), Map.of("text", text));
            eventLog.event(batch, note);
            audit(batch, staff, "note", id, "");
            unitOfWork.commit(batch);
            live.publish("changed", id);
            return note;
        });
    }

    /** Sends a staff reply through the conversation's channel (via the outbox); its delivery shows on the message. */
    public Message reply(String id, Staff staff, String text) {
        Message sent = conversations.locked(id, () -> {
            Conversation c = require(id, staff);
            Instant now = clock.instant();
            String messageId = c.nextMessageId();
            Batch batch = new Batch();
            Message message = Outgoing.toConversation(batch, messageStore, outboxStore, c, messageId, staff.actor(), text, now, now);
            Conversation after = c.withMessage(now);
            conversationStore.save(batch, Conversation.BOT.equals(after.status()) || Conversation.WAITING.equals(after.status())
                    ? after.takenOverBy(staff.username(), now) : after);
            audit(batch, staff, "reply", id, "");
            firstContact(batch, id, now);
            unitOfWork.commit(batch);
            return message;
        });
        outboxWake.run();
        live.publish("message", id);
        return sent;
    }

    /** The first staff reply after a contact request: its time to contact, in opening hours, goes to the statistics. */
    private void firstContact(Batch batch, String id, Instant now) {
        var contacted = eventLog.events(id).stream().filter(e -> "first_contact".equals(e.type()))
                .map(e -> e.detail().get("request")).collect(java.util.stream.Collectors.toSet());
        int n = 1;
        for (ContactRequest r : contactRequestStore.ofConversation(id)) {
            if (ContactRequest.OPEN.equals(r.status()) && !contacted.contains(r.id())) {
                OpeningHours office = office(id);
                long seconds = office.openTimeBetween(r.createdAt().atZone(office.zone()), now.atZone(office.zone())).toSeconds();
                unitStats(id).record(batch, "first_contact_seconds", now, r.urgent() ? "urgent" : "normal", seconds);
                eventLog.event(batch, new ConversationEvent(EventLog.eventId(id, now, 100 + n++), id, now, "first_contact", "bot",
                        Map.of("request", r.id(), "openSeconds", String.valueOf(seconds))));
            }
        }
    }

    private Conversation change(String id, Staff staff, String action, Map<String, String> detail,
                                java.util.function.UnaryOperator<Conversation> change) {
        return change(id, staff, action, detail, change, batch -> { });
    }

    private Conversation change(String id, Staff staff, String action, Map<String, String> detail,
                                java.util.function.UnaryOperator<Conversation> change, java.util.function.Consumer<Batch> more) {
        Conversation after = conversations.locked(id, () -> {
            Conversation c = require(id, staff);
            Instant now = clock.instant();
            Conversation changed = change.apply(c);
            Batch batch = new Batch();
            conversationStore.save(batch, changed);
            eventLog.event(batch, new ConversationEvent(EventLog.eventId(id, now, (int) (System.nanoTime() & 0xffff)), id, now,
                    action, staff.actor(), detail));
            more.accept(batch);
            audit(batch, staff, action, id, "");
            unitOfWork.commit(batch);
            return changed;
        });
        live.publish("changed", id);
        return after;
    }

    private Conversation require(String id, Staff staff) {
        return conversationStore.find(id).filter(c -> visibleTo(c, staff))
                .orElseThrow(() -> new java.util.NoSuchElementException("There is no conversation " + id + "."));
    }

    /** A peer worker sees the shared queue and their own conversations, not those assigned to someone else. */
    public static boolean visibleTo(Conversation c, Staff staff) {
        return staff == null || staff.may(Permission.SEE_ALL_CONVERSATIONS) || c.assignedTo() == null || staff.username().equals(c.assignedTo());
    }

    private void audit(Staff staff, String action, String conversationId, String detail) {
        Batch batch = new Batch();
        audit(batch, staff, action, conversationId, detail);
        unitOfWork.commit(batch);
    }

    private void audit(Batch batch, Staff staff, String action, String conversationId, String detail) {
        auditLog.audit(batch, new AuditEntry(clock.instant(), staff.username(), staff.role(), action, conversationId, detail));
    }

    /** The contact requests: the open ones only, or all. */
    public List<ContactRequest> contactRequests(boolean openOnly) {
        return openOnly ? contactRequestStore.open() : contactRequestStore.all();
    }

    /** The texts staff can send with one click. */
    public List<no.kontakt.store.CannedReplyStore.CannedReply> cannedReplies() {
        return cannedReplyStore.cannedReplies();
    }

    /** Saves a canned reply (its text per language), audited as {@code canned_reply} with the admin's name. */
    public no.kontakt.store.CannedReplyStore.CannedReply saveCannedReply(String id, Map<String, String> texts, Staff staff) {
        Batch batch = new Batch();
        var reply = new no.kontakt.store.CannedReplyStore.CannedReply(id, texts);
        cannedReplyStore.saveCanned(batch, reply);
        audit(batch, staff, "canned_reply", null, id);
        unitOfWork.commit(batch);
        return reply;
    }
}
