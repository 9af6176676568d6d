package no.kontakt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.kontakt.inbox.Accounts;
import no.kontakt.store.Json;
import no.kontakt.store.Message;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import no.kontakt.store.postgres.PostgresStorage;
import no.kontakt.testing.Await;
import no.kontakt.testing.EmbeddedPostgresServer;
import no.kontakt.testing.ForkedKontakt;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Kontakt servers, each a JVM of its own, on one PostgreSQL, set up only by the documented settings
 * ({@code KONTAKT_DATABASE_URL}, {@code _USER}, {@code _PASSWORD} and one shared {@code KONTAKT_SECRET_KEY}); each has
 * a data folder of its own, so nothing is shared but the database. Both answer signed Twilio webhooks over HTTP, as
 * behind a load balancer without sticky sessions. PostgreSQL starts once for the class; each test has a schema and a
 * pair of servers of its own.
 */
@Tag("crash")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    private static final ExecutorService POOL = Executors.newCachedThreadPool();
    private static EmbeddedPostgresServer postgres;
    /** The pair most tests share, on the schema {@link #sharedUrl}, with a staff account {@code kari}. */
    private static List<ForkedKontakt> shared;
    private static String sharedUrl;
    @TempDir
    static Path sharedDir;
    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgresAndTwoInstances() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        System.out.println("embedded PostgreSQL started in " + postgres.startMillis() + " ms");
        sharedUrl = postgres.newSchemaUrl();
        try (Stores stores = stores(sharedUrl)) {
            new Accounts(stores.users(), stores.logins(), stores.audit(), stores, Clock.systemUTC()).add("kari", "staff", "a long staff password".toCharArray());
        }
        shared = startTwo(sharedUrl, sharedDir);
    }

    @AfterAll
    static void stopAll() {
        POOL.shutdownNow();
        if (shared != null) {
            shared.forEach(ForkedKontakt::close);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The only settings an instance gets beyond the single-machine test ones: the database, and the one key. */
    private static Map<String, String> databaseEnv(String url, Path dir, String name) {
        Map<String, String> env = new HashMap<>();
        env.put("KONTAKT_DATABASE_URL", url);
        env.put("KONTAKT_DATABASE_USER", EmbeddedPostgresServer.USER);
        env.put("KONTAKT_DATABASE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        env.put("KONTAKT_DEV_SENDER_RECORD", dir.resolve("sent-" + name + ".txt").toString());
        return env;
    }

    /** Starts instances {@code a} and {@code b} side by side on the schema (each its own data folder, port and log in {@code dir}). */
    private static List<ForkedKontakt> startTwo(String url, Path dir) throws Exception {
        List<Future<ForkedKontakt>> starting = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path data = Files.createDirectories(dir.resolve("data-" + name));
            starting.add(POOL.submit(() -> ForkedKontakt.start(data, ForkedKontakt.freePort(), dir.resolve("server-" + name + ".log"),
                    databaseEnv(url, dir, name))));
        }
        List<ForkedKontakt> two = new ArrayList<>();
        for (Future<ForkedKontakt> f : starting) {
            two.add(f.get());
        }
        System.out.printf("two instances: started in %d and %d ms%n", two.get(0).startup.toMillis(), two.get(1).startup.toMillis());
        return two;
    }

    /** The store in PostgreSQL, opened in this JVM with the shared key, to check what the servers wrote. */
    private static Stores stores(String url) {
        byte[] secret = Base64.getDecoder().decode(TestKontakt.env(Path.of(".")).get("KONTAKT_SECRET_KEY"));
        return new Stores(PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD), 8, ZONE, new SealedJson(secret, null));
    }

    @Test
    @Order(1)
    void a_conversation_alternating_between_the_instances_keeps_its_state_and_order() throws Exception {
        List<ForkedKontakt> two = shared;
        // the bench's Norwegian path: greeting, menu, a topic, call me, when, a name, and two questions skipped
        List<String> messages = List.of("hei", "1", "Jeg sover dårlig og er bekymret", "1", "etter 16", "Kari", "0", "0");
        String from = "+4791000001";
        List<String> sids = new ArrayList<>();
        String last = null;
        for (int i = 0; i < messages.size(); i++) {
            ForkedKontakt server = two.get(i % 2);
            String sid = TwilioRequests.newSid();
            sids.add(sid);
            HttpResponse<String> r = new TwilioRequests(server.port).post("/twilio/sms", TwilioRequests.sms(sid, from, messages.get(i)));
            assertThat(r.statusCode()).as("message %d on instance %s", i + 1, i % 2 == 0 ? "a" : "b").isEqualTo(200);
            last = r.body();
        }
        // the last answer confirms the contact request only if every step saw the state the one before left
        assertThat(last).as("the last answer, after a path walked across both instances").contains("AVBRYT");

        try (Stores stores = stores(sharedUrl)) {
            String conversation = stores.inbound().find(sids.get(0)).orElseThrow().conversationId();
            for (String sid : sids) {
                assertThat(stores.inbound().find(sid).orElseThrow().conversationId()).as("one conversation for the number").isEqualTo(conversation);
            }
            List<Message> stored = stores.messages().ofConversation(conversation);
            assertThat(stored.stream().filter(m -> m.direction() == Message.Direction.IN).map(Message::body).toList())
                    .as("the citizen's messages, in the order sent").isEqualTo(messages);
            assertThat(stored.stream().filter(m -> m.direction() == Message.Direction.IN).map(Message::providerSid).toList()).isEqualTo(sids);
            assertThat(stored.get(0).direction()).isEqualTo(Message.Direction.IN);
            assertThat(stores.contactRequests().ofConversation(conversation)).as("one contact request").hasSize(1);
        }
    }

    @Test
    @Order(2)
    void the_same_message_sid_posted_to_both_at_once_is_one_step_with_one_answer() throws Exception {
        List<ForkedKontakt> two = shared;
        int sids = 40;
        int copies = 3; // each instance gets the sid this many times, all at once
        Map<String, String> numberOf = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < sids; n++) {
            String sid = TwilioRequests.newSid();
            String from = "+47920" + String.format("%05d", n % 10); // ten numbers, four sids each: steps of one conversation race too
            numberOf.put(sid, from);
            Map<String, String> form = TwilioRequests.sms(sid, from, n < 10 ? "hei" : "1");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int c = 0; c < copies * 2; c++) {
                TwilioRequests client = new TwilioRequests(two.get(c % 2).port);
                answers.add(POOL.submit((Callable<HttpResponse<String>>) () -> {
                    go.await();
                    return client.post("/twilio/sms", form);
                }));
            }
            go.countDown();
            String first = null;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as("sid %s", sid).isEqualTo(200);
                if (first == null) {
                    first = r.body();
                } else if (!first.equals(r.body())) {
                    disagreements.add(sid + ": " + first + " vs " + r.body());
                }
            }
        }
        try (Stores stores = stores(sharedUrl)) {
            Map<String, Integer> stepsPerSid = new HashMap<>();
            Map<String, Integer> inPerConversation = new HashMap<>();
            for (String sid : numberOf.keySet()) {
                String conversation = stores.inbound().find(sid).orElseThrow(() -> new AssertionError("no receipt for " + sid)).conversationId();
                inPerConversation.putIfAbsent(conversation, 0);
            }
            for (String conversation : inPerConversation.keySet()) {
                for (Message m : stores.messages().ofConversation(conversation)) {
                    if (m.direction() == Message.Direction.IN) {
                        stepsPerSid.merge(m.providerSid(), 1, Integer::sum);
                        inPerConversation.merge(conversation, 1, Integer::sum);
                    }
                }
            }
            assertThat(inPerConversation).as("one conversation a number").hasSize(10);
            assertThat(stepsPerSid.keySet()).containsExactlyInAnyOrderElementsOf(numberOf.keySet());
            assertThat(stepsPerSid.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                    .as("sids stored more than once").isEmpty();
            assertThat(inPerConversation.values()).as("inbound messages a conversation").containsOnly(sids / 10);
        }
        assertThat(disagreements).as("both instances give the same answer to one sid").isEmpty();
    }

    @Test
    @Order(3)
    void sigkill_of_one_instance_under_load_loses_nothing_acknowledged_and_keeps_each_numbers_order() throws Exception {
        String url = postgres.newSchemaUrl(); // a pair of its own: one of them dies
        List<ForkedKontakt> two = startTwo(url, dir);
        try {
            killOneUnderLoad(url, two);
        } finally {
            two.forEach(ForkedKontakt::close);
            postgres.dropSchema(url);
        }
    }

    private void killOneUnderLoad(String url, List<ForkedKontakt> two) throws Exception {
        ForkedKontakt victim = two.get(0);
        ForkedKontakt survivor = two.get(1);
        int numbers = 6;
        int perNumber = 12;
        long seed = Long.parseLong(System.getenv().getOrDefault("KONTAKT_CRASH_SEED", String.valueOf(System.nanoTime())));
        System.out.println("two instances kill: seed=" + seed);
        Random random = new Random(seed);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // sid -> body
        Map<String, List<String>> sentInOrder = new ConcurrentHashMap<>(); // number -> bodies acknowledged, in order
        AtomicInteger answeredByVictim = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        int killAfter = 10 + random.nextInt(numbers * perNumber / 2);
        CountDownLatch killNow = new CountDownLatch(1);
        AtomicInteger acks = new AtomicInteger();
        List<Future<?>> senders = new ArrayList<>();
        for (int n = 0; n < numbers; n++) {
            String from = "+47930" + String.format("%05d", n);
            long clientSeed = random.nextLong();
            senders.add(POOL.submit(() -> {
                Random r = new Random(clientSeed);
                List<String> order = new ArrayList<>();
                sentInOrder.put(from, order);
                for (int k = 1; k <= perNumber; k++) {
                    String sid = TwilioRequests.newSid();
                    String body = "melding " + k + " fra " + from.substring(from.length() - 2);
                    Map<String, String> form = TwilioRequests.sms(sid, from, body);
                    // the balancer's choice, at random; like Twilio, a message without a 200 is sent again (to the other
                    // instance once the first stops answering) until it gets one
                    ForkedKontakt target = r.nextBoolean() ? victim : survivor;
                    for (int attempt = 0; ; attempt++) {
                        if (attempt > 0) {
                            retried.incrementAndGet();
                            target = survivor;
                        }
                        assertThat(attempt).as("attempts for %s", sid).isLessThan(20);
                        try {
                            HttpResponse<String> answer = new TwilioRequests(target.port).post("/twilio/sms", form);
                            if (answer.statusCode() == 200) {
                                break;
                            }
                            refusals.add(answer.statusCode() + " " + answer.body());
                        } catch (RuntimeException refused) {
                            // the instance is gone: retry
                        }
                    }
                    if (target == victim) {
                        answeredByVictim.incrementAndGet();
                    }
                    acknowledged.put(sid, body);
                    order.add(body);
                    if (acks.incrementAndGet() == killAfter) {
                        killNow.countDown();
                    }
                }
                return null;
            }));
        }
        killNow.await();
        victim.kill();
        for (Future<?> f : senders) {
            f.get();
        }
        System.out.printf("two instances kill: acknowledged=%d by the killed instance=%d retried=%d killed after %d%n",
                acknowledged.size(), answeredByVictim.get(), retried.get(), killAfter);
        assertThat(acknowledged).hasSize(numbers * perNumber);
        assertThat(answeredByVictim.get()).as("the killed instance answered some before it died; answers other than 200: %s",
                refusals.stream().limit(5).toList()).isPositive();

        try (Stores stores = stores(url)) {
            List<String> lost = acknowledged.keySet().stream().filter(sid -> stores.inbound().find(sid).isEmpty()).toList();
            assertThat(lost).as("acknowledged messages not in the store").isEmpty();
            for (var number : sentInOrder.entrySet()) {
                String someSid = acknowledged.entrySet().stream().filter(e -> e.getValue().endsWith(" fra " + number.getKey().substring(number.getKey().length() - 2)))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                String conversation = stores.inbound().find(someSid).orElseThrow().conversationId();
                List<Message> in = stores.messages().ofConversation(conversation).stream().filter(m -> m.direction() == Message.Direction.IN).toList();
                assertThat(in.stream().map(Message::body).toList()).as("the stored messages of %s, once each, in order", number.getKey())
                        .isEqualTo(number.getValue());
                assertThat(in.stream().map(Message::providerSid).distinct().count()).isEqualTo(in.size());
            }
        }
    }

    @Test
    @Order(4)
    void an_outbox_item_is_sent_once_not_once_per_instance() throws Exception {
        List<ForkedKontakt> two = shared;
        List<String> conversations = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String sid = TwilioRequests.newSid();
            assertThat(new TwilioRequests(two.get(n % 2).port).post("/twilio/sms", TwilioRequests.sms(sid, "+4794000" + n + "00", "hei")).statusCode())
                    .isEqualTo(200);
            try (Stores stores = stores(sharedUrl)) {
                conversations.add(stores.inbound().find(sid).orElseThrow().conversationId());
            }
        }
        String token = login(two.get(0).port); // one login, on a: its session is in the database, so b takes it too
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int instance = i % 2;
            HttpResponse<String> r = post(two.get(instance).port, token,
                    "/api/inbox/conversations/" + conversations.get(i % conversations.size()) + "/reply", "{\"text\":\"Hei, dette er Kari (" + i + ").\"}");
            assertThat(r.statusCode()).as("reply %d on instance %s: %s", i, instance == 0 ? "a" : "b", r.body()).isEqualTo(201);
            replies.add(Json.MAPPER.readTree(r.body()).get("id").asText());
        }
        try {
            Await.until("every staff reply sent by one of the instances", Duration.ofSeconds(30), () -> sent().containsAll(replies));
            Await.until("both outboxes empty", Duration.ofSeconds(30), () -> two.stream().allMatch(s -> outboxDepth(s.port) == 0));
        } catch (AssertionError e) {
            List<String> unsent = replies.stream().filter(r -> !sent().contains(r)).toList();
            throw new AssertionError(e.getMessage() + "; not sent: " + unsent + "; outbox depth " + outboxDepth(two.get(0).port) + " and "
                    + outboxDepth(two.get(1).port) + "; what the servers logged about the outbox:\n" + logLines("outbox|lock|ERROR|WARN"), e);
        }
        // stopped (this test runs last of those on the shared pair), so a copy one of them still meant to send is sent before the count
        for (ForkedKontakt s : two) {
            assertThat(s.stop()).isNotNegative();
        }
        List<String> sent = sent();
        Map<String, Long> times = new HashMap<>();
        for (String reply : replies) {
            times.put(reply, sent.stream().filter(reply::equals).count());
        }
        assertThat(times.entrySet().stream().filter(e -> e.getValue() != 1).toList()).as("replies not sent exactly once").isEmpty();
    }

    /** What both instances' dev senders recorded: one message id a line. */
    private static List<String> sent() {
        List<String> all = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path file = sharedDir.resolve("sent-" + name + ".txt");
            try {
                if (Files.exists(file)) {
                    all.addAll(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The lines of both shared servers' logs that match {@code regex} (the last 40). */
    private static String logLines(String regex) {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            try {
                for (String line : Files.readAllLines(sharedDir.resolve("server-" + name + ".log"))) {
                    if (java.util.regex.Pattern.compile(regex).matcher(line).find()) {
                        lines.add(name + ": " + line);
                    }
                }
            } catch (java.io.IOException e) {
                lines.add(name + ": " + e);
            }
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The outbox depth from /metrics; -1 while it cannot be read. */
    private static double outboxDepth(int port) {
        try {
            return new TwilioRequests(port).get("/metrics").body().lines().filter(l -> l.startsWith("kontakt_outbox_depth "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String login(int port) throws Exception {
        HttpResponse<String> r = post(port, null, "/api/login", "{\"username\":\"kari\",\"password\":\"a long staff password\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body()).get("token").asText();
    }

    private static HttpResponse<String> post(int port, String token, String path, String json) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
