package no.kontakt.store.mapdb;

import no.kontakt.store.StoreException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.NavigableMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal under the MapDB file, crash by crash: the files are copied while a commit is in them and put back as a
 * kill would have left them (the commit journaled but not yet in the file, partly in the file, or its journal frame
 * torn), then the store is opened again.
 */
class JournaledVolumeTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(MapDbStorage.FILE_NAME);
    }

    private Path journal() {
        return dir.resolve(MapDbStorage.FILE_NAME + JournaledVolume.SUFFIX);
    }

    /** Commit A and close (checkpointed), then commit B and copy the files while B is only journaled and written. */
    private record Crash(byte[] fileBeforeB, byte[] fileAfterB, byte[] journalWithB) {}

    private Crash commitAThenB() throws Exception {
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            for (int i = 0; i < 300; i++) {
                t.put(String.format("a/%04d", i), ("value A " + i).repeat(1 + i % 7).getBytes());
            }
            storage.commit();
        }
        assertThat(Files.size(journal())).as("a clean close checkpoints").isZero();
        byte[] before = Files.readAllBytes(file());
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            for (int i = 0; i < 300; i += 2) {
                t.remove(String.format("a/%04d", i));
            }
            for (int i = 0; i < 500; i++) {
                t.put(String.format("b/%04d", i), ("value B " + i).repeat(1 + i % 11).getBytes());
            }
            storage.commit();
            storage.checkpoint(); // MapDB commits B through the journal (a commit alone goes to the commit log)
            assertThat(storage.journalFrames()).isEqualTo(1);
            return new Crash(before, Files.readAllBytes(file()), Files.readAllBytes(journal()));
        }
    }

    private void assertHoldsB() {
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            assertThat(t).hasSize(150 + 500);
            assertThat(t.get("a/0001")).isEqualTo(("value A 1").repeat(2).getBytes());
            assertThat(t.get("a/0002")).isNull();
            assertThat(t.get("b/0499")).isEqualTo(("value B 499").repeat(1 + 499 % 11).getBytes());
        }
        assertThat(journal()).as("replayed and checkpointed").isEmptyFile();
    }

    @Test
    void a_journaled_commit_none_of_whose_writes_reached_the_file_is_redone_at_open() throws Exception {
        Crash crash = commitAThenB();
        Files.write(file(), crash.fileBeforeB());
        Files.write(journal(), crash.journalWithB());
        assertHoldsB();
    }

    @Test
    void a_journaled_commit_partly_written_into_the_file_is_completed_at_open() throws Exception {
        Crash crash = commitAThenB();
        byte[] before = Arrays.copyOf(crash.fileBeforeB(), crash.fileAfterB().length);
        int length = crash.fileAfterB().length;
        for (int split : new int[] {16, 4096, length / 3, length / 2, length - 4096}) {
            // the first bytes as after B, the rest as before it: some of B's writes done, the others not
            byte[] mixed = before.clone();
            System.arraycopy(crash.fileAfterB(), 0, mixed, 0, split);
            Files.write(file(), mixed);
            Files.write(journal(), crash.journalWithB());
            assertHoldsB();
            // and the other way round: the header still old, later writes done
            mixed = crash.fileAfterB().clone();
            System.arraycopy(before, 0, mixed, 0, split);
            Files.write(file(), mixed);
            Files.write(journal(), crash.journalWithB());
            assertHoldsB();
        }
    }

    @Test
    void a_torn_journal_frame_is_a_commit_that_never_returned_and_is_dropped() throws Exception {
        Crash crash = commitAThenB();
        for (int cut : new int[] {3, 8, 20, crash.journalWithB().length / 2, crash.journalWithB().length - 1}) {
            Files.write(file(), crash.fileBeforeB());
            Files.write(journal(), Arrays.copyOf(crash.journalWithB(), cut));
            try (MapDbStorage storage = MapDbStorage.open(dir)) {
                NavigableMap<String, byte[]> t = storage.table("t");
                assertThat(t).hasSize(300);
                assertThat(t.get("a/0002")).isNotNull();
                assertThat(t.get("b/0000")).isNull();
                t.put("c", new byte[] {1});
                storage.commit();
            }
            try (MapDbStorage storage = MapDbStorage.open(dir)) {
                assertThat(storage.table("t")).hasSize(301);
            }
        }
    }

    @Test
    void a_frame_whose_bytes_changed_is_not_replayed() throws Exception {
        Crash crash = commitAThenB();
        byte[] flipped = crash.journalWithB().clone();
        flipped[flipped.length / 2] ^= 0x40;
        Files.write(file(), crash.fileBeforeB());
        Files.write(journal(), flipped);
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t")).hasSize(300);
        }
    }

    @Test
    void a_new_store_killed_before_its_first_commit_is_created_again() throws Exception {
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            storage.table("t").put("x", new byte[] {1});
            storage.commit();
        }
        // MapDB's creation and the first commit were held back into one frame: without it the file is empty
        Files.write(file(), new byte[0]);
        Files.write(journal(), new byte[0]);
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t")).isEmpty();
            storage.table("t").put("y", new byte[] {2});
            storage.commit();
        }
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t")).containsOnlyKeys("y");
        }
    }

    @Test
    void many_commits_checkpoint_the_journal_and_reopen_whole() {
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            byte[] big = new byte[20_000];
            for (int i = 0; i < 1200; i++) {
                Arrays.fill(big, (byte) i);
                t.put("k" + (i % 400), big);
                storage.commit();
                storage.checkpoint();
            }
            assertThat(storage.journalCheckpoints()).isPositive();
        }
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            assertThat(t).hasSize(400);
            byte[] expected = new byte[20_000];
            Arrays.fill(expected, (byte) 1199);
            assertThat(t.get("k" + (1199 % 400))).isEqualTo(expected);
        }
    }

    @Test
    void a_damaged_file_fails_with_a_clear_message() throws Exception {
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            storage.table("t").put("x", new byte[] {1});
            storage.commit();
        }
        byte[] bytes = Files.readAllBytes(file());
        Arrays.fill(bytes, 0, 64, (byte) 0x5A);
        Files.write(file(), bytes);
        assertThatThrownBy(() -> MapDbStorage.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not open")
                .hasMessageContaining("restore the data folder from a backup");
        // the lock was released: the folder can be opened again once repaired
        Files.copy(file(), dir.resolve("damaged.copy"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(file());
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t")).isEmpty();
        }
    }

    @Test
    void a_store_written_by_mapdb_alone_opens_and_its_leftover_write_ahead_log_is_removed() throws Exception {
        // as Kontakt opened the store before the journal, killed during a transaction (its log file left behind)
        org.mapdb.DB old = org.mapdb.DBMaker.fileDB(file().toFile()).transactionEnable().fileChannelEnable().make();
        var table = old.treeMap("t", org.mapdb.Serializer.STRING, org.mapdb.Serializer.BYTE_ARRAY).createOrOpen();
        table.put("x", new byte[] {7});
        old.commit();
        old.close();
        Path leftover = dir.resolve(MapDbStorage.FILE_NAME + ".wal.0");
        Files.write(leftover, new byte[64]);
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t").get("x")).containsExactly(7);
            storage.table("t").put("y", new byte[] {8});
            storage.commit();
        }
        assertThat(leftover).doesNotExist();
        try (MapDbStorage storage = MapDbStorage.open(dir)) {
            assertThat(storage.table("t")).containsOnlyKeys("x", "y");
        }
    }

    @Test
    void a_commit_that_cannot_be_written_stops_the_store_and_a_restart_recovers_every_acknowledged_one() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // files may not grow past 8 MiB in the child: a commit then fails as on a full disk
        Process child = new ProcessBuilder("/bin/bash", "-c", "ulimit -f 8192; exec \"$0\" -Xmx128m -cp \"$1\" \"$2\" \"$3\"",
                java, classPath, FullDisk.class.getName(), data.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isZero();
        assertThat(out).contains("open=false").contains("refused: the store stopped after a failed commit (").contains("restart Kontakt");
        int acknowledged = Integer.parseInt(out.replaceAll("(?s).*acknowledged=(\\d+).*", "$1"));
        assertThat(acknowledged).isPositive();
        try (MapDbStorage storage = MapDbStorage.open(data)) {
            NavigableMap<String, byte[]> t = storage.table("t");
            for (int i = 0; i < acknowledged; i++) {
                assertThat(t.get("k" + i)).as("acknowledged commit %d", i).hasSize(50_000);
            }
            // the failed commit may or may not be there (its frame may be whole), nothing after it is
            assertThat(t.size()).isBetween(acknowledged, acknowledged + 1);
        }
    }

    /** Commits 50 kB values until a commit fails, then tries once more: {@code FullDisk <dataDir>}. */
    public static final class FullDisk {
        public static void main(String[] args) {
            MapDbStorage storage = MapDbStorage.open(Path.of(args[0]));
            int i = 0;
            try {
                for (; i < 10_000; i++) {
                    storage.table("t").put("k" + i, new byte[50_000]);
                    storage.commit();
                }
            } catch (StoreException e) {
                System.out.println("acknowledged=" + i + " open=" + storage.isOpen());
            }
            try {
                storage.table("t").put("after", new byte[1]);
                storage.commit();
                System.out.println("accepted after the failure");
            } catch (StoreException e) {
                System.out.println("refused: " + e.getMessage());
            }
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
