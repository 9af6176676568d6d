package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.conversation.OutboxDispatcher;
import no.kontakt.store.Batch;
import no.kontakt.store.ClusterLocks;
import no.kontakt.store.DuplicateKeyException;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.StatsStore;
import no.kontakt.store.StoreException;
import no.kontakt.store.Stores;
import no.kontakt.testing.EmbeddedPostgresServer;
import no.kontakt.testing.RecordingSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, played by two {@link Stores} opened on the same schema in this process: one truth for
 * counters, message ids, locks and the outbox.
 */
class SharedDatabaseTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static EmbeddedPostgresServer server;
    private String url;
    private Stores a;
    private Stores b;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        url = server.newSchemaUrl();
        a = open(url);
        b = open(url);
    }

    private static Stores open(String url) {
        return new Stores(PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD), 64, ZoneId.of("Europe/Oslo"));
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        a.close();
        b.close();
        server.dropSchema(url);
    }

    @Test
    void counters_incremented_by_two_instances_at_once_add_up() throws Exception {
        int n = 150;
        List<Future<?>> done = new ArrayList<>();
        for (Stores instance : List.of(a, b)) {
            for (int t = 0; t < 3; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < n / 3; i++) {
                        Batch batch = new Batch();
                        instance.stats().increment(batch, "messages", T0, "sms");
                        instance.stats().increment(batch, "messages", T0, "all");
                        instance.commit(batch);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(a.stats().all()).extracting(StatsStore.Counter::dimension, StatsStore.Counter::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("all", 2L * n), org.assertj.core.groups.Tuple.tuple("sms", 2L * n));
    }

    @Test
    void one_message_sid_recorded_by_two_instances_at_once_is_committed_once() throws Exception {
        for (int round = 0; round < 20; round++) {
            String sid = "SMdup" + round;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Stores instance : List.of(a, b, a, b)) {
                results.add(threads.submit(() -> {
                    go.await();
                    Batch batch = new Batch();
                    String id = "c/" + Thread.currentThread().getId() + "-" + sid;
                    instance.messages().append(batch, new Message(id, "c", Message.Direction.IN, "citizen", "hei", T0, sid));
                    instance.inbound().record(batch, new InboundReceipt(sid, "c", id, List.of(), List.of(), T0));
                    try {
                        instance.commit(batch);
                        return true;
                    } catch (DuplicateKeyException e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int committed = 0;
            for (Future<Boolean> r : results) {
                committed += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(committed).as("round " + round).isEqualTo(1);
            String kept = b.inbound().find(sid).orElseThrow().messageId();
            assertThat(a.messages().ofConversation("c")).extracting(Message::providerSid).filteredOn(sid::equals).hasSize(1);
            assertThat(a.messages().find(kept)).isPresent();
        }
    }

    @Test
    void a_batch_repeating_a_key_in_a_group_is_refused_alone() throws Exception {
        a.commit(receipt("SM1", "c/1"));
        var first = a.committer().submit(receipt("SM2", "c/2"));
        var repeat = a.committer().submit(receipt("SM1", "c/3"));
        var third = a.committer().submit(receipt("SM3", "c/4"));
        first.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);
        assertThat(repeat).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(DuplicateKeyException.class);
        assertThat(b.inbound().messageSids()).containsExactly("SM1", "SM2", "SM3");
        assertThat(b.inbound().find("SM1").orElseThrow().messageId()).isEqualTo("c/1");
    }

    private Batch receipt(String sid, String messageId) {
        Batch batch = new Batch();
        a.inbound().record(batch, new InboundReceipt(sid, "c", messageId, List.of(), List.of(), T0));
        return batch;
    }

    @Test
    void a_lock_taken_on_one_instance_holds_off_the_other_until_let_go() throws Exception {
        ClusterLocks.Held held = a.locks().lock("conversation:c1");
        assertThat(b.locks().tryLock("conversation:c1")).isEmpty();
        assertThat(b.locks().tryLock("conversation:c2")).hasValueSatisfying(ClusterLocks.Held::close);
        Future<Instant> waiting = threads.submit(() -> {
            try (ClusterLocks.Held other = b.locks().lock("conversation:c1")) {
                return Instant.now();
            }
        });
        assertThat(waiting).isNotDone();
        Instant released = Instant.now();
        held.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isAfterOrEqualTo(released);
    }

    @Test
    void a_lock_whose_connection_dies_is_free_for_the_other_instance_and_its_holder_is_told() {
        ClusterLocks.Held held = a.locks().lock("job:retention");
        assertThat(b.locks().tryLock("job:retention")).isEmpty();
        server.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = "
                + (PostgresLocks.id("job:retention") & 0xffffffffL));
        java.util.concurrent.atomic.AtomicReference<ClusterLocks.Held> taken = new java.util.concurrent.atomic.AtomicReference<>();
        no.kontakt.testing.Await.until("the lock is free once its connection ended",
                () -> b.locks().tryLock("job:retention").map(h -> {
                    taken.set(h);
                    return true;
                }).orElse(false));
        assertThatThrownBy(held::close).isInstanceOf(StoreException.class).hasMessageContaining("was lost");
        taken.get().close();
    }

    @Test
    void two_instances_dispatching_one_outbox_send_each_item_once() throws Exception {
        Batch items = new Batch();
        for (int i = 0; i < 60; i++) {
            a.outbox().put(items, new OutboxItem(String.format("o%03d", i), "c", "c/" + i, "sms", "+4791234567", "tekst " + i, 0, T0,
                    OutboxItem.State.PENDING, T0));
        }
        a.commit(items);
        RecordingSender sentByA = new RecordingSender();
        RecordingSender sentByB = new RecordingSender();
        Clock clock = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);
        OutboxDispatcher onA = new OutboxDispatcher(a.deliveries(), a.outbox(), a.stats(), a, Map.of("sms", sentByA), clock, a.locks());
        OutboxDispatcher onB = new OutboxDispatcher(b.deliveries(), b.outbox(), b.stats(), b, Map.of("sms", sentByB), clock, b.locks());
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> byA = threads.submit(() -> {
            go.await();
            return onA.dispatchDue();
        });
        Future<Integer> byB = threads.submit(() -> {
            go.await();
            return onB.dispatchDue();
        });
        go.countDown();
        assertThat(byA.get(60, TimeUnit.SECONDS) + byB.get(60, TimeUnit.SECONDS)).isEqualTo(60);
        List<String> all = new ArrayList<>();
        sentByA.sent().forEach(m -> all.add(m.messageId()));
        sentByB.sent().forEach(m -> all.add(m.messageId()));
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
        assertThat(a.outbox().count()).isZero();
    }

    @Test
    void an_item_another_live_instance_is_sending_is_not_settled_but_a_dead_ones_is() {
        Batch items = new Batch();
        a.outbox().put(items, new OutboxItem("o1", "c", "c/1", "sms", "+4791234567", "tekst", 1, T0, OutboxItem.State.SENDING, T0));
        a.outbox().put(items, new OutboxItem("o2", "c", "c/2", "sms", "+4791234567", "tekst", 1, T0, OutboxItem.State.SENDING, T0));
        a.commit(items);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        OutboxDispatcher onB = new OutboxDispatcher(b.deliveries(), b.outbox(), b.stats(), b, Map.of("sms", new RecordingSender()), clock, b.locks());
        try (ClusterLocks.Held sendingOnA = a.locks().lock("outbox:o1")) {
            assertThat(onB.settleInterrupted()).isEqualTo(1);
            assertThat(b.outbox().find("o1")).isPresent();
            assertThat(b.outbox().find("o2")).isEmpty();
            assertThat(b.deliveries().find("c/2").orElseThrow().status()).isEqualTo("unknown");
        }
    }
}
