package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A risk flag moves the conversation into the safety script, from any state, and the message is never taken as an answer. */
class SafetyPathTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final String SAFETY = """
            start: check
            steps:
              check:
                say: {nb: "trygg? {{risk_kind}} {{about_other}}", en: "safe? {{risk_kind}} {{about_other}}"}
                wait:
                  routes:
                    - answer: yes
                      go: good
                    - pattern: "."
                      go: staff
              good:
                say: {nb: bra, en: good}
                end: true
              staff:
                say: {nb: sendt, en: sent}
                end: true
            """;

    private final Engine engine;
    private Session session = Session.fresh("nb");

    SafetyPathTest() {
        Map<String, String> files = new java.util.LinkedHashMap<>(Fixtures.files(Fixtures.MAIN));
        files.put("conversations/safety.yaml", SAFETY);
        Compiler.Result result = new Compiler(Fixtures.VALIDATOR).compile(files);
        assertThat(result.problems()).isEmpty();
        engine = Fixtures.engine(result.library());
    }

    private Sprint say(String text) {
        return step(Input.Text.of(text));
    }

    private Sprint risk(String text, String kind, boolean aboutOther) {
        return step(new Input.Text(text, true, List.of("lexicon:nb:x"), false, kind, aboutOther));
    }

    private Sprint step(Input input) {
        Sprint sprint = engine.resume(session, input, T0);
        session = sprint.session();
        return sprint;
    }

    @Test
    void a_risk_message_as_the_first_message_gets_the_safety_script_and_no_welcome() {
        Sprint sprint = risk("har tatt alle pillene", "overdose_taken", false);
        assertThat(sprint.messages()).containsExactly("trygg? overdose_taken no");
        assertThat(sprint.events()).contains(new Event.RiskFlagged(List.of("lexicon:nb:x")));
        assertThat(session.current().script()).isEqualTo("safety");
        assertThat(say("ja").messages()).containsExactly("bra");
    }

    @Test
    void a_risk_message_at_a_question_is_never_saved_as_its_answer() {
        say("hei");
        say("2");
        assertThat(session.current().step()).isEqualTo("ask");
        assertThat(risk("i morgen vil jeg ikke leve", "suicidal", true).messages()).containsExactly("trygg? suicidal yes");
        assertThat(session.vars()).doesNotContainKeys("when", "when_text");
        assertThat(session.current().script()).isEqualTo("safety");
    }

    @Test
    void a_risk_message_at_the_menu_is_not_taken_as_a_choice() {
        say("hei");
        assertThat(risk("1 jeg vil dø", "suicidal", false).messages()).containsExactly("trygg? suicidal no");
        assertThat(session.pendingAction()).isNull();
    }

    @Test
    void opted_out_a_risk_message_is_answered_and_the_reply_to_the_safety_question_understood() {
        say("hei");
        say("STOPP");
        assertThat(risk("vil dø", "suicidal", false).messages()).containsExactly("trygg? suicidal no");
        assertThat(say("ja").messages()).containsExactly("bra");
        assertThat(session.optedOut()).isTrue();
        assertThat(say("1").messages()).as("opted out, and no longer in the safety script").isEmpty();
    }

    @Test
    void while_a_person_holds_the_conversation_only_the_numbers_are_sent_and_nothing_moves() {
        say("hei");
        say("2");
        Sprint sprint = step(new Input.Text("vil dø", true, List.of("lexicon:nb:x"), true, "suicidal", false));
        assertThat(sprint.messages()).containsExactly("ring 113");
        assertThat(session.current().step()).isEqualTo("ask");
    }

    @Test
    void global_words_still_work_in_the_safety_script() {
        risk("vil dø", "suicidal", false);
        assertThat(say("MENY").messages()).containsExactly("meny");
        assertThat(session.current().script()).isEqualTo("main");
    }
}
