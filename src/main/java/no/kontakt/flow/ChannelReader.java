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
    private static final PhraseSet CALL = SlotTokens.set("ring", "ringe", "ringa", "ringer", "ringes", "rign",
            "ringje", "ringjer", "ringja", "ringast", "ringjast", "ringe meg", "talk on the phone",
            "talk over the phone", "speak on the phone", "snakke i telefonen", "snakke i telefon", "snakke på telefon",
            "snakke pa telefonen", "prate i telefonen", "prate i telefon", "snakke i telefonen", "tale i telefon",
            "tale i telefonen", "snakke i telefon", "prata i telefon", "prata i telefonen", "prata pa telefon",
            "snakke med nokon i telefonen", "ta telefonen", "ta telefon", "svare telefonen", "svara i telefon",
            "tage telefonen", "answer the phone", "pick up the phone", "talking on the phone", "talking on phone",
            "speaking on the phone", "talk on phone", "phone calls", "phonecalls", "opkald", "et opkald", "ett samtal",
            "rinng", "call", "calls", "calling", "phone", "phonecall", "phone call", "telefon", "telefonen",
            "telefonsamtale", "telefonsamtal", "tlf", "tlf.", "tel", "samtale", "samtal", "oppringing", "oppringning",
            "uppringning", "ringning", "opkald", "opringning", "mobilen", "ring up", "ringe opp", "ring opp",
            "give me a call", "give me a ring", "ring me", "phone me");
    private static final PhraseSet SMS = SlotTokens.set("sms", "smse", "smsa", "smser", "smsen", "smsar", "sms'e",
            "tekst", "teksten", "tekstmelding", "tekstmeldinger", "tekstmeldingar", "melding", "meldinger",
            "meldingar", "meldingen", "mld", "besked", "beskeder", "beskeden", "sms-besked", "meddelande",
            "meddelanden", "meddelandet", "text", "texts", "texting", "txt", "message", "messages", "msg", "skriv",
            "skrive", "skriva", "skrift", "skriftlig", "skriftleg", "write", "chat", "chatte", "chatta", "chatt",
            "sms-meddelande", "textmeddelande", "text message", "sms melding", "skrive til meg", "smse meg",
            "tekstbesked", "tekstbeskeder", "sms-besked", "textmeddelanden", "meldinga", "meldingane", "messaging",
            "message me", "text me", "texting me", "dm", "skrivas", "skrives", "skrivast", "skriftligt");
    /** Words of talking: a call only when no channel word is said ("kan ikke snakke nå" is an SMS). */
    private static final PhraseSet TALK = SlotTokens.set("snakke", "snakk", "prate", "prat", "tale", "snakka",
            "prata", "snakka", "talk", "speak", "talking", "speaking", "snakker", "snakke med", "hore stemmen");
    private static final PhraseSet NEGATION = SlotTokens.set("ikke", "ikkje", "ikk", "ik", "inte", "int", "ej",
            "not", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "never", "aldri", "aldrig", "ingen", "inga",
            "inget", "intet", "no", "nei", "nej", "uten", "utan", "uden", "without", "slipp", "slippe", "slipper",
            "ikkje", "orker ikke", "ikke noe", "ikkje noko", "inte någon", "rather not", "hate", "hater", "hatar",
            "skal ikke", "kan ikke", "klarer ikke", "tor ikke", "redd for", "radd for", "bange for",
            "scared of", "afraid of", "hader", "hader at", "hates", "hatar", "scared to", "afraid to", "anxious to", "nervous to", "hater a", "hatar att");
    /** "X instead of Y", "X better than Y": Y is the loser. */
    /** Compared with these words, unsqueezed ("enn" squeezed is the article "en"). */
    private static final Set<String> THAN = Set.of("enn", "end", "than", "än", "vs", "versus");
    /** A negation whose squeezed form is another word ("too" is "to"). */
    private static final Set<String> NEGATION_RAW = Set.of("too");
    private static final PhraseSet INSTEAD_OF = SlotTokens.set("istedenfor",
            "istedet for", "i stedet for", "i staden for", "istaden for", "istallet for", "i stallet for",
            "fremfor", "framfor", "framfor", "snarere enn", "instead of", "rather than");
    private static final PhraseSet PREFER = SlotTokens.set("heller", "helst", "hellere", "hellre", "istedet",
            "istaden", "istallet", "i stedet", "i staden", "i stallet", "instead", "better", "bedre", "battre",
            "foretrekker", "foretrekk", "foretraekker", "foredrar", "prefer", "preferably", "rather", "best",
            "gjerne", "gerne", "garna", "please", "pls", "plz");
    /** Past contact and thanks: "jeg ringte i går", "fikk en melding", "takk for meldingen". */
    private static final PhraseSet PAST = SlotTokens.set("fikk", "fick", "fik", "fekk", "got", "received",
            "sendte", "skickade", "sendt", "skickat", "mottok", "takk for", "tak for", "tack for", "thanks for",
            "thank you for", "sent", "last", "forrige", "sist", "fatt", "fatt en", "fått");
    /** A clause with one of these is about the past: "ringte i går men ingen tok telefonen". */
    private static final PhraseSet PAST_CLAUSE = SlotTokens.set("i gar", "igar", "yesterday", "ringte", "ringde",
            "ringede", "ringet", "called", "phoned", "texted", "tok", "tog", "took", "fikk", "fekk", "fik", "fick",
            "i natt", "last night", "i forgars", "sist", "forrige", "tidligere", "tidlegare", "tidigare", "earlier",
            "forra", "sidst", "svarte", "svarade", "svarede", "answered", "picked up", "plukket opp",
            "forre veke", "sidste uge", "forra veckan", "last week", "skickade", "sendte", "sent");
    /** "om", "about": a talk word before one of these names a topic ("snakke om angsten"), not a call. */
    private static final PhraseSet ABOUT = SlotTokens.set("om", "about", "omkring", "kring", "angaende", "vedrorende");
    /** "mine meldinger", "my messages", "mobilen min": things the citizen has, not a way to be reached. */
    private static final PhraseSet POSSESSIVE = SlotTokens.set("mine", "mina", "min", "mi", "mitt", "my",
            "hans", "hennes", "hendes", "their", "his", "her", "deres", "dykkar", "sine", "sina", "sin");
    /** Ends a clause like a comma: "men", "but". */
    private static final PhraseSet CLAUSE = SlotTokens.set("men", "but", "fast", "though", "selv om", "sjol om");
    /** A first-person subject right before a verb of writing: the citizen writes ("eg skriv hit"), no wish. */
    private static final PhraseSet I_WRITE = SlotTokens.set("jeg", "eg", "jag", "i", "e", "vi", "me", "im");
    private static final PhraseSet WRITING = SlotTokens.set("skriv", "skriver", "skrive", "skriva", "write",
            "writing", "texting", "messaging", "chat", "chatte", "chatta", "chatter", "chattar");
    /** A call or a message to someone else: "ring 113", "ringe legevakten", "sms til mamma". */
    private static final PhraseSet OTHERS = SlotTokens.set("113", "112", "110", "116", "1177", "1813", "116111",
            "116123", "legevakt", "legevakta", "legevakten", "laegevagt", "laegevagten", "vardcentralen",
            "politi", "politiet", "polisen", "police", "ambulanse", "ambulance", "mamma", "pappa", "mor", "far",
            "mora", "faren", "moren", "mom", "mum", "dad", "fastlegen", "fastlege", "legen", "laegen", "lakaren",
            "doctor", "gp", "kjaresten", "kjaeresten", "kjaereste", "kaeresten", "pojkvan", "flickvan", "boyfriend",
            "girlfriend", "venn", "vennen", "venninne", "ven", "van", "friend", "sjefen", "boss", "mental helse",
            "kirkens", "sos", "hjelpetelefonen", "alarmsentralen", "emergency");
    private static final PhraseSet CONNECT = SlotTokens.set("til", "till", "to", "pa", "on", "min", "mi", "mitt",
            "my", "din", "di", "ditt", "your", "en", "ei", "a", "the");
    private static final PhraseSet PRONOUN = SlotTokens.set("meg", "mig", "mej", "me", "oss", "us", "deg", "dig",
            "you", "dere", "jer", "er", "ni", "dokker", "eg", "jeg", "jag", "i", "a", "en", "ei", "et", "ett",
            "heller", "helst", "bare", "berre", "bara", "just", "only", "gjerne", "gerne", "garna");
    private record Cue(String channel, boolean talk, boolean negated, int at) {}

    private ChannelReader() {}

    /** True when the message names a way of contact at all, wanted or not ("ring eller sms, samme for meg"). */
    static boolean mentionsContact(SlotTokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.matchAt(i, CALL, 1) > 0 || t.matchAt(i, SMS, 1) > 0 || t.matchAt(i, TALK, 1) > 0) {
                return true;
            }
        }
        return false;
    }

    /** True when a channel word (not only a word of talking) is in the message. */
    static boolean namesChannel(SlotTokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.matchAt(i, CALL, SlotTokens.MAX_PHRASE) > 0 || t.matchAt(i, SMS, 3) > 0) {
                return true;
            }
        }
        return false;
    }

    /** True for a word that names a channel ("ring", "sms", "telefon", "text"): no name, no topic. */
    static boolean isChannelWord(String folded) {
        return CALL.contains(folded) || SMS.contains(folded);
    }

    /** "call", "sms" or empty; {@code asked} is true when the message answers the channel question. */
    static Optional<String> read(String text, String language, boolean asked) {
        return read(SlotTokens.of(text), language, asked);
    }

    static Optional<String> read(SlotTokens t, String language, boolean asked) {
        int call = 0;
        int sms = 0;
        int talk = 0;
        int preferCall = 0;
        int preferSms = 0;
        for (int i = 0; i < t.size(); ) {
            int n;
            String channel;
            boolean isTalk = false;
            int call4 = t.matchAt(i, CALL, 6);
            int sms4 = t.matchAt(i, SMS, 3);
            if (call4 > 0 && call4 >= sms4) {
                n = call4;
                channel = SlotValues.CALL;
            } else if ((n = sms4) > 0) {
                channel = SlotValues.SMS;
            } else if ((n = t.matchAt(i, TALK, 2)) > 0) {
                if (aboutSomething(t, i + n)) { // "vil snakke om rusen": what it is about, not how to be reached
                    i += n;
                    continue;
                }
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
            boolean negated = negated(t, i, n) && !aboutTime(t, i + n, language);
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

    /** A cue about the past, a thanks, the citizen writing, or about someone else. */
    private static boolean ignored(SlotTokens t, int i, int n) {
        if (pastClause(t, i) || WRITING.contains(t.at(i)) && I_WRITE.contains(t.at(i - 1))) {
            return true;
        }
        if (!WRITING.contains(t.at(i)) && (POSSESSIVE.contains(t.at(i - 1)) || POSSESSIVE.contains(t.at(i + n)))
                && !t.at(i - 1).equals("mi") && !t.at(i + n).equals("min")) {
            return true;
        }
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (t.at(k).equals(SlotTokens.BREAK)) {
                continue;
            }
            if (t.matchAt(k, PAST, 3) > 0) {
                return true;
            }
        }
        int j = i + n;
        for (int hops = 0; hops < 2 && t.matchAt(j, CONNECT, 1) > 0; hops++) {
            j++;
        }
        return t.matchAt(j, OTHERS, 2) > 0 || t.at(j).matches("\\d{3,}") && !t.at(j).matches("\\d{4}");
    }

    private static boolean pastClause(SlotTokens t, int i) {
        int from = i;
        while (from > 0 && !boundary(t, from - 1)) {
            from--;
        }
        for (int k = from; k < t.size() && (k == i || !boundary(t, k)); k++) {
            if (t.matchAt(k, PAST_CLAUSE, 2) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A channel word at {@code k}: a negation before it belongs to it, not to a later one ("dont call text me"). */
    private static boolean cue(SlotTokens t, int k) {
        return CALL.contains(t.at(k)) || SMS.contains(t.at(k));
    }

    private static boolean boundary(SlotTokens t, int k) {
        return t.at(k).equals(SlotTokens.BREAK) || CLAUSE.contains(t.at(k));
    }

    /** A negation just before the cue in the same clause, or right after it ("ring ikke", "ring meg ikke"). */
    private static boolean negated(SlotTokens t, int i, int n) {
        for (int k = i - 1; k >= Math.max(0, i - 4) && !boundary(t, k) && !cue(t, k); k--) {
            if (t.matchAt(k, NEGATION, 2) > 0
                    || NEGATION_RAW.contains(t.original.get(k).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            if ((t.matchAt(k, INSTEAD_OF, 3) > 0 || THAN.contains(t.original.get(k).toLowerCase(java.util.Locale.ROOT)))
                    && k >= i - 4) {
                return true;
            }
        }
        int j = i + n;
        for (int hops = 0; hops < 2 && t.matchAt(j, PRONOUN, 1) > 0; hops++) {
            j++;
        }
        return t.matchAt(j, NEGATION, 1) > 0 && !t.at(j).equals("no");
    }

    /**
     * "ring ikke før 16", "ikke ring meg i kveld": the rest of the clause names a time, so the no is about when.
     * "nå"/"now" does not count: "kan ikke snakke i telefonen nå" is a no to the call.
     */
    private static boolean aboutTime(SlotTokens t, int j, String language) {
        StringBuilder rest = new StringBuilder();
        for (int k = j; k < Math.min(t.size(), j + 6) && !t.at(k).equals(SlotTokens.BREAK); k++) {
            rest.append(t.original.get(k)).append(' ');
        }
        TimeReading r = TimeReading.read(rest.toString(), language);
        return r.hasTime() || r.offsetTo != null;
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

    /** True when one of the next two words is "om"/"about" (after "noen"/"someone" and the like). */
    private static boolean aboutSomething(SlotTokens t, int at) {
        for (int k = at; k < at + 3 && k < t.size(); k++) {
            if (t.matchAt(k, ABOUT, 1) > 0) {
                return true;
            }
        }
        return false;
    }
}
