package no.kontakt.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small scripts for engine and validator tests, in two languages, with one fake action. */
final class Fixtures {
    static final ActionSpec JOIN = new ActionSpec("join_offer", "join", Set.of("offer"), Set.of("offer"),
            List.of("joined", "waitlisted", "full"), Set.of("position"));
    static final Validator VALIDATOR = new Validator(Map.of("join_offer", JOIN), List.of("nb", "en"), Set.of("unit"));

    static final String GLOBAL = """
            words:
              stop: {nb: [STOPP], en: [STOP]}
              start: {nb: [START], en: [START]}
              help: {nb: [HJELP], en: [HELP]}
              menu: {nb: [MENY], en: [MENU]}
              erase: {nb: [SLETT], en: [DELETE]}
            languages: {nb: [norsk], en: [english]}
            start: main
            menu: main.menu
            texts:
              opted_out: {nb: stoppet, en: stopped}
              opted_in: {nb: velkommen, en: welcome}
              help: {nb: hjelp, en: help}
              not_understood: {nb: forsto ikke, en: not understood}
              erase_confirm: {nb: "slette?", en: "erase?"}
              erase_cancelled: {nb: sletter ikke, en: not erased}
              erased: {nb: slettet, en: erased}
              risk: {nb: ring 113, en: call 113}
              language_changed: {nb: norsk, en: english}
              failed: {nb: feil, en: failed}
              appointment_booked: {nb: avtale, en: appointment}
              appointment_reminder: {nb: påminnelse, en: reminder}
              appointment_yes: {nb: takk, en: thanks}
              appointment_no: {nb: ny tid, en: new time}
              feedback_question: {nb: "1-5?", en: "1-5?"}
              feedback_thanks: {nb: takk, en: thanks}
            """;

    static final String MAIN = """
            start: hello
            steps:
              hello:
                say: {nb: "Hei fra {{unit}}", en: "Hi from {{unit}}"}
                next: menu
              menu:
                safe_point: true
                say: {nb: meny, en: menu}
                wait:
                  routes:
                    - number: 1
                      jump: join
                      then: menu
                    - number: 2
                      go: ask
                  otherwise:
                    retries: 1
                    then: bye
              ask:
                say: {nb: "Når?", en: "When?"}
                wait:
                  save: when
                  type: time_window
                  next: thanks
                  timeout:
                    remind_after: 1h
                    remind: {nb: påminnelse, en: reminder}
                    expire_after: 3h
                    then: bye
              thanks:
                say: {nb: "Takk, {{when_text}}", en: "Thanks, {{when_text}}"}
                end: true
              bye:
                say: {nb: ha det, en: bye}
                end: true
            """;

    static final String JOIN_SCRIPT = """
            start: join
            steps:
              join:
                action: join_offer
                with: {offer: yoga}
                exits: {joined: joined, waitlisted: waiting, full: full}
              joined:
                say: {nb: påmeldt, en: joined}
              waiting:
                say: {nb: "venteliste plass {{position}}", en: "waiting list place {{position}}"}
              full:
                say: {nb: fullt, en: full}
            """;

    static Map<String, String> files(String main) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("conversations/global.yaml", GLOBAL);
        files.put("conversations/main.yaml", main);
        files.put("conversations/join.yaml", JOIN_SCRIPT);
        return files;
    }

    static Library library() {
        Compiler.Result result = new Compiler(VALIDATOR).compile(files(MAIN));
        if (!result.ok()) {
            throw new AssertionError(result.problems().toString());
        }
        return result.library();
    }

    static Engine engine(Library library) {
        return new Engine(library, IntentClassifier.NONE, Map.of("unit", "Enheten", "time_zone", "Europe/Oslo"), "nb");
    }
}
