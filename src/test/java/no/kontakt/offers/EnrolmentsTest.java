package no.kontakt.offers;

import static no.kontakt.offers.OffersFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import no.kontakt.offers.Enrolments.Outcome;
import no.kontakt.store.Batch;
import no.kontakt.store.Enrolment;
import no.kontakt.store.OutboxItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrolmentsTest {
    final OffersFixture f = new OffersFixture();
    final Enrolments enrolments = f.offers.enrolments();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void seats_until_full_then_a_waiting_list_with_positions() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        String dag = f.citizen("+4790000004", "nb");

        assertThat(f.join("trip", ann, NOW)).isEqualTo(new Enrolments.Joined(Outcome.JOINED, 0, false));
        assertThat(f.join("trip", bo, NOW)).isEqualTo(new Enrolments.Joined(Outcome.JOINED, 0, false));
        assertThat(f.join("trip", cai, NOW)).isEqualTo(new Enrolments.Joined(Outcome.WAITLISTED, 1, false));
        assertThat(f.join("trip", dag, NOW)).isEqualTo(new Enrolments.Joined(Outcome.WAITLISTED, 2, false));

        Roster roster = enrolments.roster(f.offer("trip"), NOW);
        assertThat(roster.seated()).extracting(Enrolment::conversationId).containsExactly(ann, bo);
        assertThat(roster.waiting()).extracting(Enrolment::conversationId).containsExactly(cai, dag);
        assertThat(roster.free(2)).isZero();
    }

    @Test
    void joining_twice_changes_nothing() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        f.join("trip", bo, NOW);
        f.join("trip", cai, NOW);

        assertThat(f.join("trip", ann, NOW.plusSeconds(60))).isEqualTo(new Enrolments.Joined(Outcome.JOINED, 0, true));
        assertThat(f.join("trip", cai, NOW.plusSeconds(60))).isEqualTo(new Enrolments.Joined(Outcome.WAITLISTED, 1, true));
        assertThat(f.stores.enrolments().ofOffer("trip")).hasSize(3);
        assertThat(f.stores.enrolments().find("trip", ann).orElseThrow().joinedAt()).isEqualTo(NOW);
    }

    @Test
    void a_cancelled_seat_goes_to_the_first_who_waits_with_an_sms_in_the_same_batch() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "en");
        String dag = f.citizen("+4790000004", "nb");
        for (String c : new String[] {ann, bo, cai, dag}) {
            f.join("trip", c, NOW);
        }
        Batch batch = new Batch();
        var cancelled = enrolments.cancel(f.offer("trip"), bo, NOW.plusSeconds(3600), batch);
        assertThat(f.outbox()).as("nothing before the batch is committed").isEmpty();
        f.stores.commit(batch);

        assertThat(cancelled.orElseThrow().ended().conversationId()).isEqualTo(bo);
        assertThat(cancelled.get().promoted()).extracting(Enrolment::conversationId).containsExactly(cai);
        Roster roster = enrolments.roster(f.offer("trip"), NOW.plusSeconds(3600));
        assertThat(roster.seated()).extracting(Enrolment::conversationId).containsExactly(ann, cai);
        assertThat(roster.position(dag)).isEqualTo(1);
        assertThat(roster.seated().get(1).seatedAt()).isEqualTo(NOW.plusSeconds(3600));

        assertThat(f.outbox()).singleElement().satisfies(item -> {
            assertThat(item.to()).isEqualTo("+4790000003");
            assertThat(item.channel()).isEqualTo("sms");
            assertThat(item.body()).isEqualTo("You got a place on Day trip, Saturday 5 December at 10am.");
            assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(f.stores.messages().find(item.messageId()).orElseThrow().body()).isEqualTo(item.body());
        });
        assertThat(f.stores.messages().ofConversation(cai)).hasSize(1);
    }

    @Test
    void leaving_the_waiting_list_moves_no_one_up() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        String dag = f.citizen("+4790000004", "nb");
        for (String c : new String[] {ann, bo, cai, dag}) {
            f.join("trip", c, NOW);
        }
        var cancelled = f.cancel("trip", cai, NOW);
        assertThat(cancelled.orElseThrow().promoted()).isEmpty();
        assertThat(enrolments.roster(f.offer("trip"), NOW).position(dag)).isEqualTo(1);
        assertThat(f.outbox()).isEmpty();
        assertThat(f.cancel("trip", cai, NOW)).as("cancelling again").isEmpty();
    }

    @Test
    void full_without_a_waiting_list_drop_in_and_ended_offers_take_no_one() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        assertThat(f.join("course", ann, NOW).outcome()).isEqualTo(Outcome.JOINED);
        assertThat(f.join("course", bo, NOW).outcome()).isEqualTo(Outcome.FULL);
        assertThat(f.join("cafe", bo, NOW).outcome()).isEqualTo(Outcome.NO_SIGNUP);
        assertThat(f.join("past", bo, NOW).outcome()).isEqualTo(Outcome.FULL);
        assertThat(enrolments.ofConversation(bo, NOW)).isEmpty();
    }

    @Test
    void a_seat_decided_in_a_batch_not_yet_committed_is_not_given_twice() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        Batch first = new Batch();
        Batch second = new Batch();
        Batch third = new Batch();
        assertThat(enrolments.join(f.offer("trip"), ann, NOW, first).outcome()).isEqualTo(Outcome.JOINED);
        assertThat(enrolments.join(f.offer("trip"), bo, NOW, second).outcome()).isEqualTo(Outcome.JOINED);
        assertThat(enrolments.join(f.offer("trip"), cai, NOW, third)).isEqualTo(new Enrolments.Joined(Outcome.WAITLISTED, 1, false));
        f.stores.commit(third);
        f.stores.commit(second);
        f.stores.commit(first);
        assertThat(f.stores.enrolments().ofOffer("trip")).extracting(Enrolment::conversationId, Enrolment::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ann, "seated"), org.assertj.core.groups.Tuple.tuple(bo, "seated"),
                        org.assertj.core.groups.Tuple.tuple(cai, "waiting"));
    }

    @Test
    void a_decision_whose_batch_is_lost_is_forgotten_and_the_seat_goes_to_who_waits() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        enrolments.join(f.offer("trip"), bo, NOW, new Batch()); // never committed (a crash, a failed commit)
        assertThat(f.join("trip", cai, NOW).outcome()).isEqualTo(Outcome.WAITLISTED);

        assertThat(enrolments.settle(NOW.plusSeconds(30))).as("still remembered").isZero();
        assertThat(enrolments.settle(NOW.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        assertThat(f.stores.enrolments().find("trip", cai).orElseThrow().seated()).isTrue();
        assertThat(f.outbox()).singleElement().extracting(OutboxItem::to).isEqualTo("+4790000003");
    }

    @Test
    void a_seat_freed_by_erasure_is_given_by_the_scheduler() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        f.join("trip", bo, NOW);
        f.join("trip", cai, NOW);
        Batch erase = new Batch();
        f.stores.enrolments().remove(erase, f.stores.enrolments().find("trip", bo).orElseThrow());
        f.stores.commit(erase);

        f.offers.runDue(NOW.plus(Duration.ofMinutes(5)));
        assertThat(f.stores.enrolments().find("trip", cai).orElseThrow().seated()).isTrue();
        assertThat(f.outbox()).singleElement().extracting(OutboxItem::body).isEqualTo("Du fikk plass på Dagstur, lørdag 5. desember kl. 10.00.");
        f.offers.runDue(NOW.plus(Duration.ofMinutes(6)));
        assertThat(f.outbox()).as("once").hasSize(1);
    }

    @Test
    void a_seat_given_in_the_quiet_hours_is_texted_when_they_end() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        f.join("trip", bo, NOW);
        f.join("trip", cai, NOW);
        f.cancel("trip", ann, OffersFixture.at("2026-11-24T23:30:00+01:00"));
        assertThat(f.outbox()).singleElement().extracting(OutboxItem::nextAttemptAt).isEqualTo(OffersFixture.at("2026-11-25T09:00:00+01:00"));
    }

    @Test
    void a_citizen_who_said_stop_gets_the_seat_but_no_sms() {
        String ann = f.citizen("+4790000001", "nb");
        String bo = f.citizen("+4790000002", "nb");
        String cai = f.citizen("+4790000003", "nb");
        f.join("trip", ann, NOW);
        f.join("trip", bo, NOW);
        f.join("trip", cai, NOW);
        Batch stop = new Batch();
        var session = JsonNodeFactory.instance.objectNode().put("optedOut", true);
        f.stores.conversations().save(stop, f.stores.conversations().find(cai).orElseThrow().withSession(session));
        f.stores.commit(stop);

        f.cancel("trip", ann, NOW);
        assertThat(f.stores.enrolments().find("trip", cai).orElseThrow().seated()).isTrue();
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void lists_a_conversations_enrolments() {
        String ann = f.citizen("+4790000001", "nb");
        f.join("trip", ann, NOW);
        f.join("closed", ann, NOW);
        assertThat(enrolments.ofConversation(ann, NOW)).extracting(Enrolment::offerId).containsExactly("trip", "closed");
    }
}
