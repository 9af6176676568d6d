package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppointmentAnswerTest {
    private static Optional<AppointmentAnswer> parse(String text) {
        return AppointmentAnswer.parse(text, "nb");
    }

    @Test
    void a_plain_yes_or_no_has_no_reason() {
        assertThat(parse("JA")).contains(new AppointmentAnswer(true, null));
        assertThat(parse("nei")).contains(new AppointmentAnswer(false, null));
        assertThat(parse("nei takk")).contains(new AppointmentAnswer(false, null));
        assertThat(parse("passer ikke")).contains(new AppointmentAnswer(false, null));
    }

    @Test
    void a_no_that_opens_the_message_keeps_the_rest_as_the_reason() {
        assertThat(parse("nei, jeg jobber da")).contains(new AppointmentAnswer(false, "jeg jobber da"));
        assertThat(parse("Nei takk. Jeg er syk den dagen!")).contains(new AppointmentAnswer(false, "Jeg er syk den dagen!"));
        assertThat(parse("nei jeg jobber da")).contains(new AppointmentAnswer(false, "jeg jobber da"));
        assertThat(parse("passer ikke den dagen")).contains(new AppointmentAnswer(false, "den dagen"));
        assertThat(AppointmentAnswer.parse("nej tak – jeg er syg", "da")).contains(new AppointmentAnswer(false, "jeg er syg"));
        assertThat(parse("nei, " + "x".repeat(400)).orElseThrow().reason()).hasSize(AppointmentAnswer.MAX_REASON);
    }

    @Test
    void anything_else_is_not_an_answer() {
        assertThat(parse("ja, men etter 16")).isEmpty();
        assertThat(parse("kanskje")).isEmpty();
        assertThat(parse("jeg jobber da, nei")).isEmpty();
        assertThat(AppointmentAnswer.parse("no er eg klar", "nn")).isEmpty(); // nynorsk "no" is "now"
    }
}
