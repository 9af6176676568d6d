package no.kontakt.store;

import no.kontakt.store.mapdb.MapDbStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.testing.Await;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store alone under SIGKILL: a forked JVM commits batches from four threads through the {@link Committer} as fast
 * as it can (so most kills land inside a commit) and prints each batch number once its commit returned; it is killed
 * at a random moment and the store is opened again, {@value #ROUNDS} times. Every acknowledged batch must be there,
 * byte for byte, and every value in the store must be whole (each carries its own length and pattern). Without the
 * journal (MapDB 3.1.0 alone) this failed within a few dozen rounds. {@code KONTAKT_STORE_KILL_ROUNDS} and
 * {@code KONTAKT_STORE_KILL_SEED} change the rounds and repeat a run's kill moments.
 */
@Tag("crash")
class StoreKillTest {
    static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("KONTAKT_STORE_KILL_ROUNDS", "30"));
    @TempDir
    Path dir;

    @Test
    void sigkill_during_heavy_commits_leaves_a_store_that_opens_with_every_acknowledged_batch() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        long seed = Long.parseLong(System.getenv().getOrDefault("KONTAKT_STORE_KILL_SEED", String.valueOf(System.nanoTime())));
        Random random = new Random(seed);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        long issuedBefore = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = new ProcessBuilder(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                    Writer.class.getName(), data.toString(), String.valueOf(issuedBefore))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("writer.log").toFile())).start();
            AtomicLong acks = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("ack ")) {
                            acknowledged.add(Long.parseLong(line.substring(4)));
                            acks.incrementAndGet();
                        }
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
            });
            reader.start();
            Await.until("the writer's first acknowledged batch", Duration.ofSeconds(30), () -> acks.get() > 0 || !child.isAlive());
            assertThat(child.isAlive()).as("the writer runs (see writer.log)").isTrue();
            Thread.sleep(50 + random.nextInt(600)); // the kill moment, at random: part of the scenario, not a wait
            child.destroyForcibly();
            child.waitFor();
            reader.join(10_000);
            issuedBefore = verify(data, acknowledged) + 1_000_000;
        }
        System.out.printf("store kill test: seed=%d rounds=%d acknowledged=%d%n", seed, ROUNDS, acknowledged.size());
        assertThat(acknowledged.size()).isGreaterThan(ROUNDS * 20);
    }

    /** Opens the store, checks it, closes it; returns the highest batch number found. */
    private static long verify(Path data, Set<Long> acknowledged) {
        return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (MapDbStorage storage = MapDbStorage.open(data)) {
                long max = 0;
                for (String table : List.of("keep", "churn", "counters")) {
                    long n = 0;
                    for (Map.Entry<String, byte[]> e : storage.table(table).entrySet()) {
                        long seq = check(e.getKey(), e.getValue());
                        max = Math.max(max, seq);
                        assertThat(++n).as("entries of %s (a loop in the tree?)", table).isLessThan(10_000_000);
                    }
                }
                var keep = storage.table("keep");
                for (long seq : acknowledged) {
                    byte[] value = keep.get(key(seq));
                    assertThat(value).as("acknowledged batch %d", seq).isNotNull();
                    assertThat(check(key(seq), value)).isEqualTo(seq);
                }
                return max;
            }
        });
    }

    static String key(long seq) {
        return String.format("k/%012d", seq);
    }

    /** A value that knows its key, its batch and its length, so a torn or misplaced record shows. */
    static byte[] value(String key, long seq, int length) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(length, 24));
        b.putLong(seq).putInt(b.capacity()).putInt(key.hashCode());
        Random pattern = new Random(seq * 31 + key.hashCode());
        while (b.remaining() >= 4) {
            b.putInt(pattern.nextInt());
        }
        return b.array();
    }

    private static long check(String key, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        long seq = b.getLong();
        assertThat(b.getInt()).as("length of %s", key).isEqualTo(value.length);
        assertThat(value).as("content of %s", key).isEqualTo(value(key, seq, value.length));
        return seq;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The forked writer: {@code Writer <dataDir> <firstSeq>}. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            AtomicLong seq = new AtomicLong(Long.parseLong(args[1]));
            MapDbStorage storage = MapDbStorage.open(data);
            Committer committer = new Committer(storage, 512);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    Random random = new Random(thread * 7919L + System.nanoTime());
                    while (true) {
                        long n = seq.incrementAndGet();
                        Batch batch = new Batch();
                        batch.put("keep", key(n), value(key(n), n, 40 + random.nextInt(random.nextInt(8) == 0 ? 9000 : 600)));
                        for (int i = 0; i < 10; i++) {
                            String churn = "c/" + random.nextInt(5000);
                            if (random.nextInt(3) == 0) {
                                batch.remove("churn", churn);
                            } else {
                                batch.put("churn", churn, value(churn, n, 24 + random.nextInt(2000)));
                            }
                        }
                        String counter = "n/" + thread;
                        batch.update("counters", counter, current -> value(counter, n, 32));
                        committer.commit(batch);
                        synchronized (System.out) {
                            System.out.println("ack " + n);
                            System.out.flush();
                        }
                    }
                });
                writer.start();
                threads.add(writer);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
