package no.kontakt.store.contract;

import java.util.function.Supplier;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;

/** A backend of {@link Stores} over a {@link Storage} engine: MapDB on a file, or memory. */
final class StoresBackend implements Backend {
    private final Supplier<Storage> storage;
    private final boolean reopens;
    private final Runnable cleanup;
    private Stores stores;

    /** @param reopens whether {@code storage} opens the same data again (a file), so {@link #reopen} really reopens */
    StoresBackend(Supplier<Storage> storage, boolean reopens, Runnable cleanup) {
        this.storage = storage;
        this.reopens = reopens;
        this.cleanup = cleanup;
    }

    @Override
    public Roles open() {
        stores = new Stores(storage.get(), 64, java.time.ZoneId.of("Europe/Oslo"));
        return Roles.of(stores);
    }

    @Override
    public Roles reopen() {
        if (!reopens) {
            return Roles.of(stores);
        }
        stores.close();
        return open();
    }

    @Override
    public void close() {
        if (stores != null) {
            stores.close();
        }
        cleanup.run();
    }
}
