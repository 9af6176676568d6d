package no.kontakt.store;

import no.kontakt.store.mapdb.MapDbStorage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage openStorage() {
        return MapDbStorage.open(dir);
    }

    @Override
    protected void reopen() {
        stores.close();
        stores = new Stores(openStorage(), 64);
    }

    @Test
    void a_second_process_cannot_open_the_same_store() {
        assertThatThrownBy(() -> MapDbStorage.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is in use by another Kontakt process");
    }

    @Test
    void concurrent_batches_share_commits() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Batch batch = new Batch();
            stores.conversations().save(batch, Conversation.start("sms-" + i, "sms", "+47" + i, "nb", Instant.EPOCH));
            pending.add(stores.committer().submit(batch));
        }
        pending.forEach(CompletableFuture::join);
        assertThat(stores.committer().batches()).isEqualTo(2_000);
        assertThat(stores.committer().commits()).isLessThan(2_000);
        reopen();
        assertThat(stores.conversations().count()).isEqualTo(2_000);
    }
}
