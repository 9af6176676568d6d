package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Library library = Fixtures.library();
    private final Engine engine = Fixtures.engine(library);
    private Session session = Session.fresh("nb");
    private Instant now = T0;

    private Sprint say(String text) {
        return step(Input.Text.of(text));
    }

    private Sprint step(Input input) {
        Sprint sprint = engine.resume(roundTrip(session), input, now);
        session = sprint.session();
        return sprint;
    }

    private static Session roundTrip(Session s) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(s), Session.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_first_message_gets_the_opening_and_the_menu() {
        assertThat(say("hei").messages()).containsExactly("Hei fra Enheten", "meny");
        assertThat(session.waiting()).isTrue();
        assertThat(session.current().step()).isEqualTo("menu");
    }

    @Test
    void a_jump_runs_the_other_script_and_comes_back_with_the_action_result() {
        say("hei");
        Sprint sprint = say("1");
        assertThat(sprint.actionRequested()).isEqualTo(new Event.ActionRequested("join_offer", Map.of("offer", "yoga")));
        Sprint done = step(new Input.ActionDone("waitlisted", Map.of("position", "3")));
        assertThat(done.messages()).containsExactly("venteliste plass 3", "meny");
        assertThat(session.current().script()).isEqualTo("main");
    }

    @Test
    void an_exit_the_script_does_not_handle_fails_the_conversation() {
        say("hei");
        say("1");
        Sprint done = step(new Input.ActionDone("exploded", Map.of()));
        assertThat(done.events()).anyMatch(e -> e instanceof Event.ConversationFailed);
        assertThat(done.messages()).containsExactly("feil");
    }

    @Test
    void after_the_allowed_misses_otherwise_goes_on() {
        say("hei");
        assertThat(say("x").messages()).containsExactly("forsto ikke");
        assertThat(say("y").messages()).containsExactly("ha det");
        assertThat(session.ended()).isTrue();
    }

    @Test
    void a_time_window_is_saved_typed_and_its_words_kept() {
        say("hei");
        say("2");
        Sprint sprint = say("etter 16");
        assertThat(session.vars()).containsEntry("when_text", "etter 16");
        assertThat(session.vars().get("when")).isEqualTo("2026-11-24T16:00:00+01:00/2026-11-24T21:00:00+01:00");
        assertThat(sprint.messages()).containsExactly("Takk, etter 16");
    }

    @Test
    void a_silent_wait_reminds_then_expires() {
        say("hei");
        say("2");
        assertThat(session.timer().dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        now = T0.plusSeconds(1800);
        assertThat(step(new Input.TimerFired()).messages()).isEmpty();
        now = T0.plus(Duration.ofHours(1));
        assertThat(step(new Input.TimerFired()).messages()).containsExactly("påminnelse");
        now = T0.plus(Duration.ofHours(3));
        assertThat(step(new Input.TimerFired()).messages()).containsExactly("ha det");
        assertThat(session.timer()).isNull();
    }

    @Test
    void stop_silences_everything_until_start_but_risk_still_gets_the_safety_text() {
        say("hei");
        assertThat(say("STOPP").messages()).containsExactly("stoppet");
        assertThat(say("1").messages()).isEmpty();
        assertThat(step(new Input.Text("vil dø", true, java.util.List.of("lexicon"))).messages()).containsExactly("ring 113");
        assertThat(say("start").messages()).containsExactly("velkommen", "meny");
    }

    @Test
    void risk_gets_the_safety_text_and_the_script_continues_where_it_was() {
        say("hei");
        say("2");
        Sprint sprint = step(new Input.Text("orker ikke mer", true, java.util.List.of("lexicon:nb")));
        assertThat(sprint.events()).contains(new Event.RiskFlagged(java.util.List.of("lexicon:nb")));
        assertThat(sprint.messages()).containsExactly("ring 113");
        assertThat(session.current().step()).isEqualTo("ask");
    }

    @Test
    void a_language_word_switches_language_and_repeats_the_question() {
        say("hei");
        assertThat(say("english").messages()).containsExactly("english", "menu");
        assertThat(session.language()).isEqualTo("en");
    }

    @Test
    void erasure_asks_first() {
        say("hei");
        assertThat(say("slett").messages()).containsExactly("slette?");
        assertThat(say("nei").messages()).containsExactly("sletter ikke", "meny");
        say("slett");
        Sprint sprint = say("ja");
        assertThat(sprint.events()).contains(new Event.ErasureRequested());
        assertThat(session.vars()).isEmpty();
        assertThat(session.frames()).isEmpty();
    }

    @Test
    void a_conversation_waiting_in_a_deleted_step_finishes_on_its_pinned_version() {
        say("hei");
        say("2");
        String v2 = Fixtures.MAIN
                .replace("        - number: 2\n          go: ask\n", "")
                .replace("  ask:\n", "  ask_removed:\n")
                .replace("say: {nb: meny, en: menu}", "say: {nb: ny meny, en: new menu}");
        assertThat(v2).doesNotContain("go: ask\n").contains("ask_removed:");
        Script newer = ScriptLoader.load("conversations/main.yaml", v2).script();
        assertThat(newer).isNotNull();
        Engine upgraded = Fixtures.engine(library.publish(newer));
        Sprint sprint = upgraded.resume(session, Input.Text.of("i morgen"), now);
        assertThat(sprint.messages()).containsExactly("Takk, i morgen");
        assertThat(sprint.session().ended()).isTrue();
        Sprint next = upgraded.resume(sprint.session(), Input.Text.of("hei"), now);
        assertThat(next.messages()).containsExactly("ny meny");
        assertThat(next.session().current().version()).isEqualTo(2);
    }
}
