package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Enrolment;
import no.kontakt.store.ReminderLog;
import org.junit.jupiter.api.Test;

/** Contact requests (the open ones oldest first), enrolments (in the order seats were decided) and reminders sent. */
abstract class RequestOfferContract extends RoleContract {
    private static ContactRequest request(String id, String conversationId, Instant at) {
        return new ContactRequest(id, conversationId, null, "call", "asap", null, null, false, ContactRequest.OPEN, at, at, null);
    }

    @Test
    void open_requests_are_listed_oldest_first_until_done_or_removed() {
        ContactRequest a = request("sms-a/1", "sms-a", T0);
        ContactRequest b = request("sms-b/1", "sms-b", T0.plusSeconds(1));
        ContactRequest c = request("sms-c/1", "sms-c", T0.plusSeconds(2));
        ContactRequest a2 = request("sms-a/2", "sms-a", T0.plusSeconds(3));
        commit(batch -> {
            roles.contactRequests().save(batch, a2);
            roles.contactRequests().save(batch, c);
            roles.contactRequests().save(batch, b);
            roles.contactRequests().save(batch, a);
        });
        restart();
        assertThat(roles.contactRequests().open()).extracting(ContactRequest::id).containsExactly("sms-a/1", "sms-b/1", "sms-c/1", "sms-a/2");
        assertThat(roles.contactRequests().ofConversation("sms-a")).extracting(ContactRequest::id).containsExactly("sms-a/1", "sms-a/2");
        commit(batch -> {
            roles.contactRequests().save(batch, a.withStatus("done", T0.plusSeconds(9)));
            roles.contactRequests().remove(batch, "sms-c/1");
        });
        restart();
        assertThat(roles.contactRequests().open()).extracting(ContactRequest::id).containsExactly("sms-b/1", "sms-a/2");
        assertThat(roles.contactRequests().all()).extracting(ContactRequest::id).containsExactly("sms-a/1", "sms-b/1", "sms-a/2");
        assertThat(roles.contactRequests().find("sms-a/1").orElseThrow().status()).isEqualTo("done");
        assertThat(roles.contactRequests().find("sms-c/1")).isEmpty();
    }

    @Test
    void enrolments_of_an_offer_come_in_the_order_they_were_decided() {
        commit(b -> {
            roles.enrolments().save(b, new Enrolment("trip", "sms-c", Enrolment.WAITING, 3, T0, null));
            roles.enrolments().save(b, new Enrolment("trip", "sms-a", Enrolment.SEATED, 1, T0, T0));
            roles.enrolments().save(b, new Enrolment("trip", "sms-b", Enrolment.SEATED, 2, T0, T0));
            roles.enrolments().save(b, new Enrolment("course", "sms-a", Enrolment.SEATED, 4, T0, T0));
        });
        restart();
        assertThat(roles.enrolments().ofOffer("trip")).extracting(Enrolment::conversationId).containsExactly("sms-a", "sms-b", "sms-c");
        assertThat(roles.enrolments().ofConversation("sms-a")).extracting(Enrolment::offerId).containsExactlyInAnyOrder("trip", "course");
        assertThat(roles.enrolments().find("trip", "sms-c").orElseThrow().seated()).isFalse();
        commit(b -> roles.enrolments().remove(b, new Enrolment("trip", "sms-a", Enrolment.SEATED, 1, T0, T0)));
        restart();
        assertThat(roles.enrolments().find("trip", "sms-a")).isEmpty();
        assertThat(roles.enrolments().ofOffer("trip")).extracting(Enrolment::conversationId).containsExactly("sms-b", "sms-c");
    }

    @Test
    void a_reminder_sent_is_known_until_removed() {
        var sent = new ReminderLog.Sent("sms-a", "trip/2026-12-05T18:00", T0.plusSeconds(86_400), T0);
        commit(b -> {
            roles.reminders().record(b, sent);
            roles.reminders().record(b, new ReminderLog.Sent("sms-ab", "trip/2026-12-05T18:00", T0.plusSeconds(86_400), T0));
        });
        restart();
        assertThat(roles.reminders().contains("sms-a", "trip/2026-12-05T18:00")).isTrue();
        assertThat(roles.reminders().contains("sms-a", "trip/2026-12-12T18:00")).isFalse();
        assertThat(roles.reminders().ofConversation("sms-a")).containsExactly(sent);
        assertThat(roles.reminders().all()).hasSize(2);
        commit(b -> roles.reminders().remove(b, sent));
        restart();
        assertThat(roles.reminders().contains("sms-a", "trip/2026-12-05T18:00")).isFalse();
    }
}
