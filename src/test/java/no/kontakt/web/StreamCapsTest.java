package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.Kontakt;
import no.kontakt.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web chat streams: one address opens as many server-sent event streams as it can. With the per-address cap it gets
 * its share and a citizen from another address still gets a stream; with the cap off it fills the global cap and the
 * next citizen gets 503.
 */
class StreamCapsTest {
    static final String LIMITS = "limits: {chat_open: 0, chat: 0}\n";
    @TempDir
    Path dir;

    @Test
    void one_address_cannot_fill_the_global_cap() throws Exception {
        try (Kontakt on = Hostile.start(dir.resolve("on"), LIMITS + "connections: {streams_per_address: 3, max_streams: 6}")) {
            List<Integer> statuses = flood(on, 6);
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
            assertThat(citizen(on)).as("another address").isEqualTo(200);
        }
        try (Kontakt off = Hostile.start(dir.resolve("off"), LIMITS + "connections: {streams_per_address: 0, max_streams: 6}")) {
            assertThat(flood(off, 6)).containsOnly(200);
            assertThat(citizen(off)).as("another address, with one address holding every stream").isEqualTo(503);
        }
    }

    private final List<Socket> open = new ArrayList<>();

    /** Opens one stream per new session from 127.0.0.80; the statuses. The streams stay open. */
    private List<Integer> flood(Kontakt k, int streams) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Socket s = Hostile.connect("127.0.0.80", k.port());
            open.add(s);
            statuses.add(Hostile.stream(s, "/api/chat/sessions/" + session(k, "127.0.0.80") + "/events"));
        }
        return statuses;
    }

    private int citizen(Kontakt k) throws Exception {
        try (Socket s = Hostile.connect("127.0.0.81", k.port())) {
            return Hostile.stream(s, "/api/chat/sessions/" + session(k, "127.0.0.81") + "/events");
        } finally {
            for (Socket s : open) {
                s.close();
            }
            open.clear();
        }
    }

    private static String session(Kontakt k, String from) throws Exception {
        return Json.MAPPER.readTree(Hostile.request(from, k.port(), "POST", "/api/chat/sessions", "Content-Type: application/json\r\n", "")
                .body()).get("id").asText();
    }
}
