package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.kontakt.Kontakt;
import no.kontakt.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Log amplification: clients that send half a body and hang up. Each is one log line without a stack trace, with
 * the bodies read before a thread takes them (the default) and without; with the quiet mapping switched off, every
 * abort writes a stack trace.
 */
class AbortedBodiesLogTest {
    static final int ABORTS = 20;
    @TempDir
    Path dir;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
        ErrorMapping.quiet = true;
    }

    @Test
    void an_aborted_body_is_one_line_without_a_stack_trace_whether_bodies_are_read_first_or_not() throws Exception {
        for (String settings : List.of("", "connections: {body_timeout_seconds: 0}")) {
            log.list.clear();
            try (Kontakt kontakt = Hostile.start(dir.resolve("k" + settings.length()), settings)) {
                abort(kontakt.port());
                List<ILoggingEvent> lines = aborts(ABORTS);
                assertThat(lines).as(settings).hasSize(ABORTS);
                assertThat(events()).as("no stack trace anywhere in the log").noneMatch(e -> e.getThrowableProxy() != null);
            }
        }
    }

    @Test
    void with_the_quiet_mapping_off_every_abort_writes_a_stack_trace() throws Exception {
        ErrorMapping.quiet = false;
        try (Kontakt kontakt = Hostile.start(dir, "connections: {body_timeout_seconds: 0}")) {
            abort(kontakt.port());
            Await.until(ABORTS + " stack traces", Duration.ofSeconds(10),
                    () -> events().stream().filter(e -> e.getThrowableProxy() != null).count() >= ABORTS);
            assertThat(events().stream().filter(e -> e.getThrowableProxy() != null)).hasSize(ABORTS);
        }
    }

    private static void abort(int port) throws Exception {
        for (int i = 0; i < ABORTS; i++) {
            try (Socket s = Hostile.connect("127.0.0.50", port)) {
                s.getOutputStream().write(("POST /twilio/sms HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 500\r\n\r\nBody=hei&From=").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
        }
    }

    /** Waits (up to 10 s) for the lines about aborted or refused /twilio/sms bodies, then gives them all. */
    private List<ILoggingEvent> aborts(int expected) {
        Await.until(expected + " lines about aborted /twilio/sms bodies", Duration.ofSeconds(10), () -> about().size() >= expected);
        return about();
    }

    private List<ILoggingEvent> about() {
        return events().stream().filter(e -> e.getFormattedMessage().contains("/twilio/sms")).toList();
    }

    private List<ILoggingEvent> events() {
        synchronized (log.list) {
            return List.copyOf(log.list);
        }
    }
}
