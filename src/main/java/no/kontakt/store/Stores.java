package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/**
 * The role stores of one {@link Storage}, and the {@link Committer} that makes their batches durable. Opened once
 * at start-up and closed at shutdown; every role store is a JSON table in the same transaction. Only the composition
 * root and the store tools know this class: services take the role interfaces its accessors return.
 */
public final class Stores implements UnitOfWork, AutoCloseable {
    private final Storage storage;
    private final ValueCodec codec;
    private final java.time.ZoneId zone;
    private final Committer committer;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final InboundLog inbound;
    private final DeliveryStore deliveries;
    private final OutboxStore outbox;
    private final TimerIndex timers;
    private final ContactRequestStore contactRequests;
    private final StaffStores staff;
    private final ScriptStore scripts;
    private final StatsStore stats;
    private final EnrolmentStore enrolments;
    private final ReminderLog reminders;
    private ClusterLocks locks;

    public Stores(Storage storage, int maxBatch) {
        this(storage, maxBatch, java.time.ZoneId.of("Europe/Oslo"));
    }

    public Stores(Storage storage, int maxBatch, java.time.ZoneId zone) {
        this(storage, maxBatch, zone, ValueCodec.PLAIN);
    }

    /** @param codec how values are kept: {@link SealedJson} in production, so the file alone reveals nothing */
    public Stores(Storage storage, int maxBatch, java.time.ZoneId zone, ValueCodec codec) {
        this.codec = codec;
        this.zone = zone;
        this.storage = storage;
        this.committer = new Committer(storage, maxBatch);
        this.conversations = new Conversations(new JsonTable<>(storage, "conversations", Conversation.class, codec),
                new JsonTable<>(storage, Indexes.QUEUE, QueueEntry.class, codec), new JsonTable<>(storage, Indexes.URGENT, String.class, codec),
                new JsonTable<>(storage, Indexes.CLOSED, String.class, codec));
        this.messages = new Messages(new JsonTable<>(storage, "messages", Message.class, codec));
        this.inbound = new Inbound(new JsonTable<>(storage, "inbound", InboundReceipt.class, codec));
        this.deliveries = new Deliveries(new JsonTable<>(storage, "deliveries", Delivery.class, codec));
        this.outbox = new Outbox(new JsonTable<>(storage, "outbox", OutboxItem.class, codec));
        this.timers = new Timers(new JsonTable<>(storage, "timers", TimerIndex.Due.class, codec));
        this.contactRequests = new ContactRequests(new JsonTable<>(storage, "contact_requests", ContactRequest.class, codec),
                new JsonTable<>(storage, Indexes.OPEN_REQUESTS, ContactRequest.class, codec));
        this.enrolments = new Enrolments(new JsonTable<>(storage, "enrolments", Enrolment.class, codec));
        this.reminders = new Reminders(new JsonTable<>(storage, "offer_reminders", ReminderLog.Sent.class, codec));
        storage.table("enrolments");
        storage.table("offer_reminders");
        for (String table : new String[] {"conversations", "messages", "inbound", "deliveries", "outbox", "timers", "contact_requests",
                Indexes.QUEUE, Indexes.URGENT, Indexes.OPEN_REQUESTS, Indexes.CLOSED, Indexes.META}) {
            storage.table(table);
        }
        this.staff = new StaffTables(storage, codec);
        this.scripts = new ScriptTables(storage, codec);
        this.stats = new StatsTables(storage, zone, codec);
        storage.commit();
        long pseudonymised = StaffTables.pseudonymiseAudit(storage, codec);
        if (pseudonymised > 0) {
            org.slf4j.LoggerFactory.getLogger(Stores.class).info("audit entries given conversation pseudonyms entries={}", pseudonymised);
        }
        long indexed = Indexes.buildIfMissing(storage, codec);
        if (indexed > 0) {
            org.slf4j.LoggerFactory.getLogger(Stores.class).info("store indexes built conversations={}", indexed);
        }
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public MessageStore messages() {
        return messages;
    }

    public InboundLog inbound() {
        return inbound;
    }

    public DeliveryStore deliveries() {
        return deliveries;
    }

    public OutboxStore outbox() {
        return outbox;
    }

    public TimerIndex timers() {
        return timers;
    }

    public ContactRequestStore contactRequests() {
        return contactRequests;
    }

    /** Every staff-side role in one object (for the web layer; services take the single roles below). */
    public StaffStores staff() {
        return staff;
    }

    public UserStore users() {
        return staff;
    }

    public LoginStore logins() {
        return staff;
    }

    public AuditLog audit() {
        return staff;
    }

    public EventLog events() {
        return staff;
    }

    public AppointmentStore appointments() {
        return staff;
    }

    public CannedReplyStore cannedReplies() {
        return staff;
    }

    public FeedbackStore feedback() {
        return staff;
    }

    public ScriptStore scripts() {
        return scripts;
    }

    public StatsStore stats() {
        return stats;
    }

    /**
     * Reads every value of every table, so each is known to open (decrypt and parse); returns the number of
     * values per table. Throws {@link StoreException} naming the first table whose value does not open.
     */
    public java.util.Map<String, Long> verify() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String name : new String[] {"conversations", "messages", "inbound", "deliveries", "outbox", "timers", "contact_requests",
                "enrolments", "offer_reminders", "users", "logins", "audit", "events", "appointments", "canned", "feedback",
                "script_versions", "script_drafts", "stats", StaffStores.AUDIT_REFS, Indexes.QUEUE, Indexes.URGENT, Indexes.OPEN_REQUESTS, Indexes.CLOSED, Indexes.META}) {
            long n = 0;
            for (byte[] value : storage.table(name).values()) {
                try {
                    codec.decode(value, com.fasterxml.jackson.databind.JsonNode.class);
                } catch (RuntimeException e) {
                    throw new StoreException("a value in the table " + name + " does not open: " + e.getMessage(), e);
                }
                n++;
            }
            counts.put(name, n);
        }
        return counts;
    }

    /** Every conversation (a full scan: for the queue's {@code closed} and {@code all} filters and for tools). */
    public java.util.List<Conversation> allConversations() {
        return conversations.all();
    }

    public EnrolmentStore enrolments() {
        return enrolments;
    }

    public ReminderLog reminders() {
        return reminders;
    }

    /** Makes the batch durable (group commit); returns once it is. */
    @Override
    public void commit(Batch batch) {
        committer.commit(batch);
    }

    public Committer committer() {
        return committer;
    }

    /** The locks every instance on this store respects (this process's own for an embedded store); made at the first call. */
    public synchronized ClusterLocks locks() {
        if (locks == null) {
            locks = storage.clusterLocks();
        }
        return locks;
    }

    /** How values are kept (for store tools: backup, restore). */
    public ValueCodec codec() {
        return codec;
    }

    /** The unit's time zone, the statistics' weeks are in (for store tools). */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** The data folder of a store on disk; empty for one in memory. */
    public Optional<java.nio.file.Path> folder() {
        return storage.folder();
    }

    /** The storage under the stores (for store tools, such as a backup, and tests that read a table as it is). */
    public Storage storage() {
        return storage;
    }

    public boolean isOpen() {
        return storage.isOpen();
    }

    @Override
    public void close() {
        committer.close();
        storage.close();
    }

    /** Conversations, with the queue and the closed index written in the same batch as each save. */
    private record Conversations(JsonTable<Conversation> table, JsonTable<QueueEntry> queue, JsonTable<String> urgent,
                                 JsonTable<String> closed) implements ConversationStore {
        public Optional<Conversation> find(String id) {
            return table.get(id);
        }

        public void save(Batch batch, Conversation conversation) {
            String id = conversation.id();
            table.put(batch, id, conversation);
            boolean queued = QueueEntry.belongs(conversation);
            boolean wasQueued = queued || queue.map().containsKey(id); // read only for a conversation leaving (or never in) the queue
            if (queued) {
                queue.put(batch, id, QueueEntry.of(conversation));
            } else if (wasQueued) {
                queue.remove(batch, id);
            }
            if (queued && conversation.urgent()) {
                urgent.put(batch, id, id);
            } else if (wasQueued && urgent.map().containsKey(id)) { // the urgent are always in the queue too
                urgent.remove(batch, id);
            }
            if (Conversation.CLOSED.equals(conversation.status())) {
                closed.put(batch, Indexes.closedKey(conversation.lastMessageAt(), id), id);
            }
        }

        public void remove(Batch batch, String id) {
            table.remove(batch, id);
            queue.remove(batch, id);
            urgent.remove(batch, id);
        }

        public List<String> urgentIds() {
            return urgent.keys();
        }

        public List<QueueEntry> queued() {
            return queue.withPrefix("");
        }

        public List<Indexes.Closed> closedBefore(java.time.Instant before, int max) {
            List<Indexes.Closed> out = new java.util.ArrayList<>();
            for (String key : closed.map().headMap(Indexes.closedKey(before, ""), false).keySet()) {
                if (out.size() == max) {
                    break;
                }
                out.add(Indexes.parse(key));
            }
            return out;
        }

        public void forgetClosed(Batch batch, Indexes.Closed entry) {
            closed.remove(batch, Indexes.closedKey(entry.lastMessageAt(), entry.conversationId()));
        }

        public long count() {
            return table.count();
        }

        public List<Conversation> all() {
            return table.withPrefix("");
        }
    }

    private record Messages(JsonTable<Message> table) implements MessageStore {
        public void append(Batch batch, Message message) {
            table.put(batch, message.id(), message);
        }

        public Optional<Message> find(String id) {
            return table.get(id);
        }

        public void remove(Batch batch, String id) {
            table.remove(batch, id);
        }

        public List<Message> ofConversation(String conversationId) {
            return table.withPrefix(conversationId + "/");
        }

        public long count() {
            return table.count();
        }
    }

    private record Inbound(JsonTable<InboundReceipt> table) implements InboundLog {
        public Optional<InboundReceipt> find(String messageSid) {
            return table.get(messageSid);
        }

        public void record(Batch batch, InboundReceipt receipt) {
            batch.insert(table.name(), receipt.messageSid(), table.codec().encode(receipt));
        }

        public void replace(Batch batch, InboundReceipt receipt) {
            table.put(batch, receipt.messageSid(), receipt);
        }

        public List<String> messageSids() {
            return table.keys();
        }

        public List<InboundReceipt> ofConversation(String conversationId) {
            return table.withPrefix("").stream().filter(r -> conversationId.equals(r.conversationId())).toList();
        }

        public long count() {
            return table.count();
        }
    }

    private record Deliveries(JsonTable<Delivery> table) implements DeliveryStore {
        public void report(Batch batch, Delivery delivery) {
            batch.update(table.name(), delivery.messageId(), current -> table.codec().encode(
                    delivery.mergedOver(current == null ? null : table.codec().decode(current, Delivery.class))));
        }

        public Optional<Delivery> find(String messageId) {
            return table.get(messageId);
        }

        public void removeOfConversation(Batch batch, String conversationId) {
            String prefix = conversationId + "/";
            for (String key : table.map().subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet()) {
                table.remove(batch, key);
            }
        }
    }

    private record Outbox(JsonTable<OutboxItem> table) implements OutboxStore {
        public void put(Batch batch, OutboxItem item) {
            table.put(batch, item.id(), item);
        }

        public void remove(Batch batch, String id) {
            table.remove(batch, id);
        }

        public Optional<OutboxItem> find(String id) {
            return table.get(id);
        }

        public List<OutboxItem> due(java.time.Instant now, int max) {
            return table.withPrefix("").stream()
                    .filter(i -> i.state() == OutboxItem.State.PENDING && !i.nextAttemptAt().isAfter(now))
                    .limit(max).toList();
        }

        public List<OutboxItem> ofConversation(String conversationId) {
            return table.withPrefix("").stream().filter(i -> conversationId.equals(i.conversationId())).toList();
        }

        public List<OutboxItem> sending() {
            return table.withPrefix("").stream().filter(i -> i.state() == OutboxItem.State.SENDING).toList();
        }

        public long count() {
            return table.count();
        }
    }

    private record Timers(JsonTable<TimerIndex.Due> table) implements TimerIndex {
        private static String key(java.time.Instant at, String conversationId) {
            return Indexes.padded(at.toEpochMilli(), 15) + "|" + conversationId;
        }

        public void set(Batch batch, String conversationId, java.time.Instant previous, java.time.Instant dueAt) {
            if (previous != null && !previous.equals(dueAt)) {
                table.remove(batch, key(previous, conversationId));
            }
            if (dueAt != null) {
                table.put(batch, key(dueAt, conversationId), new Due(conversationId, dueAt));
            }
        }

        public List<Due> due(java.time.Instant now, int max) {
            List<Due> due = new java.util.ArrayList<>();
            for (byte[] value : table.map().headMap(String.format("%015d|~", now.toEpochMilli()), true).values()) {
                if (due.size() == max) {
                    break;
                }
                due.add(table.codec().decode(value, Due.class));
            }
            return due;
        }
    }

    /** Contact requests, with a copy of each open one in the open index, written in the same batch. */
    private record ContactRequests(JsonTable<ContactRequest> table, JsonTable<ContactRequest> openIndex) implements ContactRequestStore {
        public void save(Batch batch, ContactRequest request) {
            table.put(batch, request.id(), request);
            if (ContactRequest.OPEN.equals(request.status())) {
                openIndex.put(batch, request.id(), request);
            } else if (openIndex.map().containsKey(request.id())) {
                openIndex.remove(batch, request.id());
            }
        }

        public Optional<ContactRequest> find(String id) {
            return table.get(id);
        }

        public void remove(Batch batch, String id) {
            table.remove(batch, id);
            openIndex.remove(batch, id);
        }

        public List<ContactRequest> open() {
            return openIndex.withPrefix("").stream().sorted(java.util.Comparator.comparing(ContactRequest::createdAt)).toList();
        }

        public List<ContactRequest> ofConversation(String conversationId) {
            return table.withPrefix(conversationId + "/");
        }

        public List<ContactRequest> all() {
            return table.withPrefix("").stream()
                    .sorted(java.util.Comparator.comparing(ContactRequest::createdAt)).toList();
        }
    }

    private record Enrolments(JsonTable<Enrolment> table) implements EnrolmentStore {
        public void save(Batch batch, Enrolment enrolment) {
            table.put(batch, enrolment.key(), enrolment);
        }

        public void remove(Batch batch, Enrolment enrolment) {
            table.remove(batch, enrolment.key());
        }

        public Optional<Enrolment> find(String offerId, String conversationId) {
            return table.get(offerId + "|" + conversationId);
        }

        public List<Enrolment> ofOffer(String offerId) {
            return table.withPrefix(offerId + "|").stream()
                    .sorted(java.util.Comparator.comparingLong(Enrolment::seq)).toList();
        }

        public List<Enrolment> ofConversation(String conversationId) {
            return table.withPrefix("").stream().filter(e -> e.conversationId().equals(conversationId)).toList();
        }
    }

    private record Reminders(JsonTable<ReminderLog.Sent> table) implements ReminderLog {
        public boolean contains(String conversationId, String sessionKey) {
            return table.map().containsKey(conversationId + "|" + sessionKey);
        }

        public void record(Batch batch, Sent sent) {
            table.put(batch, sent.key(), sent);
        }

        public List<Sent> ofConversation(String conversationId) {
            return table.withPrefix(conversationId + "|");
        }

        public List<Sent> all() {
            return table.withPrefix("");
        }

        public void remove(Batch batch, Sent sent) {
            table.remove(batch, sent.key());
        }
    }
}
