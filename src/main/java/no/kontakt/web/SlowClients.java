package no.kontakt.web;

import io.javalin.config.JavalinConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.config.AppConfig;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of holding up under slow or greedy clients ({@code server.connections}): bodies read in full before
 * a thread takes the request ({@link WholeBodies}), with a deadline; Jetty's minimum request data rate for anything
 * read later; a header size limit; an idle timeout; a first request header due within a deadline; open
 * connections capped per client address (trusted proxies exempt) and in all (Jetty's {@link NetworkConnectionLimit}:
 * beyond it, new connections wait to be accepted).
 */
final class SlowClients {
    private static final Logger log = LoggerFactory.getLogger(SlowClients.class);
    private final AppConfig.Connections limits;
    private final ClientAddresses clients;
    private final long maxBytes;
    private final int port;

    SlowClients(AppConfig.Connections limits, ClientAddresses clients, long maxBytes, int port) {
        this.limits = limits;
        this.clients = clients;
        this.maxBytes = maxBytes;
        this.port = port;
    }

    void install(JavalinConfig cfg) {
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(limits.maxHeaderBytes());
            if (limits.bodyTimeoutSeconds() > 0) {
                http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
            }
        });
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeoutSeconds() * 1000L);
            connector.addEventListener(new PerAddress(connector.getScheduler()));
            server.addBean(new NetworkConnectionLimit(limits.max(), connector));
            return connector;
        });
        if (limits.bodyTimeoutSeconds() > 0) {
            cfg.jetty.modifyServer(server -> server.insertHandler(
                    new WholeBodies(limits.bodyTimeoutSeconds() * 1000L, limits.minBodyBytesPerSecond(), maxBytes)));
        }
    }

    /** Counts open connections per client address, closes the ones beyond the cap, and those silent past the header deadline. */
    /** A connection counted against its address (known at open: a closed socket no longer says where it came from). */
    private record Counted(String key, Scheduler.Task header) {}

    private final class PerAddress implements Connection.Listener {
        private final Scheduler scheduler;
        private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
        private final Map<Connection, Counted> counted = new ConcurrentHashMap<>();
        private final AtomicLong refused = new AtomicLong();
        private volatile long loggedAt;

        PerAddress(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void onOpened(Connection connection) {
            String address = address(connection.getEndPoint().getRemoteSocketAddress());
            if (address == null || clients.trusts(address)) {
                return;
            }
            Scheduler.Task header = limits.headerTimeoutSeconds() <= 0 ? null
                    : scheduler.schedule(() -> silent(connection), limits.headerTimeoutSeconds(), TimeUnit.SECONDS);
            String key = ClientAddresses.key(address);
            counted.put(connection, new Counted(key, header));
            int n = open.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (limits.perAddress() > 0 && n > limits.perAddress()) {
                refused("one address holds " + limits.perAddress() + " connections");
                connection.getEndPoint().close();
            }
        }

        @Override
        public void onClosed(Connection connection) {
            Counted c = counted.remove(connection);
            if (c == null) {
                return;
            }
            if (c.header() != null) {
                c.header().cancel();
            }
            open.computeIfPresent(c.key(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }

        /** A connection that has not sent a whole request header by the deadline is closed. */
        private void silent(Connection connection) {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                refused("no request header within " + limits.headerTimeoutSeconds() + " s");
                connection.getEndPoint().close();
            }
        }

        /** One log line a minute at most, with the count: refusing must not flood the log. */
        private void refused(String why) {
            long n = refused.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - loggedAt >= 60_000) {
                loggedAt = now;
                log.warn("connections closed: {} (closed so far: {})", why, n);
            }
        }

        private static String address(SocketAddress socket) {
            return socket instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
        }
    }
}
