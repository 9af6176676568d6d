package no.kontakt.store.contract;

import java.time.Instant;
import java.util.function.Consumer;
import no.kontakt.store.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The frame of every role contract: a fresh backend per test, a commit helper, and a restart between write and read. */
abstract class RoleContract {
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private Backend backend;
    protected Roles roles;

    /** A new backend on empty storage. */
    protected abstract Backend newBackend();

    @BeforeEach
    void openBackend() {
        backend = newBackend();
        roles = backend.open();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** Stages the writes into one batch and commits it. */
    protected void commit(Consumer<Batch> writes) {
        Batch batch = new Batch();
        writes.accept(batch);
        roles.unitOfWork().commit(batch);
    }

    /** Restarts: what is read afterwards comes from the storage, not from a cache. */
    protected void restart() {
        roles = backend.reopen();
    }
}
