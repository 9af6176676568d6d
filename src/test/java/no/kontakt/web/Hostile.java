package no.kontakt.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.config.ConfigLoader;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;

/** What the attack tests share: a Kontakt with extra server settings, raw sockets from other local addresses, timed calls. */
final class Hostile {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Hostile() {}

    /** Starts Kontakt on the default configuration plus these lines under {@code server:} (two-space indented YAML). */
    static Kontakt start(Path dir, String serverLines) {
        return start(dir, serverLines, Map.of());
    }

    static Kontakt start(Path dir, String serverLines, Map<String, String> extraEnv) {
        try {
            var env = TestKontakt.env(dir.resolve("store"));
            env.putAll(extraEnv);
            String yaml = Files.readString(Path.of("config/kontakt.yaml"));
            // the file's own security settings are the defaults: leave them out, then add the test's
            yaml = yaml.replaceFirst("(?s)(  embed_origins: \\[]\\n).*?(\\nstore:)", "$1$2");
            yaml = yaml.replaceFirst("(?m)^server:\\n", "server:\n" + serverLines.stripTrailing().replaceAll("(?m)^", "  ") + "\n");
            Files.createDirectories(dir);
            Path file = dir.resolve("kontakt.yaml");
            Files.writeString(file, yaml);
            return Kontakt.create(new ConfigLoader(env::get).load(file), env::get, Clock.systemUTC()).serve();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A socket to the server from a local address of the test's choosing (127.0.0.x: all loopback on Linux). */
    static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    /** Writes a raw request and reads the answer until the server closes or {@code timeout} passes; null when it said nothing. */
    static String exchange(Socket socket, String request, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return read(socket);
    }

    /** Reads until the server closes; what arrived (maybe empty), or null on a timeout with nothing read. */
    static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (out.indexOf("\r\n\r\n") > 0 && complete(out)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return out.length() == 0 ? null : out.toString();
        } catch (java.net.SocketException e) {
            return out.toString(); // reset by the server
        }
        return out.toString();
    }

    private static boolean complete(StringBuilder response) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        var m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        return m.find() && response.length() - head.length() - 4 >= Integer.parseInt(m.group(1));
    }

    /** GET /health with a deadline: the status, or -1 when it did not answer in time. */
    static int health(int port, Duration within) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(within).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -3;
        }
    }

    /** A signed SMS webhook with a deadline: the status, or -1 when it did not answer in time. */
    static int signedSms(int port, String from, String text, Duration within) {
        Map<String, String> params = TwilioRequests.sms(TwilioRequests.newSid(), from, text);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/twilio/sms")).timeout(within)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioRequests.sign(TwilioRequests.AUTH_TOKEN, TwilioRequests.PUBLIC_URL + "/twilio/sms", params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioRequests.form(params))).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -3;
        }
    }

    /** An answer read off a raw socket. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            var m = java.util.regex.Pattern.compile("(?im)^" + java.util.regex.Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(head);
            return m.find() ? m.group(1) : null;
        }
    }

    /** One request from a local address of the test's choosing, with extra header lines; the answer (Connection: close). */
    static Answer request(String from, int port, String method, String path, String headers, String body) {
        return request(from, port, method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same with a body of any bytes (null: no body). Throws UncheckedIOException when the connection fails. */
    static Answer request(String from, int port, String method, String path, String headers, byte[] bytes) {
        try (Socket s = connect(from, port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                    + (bytes == null ? "" : "Content-Length: " + bytes.length + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (bytes != null) {
                s.getOutputStream().write(bytes);
            }
            s.getOutputStream().flush();
            String raw = read(s);
            if (raw == null || raw.length() < 12) {
                return new Answer(-1, "", "");
            }
            int split = raw.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(raw.substring(9, 12)), raw.substring(0, split), raw.substring(split + 4));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens a stream of server-sent events from an address; the status line's code once the head arrived, the socket left open. */
    static int stream(Socket socket, String path) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        for (int b; head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0; ) {
            head.append((char) b);
        }
        return head.length() < 12 ? -1 : Integer.parseInt(head.substring(9, 12));
    }
}
