package no.kontakt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import no.kontakt.store.Json;

/** A server-sent events client for tests: reads events on its own thread; {@link #next} waits for one that matches. */
public final class EventStream implements AutoCloseable {
    /** One event: its type, id (or null) and data as JSON. */
    public record Event(String type, String id, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private EventStream(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "test-sse");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Opens {@code url} with {@code Accept: text/event-stream} and the headers given; fails unless it answers 200. */
    public static EventStream open(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new AssertionError("event stream " + url + " answered " + r.statusCode() + ": " + text);
            }
            return new EventStream(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(type == null ? "message" : type, id, Json.MAPPER.readTree(data.toString())));
                    }
                    type = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next event that matches, skipping others; fails after {@code timeout}. */
    public Event next(Predicate<Event> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no matching event within " + timeout + "; events seen: " + seen);
                }
                seen.add(e);
                if (matches.test(e)) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that arrives within {@code wait}. */
    public List<Event> drain(Duration wait) {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event e = events.poll(left, TimeUnit.NANOSECONDS);
                if (e != null) {
                    seen.add(e);
                    out.add(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
