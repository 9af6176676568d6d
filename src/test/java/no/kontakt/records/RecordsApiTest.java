package no.kontakt.records;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.Batch;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.Message;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Call-backs, exports, access requests and list-read audit over real HTTP, on a real store, with real logins per role. */
class RecordsApiTest {
    static final String CITIZEN = "+4791234567";
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() {
        var env = TestKontakt.env(data);
        env.put("KONTAKT_REQUIRE_2FA", "none"); // these tests are about records, not the second factor
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        kontakt.accounts().add("pia", "peer", "a long peer password".toCharArray());
        kontakt.accounts().add("vakt", "oncall", "a long oncall password".toCharArray());
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private Api login(String username, String password) {
        Api api = new Api(kontakt.port());
        assertThat(api.login(username, password).status()).isEqualTo(200);
        return api;
    }

    private Api staff() {
        return login("kari", "a long staff password");
    }

    private Api peer() {
        return login("pia", "a long peer password");
    }

    private Api admin() {
        return login("ola", "a long admin password");
    }

    private String smsConversation() {
        twilio.sms(CITIZEN, "hei");
        twilio.sms(CITIZEN, "4");
        return kontakt.conversations().conversationId("sms", CITIZEN);
    }

    private List<JsonNode> audit(String action) {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin().get("/api/admin/audit").json().forEach(e -> {
            if (e.get("action").asText().equals(action)) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void staff_and_oncall_reveal_an_sms_number_each_reveal_is_audited_and_a_peer_worker_may_not() {
        String id = smsConversation();
        Api.Response revealed = staff().post("/api/inbox/conversations/" + id + "/reveal-number", "{}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("number").asText()).isEqualTo(CITIZEN);
        clock.advance(Duration.ofMinutes(1));
        assertThat(login("vakt", "a long oncall password").post("/api/inbox/conversations/" + id + "/reveal-number", "{}")
                .json().get("number").asText()).isEqualTo(CITIZEN);

        Api.Response refused = peer().post("/api/inbox/conversations/" + id + "/reveal-number", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");

        List<JsonNode> reveals = audit("reveal_number");
        assertThat(reveals).hasSize(2);
        assertThat(reveals).extracting(e -> e.get("username").asText()).containsExactly("vakt", "kari"); // newest first
        assertThat(reveals).allSatisfy(e -> {
            assertThat(e.get("conversationId").asText()).isEqualTo(id);
            assertThat(e.get("at").asText()).isNotBlank();
            assertThat(e.toString()).doesNotContain("91234567");
        });
        assertThat(staff().post("/api/inbox/conversations/sms-nobody/reveal-number", "{}").status()).isEqualTo(404);
    }

    @Test
    void a_web_chat_reveals_the_number_its_contact_request_gave_and_lists_show_it_masked() {
        Instant now = clock.instant();
        Batch batch = new Batch();
        kontakt.stores().conversations().save(batch, Conversation.start("web-abc123", "web", "session-1", "nb", now).waitingForPerson(now));
        kontakt.stores().contactRequests().save(batch, new ContactRequest("web-abc123/1", "web-abc123", null, "call", "asap", null, "Mia",
                false, ContactRequest.OPEN, now, now, "912 34 568"));
        kontakt.stores().commit(batch);
        Api staff = staff();
        assertThat(staff.get("/api/inbox/contact-requests").json().get(0).get("phone").asText()).isEqualTo("***4568");
        assertThat(staff.get("/api/inbox/conversations/web-abc123").json().get("contactRequests").get(0).get("phone").asText())
                .isEqualTo("***4568");
        assertThat(staff.post("/api/inbox/conversations/web-abc123/reveal-number", "{}").json().get("number").asText())
                .isEqualTo("+4791234568");

        Batch none = new Batch();
        kontakt.stores().conversations().save(none, Conversation.start("web-nonumber", "web", "session-2", "nb", now));
        kontakt.stores().commit(none);
        Api.Response missing = staff.post("/api/inbox/conversations/web-nonumber/reveal-number", "{}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("no_number");
    }

    @Test
    void list_reads_are_audited_by_list_and_filter_without_their_content_once_a_minute_per_person() {
        smsConversation();
        Api staff = staff();
        staff.get("/api/inbox/conversations?filter=waiting");
        staff.get("/api/inbox/conversations?filter=waiting"); // a refresh within the minute
        staff.get("/api/inbox/contact-requests");
        staff.get("/api/inbox/appointments");
        peer().get("/api/inbox/conversations?filter=waiting");
        clock.advance(Duration.ofSeconds(61));
        staff.get("/api/inbox/conversations?filter=waiting");

        List<JsonNode> reads = audit("list_read");
        assertThat(reads).extracting(e -> e.get("username").asText() + " " + e.get("detail").asText()).containsExactly(
                "kari queue filter=waiting", "pia queue filter=waiting", "kari appointments", "kari contact_requests",
                "kari queue filter=waiting");
        assertThat(reads).allSatisfy(e -> assertThat(e.hasNonNull("conversationId")).isFalse());
        assertThat(audit("list_read")).extracting(e -> e.get("detail").asText()).contains("audit_log"); // reading the audit log is a list read too
        assertThat(new Api(kontakt.port()).anonymous("GET", "/api/inbox/conversations").status()).isEqualTo(401);
    }

    @Test
    void a_conversation_exports_as_journal_text_audited_and_not_for_peer_workers() {
        String id = smsConversation();
        Api staff = staff();
        staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei, dette er Kari.\\nJeg ringer deg i dag.\"}");
        staff.post("/api/inbox/conversations/" + id + "/notes", "{\"text\":\"Avtalt telefon kl 14\"}");

        Api.Response text = staff.get("/api/inbox/conversations/" + id + "/export.txt");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).contains("Samtale-ID: " + id, "SMS ***4567", "24.11.2026 10:00  Innbygger: hei",
                "kari (ansatt): Hei, dette er Kari.", "Jeg ringer deg i dag.", "Notat (kari): Avtalt telefon kl 14", "Eksportert: ")
                .doesNotContain(CITIZEN);
        assertThat(peer().get("/api/inbox/conversations/" + id + "/export.txt").status()).isEqualTo(403);
        assertThat(audit("export_text")).singleElement().satisfies(e -> {
            assertThat(e.get("username").asText()).isEqualTo("kari");
            assertThat(e.get("conversationId").asText()).isEqualTo(id);
        });
    }

    @Test
    void a_conversation_exports_as_a_fhir_r4_bundle_of_communications_that_hapi_parses_strictly() {
        String id = smsConversation();
        Api staff = staff();
        staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei! Vi ringer deg «i dag» 😊\"}");
        Api.Response r = staff.get("/api/inbox/conversations/" + id + "/export.fhir.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        assertThat(r.json().get("resourceType").asText()).isEqualTo("Bundle");

        IParser parser = FhirRecord.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = parser.parseResource(Bundle.class, r.body());
        List<Message> messages = kontakt.stores().messages().ofConversation(id);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getTimestamp()).isNotNull();
        assertThat(bundle.getIdentifier().getValue()).isEqualTo(id);
        assertThat(bundle.getEntry()).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            assertThat(entry.getResource()).isInstanceOf(Communication.class);
            Communication c = (Communication) entry.getResource();
            assertThat(entry.getFullUrl()).matches("urn:uuid:[0-9a-f-]{36}");
            assertThat(c.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED); // required, 1..1
            assertThat(c.getSent()).isEqualTo(java.util.Date.from(messages.get(i).at()));
            assertThat(c.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo(messages.get(i).body());
            assertThat(c.getSender().getDisplay()).isNotBlank();
            assertThat(c.getRecipientFirstRep().getDisplay()).isNotBlank();
            assertThat(c.getMediumFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirRecord.PARTICIPATION_MODE);
            assertThat(c.getSubject().getIdentifier().getValue()).isEqualTo(id);
        }
        assertThat(((Communication) bundle.getEntry().get(0).getResource()).getSender().getDisplay()).isEqualTo("Innbygger");
        assertThat(((Communication) bundle.getEntry().get(messages.size() - 1).getResource()).getPayloadFirstRep().getContentStringType()
                .getValue()).isEqualTo("Hei! Vi ringer deg «i dag» 😊");
        // round trip: what HAPI writes back is what we sent
        assertThat(parser.encodeResourceToString(bundle)).isEqualTo(parser.encodeResourceToString(parser.parseResource(Bundle.class, r.body())));
        assertThat(r.body()).doesNotContain(CITIZEN);
        assertThat(peer().get("/api/inbox/conversations/" + id + "/export.fhir.json").status()).isEqualTo(403);
        assertThat(audit("export_fhir")).hasSize(1);
    }

    @Test
    void an_admin_exports_everything_held_about_a_number_with_who_read_it_as_json_and_escaped_html() {
        String id = smsConversation();
        twilio.sms(CITIZEN, "<script>alert(1)</script>");
        Api staff = staff();
        staff.get("/api/inbox/conversations/" + id);
        staff.post("/api/inbox/conversations/" + id + "/reveal-number", "{}");
        Instant now = clock.instant();
        Batch batch = new Batch();
        kontakt.stores().conversations().save(batch, Conversation.start("web-web1", "web", "session-9", "nb", now));
        kontakt.stores().contactRequests().save(batch, new ContactRequest("web-web1/1", "web-web1", null, "sms", "asap", null, null,
                false, ContactRequest.OPEN, now, now, "0047 912 34 567"));
        kontakt.stores().commit(batch);

        Api admin = admin();
        Api.Response json = admin.post("/api/admin/access-export", "{\"number\":\"+47 912 34 567\"}");
        assertThat(json.status()).isEqualTo(200);
        JsonNode report = json.json();
        assertThat(report.get("number").asText()).isEqualTo(CITIZEN);
        assertThat(report.get("conversations")).extracting(c -> c.get("id").asText()).containsExactly(id, "web-web1");
        assertThat(report.get("conversations").get(0).get("messages").findValuesAsText("body")).contains("hei", "<script>alert(1)</script>");
        assertThat(report.get("contactRequests").findValuesAsText("conversationId")).contains("web-web1");
        assertThat(report.get("accessLog")).anySatisfy(e -> {
            assertThat(e.get("username").asText()).isEqualTo("kari");
            assertThat(e.get("action").asText()).isEqualTo("read");
        }).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("reveal_number"));
        assertThat(report.has("enrolments")).isTrue();
        assertThat(report.has("appointments")).isTrue();

        Api.Response html = admin.post("/api/admin/access-export", "{\"number\":\"91234567\",\"format\":\"html\"}");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "reveal_number", "<h1>").doesNotContain("<script>");

        assertThat(admin.post("/api/admin/access-export", "{\"number\":\"ring meg\"}").status()).isEqualTo(400);
        assertThat(staff.post("/api/admin/access-export", "{\"number\":\"91234567\"}").status()).isEqualTo(403);
        assertThat(audit("access_export")).extracting(e -> !e.hasNonNull("conversationId") ? e.get("detail").asText() : e.get("conversationId").asText())
                .contains(id, "web-web1", "***4567, 2 conversation(s)");
    }

    @Test
    void the_reply_cost_is_counted_by_the_servers_sms_rules() {
        Api staff = peer();
        JsonNode plain = staff.post("/api/inbox/segments", "{\"text\":\"Hei, jeg ringer deg i dag.\"}").json();
        assertThat(plain.get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(plain.get("segments").asInt()).isEqualTo(1);
        assertThat(plain.get("warn").asBoolean()).isFalse();
        JsonNode emoji = staff.post("/api/inbox/segments", "{\"text\":\"Hei 😊\"}").json();
        assertThat(emoji.get("encoding").asText()).isEqualTo("UCS-2");
        assertThat(emoji.get("characters").asInt()).isEqualTo(5);
        assertThat(emoji.get("warn").asBoolean()).isTrue();
        JsonNode longText = staff.post("/api/inbox/segments", "{\"text\":\"" + "a".repeat(1200) + "\"}").json();
        assertThat(longText.get("segments").asInt()).isEqualTo(8);
        assertThat(longText.get("warn").asBoolean()).isTrue();
        assertThat(staff.post("/api/inbox/segments", "{}").status()).isEqualTo(400);
    }
}
