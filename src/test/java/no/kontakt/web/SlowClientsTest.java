package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.Kontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients: hundreds of connections that send a POST's headers and then trickle its body, connections piled up
 * from one address, a header that never ends, a body that stalls. Each test runs the attack with the protection on
 * and again with it switched off in {@code server.connections}, where the attack must succeed.
 */
class SlowClientsTest {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    static final String OFF = "connections: {per_address: 0, body_timeout_seconds: 0, header_timeout_seconds: 0}";
    @TempDir
    Path dir;

    /** 400 connections, spread over 8 addresses (50 each, within the per-address cap), each trickling a form body. */
    static final class Trickle implements AutoCloseable {
        final List<Socket> sockets = new ArrayList<>();
        final Thread writer;
        volatile boolean running = true;

        Trickle(int port, int connections) throws IOException {
            for (int i = 0; i < connections; i++) {
                Socket s = Hostile.connect("127.0.0." + (10 + i % 8), port);
                s.getOutputStream().write(("POST /twilio/sms HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 10000\r\n\r\nB").getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            writer = new Thread(() -> {
                while (running) {
                    for (Socket s : sockets) {
                        try {
                            s.getOutputStream().write('a');
                        } catch (IOException e) {
                            // closed by the server: that is its right
                        }
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // the attacker's pace, not a wait for the server
                }
            }, "trickle");
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void close() throws Exception {
            running = false;
            writer.join();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void four_hundred_trickling_bodies_leave_health_and_a_signed_webhook_answering_within_2_s() throws Exception {
        try (Kontakt kontakt = Hostile.start(dir, ""); Trickle attack = new Trickle(kontakt.port(), 400)) {
            long t0 = System.nanoTime();
            assertThat(Hostile.health(kontakt.port(), ANSWER_WITHIN)).isEqualTo(200);
            assertThat(Hostile.signedSms(kontakt.port(), "+4791234567", "hei", ANSWER_WITHIN)).isEqualTo(200);
            System.out.printf("slow bodies: 400 trickling connections; /health and a signed webhook answered in %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void with_the_protection_off_the_same_attack_stops_health() throws Exception {
        try (Kontakt kontakt = Hostile.start(dir, OFF); Trickle attack = new Trickle(kontakt.port(), 400)) {
            assertThat(Hostile.health(kontakt.port(), ANSWER_WITHIN)).as("no answer within 2 s").isEqualTo(-1);
        }
    }

    @Test
    void one_address_keeps_only_its_share_of_connections_and_silent_or_stalled_clients_are_cut_off() throws Exception {
        try (Kontakt on = Hostile.start(dir.resolve("on"), "connections: {per_address: 20, header_timeout_seconds: 1, "
                + "body_timeout_seconds: 1, min_body_bytes_per_second: 100000}")) {
            assertThat(answered(on, 30)).isEqualTo(20);
            try (Socket s = Hostile.connect("127.0.0.40", on.port())) {
                assertThat(Hostile.exchange(s, "GET /health HTTP/1.1\r\nHost: loc", Duration.ofSeconds(5))).as("closed, nothing said").isEmpty();
            }
            try (Socket s = Hostile.connect("127.0.0.41", on.port())) {
                String answer = Hostile.exchange(s, "POST /api/chat/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"lang", Duration.ofSeconds(5));
                assertThat(answer).startsWith("HTTP/1.1 408").contains("application/json").contains("\"error\"");
            }
        }
        try (Kontakt off = Hostile.start(dir.resolve("off"), OFF)) {
            assertThat(answered(off, 30)).isEqualTo(30);
            try (Socket s = Hostile.connect("127.0.0.40", off.port())) {
                assertThat(Hostile.exchange(s, "GET /health HTTP/1.1\r\nHost: loc", Duration.ofSeconds(3))).as("still open").isNull();
            }
        }
    }

    /**
     * Opens connections from one address, then asks /health on each: how many answer. All stay open until every one
     * has been asked: the server accepts them from its backlog in its own time, and a connection closed early would
     * free a place for one accepted later.
     */
    private static int answered(Kontakt kontakt, int connections) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sockets.add(Hostile.connect("127.0.0.30", kontakt.port()));
        }
        int ok = 0;
        try {
            for (Socket s : sockets) {
                String answer;
                try {
                    answer = Hostile.exchange(s, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", Duration.ofSeconds(5));
                } catch (IOException e) {
                    answer = null;
                }
                if (answer != null && answer.startsWith("HTTP/1.1 200")) {
                    ok++;
                }
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        return ok;
    }
}
