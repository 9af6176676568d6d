package no.kontakt.store.contract;

import no.kontakt.store.InMemoryStorage;

/** Every role contract on the in-memory storage (tests, {@code chat}). */
class InMemoryContractsTest extends StorageContracts {
    @Override
    protected Backend backend() {
        return new StoresBackend(InMemoryStorage::new, false, () -> { });
    }
}
