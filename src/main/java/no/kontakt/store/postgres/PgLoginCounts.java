package no.kontakt.store.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import no.kontakt.store.LoginCounts;
import no.kontakt.store.StoreException;

/**
 * {@link LoginCounts} in the table {@code login_counts}, shared by every instance: an update locks the keys' rows
 * ({@code SELECT … FOR UPDATE}, in key order so two updates never wait on each other), changes them and commits in one
 * transaction. Keys are kept as their SHA-256, so the table names no account and no address.
 */
public final class PgLoginCounts implements LoginCounts {
    private final DataSource pool;

    public PgLoginCounts(DataSource pool) {
        this.pool = pool;
    }

    /** The counts in the database of {@code storage}. */
    public static PgLoginCounts on(PostgresStorage storage) {
        return new PgLoginCounts(storage.dataSource());
    }

    @Override
    public <T> T update(List<String> keys, Function<Map<String, Count>, T> change) {
        Map<String, String> hashed = new TreeMap<>(); // hash → key, in hash order: the order rows are locked in
        keys.forEach(k -> hashed.put(hash(k), k));
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = update(c, hashed, change);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count failed logins in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static <T> T update(Connection c, Map<String, String> hashed, Function<Map<String, Count>, T> change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into login_counts (k, failures, last_at, not_before) values (?, 0, ?, ?) on conflict (k) do nothing")) {
            for (String h : hashed.keySet()) {
                insert.setString(1, h);
                insert.setTimestamp(2, Timestamp.from(Instant.EPOCH));
                insert.setTimestamp(3, Timestamp.from(Instant.EPOCH));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Count> counts = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select k, failures, last_at, not_before from login_counts where k = any (?) order by k for update")) {
            select.setArray(1, c.createArrayOf("text", hashed.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Count count = new Count(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
                    if (!count.equals(Count.NONE)) {
                        counts.put(hashed.get(rs.getString(1)), count);
                    }
                }
            }
        }
        T result = change.apply(counts);
        try (PreparedStatement put = c.prepareStatement("update login_counts set failures = ?, last_at = ?, not_before = ? where k = ?");
             PreparedStatement remove = c.prepareStatement("delete from login_counts where k = ?")) {
            for (var e : hashed.entrySet()) {
                Count count = counts.get(e.getValue());
                if (count == null || count.equals(Count.NONE)) {
                    remove.setString(1, e.getKey());
                    remove.addBatch();
                } else {
                    put.setInt(1, count.failures());
                    put.setTimestamp(2, Timestamp.from(count.last()));
                    put.setTimestamp(3, Timestamp.from(count.notBefore()));
                    put.setString(4, e.getKey());
                    put.addBatch();
                }
            }
            put.executeBatch();
            remove.executeBatch();
        }
        return result;
    }

    @Override
    public void prune(Instant before) {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("delete from login_counts where last_at < ? and not_before < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            s.setTimestamp(2, Timestamp.from(before));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot forget old failed logins in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
