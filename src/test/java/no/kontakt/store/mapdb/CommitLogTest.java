package no.kontakt.store.mapdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit point of the MapDB store: a commit is one record in the commit log, MapDB commits at checkpoints. A kill is
 * simulated by copying the data folder's files while the store is open (what the disk holds at that moment).
 */
class CommitLogTest {
    @TempDir
    Path dir;

    private Path log(Path folder) {
        return folder.resolve(MapDbStorage.FILE_NAME + CommitLog.SUFFIX);
    }

    /** The store's three files as a kill at this moment leaves them, in a new folder. */
    private Path killedCopy(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        for (String suffix : new String[] {"", JournaledVolume.SUFFIX, CommitLog.SUFFIX}) {
            Path from = dir.resolve("data").resolve(MapDbStorage.FILE_NAME + suffix);
            Files.write(copy.resolve(MapDbStorage.FILE_NAME + suffix), Files.readAllBytes(from));
        }
        return copy;
    }

    @Test
    void a_commit_is_one_log_record_and_a_kill_before_any_checkpoint_keeps_every_commit() throws Exception {
        Path data = dir.resolve("data");
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            storage.table("empty");
            long framesAtOpen = storage.journalFrames();
            for (int i = 0; i < 50; i++) {
                t.put(String.format("k%03d", i), ("value " + i).getBytes());
                if (i % 3 == 0) {
                    t.remove(String.format("k%03d", i / 2));
                }
                storage.commit();
            }
            t.put("uncommitted", new byte[] {1});
            assertThat(storage.logCommits()).isEqualTo(50);
            assertThat(storage.logCheckpoints()).isZero();
            assertThat(storage.journalFrames()).as("MapDB has not committed since the open").isEqualTo(framesAtOpen);
            assertThat(Files.size(log(data))).isPositive();
            Path killed = killedCopy("killed");
            try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                assertThat(reopened.tableNames()).contains("t", "empty");
                var expected = withoutUncommitted(t);
                assertThat(reopened.table("t").keySet()).containsExactlyElementsOf(expected.keySet());
                expected.forEach((k, v) -> assertThat(reopened.table("t").get(k)).as(k).isEqualTo(v));
                assertThat(reopened.table("t")).doesNotContainKey("uncommitted");
            }
            assertThat(log(killed)).as("replayed and checkpointed").isEmptyFile();
        }
    }

    private static NavigableMap<String, byte[]> withoutUncommitted(NavigableMap<String, byte[]> t) {
        var copy = new java.util.TreeMap<String, byte[]>(t);
        copy.remove("uncommitted");
        return copy;
    }

    @Test
    void a_torn_last_record_was_never_acknowledged_and_is_dropped() throws Exception {
        Path data = dir.resolve("data");
        long before;
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            storage.table("t").put("a", new byte[] {1});
            storage.commit();
            before = Files.size(log(data));
            storage.table("t").put("b", new byte[100]);
            storage.commit();
            long after = Files.size(log(data));
            for (long cut = before + 1; cut < after; cut += 17) {
                Path killed = killedCopy("torn" + cut);
                byte[] bytes = Files.readAllBytes(log(killed));
                Files.write(log(killed), Arrays.copyOf(bytes, (int) cut));
                try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                    assertThat(reopened.table("t")).containsOnlyKeys("a");
                    reopened.table("t").put("c", new byte[] {3});
                    reopened.commit();
                }
                try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                    assertThat(reopened.table("t")).containsOnlyKeys("a", "c");
                }
            }
        }
    }

    @Test
    void a_record_whose_bytes_changed_ends_the_log() throws Exception {
        Path data = dir.resolve("data");
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            storage.table("t").put("a", new byte[] {1});
            storage.commit();
            long first = Files.size(log(data));
            storage.table("t").put("b", new byte[] {2});
            storage.commit();
            Path killed = killedCopy("flipped");
            byte[] bytes = Files.readAllBytes(log(killed));
            bytes[(int) first + 20] ^= 1;
            Files.write(log(killed), bytes);
            try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                assertThat(reopened.table("t")).containsOnlyKeys("a");
            }
        }
    }

    @Test
    void a_kill_after_the_checkpoint_committed_mapdb_but_before_the_log_was_emptied_replays_to_the_same_state() throws Exception {
        Path data = dir.resolve("data");
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            t.put("x", new byte[] {1});
            t.put("y", new byte[] {1});
            storage.commit();
            t.put("x", new byte[] {2});
            t.remove("y");
            t.put("z", new byte[] {3});
            storage.commit();
            byte[] logBeforeCheckpoint = Files.readAllBytes(log(data));
            storage.checkpoint();
            assertThat(log(data)).isEmptyFile();
            Path killed = killedCopy("between");
            Files.write(log(killed), logBeforeCheckpoint);
            try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                assertThat(reopened.table("t")).containsOnlyKeys("x", "z");
                assertThat(reopened.table("t").get("x")).containsExactly(2);
            }
        }
    }

    @Test
    void rollback_keeps_the_commits_since_the_checkpoint_and_drops_the_rest() {
        try (MapDbStorage storage = MapDbStorage.open(dir.resolve("data"))) {
            NavigableMap<String, byte[]> t = storage.table("t");
            t.put("a", new byte[] {1});
            storage.commit();
            storage.checkpoint();
            t.put("b", new byte[] {2});
            t.remove("a");
            storage.commit();
            t.put("c", new byte[] {3});
            t.remove("b");
            storage.table("new").put("n", new byte[] {4});
            storage.rollback();
            assertThat(storage.table("t")).containsOnlyKeys("b");
            assertThat(storage.table("new")).isEmpty();
            storage.rollback(); // nothing to undo
            assertThat(storage.table("t")).containsOnlyKeys("b");
            storage.table("t").put("d", new byte[] {5});
            storage.commit();
        }
        try (MapDbStorage storage = MapDbStorage.open(dir.resolve("data"))) {
            assertThat(storage.table("t")).containsOnlyKeys("b", "d");
        }
    }

    @Test
    void the_log_is_checkpointed_when_it_grows_and_the_store_reopens_whole() throws Exception {
        Path data = dir.resolve("data");
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            byte[] big = new byte[20_000];
            for (int i = 0; i < 600; i++) {
                Arrays.fill(big, (byte) i);
                t.put("k" + (i % 100), big);
                storage.commit();
            }
            assertThat(storage.logCheckpoints()).isPositive();
            assertThat(Files.size(log(data))).isLessThan(MapDbStorage.CHECKPOINT_BYTES);
            Path killed = killedCopy("grown");
            try (MapDbStorage reopened = MapDbStorage.open(killed)) {
                byte[] expected = new byte[20_000];
                Arrays.fill(expected, (byte) 599);
                assertThat(reopened.table("t")).hasSize(100);
                assertThat(reopened.table("t").get("k99")).isEqualTo(expected);
            }
        }
    }
}
