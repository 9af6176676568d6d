package no.kontakt.store.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import no.kontakt.store.StoreException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Signals} between the instances on one PostgreSQL database, by {@code LISTEN/NOTIFY}. All channels travel on one
 * PostgreSQL channel per schema ({@code kontakt_<schema>}), each notice as {@code <origin> <channel> <payload>}, where the
 * origin is this instance's random id: a notice is told to this instance's subscribers at once, and to the others'
 * when they hear it, so the publisher's own never comes twice.
 *
 * <p>Listening takes one connection of its own, outside the pool (a pooled one would be handed to others); a thread reads
 * its notifications and, when the connection drops, connects again, waiting 0.1 s, then twice as long, up to 5 s. Notices
 * are sent with {@code pg_notify} on a pooled connection, in order, off the publisher's thread.
 */
public final class PgSignals implements Signals {
    private static final Logger log = LoggerFactory.getLogger(PgSignals.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final String pgChannel;
    private final String origin = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final LocalSignals here = new LocalSignals();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "signals-notify"));
    private final Thread listener;
    private volatile boolean open = true;
    private volatile Connection listening;

    /** Signals on the database of {@code storage}, listening on a connection of their own. */
    public static PgSignals on(PostgresStorage storage) {
        var pool = storage.dataSource();
        return new PgSignals(pool, pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    PgSignals(DataSource pool, String url, String user, String password) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
        this.pgChannel = channelOf(pool);
        try {
            listening = listen(); // listening before the constructor returns, when the database is there
        } catch (SQLException e) {
            log.warn("signals cannot listen yet, will retry reason={}", e.getMessage());
        }
        this.listener = new Thread(this::run, "signals-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void publish(String channel, String payload) {
        Signals.check(channel, payload);
        here.tell(channel, payload);
        String notice = origin + " " + channel + " " + payload;
        try {
            sender.execute(() -> notify(notice));
        } catch (RejectedExecutionException e) {
            log.debug("signal after close dropped channel={}", channel);
        }
    }

    @Override
    public Runnable subscribe(String channel, Consumer<String> subscriber) {
        return here.subscribe(channel, subscriber);
    }

    /** Whether the listening connection is up now. */
    public boolean listening() {
        return listening != null;
    }

    private void notify(String notice) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, pgChannel);
            s.setString(2, notice);
            s.execute();
        } catch (SQLException e) {
            log.warn("signal not sent (the others catch up by their periodic check) reason={}", e.getMessage());
        }
    }

    private void run() {
        long backoff = 100;
        while (open) {
            Connection c = listening;
            try {
                if (c == null) {
                    c = listening = listen();
                    log.info("signals listening again channel={}", pgChannel);
                }
                backoff = 100;
                PGNotification[] notices = c.unwrap(PGConnection.class).getNotifications(500);
                if (notices != null) {
                    for (PGNotification n : notices) {
                        hear(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                listening = null;
                closeQuietly(c);
                if (!open) {
                    return;
                }
                log.warn("signals connection lost, reconnecting in {} ms reason={}", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff); // back-off between attempts to reach the database
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void hear(String notice) {
        String[] parts = notice.split(" ", 3);
        if (parts.length == 3 && !parts[0].equals(origin)) {
            here.tell(parts[1], parts[2]);
        }
    }

    private Connection listen() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("listen \"" + pgChannel + "\"");
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    /** {@code kontakt_<schema>}: instances on other schemas of the same database do not hear each other. */
    private static String channelOf(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_schema()")) {
            String schema = rs.next() && rs.getString(1) != null ? rs.getString(1) : "public";
            String name = "kontakt_" + schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            return name.length() > 63 ? name.substring(0, 63) : name;
        } catch (SQLException e) {
            throw new StoreException("cannot set up signals between instances: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops listening and sends what was published before. */
    @Override
    public void close() {
        open = false;
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(listening);
        listening = null;
        here.close();
    }
}
