package no.kontakt.flow;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a first name or a wish to stay anonymous. A name comes from an introduction ("jeg heter Kari", "eg heiter
 * Kari", "jag heter Kari", "my name is Kari", "jeg er Kari", "I'm Kari") or, as the answer to the name question, from
 * a bare name ("Kari", "kari", "Ola Nordmann" is "Ola"). After a weak introduction ("jeg er", "I'm", "call me") the
 * word must be capitalised or a known first name, so "jeg er redd", "jeg er 17" and "I'm tired" are no names. Never a
 * name: a message with a risk word, a question, an insult, a time, a channel word, a yes or no.
 */
final class NameReader {
    /** A first name, or anonymous, or neither. */
    record Answer(Optional<String> name, boolean anonymous) {
        static final Answer NONE = new Answer(Optional.empty(), false);
        static final Answer ANONYMOUS = new Answer(Optional.empty(), true);
    }

    private static final Set<String> STRONG_INTRO = SlotTokens.set("heter", "hetter", "heiter", "hedder", "hetr",
            "navnet mitt er", "navnet mitt e", "mitt navn er", "navnet er", "mitt namn er", "namnet mitt er",
            "mit navn er", "mitt namn ar", "namnet ar", "namnet mitt ar", "navn er", "namn er", "my name is",
            "my names", "name is", "names", "the name is", "kall meg", "kalle meg", "kald mig", "kalde mig",
            "kalla mig", "kalla mej", "kallas", "kalles", "kallast", "kaldes", "kalt", "hilsen", "helsing", "mvh",
            "hilsner", "halsningar", "hilsen fra", "regards", "cheers", "du kan kalle meg", "sign", "signed",
            "nickname", "kallenavn");
    private static final Set<String> WEAK_INTRO = SlotTokens.set("jeg er", "eg er", "e er", "jag ar", "jeg e",
            "eg e", "im", "i am", "i m", "call me", "det er", "dette er", "her er", "det ar", "detta ar", "har ar",
            "this is", "its", "it is", "du snakker med", "du skriver med", "you are talking to", "det e", "her e",
            "hej det ar", "hei det er");
    /** Words a bare answer may carry around the name: greetings, thanks, "her". */
    private static final Set<String> FILLER = SlotTokens.set("hei", "hey", "hallo", "hello", "hi", "hej", "heisann",
            "hejsan", "hallaisen", "takk", "tack", "tak", "thanks", "thx", "ok", "okay", "okei", "her", "here",
            "har", "navn", "name", "namn", "navnet", "namnet", "mitt", "my", "mit", "er", "ar", "is", "e", "bare",
            "berre", "bara", "just", "only", "kun", "fornavn", "fornamn", "fornavnet", "first", "firstname",
            "mvh", "hilsen", "lol", "haha");
    private static final Set<String> ANONYMOUS_ANYWHERE = SlotTokens.set("anonym", "anonymt", "anonyme", "anonymous",
            "anonymously", "anon", "anonymitet", "anonymity", "annonym", "anonum", "anynom", "anomym",
            "ingen navn", "uten navn", "utan namn", "uden navn", "inget namn", "intet navn", "ikkje namn",
            "no name", "without a name", "without name", "vil ikke si", "vil ikkje seie", "vil ikkje sei",
            "vil ikke sige", "vill inte saga", "vil ikke oppgi", "vil ikkje oppgi", "vil ikkje gje",
            "vil ikke opgive", "vill inte uppge", "vil ikke gi", "rather not say", "prefer not to say",
            "dont want to say", "dont want to give", "rather not give", "would rather not", "ikke oppgi",
            "ikkje oppgje", "ikke si navnet", "ikke si navn", "hemmelig", "hemmeleg", "hemmelighed", "hemligt",
            "hemlig", "secret", "ikke navn", "ikke noe navn", "ikkje noko namn", "inte namn", "not my name",
            "sier ikke", "seier ikkje", "siger ikke", "sager inte", "uten a si", "forblir anonym", "vil helst ikke si",
            "vil helst ikke oppgi", "vil helst ikkje", "ikke si", "ikkje sei", "inte saga", "not say", "not tell",
            "ikke fortelle", "ikkje fortelje", "inte beratta", "ikke sige", "ikke dele", "ikkje dele", "inte dela",
            "not share", "no names", "ingen namn", "heter ikke noe", "heiter ikkje noko", "heter ingenting",
            "hedder ikke noget", "heter inget", "heter ingenting", "behover i ikke", "behover de ikke",
            "behover ni inte", "trenger dere ikke", "treng de ikkje", "trenger du ikke", "dont need my name",
            "dont need to know", "trenger ikke navnet", "trenger ikke vite", "treng ikkje vite", "behover ikke vide",
            "behover inte veta", "dont wanna give", "dont wanna say", "wont give", "wont say", "not giving",
            "skip the name", "skip name", "hopp over navn", "hopp over namn", "spring over");
    /** A no-ish answer that means "no name" only at the name question. */
    private static final Set<String> ANONYMOUS_ANSWER = SlotTokens.set("0", "-", "x", "nei", "nej", "no", "nope",
            "nah", "na", "nix", "ne", "neppe", "nei takk", "nej tak", "nej tack", "no thanks", "no thank you",
            "trenger ikke", "trengs ikke", "trengst ikkje", "treng ikkje", "trenger du ikke", "behover ikke",
            "behover inte", "behovs inte", "behovs ikke", "ikke nodvendig", "ikkje naudsynt", "ikke nodvendigt",
            "inte nodvandigt", "not needed", "no need", "not necessary", "unnecessary", "helst ikke", "helst ikkje",
            "helst inte", "helst ikke takk", "skip", "hopp over", "hopp over det", "spring over", "hoppa over",
            "pass", "ingen", "ingenting", "nothing", "none", "ikke", "ikkje", "inte", "not", "nei helst ikke",
            "vil ikke", "vil ikkje", "vill inte", "will not", "wont", "i wont", "dont want to", "no i dont",
            "ikke nodvendig takk", "trenger dere ikke", "det trenger dere ikke", "det treng de ikkje",
            "det behover I ikke", "det behover ni inte", "you dont need it", "you dont need that", "dropp det",
            "drop it", "vil ikke det", "vil helst ikke", "vil helst ikkje", "vill helst inte", "helst ikke det",
            "nei det vil jeg ikke", "ikke noe", "nei ikke noe navn", "not telling", "vil ikke svare", "nah thanks",
            "nei det trenger dere ikke", "nei tak", "nope thanks", "no ty", "nei ty", "ingen navn takk");

    /** "Sander, 17 år", "Ethan, 17 y/o": an age after the name. */
    private static final Set<String> AGE = SlotTokens.set("ar", "aar", "year", "years", "yo", "y", "o", "old",
            "yrs", "gammel", "gamal", "gamla", "gammal", "gl");

    private NameReader() {}

    static Answer read(String text, String language, boolean asked) {
        SlotTokens t = SlotTokens.of(text);
        if (t.size() == 0 || NameWords.hostile(t, language)) {
            return Answer.NONE;
        }
        if (anonymous(t, text, asked)) {
            return Answer.ANONYMOUS;
        }
        if (text.contains("?") || NameWords.QUESTION.contains(t.at(0))) {
            return Answer.NONE;
        }
        Optional<String> introduced = introduced(t, language);
        if (introduced.isPresent()) {
            return new Answer(introduced, false);
        }
        return asked ? new Answer(bare(t, language), false) : Answer.NONE;
    }

    private static boolean anonymous(SlotTokens t, String text, boolean asked) {
        for (int i = 0; i < t.size(); i++) {
            if (t.matchAt(i, ANONYMOUS_ANYWHERE, 5) > 0) {
                return asked || !text.contains("?") || NameWords.wish(t);
            }
        }
        if (!asked) {
            return false;
        }
        String whole = String.join(" ", t.words.stream().filter(w -> !w.equals(SlotTokens.BREAK)).toList());
        return ANONYMOUS_ANSWER.contains(whole) || text.strip().equals("-")
                || YesNo.parse(text, null).map(yes -> !yes).orElse(false);
    }

    /** The name after "jeg heter", "I'm", "call me"…, or empty. */
    private static Optional<String> introduced(SlotTokens t, String language) {
        for (int i = 0; i < t.size(); i++) {
            int strong = t.matchAt(i, STRONG_INTRO, 3);
            int weak = strong > 0 ? 0 : t.matchAt(i, WEAK_INTRO, 3);
            int at = i + Math.max(strong, weak);
            if (strong + weak == 0 || at >= t.size()) {
                continue;
            }
            String word = t.original.get(at);
            if (NameWords.candidate(t.at(at), word, language)
                    && (strong > 0 || Character.isUpperCase(word.codePointAt(0)) || NameWords.known(t.at(at)))) {
                return Optional.of(capitalised(word));
            }
        }
        return Optional.empty();
    }

    /** A bare first name as the whole answer ("Kari", "kari", "Ola Nordmann", "hei, Kari her"), or empty. */
    private static Optional<String> bare(SlotTokens t, String language) {
        String first = null;
        int words = 0;
        for (int i = 0; i < t.size(); i++) {
            String w = t.at(i);
            if (w.equals(SlotTokens.BREAK) || FILLER.contains(w) || first != null && AGE.contains(w)
                    || first != null && w.matches("\\d{1,2}")) {
                continue;
            }
            if (!NameWords.candidate(w, t.original.get(i), language)) {
                return Optional.empty();
            }
            words++;
            first = first == null ? t.original.get(i) : first;
        }
        return first == null || words > 3 ? Optional.empty() : Optional.of(capitalised(first));
    }

    /** "kari" → "Kari", "anne-lise" → "Anne-Lise", "ØYVIND" → "Øyvind". */
    static String capitalised(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean start = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(start ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            start = cp == '-';
        }
        return out.toString().toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? out.toString() : word;
    }
}
