package no.kontakt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What staff and monitoring feel of the store's size: the urgent queue and a {@code /metrics} scrape, the median of five. */
record Probes(double queueMillis, double metricsMillis) {

    static Probes of(int port, String username, String password) {
        try (HttpConnection http = new HttpConnection(port)) {
            byte[] login = ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpConnection.Response session = http.send("POST", "/api/login", "Content-Type: application/json\r\n", login);
            if (session.status() != 200) {
                throw new IllegalStateException("the bench login was refused: " + session.status() + " " + session.body());
            }
            String token = session.body().replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String auth = "Authorization: Bearer " + token + "\r\n";
            return new Probes(median(http, "/api/inbox/conversations?filter=urgent", auth), median(http, "/metrics", ""));
        } catch (IOException e) {
            throw new IllegalStateException("probing the server failed: " + e.getMessage(), e);
        }
    }

    private static double median(HttpConnection http, String path, String headers) throws IOException {
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            HttpConnection.Response r = http.get(path, headers);
            millis[i] = (System.nanoTime() - t0) / 1e6;
            if (r.status() != 200) {
                throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
            }
        }
        Arrays.sort(millis);
        return millis[2];
    }
}
