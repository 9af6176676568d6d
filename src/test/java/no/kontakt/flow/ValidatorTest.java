package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static List<String> problems(String main) {
        Map<String, String> files = Fixtures.files(main);
        return new Compiler(Fixtures.VALIDATOR).compile(files).problems().stream().map(Problem::toString).toList();
    }

    private static String main(String from, String to) {
        String changed = Fixtures.MAIN.replace(from, to);
        assertThat(changed).isNotEqualTo(Fixtures.MAIN);
        return changed;
    }

    @Test
    void the_fixture_is_clean() {
        assertThat(problems(Fixtures.MAIN)).isEmpty();
    }

    @Test
    void a_route_to_an_unknown_step_names_the_known_ones() {
        assertThat(problems(main("go: ask\n", "go: aks\n"))).containsExactly(
                "conversations/main.yaml:15:15: step 'menu': 'aks' is not a step (known: hello, menu, ask, thanks, bye)",
                "conversations/main.yaml:19:3: step 'ask' is never reached from the start step 'hello'",
                "conversations/main.yaml:30:3: step 'thanks' is never reached from the start step 'hello'");
    }

    @Test
    void a_missing_language_is_located_at_the_text() {
        assertThat(problems(main("say: {nb: ha det, en: bye}", "say: {nb: ha det}")))
                .containsExactly("conversations/main.yaml:34:10: step 'bye': the en text is missing");
    }

    @Test
    void an_emoji_or_curly_quote_is_a_warning_with_the_cheaper_character() {
        assertThat(problems(main("{nb: ha det, en: bye}", "{nb: \"ha det 😀\", en: \"bye ’til then\"}"))).containsExactly(
                "conversations/main.yaml:34:31: warning: step 'bye' (en): '’' makes the SMS UCS-2 (70 characters a segment instead of 160); write ''' instead",
                "conversations/main.yaml:34:15: warning: step 'bye' (nb): '😀' makes the SMS UCS-2 (70 characters a segment instead of 160)");
    }

    @Test
    void an_unknown_action_and_unknown_or_unhandled_exits() {
        Map<String, String> files = Fixtures.files(Fixtures.MAIN);
        files.put("conversations/join.yaml", Fixtures.JOIN_SCRIPT.replace("full: full}", "fill: full}"));
        assertThat(new Compiler(Fixtures.VALIDATOR).compile(files).problems()).extracting(Problem::toString).containsExactly(
                "conversations/join.yaml:6:56: step 'join': action join_offer has no exit 'fill' (its exits: joined, waitlisted, full)",
                "conversations/join.yaml:4:13: step 'join': the exit 'full' of action join_offer is not handled (add it under 'exits')");
        files.put("conversations/join.yaml", Fixtures.JOIN_SCRIPT.replace("action: join_offer", "action: jion_offer"));
        assertThat(new Compiler(Fixtures.VALIDATOR).compile(files).problems()).extracting(Problem::toString)
                .contains("conversations/join.yaml:4:13: step 'join': unknown action 'jion_offer' (known: join_offer)");
    }

    @Test
    void a_placeholder_never_set() {
        assertThat(problems(main("Takk, {{when_text}}\"", "Takk, {{whenn}}\"")))
                .containsExactly("conversations/main.yaml:31:15: step 'thanks' (nb): placeholder {{whenn}} is never set (it is not saved, set by a route or action, or a known value)");
    }

    @Test
    void a_shadowed_route() {
        assertThat(problems(main("        - number: 2\n", "        - number: 1\n")))
                .contains("conversations/main.yaml:14:11: step 'menu': number 1 is already taken by the route at line 11, so it never reaches this route");
    }

    @Test
    void a_wait_without_target_and_an_unknown_key() {
        String broken = main("      save: when\n", "      sav: when\n");
        assertThat(problems(broken)).containsExactly(
                "conversations/main.yaml:22:7: unknown key 'sav' in wait (known: changed, next, otherwise, routes, save, timeout, type)",
                "conversations/main.yaml:23:13: 'type' says how to 'save' the reply, but there is no 'save'");
        String noTarget = main("      save: when\n      type: time_window\n      next: thanks\n", "");
        assertThat(problems(noTarget)).contains(
                "conversations/main.yaml:22:7: step 'ask': the wait has nowhere to go: give it routes, or save the reply and say where to go with next");
    }

    @Test
    void bad_yaml_is_located() {
        assertThat(problems("steps:\n  a:\n    say: {nb: \"x\"\n")).first().asString()
                .startsWith("conversations/main.yaml:").contains("this is not valid YAML");
    }

    @Test
    void every_problem_is_reported_at_once() {
        String broken = Fixtures.MAIN.replace("go: ask\n", "go: nowhere\n").replace("say: {nb: ha det, en: bye}", "say: {nb: ha det}");
        assertThat(problems(broken)).hasSize(4);
    }

    private static final String INTENTS = "intents:\n  contact: {nb: [ring meg]}\n  offers: {nb: [kurs]}\n";

    @Test
    void understood_intents_must_be_known_and_start_a_script() {
        Map<String, String> files = Fixtures.files(main("        - number: 1\n", "        - number: 1\n          intent: contakt\n")
                .replace("    say: {nb: meny, en: menu}\n", "    say: {nb: meny, en: menu}\n    understands: [offers, kontact]\n"));
        files.put("conversations/intents.yaml", INTENTS);
        files.put("conversations/join.yaml", "intents: [contact, cantact]\n" + Fixtures.JOIN_SCRIPT);
        assertThat(new Compiler(Fixtures.VALIDATOR).compile(files).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "conversations/join.yaml:1:1: intents: 'cantact' is not an intent of intents.yaml (known: contact, offers)",
                "conversations/main.yaml:6:3: step 'menu': understands 'offers', but no script starts from it (give a script 'intents: [offers]')",
                "conversations/main.yaml:6:3: step 'menu': understands 'kontact', which is not an intent of intents.yaml",
                "conversations/main.yaml:12:11: step 'menu': intent 'contakt' is not an intent of intents.yaml");
    }

    @Test
    void a_jump_at_an_unknown_step_and_a_skip_without_target() {
        assertThat(problems(main("          jump: join\n", "          jump: join\n          at: jion\n")))
                .containsExactly("conversations/main.yaml:12:17: step 'menu': 'at' step 'jion' is not a step of join");
        assertThat(problems(main("  ask:\n", "  ask:\n    skip_when: [when]\n")))
                .containsExactly("conversations/main.yaml:20:16: 'skip_when' (the values that answer this step) and 'skip_to' (where to go then) belong together");
    }

    @Test
    void a_global_word_must_not_collide_with_a_course_or_request_action() {
        Map<String, String> files = Fixtures.files(main("        - number: 2\n", "        - keywords: [afmeld]\n          jump: join\n        - number: 2\n"));
        files.put("conversations/global.yaml", Fixtures.GLOBAL.replace("stop: {nb: [STOPP], en: [STOP]}", "stop: {nb: [STOPP], en: [STOP], da: [AFMELD]}")
                + "phrases:\n  stop: {nb: [afmeld meg alt]}\n");
        assertThat(new Compiler(Fixtures.VALIDATOR).compile(files).problems()).extracting(Problem::toString).contains(
                "conversations/main.yaml:14:11: step 'menu': the keyword 'afmeld' alone is a global word, handled before any route",
                "conversations/main.yaml:14:11: step 'menu': 'afmeld' leads to join, but the global word or phrase 'afmeld meg alt' overlaps it and is handled first");
    }
}
