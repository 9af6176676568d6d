package no.kontakt.store;

class InMemoryStoreTest extends StoreContract {
    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected void reopen() {
        // memory has nothing to reopen; the contract still holds for reads after commit
    }
}
