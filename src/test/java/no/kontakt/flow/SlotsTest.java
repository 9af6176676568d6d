package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlotsTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Tuesday 24 November 2026, 10:00. */
    private static final ZonedDateTime TUESDAY = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, OSLO);
    /** Saturday 28 November 2026, 11:00. */
    private static final ZonedDateTime SATURDAY = ZonedDateTime.of(2026, 11, 28, 11, 0, 0, 0, OSLO);

    private static String channel(String text, String language) {
        return Slots.extract(text, language, TUESDAY).channel().orElse("none");
    }

    private static String name(String text, String language) {
        SlotValues v = Slots.extract(text, language, TUESDAY, Slot.NAME, OpeningHours.UNKNOWN);
        return v.anonymous() ? "anonymous" : v.name().orElse("none");
    }

    private static String window(String text, String language, ZonedDateTime now, Slot asked) {
        return Slots.extract(text, language, now, asked, SlotEvaluationTest::hours).window()
                .map(w -> SlotEvaluationTest.describe(w, now)).orElse("none");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nb | ring meg                            | call
            nb | kan dere ringe                      | call
            nb | ikke ring meg, send sms             | sms
            nb | ring ikke                           | sms
            nb | helst ikke telefon                  | sms
            nb | ring meg heller                     | call
            nb | ikke sms, ring meg                  | call
            nb | ring meg ikke før etter 16          | call
            nn | ikkje ring                          | sms
            nn | ring ikkje                          | sms
            da | ring ikke til mig, skriv en sms     | sms
            da | besked                              | sms
            sv | ring inte                           | sms
            sv | skicka sms istället                 | sms
            sv | meddelande                          | sms
            sv | hellre sms än telefon               | sms
            sv | ring inte efter 18                  | call
            sv | ring inte före kl 17                | call
            en | don't call, text me                 | sms
            en | dont call text me                   | sms
            en | text is better                      | sms
            en | no calls please                     | sms
            en | I can't talk on the phone right now | sms
            nb | sms                                 | sms
            nb | melding                             | sms
            """)
    void reads_the_channel_with_negation(String language, String text, String expected) {
        assertThat(channel(text, language)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" says nothing about the channel")
    @CsvSource(delimiter = '|', textBlock = """
            nb | hei, jeg har det tungt for tiden
            nb | jeg ringte i går men ingen svarte
            nb | skal jeg ringe 113?
            nb | ring legevakten
            nb | takk for meldingen
            nb | mamma leser meldingene mine
            nn | mamma veit ikkje at eg skriv hit
            nb | ring eller sms, samme for meg
            en | call my mum
            en | you sent me a text last week
            """)
    void reads_no_channel_where_none_is_asked_for(String language, String text) {
        assertThat(channel(text, language)).isEqualTo("none");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nb | jeg heter Kari          | Kari
            nn | eg heiter Kari          | Kari
            da | jeg hedder Kari         | Kari
            sv | jag heter Kari          | Kari
            en | I'm Kari                | Kari
            en | my name is Kari         | Kari
            en | call me Kari            | Kari
            nb | jeg er Kari             | Kari
            nb | Kari                    | Kari
            nb | kari                    | Kari
            nb | Ola Nordmann            | Ola
            nb | anne-lise               | Anne-Lise
            nb | Sander, 17 år           | Sander
            nb | anonym                  | anonymous
            nb | vil ikke si             | anonymous
            nb | vil helst være anonym   | anonymous
            nb | nei                     | anonymous
            da | nej                     | anonymous
            en | no thanks               | anonymous
            nb | 0                       | anonymous
            nb | trenger ikke            | anonymous
            nb | helst ikke              | anonymous
            nb | ingen navn              | anonymous
            """)
    void reads_a_name_or_anonymous_at_the_name_question(String language, String text, String expected) {
        assertThat(name(text, language)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no name")
    @CsvSource(delimiter = '|', textBlock = """
            nb | jeg er redd
            nb | jeg er 17
            nb | jeg er lei meg
            nb | Takk, jeg vil bare dø!
            nb | jeg orker ikke mer
            nb | hvorfor trenger dere det?
            nb | faen ta deg
            en | fuck off
            nb | dra til helvete
            nb | etter 16
            nb | i morgen
            nb | lørdag
            nb | sms
            nb | ring meg
            nb | ja
            en | yes
            en | I'm tired
            nb | hjelp
            """)
    void never_takes_a_risk_message_a_question_an_insult_a_time_a_channel_or_a_yes_as_a_name(String language,
                                                                                              String text) {
        assertThat(name(text, language)).isEqualTo("none");
        assertThat(Slots.plausibleName(text, language)).isEmpty();
    }

    @Test
    void a_bare_name_counts_only_at_the_name_question() {
        assertThat(Slots.extract("Kari", "nb", TUESDAY).name()).isEmpty();
        assertThat(Slots.extract("nei", "nb", TUESDAY).anonymous()).isFalse();
        assertThat(Slots.extract("hei, jeg heter Kari og vil snakke med noen", "nb", TUESDAY).name()).contains("Kari");
        assertThat(Slots.extract("kan jeg være anonym?", "nb", TUESDAY).anonymous()).isTrue();
        assertThat(Slots.plausibleName("Ola Nordmann", "nb")).contains("Ola");
        assertThat(Slots.extract("Hej, Lisa här. kan ni ringa?", "sv", TUESDAY).name()).contains("Lisa");
        assertThat(Slots.extract("Det er Jul snart og jeg gruer meg", "nb", TUESDAY).name()).isEmpty();
        assertThat(Slots.extract("Jeg er Norsk men bor i Sverige", "nb", TUESDAY).name()).isEmpty();
        assertThat(Slots.extract("Hei! Jeg er Lise, mamma til Ola (15)", "nb", TUESDAY).name()).contains("Lise");
        assertThat(Slots.plausibleName("Ine", "nb")).contains("Ine");
    }

    @Test
    void reads_without_a_language() {
        SlotValues v = Slots.extract("ikke ring meg, send sms etter 16. jeg heter Kari", null, TUESDAY);
        assertThat(v.channel()).contains("sms");
        assertThat(v.window()).isPresent();
        assertThat(v.name()).contains("Kari");
    }

    @Test
    void after_work_is_sixteen_on_a_working_day() {
        assertThat(window("etter jobb", "nb", TUESDAY, Slot.WINDOW)).isEqualTo("today 16:00-21:00");
        assertThat(window("after school", "en", TUESDAY, Slot.WINDOW)).isEqualTo("today 16:00-21:00");
        assertThat(window("etter jobb", "nb", SATURDAY, Slot.WINDOW)).isEqualTo("mon 16:00-21:00");
        assertThat(window("i morgen etter skolen", "nb", TUESDAY, Slot.WINDOW)).isEqualTo("tomorrow 16:00-21:00");
        assertThat(window("på lørdag etter jobb", "nb", TUESDAY, Slot.WINDOW)).isEqualTo("sat 16:00-21:00");
    }

    @Test
    void when_you_are_open_is_the_opening_period() {
        assertThat(window("når dere er åpne", "nb", TUESDAY, Slot.WINDOW)).isEqualTo("today 10:00-15:30");
        assertThat(window("when you're open", "en", SATURDAY, Slot.WINDOW)).isEqualTo("mon 08:00-15:30");
        SlotValues unknown = Slots.extract("i åpningstiden", "nb", TUESDAY, Slot.WINDOW, OpeningHours.UNKNOWN);
        assertThat(unknown.window()).contains(TimeWindow.asap(TUESDAY));
    }

    @Test
    void a_free_message_needs_a_clear_time() {
        assertThat(window("jeg er 17", "nb", TUESDAY, null)).isEqualTo("none");
        assertThat(window("jeg har det vondt nå", "nb", TUESDAY, null)).isEqualTo("none");
        assertThat(window("i går kveld drakk jeg for mye", "nb", TUESDAY, null)).isEqualTo("none");
        assertThat(window("ring meg nå", "nb", TUESDAY, null)).isEqualTo("asap");
        assertThat(window("kan noen ringe meg i morgen", "nb", TUESDAY, null)).isEqualTo("tomorrow 08:00-21:00");
        assertThat(window("17", "nb", TUESDAY, Slot.WINDOW)).isEqualTo("today 17:00-18:00");
    }

    @Test
    void keeps_the_words_the_window_came_from() {
        SlotValues v = Slots.extract("hei! kan dere ringe meg i morgen etter 16?", "nb", TUESDAY);
        assertThat(v.windowWords()).contains("i morgen etter 16");
        assertThat(v.channel()).contains("call");
        assertThat(Slots.extract("hei", "nb", TUESDAY).windowWords()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            nb | i morgen etter 16      | i morgen etter kl. 16
            nn | i morgon etter 16      | i morgon etter kl. 16
            da | i morgen efter kl 16   | i morgen efter kl. 16
            sv | imorgon efter 16       | i morgon efter kl. 16
            en | tomorrow after 4pm     | tomorrow after 4 pm
            nb | etter 15.30            | i dag etter kl. 15.30
            nb | i kveld                | i kveld
            da | i aften                | i aften
            sv | ikväll                 | i kväll
            en | tonight                | tonight
            nb | i morgen formiddag     | i morgen formiddag
            nb | på lørdag              | på lørdag
            sv | på lördag              | på lördag
            en | on saturday            | on Saturday
            nb | mellom 12 og 14        | i dag mellom kl. 12 og 14
            en | between 12 and 2       | today between noon and 2 pm
            nb | før 12                 | i dag før kl. 12
            nb | så fort som mulig      | så snart som mulig
            nn | så fort som mogleg     | så snart som mogleg
            da | hurtigst muligt        | så hurtigt som muligt
            sv | så snart som möjligt   | så snart som möjligt
            en | asap                   | as soon as possible
            nb | i morgen               | i morgen
            nb | i helgen               | på lørdag eller søndag
            en | this weekend           | on Saturday or Sunday
            nb | i dag eller i morgen   | i dag eller i morgen
            nb | i ettermiddag          | i ettermiddag
            da | i eftermiddag          | i eftermiddag
            en | this afternoon         | this afternoon
            nb | i morgen tidlig        | i morgen tidlig
            nn | i morgon tidleg        | i morgon tidleg
            sv | i morgon bitti         | i morgon bitti
            en | tomorrow morning       | tomorrow morning
            en | monday morning         | on Monday morning
            en | friday after 12        | on Friday after 12 pm
            sv | på fredag förmiddag    | på fredag förmiddag
            """)
    void says_the_window_in_plain_words(String language, String text, String expected) {
        TimeWindow w = TimeWindowParser.parse(text, language, TUESDAY).orElseThrow();
        assertThat(Slots.describe(w, language, TUESDAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" answers a slot question, not the topic")
    @ValueSource(strings = {"etter 16", "i morgen formiddag", "sms", "ring meg", "ja", "nei takk", "anonym",
            "når som helst", "i morgen formiddag takk", "helst ikke telefon", "etter jobb"})
    void knows_a_slot_answer_from_a_topic(String text) {
        assertThat(Slots.isSlotAnswer(text, "nb", TUESDAY)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is a topic")
    @ValueSource(strings = {"angst", "jeg drikker for mye", "kjæresten min slår meg", "søvnproblemer",
            "pappa drikker mye og jeg vet ikke hva jeg skal gjøre", "jeg vil snakke om sønnen min",
            "stress på jobb", "jeg har det vondt nå"})
    void knows_a_topic_from_a_slot_answer(String text) {
        assertThat(Slots.isSlotAnswer(text, "nb", TUESDAY)).isFalse();
    }

    @Test
    void slot_values_refuse_a_name_and_anonymous_together() {
        assertThatThrownBy(() -> new SlotValues(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Kari"), true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotValues(Optional.of("fax"), Optional.empty(), Optional.empty(),
                Optional.empty(), false)).hasMessageContaining("fax");
        assertThat(SlotValues.none().isEmpty()).isTrue();
    }

    /**
     * A guard against slow rules (a regex that backtracks, a reading per word), not a benchmark: CPU time per message,
     * so a busy machine does not fail it. On the shared 2-core machine (load 30) about 0.1 ms for an SMS and 0.7 ms for
     * a 1,100-character message.
     */
    @Test
    void reads_messages_in_microseconds() {
        String sms = "hei, kan noen ringe meg i morgen etter jobb? jeg heter Kari";
        String longText = "hei, jeg har hatt det tungt lenge og sover dårlig, ".repeat(20)
                + "ikke ring meg, send heller en sms i morgen etter jobb. jeg heter Kari";
        SlotValues v = Slots.extract(longText, "nb", TUESDAY);
        assertThat(v.channel()).contains("sms");
        assertThat(v.name()).contains("Kari");
        assertThat(v.window()).isPresent();
        assertThat(cpuMicros(sms)).as("CPU microseconds per SMS").isLessThan(1_000);
        assertThat(cpuMicros(longText)).as("CPU microseconds per long message").isLessThan(5_000);
    }

    private static long cpuMicros(String text) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 300; i++) {
            Slots.extract(text, "nb", TUESDAY);
        }
        int runs = 300;
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            Slots.extract(text, "nb", TUESDAY);
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1000 / runs;
    }
}
