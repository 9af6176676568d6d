package no.kontakt.offers;

import static no.kontakt.offers.OffersFixture.NOW;
import static no.kontakt.offers.OffersFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigException;
import no.kontakt.store.OutboxItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemindersTest {
    final OffersFixture f = new OffersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void reminds_each_seated_participant_once_at_the_hour_the_day_before() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "en");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        f.join("trip", bo, NOW);
        f.join("trip", cai, NOW); // waiting: no reminder

        assertThat(f.offers.reminders().remindDue(at("2026-12-04T17:59:00+01:00"))).isZero();
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T18:00:00+01:00"))).isEqualTo(2);
        assertThat(f.outbox()).extracting(OutboxItem::to, OutboxItem::body).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("+4790000001", "Husk Dagstur i morgen kl. 10.00, Kongens gate 12."),
                org.assertj.core.groups.Tuple.tuple("+4790000002", "Remember Day trip tomorrow at 10am, Kongens gate 12."));
        assertThat(f.stores.reminders().contains(ann, "trip/2026-12-05T10:00")).isTrue();

        assertThat(f.offers.reminders().remindDue(at("2026-12-04T18:00:01+01:00"))).isZero();
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T20:30:00+01:00"))).isZero();
        assertThat(f.outbox()).hasSize(2);
    }

    @Test
    void a_restart_does_not_send_them_again() {
        String ann = f.citizen("+4790000001", "nb");
        f.join("trip", ann, NOW);
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T18:00:00+01:00"))).isEqualTo(1);
        Offers restarted = new Offers(f.catalogue, OffersFixture.roles(f.stores), f.settings);
        assertThat(restarted.reminders().remindDue(at("2026-12-04T18:10:00+01:00"))).isZero();
        assertThat(f.outbox()).hasSize(1);
    }

    @Test
    void never_in_the_quiet_hours() {
        String ann = f.citizen("+4790000001", "nb");
        f.join("trip", ann, NOW);
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T21:00:00+01:00"))).as("down until the quiet hours began").isZero();
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T23:59:00+01:00"))).isZero();
        assertThat(f.offers.reminders().remindDue(at("2026-12-05T08:00:00+01:00"))).isZero();
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void whoever_got_the_seat_after_the_hour_was_just_told_and_is_not_reminded() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        f.join("trip", ann, at("2026-12-04T17:00:00+01:00"));
        f.join("trip", bo, at("2026-12-04T18:30:00+01:00"));
        assertThat(f.offers.reminders().remindDue(at("2026-12-04T18:45:00+01:00"))).isEqualTo(1);
        assertThat(f.outbox()).singleElement().extracting(OutboxItem::to).isEqualTo("+4790000001");
    }

    @Test
    void tells_whether_a_reminder_will_still_come() {
        OfferSession trip = f.catalogue.next(f.offer("trip"), NOW).orElseThrow();
        assertThat(f.offers.reminders().willRemind(trip, at("2026-12-04T17:59:00+01:00"))).isTrue();
        assertThat(f.offers.reminders().willRemind(trip, at("2026-12-04T18:00:00+01:00"))).isFalse();
    }

    @Test
    void each_meeting_of_a_course_gets_its_reminder_and_drop_ins_get_none() {
        String ann = f.citizen("+4790000001", "nb");
        f.join("course", ann, NOW);
        assertThat(f.offers.reminders().remindDue(at("2026-11-30T18:00:00+01:00"))).isEqualTo(1);
        assertThat(f.offers.reminders().remindDue(at("2026-12-07T19:00:00+01:00"))).isEqualTo(1);
        assertThat(f.stores.reminders().all()).extracting(r -> r.sessionKey()).containsExactly("course/2026-12-01T18:00", "course/2026-12-08T18:00");
        assertThat(f.offers.reminders().remindDue(at("2026-12-09T19:00:00+01:00"))).as("Wednesday: nothing tomorrow").isZero();
        assertThat(f.outbox()).extracting(OutboxItem::body)
                .containsExactly("Husk Kurs i morgen kl. 18.00, Kongens gate 12.", "Husk Kurs i morgen kl. 18.00, Kongens gate 12.");
    }

    @Test
    void forgets_reminders_of_meetings_long_past() {
        String ann = f.citizen("+4790000001", "nb");
        f.join("course", ann, NOW);
        f.offers.reminders().remindDue(at("2026-11-30T18:00:00+01:00"));
        f.offers.reminders().remindDue(at("2026-12-14T18:00:00+01:00"));
        assertThat(f.stores.reminders().all()).extracting(r -> r.sessionKey()).containsExactly("course/2026-12-15T18:00");
    }

    @Test
    void the_reminder_hour_cannot_be_in_the_quiet_hours() {
        assertThatThrownBy(() -> new AppConfig.Offers(null, 22, "21:00-09:00", null)).isInstanceOf(ConfigException.class)
                .hasMessage("reminder_hour: 22 is inside the quiet hours 21:00-09:00; pick an hour outside them");
        assertThatThrownBy(() -> new AppConfig.Offers(null, 18, "kveld", null)).isInstanceOf(ConfigException.class)
                .hasMessage("quiet_hours: must be two times like \"21:00-09:00\" (was 'kveld')");
        var daytime = new AppConfig.Offers(null, 18, "12:00-13:00", null);
        assertThat(daytime.quiet(java.time.LocalTime.of(12, 30))).isTrue();
        assertThat(daytime.quiet(java.time.LocalTime.of(13, 0))).isFalse();
    }
}
