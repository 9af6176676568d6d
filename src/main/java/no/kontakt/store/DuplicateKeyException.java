package no.kontakt.store;

/**
 * A batch inserted a key that already exists (a provider message id recorded by another step, perhaps on another
 * instance): the batch is refused alone and nothing of it is written.
 */
public final class DuplicateKeyException extends StoreException {
    private final String table;
    private final String key;

    public DuplicateKeyException(String table, String key, Throwable cause) {
        super("the key " + key + " of the table " + table + " exists already", cause);
        this.table = table;
        this.key = key;
    }

    /** A key the database refused as a duplicate, its words in {@code detail}. */
    public DuplicateKeyException(String detail, Throwable cause) {
        super("a key inserted exists already: " + detail, cause);
        this.table = null;
        this.key = null;
    }

    /** The table of the key; null when only the database's message says which key it was. */
    public String table() {
        return table;
    }

    public String key() {
        return key;
    }
}
