package no.kontakt.flow;

import java.util.Optional;
import java.util.Set;

/**
 * Reads whether the citizen wants a call or an SMS, with negation: "ikke ring meg, send sms", "ring ikke",
 * "helst ikke telefon", "don't call, text me", "no calls please" are SMS; "ring meg heller", "ikke sms, ring" are a
 * call. Saying no to one channel asks for the other. Calls to someone else ("ring 113", "ringe legevakten"), past
 * ones ("jeg ringte i går") and thanks for a message are not a wish. Both channels wanted with nothing to prefer one
 * ("ring eller send sms, samme for meg") give empty.
 */
final class ChannelReader {
    private static final Set<String> CALL = SlotTokens.set("ring", "ringe", "ringa", "ringer", "ringes", "rign",
            "rinng", "call", "calls", "calling", "phone", "phonecall", "phone call", "telefon", "telefonen",
            "telefonsamtale", "telefonsamtal", "tlf", "tlf.", "tel", "samtale", "samtal", "oppringing", "oppringning",
            "uppringning", "ringning", "opkald", "opringning", "mobilen", "ring up", "ringe opp", "ring opp",
            "give me a call", "give me a ring", "ring me", "phone me");
    private static final Set<String> SMS = SlotTokens.set("sms", "smse", "smsa", "smser", "smsen", "smsar", "sms'e",
            "tekst", "teksten", "tekstmelding", "tekstmeldinger", "tekstmeldingar", "melding", "meldinger",
            "meldingar", "meldingen", "mld", "besked", "beskeder", "beskeden", "sms-besked", "meddelande",
            "meddelanden", "meddelandet", "text", "texts", "texting", "txt", "message", "messages", "msg", "skriv",
            "skrive", "skriva", "skrift", "skriftlig", "skriftleg", "write", "chat", "chatte", "chatta", "chatt",
            "sms-meddelande", "textmeddelande", "text message", "sms melding", "skrive til meg", "smse meg");
    /** Words of talking: a call only when no channel word is said ("kan ikke snakke nå" is an SMS). */
    private static final Set<String> TALK = SlotTokens.set("snakke", "snakk", "prate", "prat", "tale", "snakka",
            "prata", "snakka", "talk", "speak", "talking", "speaking", "snakker", "snakke med", "hore stemmen");
    private static final Set<String> NEGATION = SlotTokens.set("ikke", "ikkje", "ikk", "ik", "inte", "int", "ej",
            "not", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "never", "aldri", "aldrig", "ingen", "inga",
            "inget", "intet", "no", "nei", "nej", "uten", "utan", "uden", "without", "slipp", "slippe", "slipper",
            "ikkje", "orker ikke", "ikke noe", "ikkje noko", "inte någon", "rather not", "hate", "hater", "hatar",
            "skal ikke", "kan ikke", "klarer ikke", "tor ikke");
    /** "X instead of Y", "X better than Y": Y is the loser. */
    private static final Set<String> INSTEAD_OF = SlotTokens.set("enn", "end", "than", "istedenfor",
            "istedet for", "i stedet for", "i staden for", "istaden for", "istallet for", "i stallet for",
            "i stedet", "fremfor", "framfor", "framfor", "snarere enn", "instead of", "rather than");
    private static final Set<String> PREFER = SlotTokens.set("heller", "helst", "hellere", "hellre", "istedet",
            "istaden", "istallet", "i stedet", "i staden", "i stallet", "instead", "better", "bedre", "battre",
            "foretrekker", "foretrekk", "foretraekker", "foredrar", "prefer", "preferably", "rather", "best",
            "gjerne", "gerne", "garna", "please", "pls", "plz");
    /** Past contact and thanks: "jeg ringte i går", "fikk en melding", "takk for meldingen". */
    private static final Set<String> PAST = SlotTokens.set("fikk", "fick", "fik", "got", "received", "sendte",
            "skickade", "sendt", "skickat", "mottok", "takk for", "tak for", "tack for", "thanks for", "thank you for",
            "sent", "sendte dere", "last", "forrige", "sist");
    /** A call or a message to someone else: "ring 113", "ringe legevakten", "sms til mamma". */
    private static final Set<String> OTHERS = SlotTokens.set("113", "112", "110", "116", "1177", "1813", "116111",
            "116123", "legevakt", "legevakta", "legevakten", "laegevagt", "laegevagten", "vardcentralen",
            "politi", "politiet", "polisen", "police", "ambulanse", "ambulance", "mamma", "pappa", "mor", "far",
            "mora", "faren", "moren", "mom", "mum", "dad", "fastlegen", "fastlege", "legen", "laegen", "lakaren",
            "doctor", "gp", "kjaresten", "kjaeresten", "kjaereste", "kaeresten", "pojkvan", "flickvan", "boyfriend",
            "girlfriend", "venn", "vennen", "venninne", "ven", "van", "friend", "sjefen", "boss", "mental helse",
            "kirkens", "sos", "hjelpetelefonen", "alarmsentralen", "emergency");
    private static final Set<String> CONNECT = SlotTokens.set("til", "till", "to", "pa", "on");
    private static final Set<String> PRONOUN = SlotTokens.set("meg", "mig", "mej", "me", "oss", "us", "deg", "dig",
            "you", "dere", "jer", "er", "ni", "dokker", "eg", "jeg", "jag", "i", "a", "en", "ei", "et", "ett",
            "heller", "helst", "bare", "berre", "bara", "just", "only", "gjerne", "gerne", "garna");
    private static final Set<String> TIME_BOUND = SlotTokens.set("for", "innan", "inden", "innen", "before",
            "etter", "efter", "after", "til", "till", "until", "nå", "nu", "now", "no", "i dag", "idag", "today",
            "i kveld", "ikveld", "i aften", "i kvall", "tonight", "na", "pa", "om", "pa dagtid", "klokka", "kl",
            "pa jobb", "at work", "mens", "medan", "while", "midt", "sa sent", "so late", "sa tidlig", "so early",
            "tidlig", "sent", "seint", "early", "late", "i morgen", "imorgen", "tomorrow", "i natt", "at night",
            "om natta", "om natten", "in the morning");

    private record Cue(String channel, boolean talk, boolean negated, int at) {}

    private ChannelReader() {}

    /** True for a word that names a channel ("ring", "sms", "telefon", "text"): no name, no topic. */
    static boolean isChannelWord(String folded) {
        return CALL.contains(folded) || SMS.contains(folded);
    }

    /** "call", "sms" or empty; {@code asked} is true when the message answers the channel question. */
    static Optional<String> read(String text, String language, boolean asked) {
        SlotTokens t = SlotTokens.of(text);
        int call = 0;
        int sms = 0;
        int talk = 0;
        int preferCall = 0;
        int preferSms = 0;
        for (int i = 0; i < t.size(); ) {
            int n;
            String channel;
            boolean isTalk = false;
            if ((n = t.matchAt(i, CALL, 3)) > 0) {
                channel = SlotValues.CALL;
            } else if ((n = t.matchAt(i, SMS, 3)) > 0) {
                channel = SlotValues.SMS;
            } else if ((n = t.matchAt(i, TALK, 2)) > 0) {
                channel = SlotValues.CALL;
                isTalk = true;
            } else {
                i++;
                continue;
            }
            if (ignored(t, i, n)) {
                i += n;
                continue;
            }
            boolean negated = negated(t, i, n) && !aboutTime(t, i + n);
            int vote = negated ? -1 : 1;
            if (isTalk) {
                talk += vote;
            } else if (channel.equals(SlotValues.CALL)) {
                call += vote;
                preferCall += !negated && preferred(t, i, n) ? 1 : 0;
            } else {
                sms += vote;
                preferSms += !negated && preferred(t, i, n) ? 1 : 0;
            }
            i += n;
        }
        return decide(call, sms, talk, preferCall, preferSms);
    }

    private static Optional<String> decide(int call, int sms, int talk, int preferCall, int preferSms) {
        if (call == 0 && sms == 0) {
            call = talk;
        }
        boolean wantsCall = call > 0 || sms < 0 && call == 0;
        boolean wantsSms = sms > 0 || call < 0 && sms == 0;
        if (wantsCall && !wantsSms) {
            return Optional.of(SlotValues.CALL);
        }
        if (wantsSms && !wantsCall) {
            return Optional.of(SlotValues.SMS);
        }
        if (wantsCall && preferCall != preferSms) {
            return Optional.of(preferCall > preferSms ? SlotValues.CALL : SlotValues.SMS);
        }
        return Optional.empty();
    }

    /** A cue about the past, a thanks, or about someone else. */
    private static boolean ignored(SlotTokens t, int i, int n) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (t.at(k).equals(SlotTokens.BREAK)) {
                continue;
            }
            if (t.matchAt(k, PAST, 3) > 0) {
                return true;
            }
        }
        int j = i + n;
        if (t.matchAt(j, CONNECT, 1) > 0) {
            j++;
        }
        return t.matchAt(j, OTHERS, 2) > 0 || t.at(j).matches("\\d{3,}") && !t.at(j).matches("\\d{4}");
    }

    /** A negation just before the cue in the same clause, or right after it ("ring ikke", "ring meg ikke"). */
    private static boolean negated(SlotTokens t, int i, int n) {
        for (int k = i - 1; k >= Math.max(0, i - 4) && !t.at(k).equals(SlotTokens.BREAK); k--) {
            if (t.matchAt(k, NEGATION, 2) > 0) {
                return true;
            }
            if (t.matchAt(k, INSTEAD_OF, 3) > 0 && k >= i - 2) {
                return true;
            }
        }
        int j = i + n;
        for (int hops = 0; hops < 2 && t.matchAt(j, PRONOUN, 1) > 0; hops++) {
            j++;
        }
        return t.matchAt(j, NEGATION, 1) > 0 && !t.at(j).equals("no");
    }

    /** "ring ikke før 16", "ikke ring meg i kveld": the negation is about when, not how. */
    private static boolean aboutTime(SlotTokens t, int j) {
        for (int hops = 0; hops < 3 && (t.matchAt(j, PRONOUN, 1) > 0 || t.matchAt(j, NEGATION, 1) > 0); hops++) {
            j++;
        }
        return t.matchAt(j, TIME_BOUND, 2) > 0;
    }

    private static boolean preferred(SlotTokens t, int i, int n) {
        for (int k = Math.max(0, i - 3); k < Math.min(t.size(), i + n + 3); k++) {
            if (t.at(k).equals(SlotTokens.BREAK) && k > i) {
                break;
            }
            if (t.matchAt(k, PREFER, 2) > 0) {
                return true;
            }
        }
        return false;
    }
}
