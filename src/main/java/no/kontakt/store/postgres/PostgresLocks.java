package no.kontakt.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import no.kontakt.store.ClusterLocks;
import no.kontakt.store.InProcessLocks;
import no.kontakt.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterLocks} as PostgreSQL session advisory locks ({@code pg_advisory_lock} on a stable 64-bit hash of the
 * key), each held on a connection of a small pool of its own, so a lock ends with its instance's connection. The lock of
 * this process is taken first: one thread per key waits in the database, and the lock is re-entrant for its thread. A
 * lock waits at most {@link #LOCK_TIMEOUT} before it fails.
 */
final class PostgresLocks implements ClusterLocks {
    private static final Logger log = LoggerFactory.getLogger(PostgresLocks.class);
    static final String LOCK_TIMEOUT = "30s";

    private final HikariDataSource pool;
    private final String where;
    private final InProcessLocks local = new InProcessLocks();

    private PostgresLocks(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** Locks held at once by one instance are at most {@code connections} (a step each, an outbox send, a job); more wait for a connection. */
    static PostgresLocks open(HikariConfig store, String where, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(store.getJdbcUrl());
        config.setUsername(store.getUsername());
        config.setPassword(store.getPassword());
        config.setPoolName("kontakt-locks");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setConnectionInitSql("set lock_timeout = '" + LOCK_TIMEOUT + "'");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new PostgresLocks(new HikariDataSource(config), where);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + where + " for locks: " + PostgresStorage.reason(e), e);
        }
    }

    /** The advisory lock id of a key: the first 8 bytes of its SHA-256, the same in every instance and version. */
    static long id(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (hash[i] & 0xff);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Held lock(String key) {
        Held mine = local.lock(key);
        if (local.holds(key) > 1) {
            return mine; // re-entered: this thread holds the database's lock already
        }
        return inDatabase(key, mine, "pg_advisory_lock").orElseThrow();
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Optional<Held> mine = local.tryLock(key);
        if (mine.isEmpty() || local.holds(key) > 1) {
            return mine;
        }
        return inDatabase(key, mine.get(), "pg_try_advisory_lock");
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Takes the database's lock with {@code function} on a connection of the pool; empty when a try found it taken. */
    private Optional<Held> inDatabase(String key, Held mine, String function) {
        long id = id(key);
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(true);
            boolean taken;
            try (PreparedStatement s = connection.prepareStatement("select " + function + "(?)::text")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    taken = !"false".equals(rs.getString(1));
                }
            }
            if (!taken) {
                connection.close();
                mine.close();
                return Optional.empty();
            }
            return Optional.of(new DatabaseHeld(key, id, connection, mine));
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                pool.evictConnection(connection);
            }
            mine.close();
            throw new StoreException("cannot take the lock " + key + " in PostgreSQL at " + where + ": " + PostgresStorage.reason(e), e);
        }
    }

    private final class DatabaseHeld implements Held {
        private final String key;
        private final long id;
        private final Connection connection;
        private final Held mine;
        private boolean closed;

        DatabaseHeld(String key, long id, Connection connection, Held mine) {
            this.key = key;
            this.id = id;
            this.connection = connection;
            this.mine = mine;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            boolean released = false;
            try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    released = rs.next() && rs.getBoolean(1);
                }
                connection.close();
            } catch (SQLException e) {
                log.warn("lock connection failed while unlocking lock={}: {}", key, PostgresStorage.reason(e));
                pool.evictConnection(connection);
            } finally {
                mine.close();
            }
            if (!released) {
                throw new StoreException("the lock " + key + " was lost before its work ended (its database connection closed)");
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
