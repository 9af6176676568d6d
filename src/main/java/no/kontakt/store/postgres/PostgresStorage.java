package no.kontakt.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import no.kontakt.store.DuplicateKeyException;
import no.kontakt.store.Storage;
import no.kontakt.store.StoreConflictException;
import no.kontakt.store.StoreException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} in PostgreSQL: every table of the store is rows of one table {@code kv(tbl, k, v)} (created by the
 * Flyway migrations in {@code db/migration}, run at open), values as the same sealed JSON as in MapDB.
 *
 * <p>Writes are kept in memory until {@link #commit()}, which sends them as one JDBC batch on a connection kept for
 * writing and commits that one transaction; {@link #rollback()} forgets them. Reads come from the pool and see committed
 * data only, except on the thread whose transaction is open (the committer, or start-up code that writes and reads),
 * which reads on the write connection and so sees its own writes.
 */
public final class PostgresStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(PostgresStorage.class);
    static final byte[] REMOVED = new byte[0];

    private static final String UPSERT = "insert into kv (tbl, k, v) values (?, ?, ?) on conflict (tbl, k) do update set v = excluded.v";
    private static final String DELETE = "delete from kv where tbl = ? and k = ?";
    /** A plain insert: the primary key refuses a key that exists (SQLState 23505), failing the whole transaction. */
    private static final String INSERT = "insert into kv (tbl, k, v) values (?, ?, ?)";
    private static final String SELECT_FOR_UPDATE = "select v from kv where tbl = ? and k = ? for update";

    private final HikariDataSource pool;
    private final HikariConfig config;
    private final String where;
    private PostgresLocks locks;
    private int lockConnections = Pools.DEFAULT.locks();
    private Connection writer;
    /** Writes not yet sent, by table, then key; {@link #REMOVED} for a removal. */
    private final Map<String, Map<String, byte[]>> pending = new HashMap<>();
    /** The pending keys written by {@link #insert}, by table: sent as plain inserts. */
    private final Map<String, java.util.Set<String>> inserts = new HashMap<>();
    /** The thread whose transaction is open (writes pending or sent, not committed); null when none is. */
    private volatile Thread owner;
    private boolean sent;
    private volatile boolean open = true;
    private final Map<String, SqlTable> tables = new java.util.concurrent.ConcurrentHashMap<>();

    private PostgresStorage(HikariDataSource pool, HikariConfig config, Connection writer, String where) {
        this.pool = pool;
        this.config = config;
        this.writer = writer;
        this.where = where;
    }

    /**
     * Connects to the database at {@code url} (a {@code jdbc:postgresql://} URL), brings its schema up to date and
     * keeps a pool of connections; fails with a message naming the setting to check.
     */
    public static PostgresStorage open(String url, String user, String password) {
        return open(url, user, password, Pools.DEFAULT);
    }

    /**
     * Connections one instance may open: {@code store} for reads and the one write connection, {@code locks} for the
     * advisory locks held by steps, sends and jobs at once (more wait for one). One more listens for notices.
     */
    public record Pools(int store, int locks) {
        public static final Pools DEFAULT = new Pools(10, 24);

        public Pools {
            if (store < 2 || store > 1000 || locks < 1 || locks > 1000) {
                throw new StoreException("KONTAKT_DATABASE_POOL_SIZE must be 2 to 1000 and KONTAKT_DATABASE_LOCK_CONNECTIONS 1 to 1000, not "
                        + store + " and " + locks);
            }
        }

        public int total() {
            return store + locks + 1;
        }
    }

    /** As {@link #open(String, String, String)}, with the pool sizes given. */
    public static PostgresStorage open(String url, String user, String password, Pools pools) {
        String where = withoutQuery(url);
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("KONTAKT_DATABASE_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/kontakt, not " + where);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("kontakt-store");
        config.setMaximumPoolSize(pools.store());
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + where + " as " + user + " (" + reason(e)
                    + "); check KONTAKT_DATABASE_URL, KONTAKT_DATABASE_USER and KONTAKT_DATABASE_PASSWORD", e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("store schema migrated migrations={} version={}", result.migrationsExecuted, result.targetSchemaVersion);
            }
            Connection writer = pool.getConnection();
            writer.setAutoCommit(false);
            log.info("store opened database={}", where);
            PostgresStorage storage = new PostgresStorage(pool, config, writer, where);
            storage.lockConnections = pools.locks();
            return storage;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot open the store in PostgreSQL at " + where + ": " + reason(e), e);
        }
    }

    /** The pool (and the settings it connects with), for the signals between instances. */
    public HikariDataSource dataSource() {
        return pool;
    }

    /** The URL without its query (which may carry a password). */
    static String withoutQuery(String url) {
        if (url == null) {
            return "(unset)";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    @Override
    public NavigableMap<String, byte[]> table(String name) {
        checkOpen();
        return tables.computeIfAbsent(name, n -> new SqlTable(this, n, null, false, null, false));
    }

    /** A query run on the write connection by the thread whose transaction is open, else on a pooled connection. */
    <T> T read(SqlFunction<T> query) {
        checkOpen();
        try {
            if (Thread.currentThread() == owner) {
                synchronized (this) {
                    send();
                    return query.apply(writer);
                }
            }
            try (Connection c = pool.getConnection()) {
                return query.apply(c);
            }
        } catch (SQLException e) {
            throw failure("cannot read the store in PostgreSQL at " + where, e);
        }
    }

    /**
     * The failure as the committer needs it: a duplicate key refuses one batch ({@link DuplicateKeyException}); a deadlock,
     * a serialization failure or a lost connection may pass when run again ({@link StoreConflictException}).
     */
    static StoreException failure(String what, SQLException e) {
        String state = sqlState(e);
        String message = what + " (" + reason(e) + ")";
        if ("23505".equals(state)) {
            return new DuplicateKeyException(reason(e), e);
        }
        if (state != null && (state.equals("40P01") || state.equals("40001") || state.startsWith("08") || state.equals("57P01"))) {
            return new StoreConflictException(message, e);
        }
        return new StoreException(message, e);
    }

    /** The SQLState of the error, looking into a batch's next exceptions and causes (null when none has one). */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException q ? q : null; s != null; s = s.getNextException()) {
                if (s.getSQLState() != null && !s.getSQLState().isEmpty() && !s.getSQLState().equals("00000")) {
                    return s.getSQLState();
                }
                if (s.getNextException() == s) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * The value, its row locked on the write connection until this transaction ends; waits while another instance holds
     * it (outside this object's monitor: other threads' reads do not wait meanwhile; only the owner uses the connection).
     */
    @Override
    public byte[] readForUpdate(String table, String key) {
        synchronized (this) {
            checkOpen();
            owner = Thread.currentThread();
            Map<String, byte[]> writes = pending.get(table);
            byte[] written = writes == null ? null : writes.get(key);
            if (written != null) {
                return written == REMOVED ? null : written;
            }
            try {
                send();
            } catch (SQLException e) {
                throw failure("cannot write the store in PostgreSQL at " + where, e);
            }
            sent = true; // the transaction is open: the rows read stay locked until commit or rollback
        }
        try {
            byte[] value = selectForUpdate(table, key);
            if (value != null) {
                return value;
            }
            // no row to lock: a lock on the key itself, for this transaction, orders the instances that would create it
            try (PreparedStatement lock = writer.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, table.hashCode());
                lock.setInt(2, key.hashCode());
                lock.execute();
            }
            return selectForUpdate(table, key);
        } catch (SQLException e) {
            throw failure("cannot read the store in PostgreSQL at " + where, e);
        }
    }

    private byte[] selectForUpdate(String table, String key) throws SQLException {
        try (PreparedStatement s = writer.prepareStatement(SELECT_FOR_UPDATE)) {
            s.setString(1, table);
            s.setString(2, key);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Override
    public synchronized void insert(String table, String key, byte[] value) {
        write(table, key, value);
        inserts.computeIfAbsent(table, t -> new java.util.HashSet<>()).add(key);
    }

    /** Advisory locks of this database, on a small pool of their own (made at the first call; closed with the storage). */
    @Override
    public synchronized no.kontakt.store.ClusterLocks clusterLocks() {
        checkOpen();
        if (locks == null) {
            locks = PostgresLocks.open(config, where, lockConnections);
        }
        return locks;
    }

    /** The pending write of the key, when the calling thread's open transaction has one (else null). */
    byte[] pendingWrite(String table, String key) {
        if (Thread.currentThread() != owner) {
            return null; // not the writing thread: no need to wait for the monitor it may hold
        }
        synchronized (this) {
            Map<String, byte[]> writes = pending.get(table);
            return writes == null ? null : writes.get(key);
        }
    }

    synchronized void write(String table, String key, byte[] value) {
        checkOpen();
        owner = Thread.currentThread();
        pending.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, value == null ? REMOVED : value);
        if (value == null && inserts.containsKey(table)) {
            inserts.get(table).remove(key);
        }
    }

    /** Sends the pending writes on the write connection, inside its transaction. */
    private void send() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = writer.prepareStatement(UPSERT); PreparedStatement delete = writer.prepareStatement(DELETE);
                PreparedStatement insert = writer.prepareStatement(INSERT)) {
            int puts = 0;
            int removes = 0;
            int inserted = 0;
            for (var table : pending.entrySet()) {
                java.util.Set<String> insertKeys = inserts.getOrDefault(table.getKey(), java.util.Set.of());
                for (var write : table.getValue().entrySet()) {
                    if (write.getValue() != REMOVED && insertKeys.contains(write.getKey())) {
                        insert.setString(1, table.getKey());
                        insert.setString(2, write.getKey());
                        insert.setBytes(3, write.getValue());
                        insert.addBatch();
                        inserted++;
                    } else if (write.getValue() == REMOVED) {
                        delete.setString(1, table.getKey());
                        delete.setString(2, write.getKey());
                        delete.addBatch();
                        removes++;
                    } else {
                        upsert.setString(1, table.getKey());
                        upsert.setString(2, write.getKey());
                        upsert.setBytes(3, write.getValue());
                        upsert.addBatch();
                        puts++;
                    }
                }
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
            if (puts > 0) {
                upsert.executeBatch();
            }
            if (removes > 0) {
                delete.executeBatch();
            }
        }
        pending.clear();
        inserts.clear();
        sent = true;
    }

    @Override
    public synchronized void commit() {
        checkOpen();
        if (pending.isEmpty() && !sent) {
            owner = null;
            return;
        }
        try {
            send();
            writer.commit();
            sent = false;
            owner = null;
        } catch (SQLException e) {
            throw failure("the store could not commit in PostgreSQL at " + where, e);
        }
    }

    @Override
    public synchronized void rollback() {
        pending.clear();
        inserts.clear();
        sent = false;
        owner = null;
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.warn("store rollback failed, taking a new write connection: {}", reason(e));
            replaceWriter();
        }
    }

    /** A write connection that failed is given back to the pool to be closed, and a fresh one taken. */
    private void replaceWriter() {
        try {
            pool.evictConnection(writer);
            writer = pool.getConnection();
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("cannot reconnect to PostgreSQL at " + where + ": " + reason(e), e);
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new StoreException("the store is closed");
        }
    }

    @Override
    public java.util.SortedSet<String> tableNames() {
        return read(c -> {
            java.util.SortedSet<String> names = new java.util.TreeSet<>(tables.keySet());
            try (var s = c.createStatement(); var rs = s.executeQuery("select distinct tbl from kv")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Override
    public boolean isOpen() {
        return open && pool.isRunning();
    }

    /** Where the store is (the URL without its query), for messages and tools. */
    public String where() {
        return where;
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (!pending.isEmpty() || sent) {
                writer.rollback();
            }
            writer.close();
        } catch (SQLException e) {
            log.warn("store write connection did not close cleanly: {}", reason(e));
        }
        if (locks != null) {
            locks.close();
        }
        pool.close();
        log.info("store closed database={}", where);
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
