package no.kontakt.offers;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an offer is for: {@code all}, {@code relatives}, an age band ({@code 18-30}, {@code 16+}), or a text per
 * language written in the catalogue. {@link #words(String)} says it in the citizen's language ("" for everyone).
 */
public record Audience(String code, Map<String, String> text) {
    static final Pattern AGES = Pattern.compile("(\\d{1,2})\\s*-\\s*(\\d{1,2})");
    static final Pattern FROM_AGE = Pattern.compile("(\\d{1,2})\\s*\\+");
    public static final Audience ALL = new Audience("all", Map.of());

    public Audience {
        text = text == null ? Map.of() : Map.copyOf(text);
    }

    /** True for the codes the catalogue accepts: all, relatives, 18-30, 16+. */
    static boolean knownCode(String code) {
        return code.equals("all") || code.equals("relatives") || AGES.matcher(code).matches() || FROM_AGE.matcher(code).matches();
    }

    public String words(String language) {
        if (!text.isEmpty()) {
            return text.getOrDefault(language, text.values().iterator().next());
        }
        Matcher ages = AGES.matcher(code);
        if (ages.matches()) {
            return pick(language, "For deg fra %s til %s år", "For deg frå %s til %s år", "For dig mellem %s og %s år",
                    "För dig mellan %s och %s år", "For ages %s to %s").formatted(ages.group(1), ages.group(2));
        }
        Matcher from = FROM_AGE.matcher(code);
        if (from.matches()) {
            return pick(language, "For deg over %s år", "For deg over %s år", "For dig over %s år", "För dig över %s år",
                    "For ages %s and up").formatted(from.group(1));
        }
        if (code.equals("relatives")) {
            return pick(language, "For pårørende", "For pårørande", "For pårørende", "För anhöriga", "For family and friends");
        }
        return "";
    }

    private static String pick(String language, String nb, String nn, String da, String sv, String en) {
        return switch (language == null ? "" : language) {
            case "nb" -> nb;
            case "nn" -> nn;
            case "da" -> da;
            case "sv" -> sv;
            default -> en;
        };
    }
}
