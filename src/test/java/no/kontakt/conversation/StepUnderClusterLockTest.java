package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import no.kontakt.Kontakt;
import no.kontakt.channel.InboundMessage;
import no.kontakt.store.ClusterLocks;
import no.kontakt.store.StoreException;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step runs under its conversation's lock that every instance respects, and fails when that lock turns out lost. */
class StepUnderClusterLockTest {
    @TempDir
    Path data;

    /** Locks that record what was taken, and can be told the next lock's connection died while it was held. */
    private static final class RecordingLocks implements ClusterLocks {
        final List<String> held = new CopyOnWriteArrayList<>();
        final List<String> taken = new CopyOnWriteArrayList<>();
        final AtomicBoolean loseNext = new AtomicBoolean();

        @Override
        public Held lock(String key) {
            taken.add(key);
            held.add(key);
            boolean lost = loseNext.getAndSet(false);
            return () -> {
                held.remove(key);
                if (lost) {
                    throw new StoreException("the lock " + key + " was lost before its work ended (its database connection closed)");
                }
            };
        }

        @Override
        public Optional<Held> tryLock(String key) {
            return Optional.of(lock(key));
        }

        @Override
        public boolean shared() {
            return true;
        }
    }

    @Test
    void the_step_commits_under_the_conversation_lock_and_fails_when_the_lock_was_lost() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        var env = TestKontakt.env(data);
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), "nb"))) {
            RecordingLocks locks = new RecordingLocks();
            kontakt.conversations().useLocks(locks);
            String id = kontakt.conversations().conversationId("sms", "+4791234567");
            List<List<String>> heldAtCommit = new CopyOnWriteArrayList<>();
            kontakt.conversations().listen((conversationId, events) -> heldAtCommit.add(List.copyOf(locks.held)));

            kontakt.conversations().receive(new InboundMessage("sms", "SM1", "+4791234567", "+4759440000", "hei", 0, clock.instant()));
            assertThat(locks.taken).containsExactly("conversation:" + id);
            assertThat(heldAtCommit).containsExactly(List.of("conversation:" + id));
            assertThat(locks.held).isEmpty();

            locks.loseNext.set(true);
            InboundMessage second = new InboundMessage("sms", "SM2", "+4791234567", "+4759440000", "1", 0, clock.instant());
            assertThatThrownBy(() -> kontakt.conversations().receive(second)).isInstanceOf(StoreException.class).hasMessageContaining("was lost");
            // the sender retries: the step's commit stands, and the retry is answered from it
            Reply retried = kontakt.conversations().receive(second);
            assertThat(retried.duplicate()).isTrue();
            assertThat(kontakt.stores().inbound().find("SM2")).isPresent();
        }
    }
}
