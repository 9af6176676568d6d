package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.kontakt.store.Appointment;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.CannedReplyStore;
import no.kontakt.store.ConversationEvent;
import no.kontakt.store.EventLog;
import no.kontakt.store.FeedbackAsk;
import no.kontakt.store.LoginSession;
import no.kontakt.store.User;
import org.junit.jupiter.api.Test;

/** The staff side: accounts, logins, the audit trail and its pseudonyms, events, appointments, canned replies, feedback. */
abstract class StaffContract extends RoleContract {
    @Test
    void users_and_their_logins_are_found_listed_and_removed() {
        User kari = new User("kari", "staff", "hash", 0, null, T0);
        commit(b -> {
            roles.users().saveUser(b, kari);
            roles.users().saveUser(b, new User("admin", "admin", "hash2", 0, null, T0));
            roles.logins().saveLogin(b, new LoginSession("t1", "kari", "staff", "csrf", T0, T0.plusSeconds(3600)));
            roles.logins().saveLogin(b, new LoginSession("t2", "kari", "staff", "csrf", T0, T0.plusSeconds(3600)));
        });
        restart();
        assertThat(roles.users().user("kari")).contains(kari);
        assertThat(roles.users().users()).extracting(User::username).containsExactly("admin", "kari");
        assertThat(roles.logins().login("t1").orElseThrow().username()).isEqualTo("kari");
        assertThat(roles.logins().logins()).hasSize(2);
        commit(b -> {
            roles.users().removeUser(b, "kari");
            roles.logins().removeLogin(b, "t1");
        });
        restart();
        assertThat(roles.users().user("kari")).isEmpty();
        assertThat(roles.logins().login("t1")).isEmpty();
        assertThat(roles.logins().logins()).extracting(LoginSession::tokenHash).containsExactly("t2");
    }

    @Test
    void the_audit_trail_is_newest_first_and_an_erased_conversation_links_to_nothing() {
        commit(b -> roles.audit().audit(b, new AuditEntry(T0, "kari", "staff", "read", "sms-a", null)));
        commit(b -> roles.audit().audit(b, new AuditEntry(T0.plusSeconds(1), "kari", "staff", "reply", "sms-a", null)));
        commit(b -> roles.audit().audit(b, new AuditEntry(T0.plusSeconds(2), "admin", "admin", "publish", null, "main")));
        restart();
        assertThat(roles.audit().auditTrail()).extracting(AuditEntry::action).containsExactly("publish", "reply", "read");
        assertThat(roles.audit().auditTrail("sms-a")).extracting(AuditEntry::action).containsExactly("reply", "read");
        String ref = roles.audit().auditRefOf("sms-a").orElseThrow();
        assertThat(ref).doesNotContain("sms-a");

        commit(b -> roles.audit().forgetAuditRef(b, "sms-a"));
        restart();
        assertThat(roles.audit().auditTrail()).hasSize(3);
        assertThat(roles.audit().auditTrail("sms-a")).isEmpty();
        assertThat(roles.audit().auditRefOf("sms-a")).isEmpty();
        assertThat(roles.audit().auditTrail()).extracting(AuditEntry::conversationId).doesNotContain("sms-a");
    }

    @Test
    void events_read_back_in_order_and_are_removed_per_conversation() {
        commit(b -> {
            for (int n = 11; n >= 0; n--) {
                // ordered by time, then by the index within one time (a turn's events share it)
                roles.events().event(b, new ConversationEvent(EventLog.eventId("sms-a", T0.plusSeconds(n / 3), n % 3), "sms-a", T0, "e" + n,
                        "bot", Map.of()));
            }
            for (int n = 11; n >= 0; n--) { // twelve events of one millisecond: the 11th sorts after the 2nd
                roles.events().event(b, new ConversationEvent(EventLog.eventId("sms-c", T0, n), "sms-c", T0, "c" + n, "bot", Map.of()));
            }
            roles.events().event(b, new ConversationEvent(EventLog.eventId("sms-ab", T0, 0), "sms-ab", T0, "other", "bot", Map.of()));
        });
        restart();
        assertThat(roles.events().events("sms-a")).extracting(ConversationEvent::type)
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11");
        assertThat(roles.events().events("sms-c")).extracting(ConversationEvent::type)
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11");
        commit(b -> roles.events().removeEvents(b, "sms-a"));
        restart();
        assertThat(roles.events().events("sms-a")).isEmpty();
        assertThat(roles.events().events("sms-ab")).hasSize(1);
    }

    @Test
    void appointments_canned_replies_and_feedback_asks_round_trip() {
        Appointment later = new Appointment("sms-a/2", "sms-a", T0.plusSeconds(7200), "Storgata 1", "Kari", "kari", null, null, false, T0, null);
        Appointment sooner = new Appointment("sms-b/1", "sms-b", T0.plusSeconds(3600), "Storgata 1", "Ola", "ola", null, null, false, T0, null);
        var canned = new CannedReplyStore.CannedReply("hours", Map.of("nb", "Vi er her 8–16.", "en", "We are here 8–16."));
        var ask = new FeedbackAsk("sms-a", "contact", T0.plusSeconds(60), null, false);
        commit(b -> {
            roles.appointments().saveAppointment(b, later);
            roles.appointments().saveAppointment(b, sooner);
            roles.cannedReplies().saveCanned(b, canned);
            roles.feedback().saveFeedback(b, ask);
        });
        restart();
        assertThat(roles.appointments().allAppointments()).containsExactly(sooner, later);
        assertThat(roles.appointments().appointments("sms-a")).containsExactly(later);
        assertThat(roles.appointments().appointment("sms-b/1")).contains(sooner);
        assertThat(roles.cannedReplies().cannedReplies()).containsExactly(canned);
        assertThat(roles.feedback().feedback("sms-a")).contains(ask);
        assertThat(roles.feedback().allFeedback()).containsExactly(ask);
        commit(b -> {
            roles.appointments().removeAppointment(b, "sms-a/2");
            roles.cannedReplies().removeCanned(b, "hours");
            roles.feedback().removeFeedback(b, "sms-a");
        });
        restart();
        assertThat(roles.appointments().allAppointments()).containsExactly(sooner);
        assertThat(roles.cannedReplies().cannedReplies()).isEmpty();
        assertThat(roles.feedback().feedback("sms-a")).isEmpty();
    }
}
