package no.kontakt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import no.kontakt.wiring.Core;
import no.kontakt.channel.InboundMessage;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Indexes;
import no.kontakt.StoreFiles;
import no.kontakt.store.Message;
import no.kontakt.store.QueueEntry;
import no.kontakt.store.SealedJson;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Fills a new store with many finished conversations, fast: each is a copy of a real conversation down the contact
 * path (run once per language through the conversation service), under its own citizen's number and pseudonym,
 * with its last exchange, the receipt of its last message and its contact request. Most were closed by staff
 * (request done) in the last 85 days; one in 500 still waits with an open request, one in 5,000 urgent. The
 * tables and their indexes are written straight into the MapDB file with MapDB's bulk loader (sorted keys, no
 * transaction), before Kontakt opens it; every value is sealed with the store key as Kontakt seals it.
 */
final class StoreLoader {
    /** A conversation as Kontakt stored it, to copy. */
    record Template(Conversation conversation, List<Message> lastExchange, InboundReceipt lastReceipt, ContactRequest request) {}

    private static final String[] TABLES = {"conversations", "messages", "contact_requests"};
    private static final int CHUNK = 8192;

    private final Pseudonyms pseudonyms;
    private final SealedJson codec;
    private final List<Template> templates;
    private final Instant now;

    StoreLoader(byte[] secret, List<Template> templates, Instant now) {
        this.pseudonyms = new Pseudonyms(secret);
        this.codec = new SealedJson(secret, null);
        this.templates = templates;
        this.now = now;
    }

    /** Runs each language's conversation through an in-memory Kontakt and keeps what it stored. */
    static List<Template> templates(Core kontakt) {
        List<Template> out = new ArrayList<>();
        for (int i = 0; i < Traffic.SCRIPTS.size(); i++) {
            long n = Traffic.FIRST_LIVE - Traffic.SCRIPTS.size() + i;
            String from = Traffic.number(n);
            for (String text : Traffic.script(n).messages()) {
                kontakt.conversations().receive(new InboundMessage("sms", "SMtemplate" + i + "x" + text.hashCode() + "x" + System.nanoTime(),
                        from, Traffic.TO, text, 0, Instant.now()));
            }
            String id = kontakt.conversations().conversationId("sms", from);
            Conversation c = kontakt.stores().conversations().find(id).orElseThrow();
            List<Message> messages = kontakt.stores().messages().ofConversation(id);
            List<InboundReceipt> receipts = kontakt.stores().inbound().ofConversation(id);
            ContactRequest request = kontakt.stores().contactRequests().ofConversation(id).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the " + Traffic.script(n).language() + " conversation made no contact request"));
            List<Message> last = messages.subList(messages.size() - 2, messages.size());
            InboundReceipt receipt = receipts.stream().filter(r -> last.get(0).id().equals(r.messageId())).findFirst().orElseThrow();
            out.add(new Template(c, last, receipt, request));
        }
        return out;
    }

    /** One loaded conversation's sealed values, keyed. */
    private record Row(String id, byte[] conversation, String[] messageKeys, byte[][] messages, String requestKey, byte[] request,
                       byte[] queueEntry, byte[] urgent, String closedKey) {}

    /** Writes {@code count} conversations into the (new) store of {@code dataDir}; returns how long it took. */
    Duration load(Path dataDir, long count) {
        long t0 = System.nanoTime();
        record Id(String id, long n) {}
        Id[] ids = IntStream.range(0, (int) count).parallel()
                .mapToObj(n -> new Id("sms-" + pseudonyms.of("sms", Traffic.number(n)), n)).toArray(Id[]::new);
        Arrays.parallelSort(ids, Comparator.comparing(Id::id));
        DB db = DBMaker.fileDB(dataDir.resolve(StoreFiles.FILE_NAME).toFile()).fileChannelEnable().make();
        try {
            var conversations = db.treeMap(TABLES[0], Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            var messages = db.treeMap(TABLES[1], Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            var requests = db.treeMap(TABLES[2], Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            var queue = db.treeMap(Indexes.QUEUE, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            var open = db.treeMap(Indexes.OPEN_REQUESTS, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            var urgent = db.treeMap(Indexes.URGENT, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            String[] closedKeys = new String[ids.length];
            int closedCount = 0;
            for (int from = 0; from < ids.length; from += CHUNK) {
                Id[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + CHUNK));
                Row[] rows = Arrays.stream(chunk).parallel().map(i -> row(i.id(), i.n())).toArray(Row[]::new);
                for (Row r : rows) {
                    conversations.put(r.id(), r.conversation());
                    for (int m = 0; m < r.messageKeys().length; m++) {
                        messages.put(r.messageKeys()[m], r.messages()[m]);
                    }
                    requests.put(r.requestKey(), r.request());
                    if (r.queueEntry() != null) {
                        queue.put(r.id(), r.queueEntry());
                        open.put(r.requestKey(), r.request());
                    }
                    if (r.urgent() != null) {
                        urgent.put(r.id(), r.urgent());
                    }
                    if (r.closedKey() != null) {
                        closedKeys[closedCount++] = r.closedKey();
                    }
                }
            }
            conversations.create();
            messages.create();
            requests.create();
            queue.create();
            open.create();
            urgent.create();
            String[] closedSorted = Arrays.copyOf(closedKeys, closedCount);
            Arrays.parallelSort(closedSorted);
            var closed = db.treeMap(Indexes.CLOSED, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            for (int from = 0; from < closedSorted.length; from += CHUNK) {
                String[] chunk = Arrays.copyOfRange(closedSorted, from, Math.min(closedSorted.length, from + CHUNK));
                byte[][] values = Arrays.stream(chunk).parallel().map(k -> codec.encode(k.substring(k.indexOf('|') + 1))).toArray(byte[][]::new);
                for (int k = 0; k < chunk.length; k++) {
                    closed.put(chunk[k], values[k]);
                }
            }
            closed.create();
            var meta = db.treeMap(Indexes.META, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            meta.put(Indexes.BUILT, codec.encode(Indexes.VERSION));
            meta.create();
            var inbound = db.treeMap("inbound", Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createFromSink();
            for (long from = 0; from < count; from += CHUNK) {
                long to = Math.min(count, from + CHUNK);
                byte[][] receipts = new byte[(int) (to - from)][];
                long first = from;
                IntStream.range(0, receipts.length).parallel().forEach(k -> receipts[k] = receipt(first + k));
                for (int k = 0; k < receipts.length; k++) {
                    inbound.put(sid(first + k), receipts[k]);
                }
            }
            inbound.create();
            db.commit();
        } finally {
            db.close();
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private Template template(long n) {
        return templates.get((int) (n % templates.size()));
    }

    private static String sid(long n) {
        return "SMload" + String.format("%026x", n);
    }

    private String id(long n) {
        return "sms-" + pseudonyms.of("sms", Traffic.number(n));
    }

    private Instant lastMessageAt(long n) {
        return now.minus(Duration.ofMinutes((n * 7919) % Duration.ofDays(85).toMinutes()));
    }

    private Row row(String id, long n) {
        Template t = template(n);
        Conversation c = t.conversation();
        Instant last = lastMessageAt(n);
        Instant created = last.minus(Duration.ofMinutes(6));
        boolean waiting = n % 500 == 0;
        boolean urgent = n % 5000 == 0;
        String number = Traffic.number(n);
        Conversation copy = new Conversation(id, c.channel(), number, c.language(), created, last, c.messageCount(),
                waiting ? Conversation.WAITING : Conversation.CLOSED, urgent, waiting ? last : null, null, c.session());
        String[] keys = new String[t.lastExchange().size()];
        byte[][] values = new byte[keys.length][];
        for (int m = 0; m < keys.length; m++) {
            Message tm = t.lastExchange().get(m);
            keys[m] = id + tm.id().substring(c.id().length());
            values[m] = codec.encode(new Message(keys[m], id, tm.direction(), tm.author(), tm.body(), last,
                    tm.providerSid() == null ? null : sid(n)));
        }
        ContactRequest r = t.request();
        String requestId = id + "/" + String.format("%015d", created.toEpochMilli());
        ContactRequest request = new ContactRequest(requestId, id, r.topic(), r.channel(), r.window(), r.windowText(), r.name(), urgent,
                waiting ? ContactRequest.OPEN : "done", created, last, r.phone());
        return new Row(id, codec.encode(copy), keys, values, requestId, codec.encode(request),
                QueueEntry.belongs(copy) ? codec.encode(QueueEntry.of(copy)) : null, QueueEntry.belongs(copy) && urgent ? codec.encode(id) : null,
                Conversation.CLOSED.equals(copy.status()) ? Indexes.closedKey(copy.lastMessageAt(), id) : null);
    }

    private byte[] receipt(long n) {
        Template t = template(n);
        String id = id(n);
        InboundReceipt r = t.lastReceipt();
        String prefix = t.conversation().id();
        return codec.encode(new InboundReceipt(sid(n), id, id + r.messageId().substring(prefix.length()), r.replies(),
                r.replyIds().stream().map(x -> id + x.substring(prefix.length())).toList(), lastMessageAt(n)));
    }
}
