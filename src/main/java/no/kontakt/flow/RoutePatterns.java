package no.kontakt.flow;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A route's {@code pattern:}, compiled with RE2/J: matching takes time linear in the length of the reply, whatever
 * the pattern, so no published script (nor a stolen admin session) can make one message stall the server. RE2
 * has no back-references and no look-around; a pattern that uses them is refused with a message that says so.
 * <pre>
 * - pattern: "^[0-9]{4}$"
 *   go: got_code
 * </pre>
 */
public final class RoutePatterns {
    private static final java.util.regex.Pattern BACK_REFERENCE = java.util.regex.Pattern.compile("\\\\([1-9]|k<)");
    private static final java.util.regex.Pattern LOOK_AROUND = java.util.regex.Pattern.compile("\\(\\?<?[=!]");
    private static final java.util.regex.Pattern ATOMIC_OR_POSSESSIVE = java.util.regex.Pattern.compile("\\(\\?>|[*+?}]\\+");

    private RoutePatterns() {}

    /** The pattern, case-insensitive; throws {@link IllegalArgumentException} with a message an admin can act on. */
    public static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(explain(pattern, e));
        }
    }

    private static String explain(String pattern, PatternSyntaxException e) {
        String plain = pattern.replace("\\\\", "");
        if (BACK_REFERENCE.matcher(plain).find()) {
            return "pattern refers back to an earlier group (\\1): patterns run in linear time and cannot do that; "
                    + "write the alternatives out, or use keywords";
        }
        if (LOOK_AROUND.matcher(plain).find()) {
            return "pattern uses look-ahead or look-behind ((?=…), (?!…), (?<=…), (?<!…)): patterns run in linear time and "
                    + "cannot do that; match the text itself, or use keywords";
        }
        if (ATOMIC_OR_POSSESSIVE.matcher(plain).find()) {
            return "pattern uses an atomic group or a possessive quantifier ((?>…), *+, ++): they are not needed here "
                    + "(patterns run in linear time); remove the extra + or the ?>";
        }
        return "pattern is not a valid regular expression: " + e.getDescription();
    }
}
