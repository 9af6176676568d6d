package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.inbox.Totp;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password sign-in through real HTTP: the second factor (TOTP codes computed with the real RFC 6238 algorithm),
 * who must set it up ({@code KONTAKT_REQUIRE_2FA}), the accounts API, logins that end when the account changes,
 * and what a peer worker may see.
 */
class SignInTest {
    static final String ADMIN_PASSWORD = "a long admin password";
    static final String STAFF_PASSWORD = "a long staff password";

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:10Z"));
    Kontakt kontakt;

    private Kontakt start(String require2fa) {
        var env = TestKontakt.env(data);
        if (require2fa != null) {
            env.put("KONTAKT_REQUIRE_2FA", require2fa);
        }
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("ola", "admin", ADMIN_PASSWORD.toCharArray());
        kontakt.accounts().add("kari", "staff", STAFF_PASSWORD.toCharArray());
        return kontakt;
    }

    @AfterEach
    void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    private long step() {
        return Totp.step(clock.instant());
    }

    /** Logs in as the admin and sets up TOTP the way a person does; returns the secret. */
    private String enrolAdmin(Api admin) {
        Api.Response login = admin.login("ola", ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("mustEnrolTotp").asBoolean()).isTrue();
        Api.Response started = admin.post("/api/me/totp", "{}");
        assertThat(started.status()).isEqualTo(200);
        String secret = started.json().get("secret").asText();
        assertThat(admin.post("/api/me/totp/confirm", "{\"code\":\"" + Totp.code(secret, step()) + "\"}").status()).isEqualTo(200);
        return secret;
    }

    @Test
    void an_admin_without_a_second_factor_reaches_only_the_enrolment_and_then_everything() throws Exception {
        start(null); // the default: admin
        Api admin = new Api(kontakt.port());
        Api.Response login = admin.login("ola", ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("mustEnrolTotp").asBoolean()).isTrue();
        for (String path : new String[] {"/api/admin/users", "/api/admin/audit", "/api/admin/scripts", "/api/inbox/conversations"}) {
            Api.Response refused = admin.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("totp_enrolment_required");
        }
        assertThat(admin.get("/api/me").json().get("mustEnrolTotp").asBoolean()).isTrue();

        Api.Response started = admin.post("/api/me/totp", "{}");
        String secret = started.json().get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(started.json().get("uri").asText()).startsWith("otpauth://totp/Kontakt%3Aola?").contains("secret=" + secret)
                .contains("issuer=Kontakt").contains("digits=6").contains("period=30");
        HttpResponse<byte[]> qr = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port()
                + "/api/me/totp/qr.png")).header("Authorization", "Bearer " + admin.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(qr.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        Api.Response wrong = admin.post("/api/me/totp/confirm", "{\"code\":\"" + Totp.code(secret, step() + 5) + "\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isEqualTo("totp_invalid");
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(403);

        assertThat(admin.post("/api/me/totp/confirm", "{\"code\":\"" + Totp.code(secret, step()) + "\"}").status()).isEqualTo(200);
        Api.Response users = admin.get("/api/admin/users"); // the same login, now with a second factor
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).as("the account list never carries the second factor's secret or a password")
                .doesNotContain(secret).doesNotContain(ADMIN_PASSWORD);
        JsonNode ola = find(users.json(), "ola");
        assertThat(ola.get("totp").asBoolean()).isTrue();
        assertThat(find(users.json(), "kari").get("totp").asBoolean()).isFalse();
        assertThat(admin.post("/api/me/totp", "{}").status()).as("a second secret cannot replace the first").isEqualTo(409);
    }

    @Test
    void once_set_up_a_login_needs_a_fresh_code_within_one_step_of_the_clock() {
        start(null);
        String secret = enrolAdmin(new Api(kontakt.port()));
        Api api = new Api(kontakt.port());

        Api.Response noCode = api.login("ola", ADMIN_PASSWORD);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.json().get("error").asText()).isEqualTo("totp_required");
        Api.Response wrongCode = api.login("ola", ADMIN_PASSWORD, "000000".equals(Totp.code(secret, step() + 1)) ? "111111" : "000000");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.json().get("error").asText()).isEqualTo("totp_invalid");
        Api.Response reused = api.login("ola", ADMIN_PASSWORD, Totp.code(secret, step())); // the confirmation used this step
        assertThat(reused.status()).as("the enrolment's code cannot log in again").isEqualTo(401);
        assertThat(reused.json().get("error").asText()).isEqualTo("totp_invalid");

        clock.advance(Duration.ofSeconds(60)); // two steps on; the app is a step behind the server: accepted
        Api.Response behind = api.login("ola", ADMIN_PASSWORD, Totp.code(secret, step() - 1));
        assertThat(behind.status()).isEqualTo(200);
        assertThat(behind.json().get("mustEnrolTotp").asBoolean()).isFalse();
        assertThat(api.get("/api/admin/users").status()).isEqualTo(200);
        assertThat(new Api(kontakt.port()).login("ola", ADMIN_PASSWORD, Totp.code(secret, step() - 1)).status())
                .as("the same code twice").isEqualTo(401);

        assertThat(new Api(kontakt.port()).login("ola", ADMIN_PASSWORD, Totp.code(secret, step() + 1)).status())
                .as("the app a step ahead").isEqualTo(200);
        clock.advance(Duration.ofSeconds(300));
        assertThat(new Api(kontakt.port()).login("ola", ADMIN_PASSWORD, Totp.code(secret, step() + 2)).status())
                .as("two steps ahead is too far").isEqualTo(401);
        assertThat(new Api(kontakt.port()).login("ola", ADMIN_PASSWORD, Totp.code(secret, step() - 2)).status())
                .as("two steps behind is too old").isEqualTo(401);
        clock.advance(Duration.ofSeconds(300)); // the failures above slowed this address down; the same code later is fine
        assertThat(new Api(kontakt.port()).login("ola", ADMIN_PASSWORD, Totp.code(secret, step())).status()).isEqualTo(200);
    }

    @Test
    void require_all_makes_staff_enrol_too_and_none_lets_an_admin_in_without() {
        start("all");
        Api staff = new Api(kontakt.port());
        assertThat(staff.login("kari", STAFF_PASSWORD).json().get("mustEnrolTotp").asBoolean()).isTrue();
        assertThat(staff.get("/api/inbox/conversations").json().get("error").asText()).isEqualTo("totp_enrolment_required");
        kontakt.close();

        start("none"); // the protection off: the admin API answers a password alone
        Api admin = new Api(kontakt.port());
        assertThat(admin.login("ola", ADMIN_PASSWORD).json().get("mustEnrolTotp").asBoolean()).isFalse();
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void accounts_are_made_changed_and_removed_while_running_and_each_change_ends_the_persons_logins_at_once() {
        start(null);
        Api admin = new Api(kontakt.port());
        String secret = enrolAdmin(admin);

        Api.Response created = admin.post("/api/admin/users",
                "{\"username\":\"Per.Hansen@Kommune.no\",\"role\":\"staff\",\"password\":\"another long password\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asText()).isEqualTo("per.hansen@kommune.no");
        assertThat(created.json().get("totp").asBoolean()).isFalse();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"per.hansen@kommune.no\",\"role\":\"staff\"}").status()).isEqualTo(409);
        Api.Response bad = admin.post("/api/admin/users", "{\"username\":\"x y\",\"role\":\"staff\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("username");
        assertThat(admin.post("/api/admin/users", "{\"username\":\"eva\",\"role\":\"boss\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/users", "{\"username\":\"eva\",\"role\":\"staff\",\"password\":\"short\"}").status()).isEqualTo(400);
        Api.Response ssoOnly = admin.post("/api/admin/users", "{\"username\":\"eva@kommune.no\",\"role\":\"oncall\"}");
        assertThat(ssoOnly.status()).isEqualTo(201);
        assertThat(ssoOnly.json().get("password").asBoolean()).isFalse();
        assertThat(new Api(kontakt.port()).login("eva@kommune.no", "any password at all").status()).isEqualTo(401);

        Api per = new Api(kontakt.port());
        assertThat(per.login("PER.HANSEN@kommune.no", "another long password").status()).isEqualTo(200);
        assertThat(per.get("/api/inbox/conversations").status()).isEqualTo(200);

        // a new role: the next request is 401, and the new login has the new role
        assertThat(admin.send("PATCH", "/api/admin/users/per.hansen@kommune.no", "{\"role\":\"peer\"}", true).json().get("role").asText()).isEqualTo("peer");
        assertThat(per.get("/api/inbox/conversations").status()).isEqualTo(401);
        assertThat(per.login("per.hansen@kommune.no", "another long password").json().get("role").asText()).isEqualTo("peer");
        assertThat(per.get("/api/inbox/conversations").status()).isEqualTo(200);

        // a new password: the old login ends, the old password no longer works
        assertThat(admin.send("PATCH", "/api/admin/users/per.hansen@kommune.no", "{\"password\":\"a brand new password\"}", true).status()).isEqualTo(200);
        assertThat(per.get("/api/inbox/conversations").status()).isEqualTo(401);
        assertThat(per.login("per.hansen@kommune.no", "another long password").status()).isEqualTo(401);
        assertThat(per.login("per.hansen@kommune.no", "a brand new password").status()).isEqualTo(200);

        // removal
        assertThat(admin.send("DELETE", "/api/admin/users/per.hansen@kommune.no", null, true).status()).isEqualTo(204);
        assertThat(per.get("/api/me").status()).isEqualTo(401);
        assertThat(admin.send("DELETE", "/api/admin/users/per.hansen@kommune.no", null, true).status()).isEqualTo(404);

        // a reset of the second factor ends the admin's own logins too; the admin sets it up again
        Api other = new Api(kontakt.port());
        clock.advance(Duration.ofSeconds(30));
        assertThat(other.login("ola", ADMIN_PASSWORD, Totp.code(secret, step())).status()).isEqualTo(200);
        Api.Response reset = admin.send("PATCH", "/api/admin/users/ola", "{\"resetTotp\":true}", true);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("totp").asBoolean()).isFalse();
        assertThat(other.get("/api/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/me").status()).isEqualTo(401);
        Api again = new Api(kontakt.port());
        assertThat(again.login("ola", ADMIN_PASSWORD).json().get("mustEnrolTotp").asBoolean()).isTrue();

        // the last admin cannot be demoted or removed
        String secret2 = again.post("/api/me/totp", "{}").json().get("secret").asText();
        clock.advance(Duration.ofSeconds(30));
        assertThat(again.post("/api/me/totp/confirm", "{\"code\":\"" + Totp.code(secret2, step()) + "\"}").status()).isEqualTo(200);
        assertThat(again.send("PATCH", "/api/admin/users/ola", "{\"role\":\"staff\"}", true).status()).isEqualTo(409);
        assertThat(again.send("DELETE", "/api/admin/users/ola", null, true).status()).isEqualTo(409);

        // every change is in the audit log, by name
        JsonNode audit = again.get("/api/admin/audit").json();
        assertThat(audit.toString()).contains("user_created").contains("user_changed").contains("user_removed");
    }

    @Test
    void staff_cannot_manage_accounts() {
        start(null);
        Api staff = new Api(kontakt.port());
        staff.login("kari", STAFF_PASSWORD);
        assertThat(staff.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(staff.post("/api/admin/users", "{\"username\":\"eva\",\"role\":\"admin\",\"password\":\"a long long password\"}").status()).isEqualTo(403);
        assertThat(staff.send("PATCH", "/api/admin/users/kari", "{\"role\":\"admin\"}", true).status()).isEqualTo(403);
    }

    @Test
    void a_peer_worker_sees_the_shared_queue_and_their_own_conversations_only() {
        start("none");
        kontakt.accounts().add("per", "peer", "a long peer password".toCharArray());
        TwilioRequests twilio = new TwilioRequests(kontakt.port());
        twilio.sms("+4791000001", "hei");
        twilio.sms("+4791000001", "4");
        twilio.sms("+4791000002", "hei");
        twilio.sms("+4791000002", "4");
        String karis = kontakt.conversations().conversationId("sms", "+4791000001");
        String shared = kontakt.conversations().conversationId("sms", "+4791000002");
        Api staff = new Api(kontakt.port());
        staff.login("kari", STAFF_PASSWORD);
        assertThat(staff.post("/api/inbox/conversations/" + karis + "/takeover", "{}").status()).isEqualTo(200);

        Api peer = new Api(kontakt.port());
        assertThat(peer.login("per", "a long peer password").status()).isEqualTo(200);
        JsonNode queue = peer.get("/api/inbox/conversations?filter=all").json().get("conversations");
        assertThat(queue.toString()).contains(shared).doesNotContain(karis);
        assertThat(peer.get("/api/inbox/conversations/" + karis).status()).isEqualTo(404);
        assertThat(peer.post("/api/inbox/conversations/" + karis + "/reply", "{\"text\":\"hei\"}").status()).isEqualTo(404);
        assertThat(peer.get("/api/inbox/conversations/" + shared).status()).isEqualTo(200);
        assertThat(peer.post("/api/inbox/conversations/" + shared + "/takeover", "{}").status()).isEqualTo(200);
        assertThat(peer.get("/api/inbox/conversations?filter=mine").json().get("conversations").toString()).contains(shared);
        assertThat(peer.get("/api/admin/audit").status()).isEqualTo(403);
        // staff see both
        assertThat(staff.get("/api/inbox/conversations?filter=all").json().get("conversations").toString()).contains(shared).contains(karis);
    }

    private static JsonNode find(JsonNode users, String name) {
        for (JsonNode u : users) {
            if (name.equals(u.get("username").asText())) {
                return u;
            }
        }
        throw new AssertionError("no user " + name + " in " + users);
    }
}
