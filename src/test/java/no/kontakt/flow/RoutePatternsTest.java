package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RoutePatternsTest {
    /** Nested repetition: java.util.regex tries every way to split the letters among the 20 groups. */
    private static final String CATASTROPHIC = "(.*){1,20}[bc]";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private static Route route(com.google.re2j.Pattern pattern) {
        return new Route(List.of(), List.of(), List.of(), pattern, null, List.of(), Map.of(), null, null);
    }

    @Test
    void a_catastrophic_pattern_answers_a_long_reply_at_once() {
        Route route = route(RoutePatterns.compile(CATASTROPHIC));
        String reply = "a".repeat(10_000);
        long started = System.nanoTime();
        assertThat(Matching.matches(route, reply, "nb")).isFalse();
        assertThat(Matching.matches(route, "aaab", "nb")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET);
    }

    @Test
    void the_same_pattern_with_java_util_regex_does_not_finish_within_the_budget() throws Exception {
        // the attack, with the protection off: backtracking grows combinatorially with the letters, so 40 are enough
        var pattern = java.util.regex.Pattern.compile(CATASTROPHIC, java.util.regex.Pattern.CASE_INSENSITIVE);
        var reply = new Interruptible("a".repeat(40));
        var thread = new Thread[1];
        CompletableFuture<Boolean> match = new CompletableFuture<>();
        thread[0] = new Thread(() -> {
            try {
                match.complete(pattern.matcher(reply).find());
            } catch (RuntimeException e) {
                match.completeExceptionally(e);
            }
        });
        thread[0].start();
        try {
            match.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("java.util.regex finished: the test would not show the attack");
        } catch (TimeoutException expected) {
            // still backtracking after the budget
        } finally {
            thread[0].interrupt();
            thread[0].join(5_000);
        }
        assertThat(thread[0].isAlive()).isFalse();
    }

    @Test
    void the_validator_refuses_what_RE2_cannot_run_with_file_and_line() {
        assertThat(problems("pattern: \"(ja)\\\\1\"")).singleElement().asString()
                .startsWith("conversations/main.yaml:14:20:")
                .contains("refers back to an earlier group");
        assertThat(problems("pattern: \"^(?!nei).*\"")).singleElement().asString()
                .startsWith("conversations/main.yaml:14:20:")
                .contains("look-ahead or look-behind");
        assertThat(problems("pattern: \"a(b\"")).singleElement().asString()
                .startsWith("conversations/main.yaml:14:20:")
                .contains("pattern is not a valid regular expression: missing closing )");
        assertThat(problems("pattern: \"^[0-9]{4}$\"")).isEmpty();
    }

    private static List<String> problems(String patternLine) {
        String main = Fixtures.MAIN.replace("- number: 2\n", "- " + patternLine + "\n");
        assertThat(main).isNotEqualTo(Fixtures.MAIN);
        return new Compiler(Fixtures.VALIDATOR).compile(Fixtures.files(main)).problems().stream().map(Problem::toString).toList();
    }

    /** Text whose reading stops when its thread is interrupted (java.util.regex itself never checks). */
    private record Interruptible(String text) implements CharSequence {
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
            return text.charAt(index);
        }

        public int length() {
            return text.length();
        }

        public CharSequence subSequence(int start, int end) {
            return new Interruptible(text.substring(start, end));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
