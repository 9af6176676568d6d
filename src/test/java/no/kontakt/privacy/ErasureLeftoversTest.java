package no.kontakt.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.kontakt.Kontakt;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.StaffStores;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLETT leaves no delivery record, and the audit of an erased conversation links to no later conversation. */
class ErasureLeftoversTest {
    static final String CITIZEN = "+4791234567";
    private static final Pattern STATUS_ID = Pattern.compile("/twilio/status\\?m=([^\"&]+)");
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() {
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about erasure: the second factor is SignInTest's
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    /** Sends an SMS and reports every reply delivered, as Twilio's status callbacks would; returns the reply ids. */
    private List<String> smsDelivered(String body) {
        String twiml = twilio.sms(CITIZEN, body).body();
        List<String> ids = new ArrayList<>();
        var m = STATUS_ID.matcher(twiml.replace("&amp;", "&"));
        while (m.find()) {
            String id = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            ids.add(id);
            var status = twilio.post("/twilio/status?m=" + m.group(1), Map.of("MessageSid", TwilioRequests.newSid(),
                    "MessageStatus", "delivered", "AccountSid", "AC" + "a".repeat(32)));
            assertThat(status.statusCode()).isEqualTo(204);
        }
        return ids;
    }

    @Test
    void erasure_removes_delivery_records_and_unsent_outbox_items() {
        List<String> replies = new ArrayList<>(smsDelivered("hei"));
        replies.addAll(smsDelivered("4"));
        String id = kontakt.conversations().conversationId("sms", CITIZEN);
        var stores = kontakt.stores();
        assertThat(stores.inbound().ofConversation(id)).hasSize(2);
        assertThat(replies).isNotEmpty();
        assertThat(replies).allSatisfy(r -> assertThat(stores.deliveries().find(r)).as("recorded before erasure").isPresent());
        Api staff = new Api(kontakt.port());
        staff.login("kari", "a long staff password");
        staff.post("/api/inbox/conversations/" + id + "/takeover", "{}");
        assertThat(staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei, dette er Kari.\"}").status()).isEqualTo(201);
        kontakt.outbox().dispatchDue(); // the staff reply goes out: one more delivery record
        // and one waiting in the outbox for a retry after a failed send
        var batch = new no.kontakt.store.Batch();
        stores.outbox().put(batch, new no.kontakt.store.OutboxItem(id + "/retry", id, id + "/9999999999", "sms", CITIZEN, "Er du der?", 1,
                clock.instant().plusSeconds(3600), no.kontakt.store.OutboxItem.State.PENDING, clock.instant()));
        stores.commit(batch);
        assertThat(stores.outbox().ofConversation(id)).isNotEmpty();

        twilio.sms(CITIZEN, "slett");
        twilio.sms(CITIZEN, "ja");

        assertThat(stores.conversations().find(id)).isEmpty();
        assertThat(replies).allSatisfy(r -> assertThat(stores.deliveries().find(r)).as("delivery of %s", r).isEmpty());
        assertThat(stores.outbox().ofConversation(id)).isEmpty();
        assertThat(stores.inbound().ofConversation(id)).as("receipts kept for retries name no conversation").isEmpty();
        assertThat(stores.inbound().count()).isEqualTo(4);
        assertThat(stores.verify()).containsEntry("deliveries", 0L).containsEntry("outbox", 0L);
    }

    @Test
    void the_audit_of_an_erased_conversation_does_not_link_to_the_next_one_from_the_same_number() {
        smsDelivered("hei");
        smsDelivered("4");
        String first = kontakt.conversations().conversationId("sms", CITIZEN);
        Api staff = new Api(kontakt.port());
        staff.login("kari", "a long staff password");
        staff.get("/api/inbox/conversations/" + first);
        Api admin = new Api(kontakt.port());
        admin.login("ola", "a long admin password");
        assertThat(admin.get("/api/admin/audit").json().get(0).get("conversationId").asText()).isEqualTo(first);
        String firstRef = storedRefs().get(0);
        assertThat(firstRef).startsWith(StaffStores.REF_PREFIX).isNotEqualTo(first);

        twilio.sms(CITIZEN, "slett");
        twilio.sms(CITIZEN, "ja");
        assertThat(kontakt.stores().conversations().find(first)).isEmpty();

        smsDelivered("hei");
        smsDelivered("4");
        String second = kontakt.conversations().conversationId("sms", CITIZEN);
        staff.get("/api/inbox/conversations/" + second);
        // the attack, with the protection off: the conversation id is derived from the number, so an audit keyed by it
        // would name the erased conversation and the new one alike
        assertThat(second).isEqualTo(first);
        List<String> refs = storedRefs();
        assertThat(refs).hasSize(2);
        assertThat(refs.get(0)).isNotEqualTo(firstRef).startsWith(StaffStores.REF_PREFIX);
        assertThat(refs.get(1)).isEqualTo(firstRef);

        JsonNode audit = admin.get("/api/admin/audit").json();
        List<String> named = new ArrayList<>();
        audit.forEach(e -> {
            if ("read".equals(e.get("action").asText())) {
                named.add(e.get("conversationId").asText());
            }
        });
        assertThat(named).containsExactly(second, firstRef); // the erased one's entry stays, pointing at nothing
        assertThat(kontakt.stores().staff().auditTrail(second)).hasSize(1);
        assertThat(audit.toString()).doesNotContain("91234567");
    }

    /** The conversation named by each stored "read" entry, as kept in the file (newest first). */
    private List<String> storedRefs() {
        List<String> refs = new ArrayList<>();
        for (AuditEntry e : kontakt.stores().staff().auditTrail()) {
            if ("read".equals(e.action())) {
                refs.add(e.conversationId().startsWith(StaffStores.REF_PREFIX) ? e.conversationId() : kontakt.stores().staff().auditRefOf(e.conversationId()).orElseThrow());
            }
        }
        return refs;
    }
}
