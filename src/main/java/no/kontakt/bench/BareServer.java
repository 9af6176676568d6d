package no.kontakt.bench;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/**
 * The baseline: a bare Javalin endpoint that answers Twilio's form POST with an empty TwiML response and does
 * nothing else (no signature check, no parsing, no store). Started by the benchmark in a JVM of its own, with the
 * same flags as Kontakt's.
 */
public final class BareServer {
    static final byte[] RESPONSE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>".getBytes(StandardCharsets.UTF_8);

    private BareServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.port = port;
            cfg.routes.post("/twilio/sms", ctx -> ctx.contentType("application/xml; charset=utf-8").result(RESPONSE));
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
        }).start();
    }
}
