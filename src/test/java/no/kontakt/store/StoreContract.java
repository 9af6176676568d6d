package no.kontakt.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} engine must do under the {@link Committer}: a failing update refused alone, updates of one key
 * in one group all counted. Run against memory and MapDB. What each storage role must do is in
 * {@code no.kontakt.store.contract.StorageContracts}.
 */
abstract class StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    protected Stores stores;

    protected abstract Storage openStorage();

    /** Closes and reopens the same storage where the implementation can (MapDB); otherwise keeps it. */
    protected abstract void reopen();

    @BeforeEach
    void open() {
        stores = new Stores(openStorage(), 64);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void a_failing_update_is_refused_alone_and_changes_nothing() {
        Batch good = new Batch();
        stores.conversations().save(good, Conversation.start("sms-good", "sms", "+4700000001", "nb", T0));
        Batch bad = new Batch();
        stores.conversations().save(bad, Conversation.start("sms-bad", "sms", "+4700000002", "nb", T0));
        bad.update("conversations", "x", current -> {
            throw new IllegalStateException("boom");
        });
        var badResult = stores.committer().submit(bad);
        var goodResult = stores.committer().submit(good);
        assertThat(goodResult).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(badResult).failsWithin(java.time.Duration.ofSeconds(10));
        reopen();
        assertThat(stores.conversations().find("sms-good")).isPresent();
        assertThat(stores.conversations().find("sms-bad")).isEmpty();
    }

    @Test
    void updates_of_one_key_in_many_batches_all_count_and_a_batch_sees_its_own_writes() {
        List<java.util.concurrent.CompletableFuture<Void>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Batch batch = new Batch();
            batch.update("stats", "counter", current -> String.valueOf(current == null ? 1 : Integer.parseInt(new String(current)) + 1).getBytes());
            pending.add(stores.committer().submit(batch));
        }
        Batch own = new Batch();
        own.put("stats", "other", "1".getBytes());
        own.remove("stats", "other");
        own.update("stats", "other", current -> current == null ? "absent".getBytes() : "present".getBytes());
        pending.add(stores.committer().submit(own));
        pending.forEach(java.util.concurrent.CompletableFuture::join);
        reopen();
        assertThat(new String(stores.storage().table("stats").get("counter"))).isEqualTo("50");
        assertThat(new String(stores.storage().table("stats").get("other"))).isEqualTo("absent");
    }
}
