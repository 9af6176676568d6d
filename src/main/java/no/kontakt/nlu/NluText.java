package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kontakt.flow.Matching;

/**
 * Text as the intent classifier sees it: lower case without accents or punctuation ({@link Matching#normalize}),
 * letters repeated three times or more cut to one ("heeeei" → "hei"), words glued to "i" split ("ikveld" → "i
 * kveld"), and common SMS spellings written out ("ka" → "hva", "mej" → "meg", "u" → "you"). Pronouns and a few
 * function words that only differ in spelling between nb, nn, da and sv are written one way ("mig", "mej", "mæ"
 * → "meg"; "kva", "hvad", "vad" → "hva"), so an example in one language teaches the others too.
 */
final class NluText {
    private static final Map<String, String> SMS = Map.ofEntries(
            // SMS spellings and dialect
            Map.entry("e", "er"), Map.entry("d", "det"), Map.entry("dk", "deg"), Map.entry("mg", "meg"), Map.entry("nn", "noen"),
            Map.entry("ka", "hva"), Map.entry("ke", "hva"), Map.entry("hv", "hva"), Map.entry("kanskj", "kanskje"),
            Map.entry("ikk", "ikke"), Map.entry("ik", "ikke"), Map.entry("itj", "ikke"), Map.entry("int", "ikke"),
            Map.entry("tlf", "telefon"), Map.entry("tel", "telefon"), Map.entry("ngn", "noen"), Map.entry("nan", "noen"),
            // the same word in nb, nn, da and sv, written one way
            Map.entry("ikkje", "ikke"), Map.entry("inte", "ikke"), Map.entry("nagon", "noen"), Map.entry("nogen", "noen"),
            Map.entry("nokon", "noen"), Map.entry("nokken", "noen"), Map.entry("nogon", "noen"), Map.entry("nagot", "noe"),
            Map.entry("noget", "noe"), Map.entry("noko", "noe"), Map.entry("mig", "meg"), Map.entry("mej", "meg"),
            Map.entry("mae", "meg"), Map.entry("maeg", "meg"), Map.entry("dig", "deg"), Map.entry("dej", "deg"),
            Map.entry("dae", "deg"), Map.entry("kva", "hva"), Map.entry("hvad", "hva"), Map.entry("vad", "hva"),
            Map.entry("jag", "jeg"), Map.entry("eg", "jeg"), Map.entry("ae", "jeg"),
            // English
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plis", "please"), Map.entry("u", "you"),
            Map.entry("ya", "you"), Map.entry("r", "are"), Map.entry("ur", "your"), Map.entry("thx", "thanks"),
            Map.entry("ty", "thanks"), Map.entry("wat", "what"), Map.entry("wot", "what"), Map.entry("2day", "today"),
            Map.entry("2nite", "tonight"), Map.entry("tonite", "tonight"), Map.entry("2morrow", "tomorrow"),
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"));

    /** Words written together with "i" ("ikveld", "imorra") and how they are split. */
    private static final Map<String, String[]> GLUED = Map.ofEntries(
            Map.entry("ikveld", new String[] {"i", "kveld"}), Map.entry("ikvall", new String[] {"i", "kvall"}),
            Map.entry("inatt", new String[] {"i", "natt"}), Map.entry("inat", new String[] {"i", "nat"}),
            Map.entry("idag", new String[] {"i", "dag"}), Map.entry("imorgen", new String[] {"i", "morgen"}),
            Map.entry("imorgon", new String[] {"i", "morgon"}), Map.entry("imorra", new String[] {"i", "morgen"}),
            Map.entry("imorn", new String[] {"i", "morgen"}), Map.entry("ihelga", new String[] {"i", "helga"}),
            Map.entry("ihelgen", new String[] {"i", "helgen"}), Map.entry("iaften", new String[] {"i", "aften"}));

    private static final Pattern REPEATED = Pattern.compile("(\\p{L})\\1{2,}");
    /** A colon or full stop that is not between two digits ("sms:a", "kl." but not "16:30"). */
    private static final Pattern SEPARATOR = Pattern.compile("(?<!\\d)[:.]|[:.](?!\\d)");

    /** Words after which a call or contact word within {@link #NEGATION_REACH} words is not asked for ("ikke ring meg"). */
    private static final Set<String> NEGATIONS = Set.of("ikke", "ikkje", "not", "dont", "doesnt", "no", "never", "aldri", "aldrig",
            "ingen", "inga", "ingenting", "wont", "slipper", "slepp", "slippe", "behover", "needn");
    /** Words that ask for a call or contact: after a negation they become {@code ikke_ring} and stop signalling contact. */
    private static final Set<String> CONTACT = Set.of("ring", "ringe", "ringer", "ringes", "ringt", "ringje", "ringjer", "ringa",
            "ringet", "ringd", "call", "calls", "calling", "phone", "rings", "ringing", "kontakt", "kontakte",
            "kontakta", "kontakter", "kontakten", "contact", "contacting", "oppringt", "uppringd", "opringet", "samtale", "samtal");
    static final int NEGATION_REACH = 5;
    /** Where a clause ends for the negation's reach: a comma, semicolon, ! or ?, or a full stop before a space. */
    private static final Pattern CLAUSE_END = Pattern.compile("[,;!?]|\\.(?=\\s|$)");
    private static final Set<String> CONTRAST = Set.of("men", "but", "mutta");

    /**
     * The ends of compound words that name a group or a course ("gågruppa", "treningsgruppa", "søvnkurset"): such a word
     * is followed by its end, so a compound the examples never use still reads as a group or a course.
     */
    private static final List<String> ACTIVITY_ENDS = List.of("gruppene", "gruppen", "gruppa", "gruppe", "grupper", "grupp", "kurset",
            "kursen", "kurser", "kursus", "kurs", "holdet", "treffet", "traffen", "treff", "traff", "group", "course", "class");

    private NluText() {}

    /**
     * {@link #tokens} for the intent classifier, with a call or contact word that a negation before it in the same clause
     * (at most {@value #NEGATION_REACH} words back) turns down written {@code ikke_ring}: "trenger ikke at noen ringer,
     * vil bare vite når kurset er" does not ask for a call, "ikke send sms, ring meg" does. A compound that names a group
     * or a course is followed by that word ("gågruppa gruppa").
     */
    static String[] intentTokens(String text) {
        List<String> out = new ArrayList<>();
        for (String clause : CLAUSE_END.split(text == null ? "" : text)) {
            int sinceNegation = Integer.MAX_VALUE;
            for (String word : tokens(clause)) {
                if (CONTRAST.contains(word)) {
                    sinceNegation = Integer.MAX_VALUE;
                } else if (NEGATIONS.contains(word)) {
                    sinceNegation = 0;
                } else if (sinceNegation < Integer.MAX_VALUE) {
                    sinceNegation++;
                }
                out.add(sinceNegation <= NEGATION_REACH && CONTACT.contains(word) ? "ikke_" + word : word);
                activityEnd(word).ifPresent(out::add);
            }
        }
        return out.toArray(String[]::new);
    }

    static String[] tokens(String text) {
        String normalized = REPEATED.matcher(Matching.normalize(text == null ? "" : text)).replaceAll("$1");
        List<String> out = new ArrayList<>();
        for (String raw : SEPARATOR.matcher(normalized).replaceAll(" ").split(" ")) {
            String word = strip(raw);
            if (word.isEmpty()) {
                continue;
            }
            String[] glued = GLUED.get(word);
            if (glued != null) {
                out.addAll(List.of(glued));
            } else {
                out.add(SMS.getOrDefault(word, word));
            }
        }
        return out.toArray(String[]::new);
    }

    /** The group or course a compound word ends in ("gågruppa" → "gruppa"), if it is one and longer than that. */
    private static java.util.Optional<String> activityEnd(String word) {
        return ACTIVITY_ENDS.stream().filter(end -> word.length() >= end.length() + 3 && word.endsWith(end)).findFirst();
    }

    /** The word without the {@code : . - +} that {@link Matching#normalize} keeps at its ends ("kl." → "kl"). */
    private static String strip(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
            to--;
        }
        return word.substring(from, to);
    }
}
