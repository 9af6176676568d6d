package no.kontakt.store;

/** The commit role: makes a {@link Batch} of role writes durable, all or nothing, and returns once it is. */
public interface UnitOfWork {
    /** Makes the batch durable; throws {@link StoreException} when it is not. An empty batch returns at once. */
    void commit(Batch batch);
}
