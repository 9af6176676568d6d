package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.Json;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on against a real OpenID Connect provider (NAV's mock-oauth2-server, started once for the class):
 * the browser's round trip through real HTTP, with the provider's real signed ID tokens.
 */
class OidcSignInTest {
    static final String CLIENT_ID = "kontakt-test";
    static final String ISSUER_ID = "kommune";

    @TempDir
    static Path data;
    static MockOAuth2Server provider;
    static Kontakt kontakt;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        var env = TestKontakt.env(data);
        env.put("KONTAKT_OIDC_ISSUER", provider.issuerUrl(ISSUER_ID).toString());
        env.put("KONTAKT_OIDC_CLIENT_ID", CLIENT_ID);
        env.put("KONTAKT_OIDC_CLIENT_SECRET", "a client secret from the environment");
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, Clock.systemUTC(),
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("kari@kommune.no", "staff", null); // single sign-on only
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.split(";")[0]).orElse(null);
    }

    private String local(String path) {
        return "http://localhost:" + kontakt.port() + path;
    }

    /** A browser's start: the redirect to the provider and the cookie that binds the sign-in to this browser. */
    private record Started(URI authorize, String cookie) {}

    private Started begin() throws Exception {
        HttpResponse<String> login = get(local("/auth/oidc/login"), null);
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = cookie(login, OidcRoutes.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(login.headers().allValues("Set-Cookie").toString()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return new Started(URI.create(login.headers().firstValue("Location").orElseThrow()), cookie);
    }

    /** The provider signs the person in and sends the browser back: the callback's query. */
    private String atProvider(Started started) throws Exception {
        HttpResponse<String> authorize = get(started.authorize().toString(), null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI back = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/auth/oidc/callback");
        return back.getRawQuery();
    }

    private void nextSignIn(String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expirySeconds));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void a_known_user_signs_in_through_the_provider_and_gets_kontakts_role_not_the_tokens() throws Exception {
        Started started = begin();
        assertThat(started.authorize().toString()).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString())
                .contains("response_type=code").contains("client_id=" + CLIENT_ID).contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("state=").contains("nonce=").contains("scope=openid");
        nextSignIn("subject-1", List.of(CLIENT_ID), Map.of("preferred_username", "Kari@Kommune.no", "role", "admin", "groups", List.of("admin")), 3600);
        String query = atProvider(started);

        HttpResponse<String> callback = get(local("/auth/oidc/callback?" + query), started.cookie());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/inbox");
        String session = cookie(callback, Auth.COOKIE);
        assertThat(session).isNotNull();
        assertThat(callback.headers().allValues("Set-Cookie").toString()).containsIgnoringCase("SameSite=Strict");

        HttpResponse<String> me = get(local("/api/me"), session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asText()).isEqualTo("kari@kommune.no");
        assertThat(json(me).get("role").asText()).as("the role is Kontakt's, whatever the token says").isEqualTo("staff");
        assertThat(json(me).get("method").asText()).isEqualTo("oidc");
        assertThat(get(local("/api/inbox/conversations"), session).statusCode()).isEqualTo(200);
        assertThat(get(local("/api/admin/users"), session).statusCode()).isEqualTo(403);

        // the pending sign-in is used up: the same callback again is refused
        assertThat(get(local("/auth/oidc/callback?" + query), started.cookie()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_sign_in_started_on_one_instance_comes_back_to_another_with_the_same_secret(@TempDir Path other) throws Exception {
        var env = TestKontakt.env(other);
        env.put("KONTAKT_OIDC_ISSUER", provider.issuerUrl(ISSUER_ID).toString());
        env.put("KONTAKT_OIDC_CLIENT_ID", CLIENT_ID);
        env.put("KONTAKT_OIDC_CLIENT_SECRET", "a client secret from the environment");
        try (Kontakt second = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(other), env::get, Clock.systemUTC(),
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve()) {
            second.accounts().add("kari@kommune.no", "staff", null);
            Started started = begin(); // on the first instance
            nextSignIn("subject-1", List.of(CLIENT_ID), Map.of("preferred_username", "kari@kommune.no"), 3600);
            String query = atProvider(started);
            HttpResponse<String> callback = get("http://localhost:" + second.port() + "/auth/oidc/callback?" + query, started.cookie());
            assertThat(callback.statusCode()).as("the pending sign-in travels in the signed cookie: " + callback.body()).isEqualTo(302);
            String forged = started.cookie().substring(0, started.cookie().length() - 1)
                    + (started.cookie().endsWith("a") ? "b" : "a");
            assertThat(get("http://localhost:" + second.port() + "/auth/oidc/callback?" + query, forged).statusCode())
                    .as("a cookie whose tag does not match").isEqualTo(400);
        }
    }

    @Test
    void the_email_claim_admits_when_there_is_no_preferred_username() throws Exception {
        Started started = begin();
        nextSignIn("subject-2", List.of(CLIENT_ID), Map.of("email", "kari@kommune.no"), 3600);
        HttpResponse<String> callback = get(local("/auth/oidc/callback?" + atProvider(started)), started.cookie());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    }

    @Test
    void a_state_that_does_not_match_or_another_browser_is_refused_with_400() throws Exception {
        Started started = begin(); // no token is asked for below: nothing queued at the provider
        String query = atProvider(started);
        String forged = query.replaceAll("state=[^&]+", "state=forged");
        HttpResponse<String> bad = get(local("/auth/oidc/callback?" + forged), started.cookie());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).isEqualTo("bad_state");
        assertThat(cookie(bad, Auth.COOKIE)).isNull();

        // an attacker's own code and state, planted in a victim's browser (login CSRF): the victim's browser has no pending sign-in
        Started attackers = begin();
        String attackersQuery = atProvider(attackers);
        HttpResponse<String> planted = get(local("/auth/oidc/callback?" + attackersQuery), begin().cookie());
        assertThat(planted.statusCode()).isEqualTo(400);
        HttpResponse<String> noCookie = get(local("/auth/oidc/callback?" + attackersQuery), null);
        assertThat(noCookie.statusCode()).isEqualTo(400);
        assertThat(json(noCookie).get("error").asText()).isEqualTo("bad_state");
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        Started started = begin();
        // the provider names the requesting client as the audience; the claim below replaces it
        nextSignIn("subject-5", List.of("another-application"), Map.of("preferred_username", "kari@kommune.no",
                "aud", List.of("another-application")), 3600);
        HttpResponse<String> callback = get(local("/auth/oidc/callback?" + atProvider(started)), started.cookie());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
        assertThat(json(callback).get("error").asText()).isEqualTo("invalid_id_token");
        assertThat(cookie(callback, Auth.COOKIE)).isNull();
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        Started started = begin();
        nextSignIn("subject-6", List.of(CLIENT_ID), Map.of("preferred_username", "kari@kommune.no"), -600);
        HttpResponse<String> callback = get(local("/auth/oidc/callback?" + atProvider(started)), started.cookie());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
        assertThat(json(callback).get("error").asText()).isEqualTo("invalid_id_token");
        assertThat(callback.body()).containsIgnoringCase("expired");
    }

    @Test
    void a_person_without_a_kontakt_account_gets_403() throws Exception {
        Started started = begin();
        nextSignIn("subject-7", List.of(CLIENT_ID), Map.of("preferred_username", "nobody@kommune.no", "email", "nobody@kommune.no"), 3600);
        HttpResponse<String> callback = get(local("/auth/oidc/callback?" + atProvider(started)), started.cookie());
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(json(callback).get("error").asText()).isEqualTo("unknown_user");
        assertThat(cookie(callback, Auth.COOKIE)).isNull();
    }

    @Test
    void the_pages_learn_that_sign_on_is_set_up() throws Exception {
        HttpResponse<String> info = get(local("/auth/oidc"), null);
        assertThat(json(info).get("enabled").asBoolean()).isTrue();
    }
}
