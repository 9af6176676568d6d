package no.kontakt.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The three pages — {@code /chat} for citizens, {@code /inbox} for staff, {@code /admin} for admins — and their
 * own small scripts and styles under {@code /assets/}, all from the classpath ({@code web/}). The pages load
 * nothing from anywhere else: the content security policy allows only this origin. A page holding
 * {@value #NONCE_SLOT} gets a fresh nonce there on every request, and a policy that admits style elements with it.
 */
final class Pages {
    // /chat is rendered by ChatPage (its language and the configured emergency numbers)
    private static final Map<String, String> PAGES = Map.of("/inbox", "inbox.html", "/admin", "admin.html");

    static final String NONCE_SLOT = "{{csp-nonce}}";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Map<String, byte[]> html = new java.util.HashMap<>();

    Pages() {
        PAGES.forEach((path, file) -> html.put(path, read("/web/" + file)));
    }

    static void assets(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/web/assets";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
        });
    }

    void register(RoutesConfig routes) {
        html.forEach((path, bytes) -> {
            String page = new String(bytes, StandardCharsets.UTF_8);
            boolean nonced = page.contains(NONCE_SLOT);
            routes.get(path, ctx -> {
                ctx.header("Cache-Control", "no-cache");
                if (nonced) {
                    byte[] raw = new byte[18];
                    RANDOM.nextBytes(raw);
                    String nonce = java.util.Base64.getEncoder().encodeToString(raw);
                    ctx.header("Content-Security-Policy", Hardening.pagePolicyWithStyleNonce(nonce));
                    ctx.contentType("text/html; charset=utf-8").result(page.replace(NONCE_SLOT, nonce));
                } else {
                    ctx.contentType("text/html; charset=utf-8").result(bytes);
                }
            });
        });
    }

    private static byte[] read(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(read(name), StandardCharsets.UTF_8);
    }
}
