package no.kontakt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The committer's answers to a database that gives a transaction up (run the group again, from its batches) and to a
 * key inserted twice found only at commit, as a unique key finds it (only that batch is refused).
 */
class CommitterTest {

    /** Storage in memory whose next commits fail as a database's would. */
    private static final class FailingStorage implements Storage {
        final InMemoryStorage memory = new InMemoryStorage();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();

        @Override
        public NavigableMap<String, byte[]> table(String name) {
            return memory.table(name);
        }

        /** Keys another instance committed meanwhile: unseen by reads here, refused by the unique key at commit. */
        final java.util.Set<String> takenElsewhere = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void insert(String table, String key, byte[] value) {
            if (takenElsewhere.contains(key)) {
                duplicate = true;
            }
            memory.table(table).put(key, value);
        }

        private boolean duplicate;

        @Override
        public void commit() {
            if (conflicts.getAndDecrement() > 0) {
                throw new StoreConflictException("deadlock detected", null);
            }
            if (duplicate) {
                throw new DuplicateKeyException("duplicate key value violates unique constraint", null);
            }
            commits.incrementAndGet();
            memory.commit();
        }

        @Override
        public void rollback() {
            duplicate = false;
            memory.rollback();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public SortedSet<String> tableNames() {
            return memory.tableNames();
        }

        @Override
        public void close() {
        }
    }

    private static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.UTF_8);
    }

    private static Batch increment() {
        return new Batch().update("t", "counter", v -> bytes(v == null ? 1 : Long.parseLong(new String(v, StandardCharsets.UTF_8)) + 1));
    }

    @Test
    void a_group_the_database_gives_up_runs_again_from_its_batches() {
        FailingStorage storage = new FailingStorage();
        storage.conflicts.set(Committer.ATTEMPTS - 1);
        try (Committer committer = new Committer(storage, 16)) {
            committer.commit(increment());
        }
        assertThat(new String(storage.table("t").get("counter"), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(storage.commits).hasValue(1);
    }

    @Test
    void a_group_given_up_every_time_fails_and_leaves_nothing() {
        FailingStorage storage = new FailingStorage();
        storage.conflicts.set(Committer.ATTEMPTS);
        try (Committer committer = new Committer(storage, 16)) {
            assertThatThrownBy(() -> committer.commit(increment())).isInstanceOf(StoreConflictException.class);
        }
        assertThat(storage.table("t").get("counter")).isNull();
    }

    @Test
    void a_key_found_twice_at_commit_refuses_only_its_batch() throws Exception {
        FailingStorage storage = new FailingStorage();
        storage.takenElsewhere.add("SM2");
        try (Committer committer = new Committer(storage, 16)) {
            var hold = new java.util.concurrent.CountDownLatch(1);
            var running = new java.util.concurrent.CountDownLatch(1);
            var held = new Thread(() -> committer.runBetweenCommits(() -> {
                running.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            held.start();
            running.await(); // the committer runs the task: what is submitted now waits, and goes in one group
            var first = committer.submit(new Batch().insert("inbound", "SM1", bytes(1)).put("messages", "m1", bytes(1)));
            var repeat = committer.submit(new Batch().insert("inbound", "SM2", bytes(2)).put("messages", "m2", bytes(2)));
            var third = committer.submit(new Batch().insert("inbound", "SM3", bytes(3)).put("messages", "m3", bytes(3)));
            hold.countDown();
            first.get(10, TimeUnit.SECONDS);
            third.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> repeat.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
            held.join();
        }
        assertThat(storage.table("messages").keySet()).containsExactly("m1", "m3");
        assertThat(storage.table("inbound").keySet()).containsExactly("SM1", "SM3");
    }
}
