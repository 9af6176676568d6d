package no.kontakt.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.Kontakt;
import no.kontakt.channel.InboundMessage;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.store.Enrolment;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several citizens through the real scripts, conversation service and outbox: who gets the waiting-list SMS and
 * the reminders (the transcripts show the texts, this shows the numbers they go to), and what STOP and SLETT do.
 */
class OffersConversationTest {
    static final String ANN = "+4790000001";
    static final String BO = "+4790000002";
    static final String CAI = "+4790000003";
    static final String DAG = "+4790000004";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final RecordingSender sms = new RecordingSender();
    final AtomicLong sids = new AtomicLong();
    final Kontakt kontakt;

    OffersConversationTest() {
        var env = TestKontakt.env(Path.of("target", "offers-conversations"));
        kontakt = Kontakt.create(TestKontakt.config(env), new InMemoryStorage(), env::get, clock, new Kontakt.Options(Map.of("sms", sms), "nb"));
    }

    @AfterEach
    void close() {
        kontakt.close();
    }

    List<String> say(String from, String... texts) {
        List<String> last = List.of();
        for (String text : texts) {
            last = kontakt.conversations().receive(new InboundMessage("sms", "SM" + sids.incrementAndGet(), from, "+4759440000", text, 0,
                    clock.instant())).texts();
        }
        return last;
    }

    /** hei → 2 (groups and courses) → 7 (cafe and trips) → 3 (the day trip, 3 seats) → ja */
    List<String> joinTheTrip(String from) {
        return say(from, "hei", "2", "7", "3", "ja");
    }

    List<OutboundMessage> tick(Duration later) {
        clock.advance(later);
        kontakt.conversations().fireDueTimers();
        kontakt.offers().runDue(clock.instant());
        kontakt.outbox().dispatchDue();
        List<OutboundMessage> sent = sms.sent();
        sms.drain();
        return sent;
    }

    String id(String phone) {
        return kontakt.conversations().conversationId("sms", phone);
    }

    @Test
    void the_first_on_the_waiting_list_gets_the_freed_seat_and_the_sms() {
        joinTheTrip(ANN);
        joinTheTrip(BO);
        joinTheTrip(CAI);
        assertThat(joinTheTrip(DAG)).singleElement().asString().startsWith("Du er nr. 1 på ventelista.");
        assertThat(tick(Duration.ofSeconds(1))).isEmpty();

        say(BO, "AVMELD");
        assertThat(say(BO, "1")).singleElement().asString().startsWith("Du er meldt av Dagstur til hytta med Marborg.");
        assertThat(tick(Duration.ofSeconds(1))).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(DAG);
            assertThat(m.body()).startsWith("Godt nytt! Du har fått plass på Dagstur til hytta med Marborg.");
        });
        assertThat(kontakt.stores().enrolments().ofOffer("dagstur")).extracting(Enrolment::conversationId)
                .containsExactlyInAnyOrder(id(ANN), id(CAI), id(DAG));
        assertThat(kontakt.stores().messages().ofConversation(id(DAG))).last().extracting(m -> m.body()).asString().startsWith("Godt nytt!");
    }

    @Test
    void reminders_go_to_each_participant_the_evening_before_and_not_to_who_said_stop() {
        joinTheTrip(ANN);
        joinTheTrip(BO);
        say(BO, "STOPP");
        clock.set(Instant.parse("2026-12-04T16:59:00Z"));
        assertThat(tick(Duration.ZERO)).isEmpty();
        List<OutboundMessage> sent = tick(Duration.ofMinutes(1));
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(ANN);
            assertThat(m.body()).isEqualTo("Påminnelse: Dagstur til hytta med Marborg er i morgen kl. 10.00, Mestringshuset, Kongens gate 12. "
                    + "Velkommen! Kan du ikke komme, skriv AVMELD.");
        });
        assertThat(tick(Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void erasing_a_conversation_frees_its_seat_for_who_waits() {
        joinTheTrip(ANN);
        joinTheTrip(BO);
        joinTheTrip(CAI);
        joinTheTrip(DAG);
        say(ANN, "SLETT");
        assertThat(say(ANN, "ja")).singleElement().asString().startsWith("Alt vi hadde lagret om deg er slettet.");
        assertThat(kontakt.stores().enrolments().ofConversation(id(ANN))).isEmpty();

        assertThat(tick(Duration.ofMinutes(2))).singleElement().extracting(OutboundMessage::to).isEqualTo(DAG);
        assertThat(kontakt.stores().enrolments().find("dagstur", id(DAG)).orElseThrow().seated()).isTrue();
    }
}
