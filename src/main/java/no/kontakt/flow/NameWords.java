package no.kontakt.flow;

import java.util.Set;
import no.kontakt.text.Fold;

/** The words that decide whether a word can be a first name: common words, known names, risk, insults. */
final class NameWords {
    /** Words that start a question: "hvorfor trenger dere det", "what for". */
    static final PhraseSet QUESTION = SlotTokens.set("hvorfor", "kvifor", "korfor", "varfor", "hvorfor", "why",
            "hva", "kva", "ka", "vad", "hvad", "what", "hvem", "kven", "vem", "who", "hvordan", "korleis", "hur",
            "how", "hvor", "kor", "var", "where", "trenger", "treng", "behover", "need", "ma", "maste", "must",
            "skal", "skall", "må");
    /** Words that make an anonymity question a wish: "kan jeg være anonym?". */
    private static final PhraseSet WISH = SlotTokens.set("vaere", "vere", "vara", "be", "stay", "remain",
            "forbli", "forbliva", "forblive", "holde", "halde", "halla", "ga", "prefer", "vil", "ville", "vill",
            "want", "foretrekker", "helst", "rather");
    private static final PhraseSet RISK = SlotTokens.set("do", "doe", "die", "dying", "dead", "dod", "dode",
            "kms", "unalive", "end it all", "ende det hele", "ta mitt liv", "ta livet mitt", "ta mitt eget liv",
            "tage mit liv", "ta mitt liv", "forsvinne for godt", "ikke vaere her", "not be here", "not be here anymore",
            "selvmord", "sjolvmord", "sjalvmord", "selvmordstanker", "suicide", "suicidal", "suicidalt", "drepe",
            "drep", "drap", "kill", "killing", "kys", "ta livet", "tar livet", "take my life", "end my life",
            "end it", "ende livet", "avslutte", "avslutte livet", "skade meg", "skade meg selv", "skada mig",
            "skade mig", "hurt myself", "harm myself", "self harm", "selvskading", "selvskade", "sjolvskading",
            "kutte", "kutter", "kutta", "cutting", "cut myself", "overdose", "overdos", "overdosis", "piller",
            "pills", "tabletter", "hoppe", "henge", "hanga", "orker ikke", "orkar inte", "orker ikkje",
            "gider ikke", "cant take", "cant go on", "klarer ikke mer", "gi opp", "give up", "ge upp", "haplost",
            "hopeless", "ingen vits", "no point", "ikke leve", "ikkje leve", "inte leva", "not live", "leve mer",
            "i fare", "in danger", "voldtatt", "raped", "slar meg", "hits me", "vold", "violence", "misbruk",
            "abuse", "krise", "crisis", "panikk", "panic");
    private static final PhraseSet INSULT = SlotTokens.set("faen", "fanden", "fan", "helvete", "helvede",
            "helvette", "javla", "jaevla", "javel", "jaevel", "jaevlig", "satan", "satans", "fuck", "fucking",
            "fucker", "fuk", "fck", "fk", "fu", "shit", "dritt", "drit", "piss", "pis", "pikk", "kuk", "fitte",
            "fitta", "hore", "idiot", "idioter", "idiotar", "dust", "tosk", "bitch", "ass", "asshole", "arse",
            "dick", "cunt", "stfu", "wtf", "gtfo", "kjeft", "kaeft", "kaften", "hold kjeft", "hald kjeft",
            "drit og dra", "dra til", "dra at", "ga ad", "loser", "tulling", "mokk", "kuksuger", "bastard",
            "homo", "mongo", "retard", "knull", "knulle", "suck", "sucks", "sug", "rass",
            "skit", "skitt", "fandens", "pokker", "fuckoff", "fyfaen", "fy faen");
    /** Common words of the five languages that can follow "jeg er"/"I'm" or stand alone, and are no first name. */
    private static final String[] COMMON_WORDS = {
            // nb/nn/da/sv function words
            "jeg", "eg", "e", "jag", "je", "du", "han", "hun", "ho", "hon", "den", "det", "de", "dei", "vi", "me",
            "oss", "dere", "dokker", "dykk", "ni", "er", "ar", "var", "vart", "ble", "blei", "blev", "blir", "har",
            "hadde", "havde", "hade", "ikke", "ikkje", "inte", "ej", "ik", "ikk", "ingen", "inget", "inga", "noe",
            "noko", "noget", "nagot", "noen", "nokon", "nogen", "nagon", "alle", "alt", "allt", "og", "a", "och",
            "eller", "men", "for", "fra", "fran", "til", "till", "i", "pa", "av", "af", "med", "om", "ved", "vid",
            "hos", "mot", "mod", "under", "over", "uten", "utan", "uden", "sa", "som", "at", "att", "da", "nar",
            "hvis", "om", "viss", "dersom", "fordi", "fordi", "eftersom", "bare", "berre", "bara", "kun", "ogsa",
            "ocksa", "ogso", "og", "litt", "lite", "lidt", "lite", "veldig", "mye", "mykje", "meget", "mycket",
            "sa", "so", "helt", "heilt", "nok", "vel", "jo", "visst", "kanskje", "kanske", "kanskje", "maske",
            "tror", "trur", "synes", "syns", "tycker", "vet", "veit", "ved", "vil", "ville", "vill", "kan", "kunne",
            "skal", "ska", "skulle", "ma", "maste", "matte", "burde", "bor", "trenger", "treng", "behover",
            "prover", "prov", "her", "der", "dar", "hit", "dit", "na", "nu", "no", "snart", "sent", "tidlig",
            "hjemme", "heime", "hemma", "ute", "inne", "borte", "alene", "aleine", "ensam", "ensom", "einsam",
            "einsleg", "meg", "mig", "mej", "deg", "dig", "dej", "seg", "sig", "sej", "min", "mi", "mitt", "mine",
            "mit", "mina", "din", "ditt", "dine", "sin", "sitt", "hans", "hennes", "hendes", "deres", "ingenting",
            "nothing", "noen", "nei", "ja", "jo", "hei", "hej", "takk", "tack", "tak", "ok", "okay",
            // states and feelings people write after "jeg er"
            "redd", "rad", "bange", "radd", "lei", "trist", "ledsen", "lessen", "sliten", "trott", "trat", "traet",
            "utmattet", "utslitt", "ferdig", "faerdig", "fardig", "klar", "syk", "sjuk", "syg", "darlig", "dalig",
            "skidt", "bra", "fin", "fint", "god", "godt", "glad", "lykkelig", "sint", "arg", "vred", "sur",
            "irritert", "stressa", "stresset", "stressad", "nervos", "engstelig", "angstelig", "orolig", "bekymret",
            "bekymra", "urolig", "forvirret", "forvirra", "forvirrad", "deppa", "deppet", "nedfor", "langt",
            "full", "fuld", "rusa", "ruset", "pavirket", "hoy", "hog", "stein", "steina", "bakfull", "edru", "nykter",
            "aedru", "gravid", "ny", "gammel", "ung", "ungdom", "voksen", "vaksen", "vuxen", "gutt", "jente", "pike",
            "flicka", "pojke", "dreng", "pige", "mann", "kvinne", "kvinna", "kvinde", "mand", "man", "mor", "far",
            "mamma", "pappa", "mamman", "foreldre", "forelder", "forelder", "besteforelder", "bestemor", "bestefar",
            "farmor", "mormor", "farfar", "morfar", "pa", "parorende", "parorande", "anhorig", "student", "elev",
            "laerer", "larare", "sykepleier", "lege", "laege", "lakare", "arbeidsledig", "arbejdsloes", "arbetslos",
            "ufor", "sykemeldt", "sjukmeldt", "sygemeldt", "sjukskriven", "pensjonist", "pensionist", "ansatt",
            "fra", "from", "fodt", "fodd", "fodd", "bosatt", "innom", "usikker", "osikker", "uncertain", "sikker",
            "saker", "tom", "tomt", "svak", "sterk", "stark", "flau", "skamfull", "skam", "skuffet", "ensom",
            "hjelpeslos", "maktesloes", "ferdig", "klar", "sulten", "tarstig", "redd", "livredd", "panisk",
            "suicidal", "innlagt", "inlagd", "indlagt", "hjemlos", "heimlaus", "hemlos", "bostadslos", "rik",
            "fattig", "blakk", "pank", "sjenert", "shy", "introvert", "homofil", "lesbisk", "bi", "trans", "skeiv",
            "queer", "gay", "tenaring", "tenaaring", "tonaring", "teenager", "barn", "born", "unge", "usikker",
            "venn", "ven", "van", "kompis", "kjaereste", "kaereste", "sambo", "samboer", "kone", "hustru", "mann",
            "eks", "ex", "hjelper", "frivillig", "ufor", "mett", "fornoyd", "nojd", "tilfreds", "heldig", "uheldig",
            "gal", "galen", "sprø", "spro", "tullete", "dum", "teit", "kjip", "kjedelig", "verdilos", "vaerdilos",
            "vardelos", "udugelig", "odugelig", "stygg", "feit", "tjukk", "tynn", "syg", "frisk", "vaken", "vaaken",
            "vakne", "sovnlos", "sovnlaus", "somnlos", "sovnloes", "avhengig", "afhaengig", "beroende", "narkoman",
            "alkoholiker", "alkis", "rusmisbruker", "misbruker", "sovende", "wasted", "drunk", "high", "sober",
            // English
            "i", "im", "me", "my", "mine", "you", "your", "he", "she", "it", "we", "they", "them", "a", "an", "the",
            "and", "or", "but", "not", "no", "yes", "so", "very", "really", "just", "only", "also", "too", "here",
            "there", "now", "later", "soon", "in", "on", "at", "from", "to", "for", "with", "without", "of", "by",
            "about", "back", "please", "pls", "thanks", "tired", "sad", "scared", "afraid", "fine", "ok", "good",
            "bad", "okay", "well", "sick", "ill", "done", "ready", "sorry", "lonely", "alone", "angry", "mad",
            "upset", "anxious", "nervous", "worried", "depressed", "stressed", "confused", "lost", "stuck", "broken",
            "exhausted", "hungry", "pregnant", "new", "old", "young", "student", "mum", "mom", "mother", "dad",
            "father", "parent", "parents", "boy", "girl", "man", "woman", "guy", "kid", "worried", "struggling",
            "going", "trying", "feeling", "having", "getting", "doing", "being", "not", "sure", "unsure", "afraid",
            "a bit", "bit", "kinda", "pretty", "quite", "still", "always", "never", "over", "under", "unemployed",
            "homeless", "gay", "straight", "fed", "sick of", "gonna", "wanna", "gotta", "like", "literally",
            "honestly", "desperate", "hopeless", "useless", "worthless", "ashamed", "embarrassed", "numb", "empty",
            "terrified", "panicking", "shaking", "crying", "gratin", "grater", "grateful", "happy", "calm",
            "someone", "somebody", "anyone", "nobody", "no one", "noone", "person", "human", "who", "what", "why",
            "where", "when", "how", "which", "this", "that", "these", "those", "if", "because", "cuz", "cause",
            "will", "would", "can", "could", "should", "shall", "must", "may", "might", "do", "does", "did",
            "have", "has", "had", "be", "been", "am", "is", "are", "was", "were", "get", "got", "go", "went",
            "want", "need", "know", "dunno", "idk", "think", "say", "said", "tell", "told", "call", "text",
            "nope", "nah", "yeah", "yep", "yup", "hi", "hey", "hello", "dear", "sir", "madam", "mr", "mrs", "ms",
            "vet ikke", "ved ikke", "vet inte", "veit ikkje", "husker", "huskar", "minns", "husker ikke",
            "nokon", "nogen", "nagon", "noen", "ingen", "hvem", "navn", "namn", "name", "anonym", "hemmelig",
            "hallo", "heisann", "hejsan", "halla", "hallais", "yo", "sup", "lol", "haha", "hehe", "xd", "omg",
            "jaja", "jada", "joda", "nja", "tja", "hmm", "hm", "eh", "ehh", "mhm", "uff", "oi", "oj", "aj", "au",
            "ai", "huff", "fy", "pff", "psst", "ouch", "ugh", "argh", "mjo", "nja", "javisst", "jepp", "neppe",
            "test", "testing", "sms", "svar", "svare", "svara", "answer", "reply", "stopp", "stop", "slutt",
            "avslutt", "meny", "menu", "hjelp", "help", "start", "avbryt", "cancel", "slett", "slet", "radera",
            "delete", "tilbake", "back", "tillbaka", "fortsett", "videre", "neste", "next", "igjen", "again",
            "igen", "ingenting", "inget", "intet", "vet", "kanskje", "maybe", "perhaps", "probably", "definitely",
            "sammen", "saman", "sammen", "tilsammans", "together", "hverandre", "each", "mange", "many", "flere",
            "fleire", "flera", "more", "most", "mest", "minst", "least", "som", "akkurat", "precis", "exactly",
            "faktisk", "actually", "egentlig", "eigentleg", "egentligen", "really", "seriost", "seriously",
            "lurer", "undrer", "undrar", "wonder", "sliter", "strever", "strevar", "kamper", "kampar", "struggle",
            // nationalities and places people name after "jeg er"
            "norsk", "svensk", "dansk", "engelsk", "tysk", "polsk", "somalisk", "syrisk", "ukrainsk", "afghansk",
            "eritreisk", "irakisk", "iransk", "litauisk", "finsk", "islandsk", "norwegian", "swedish", "danish",
            "english", "british", "german", "polish", "american", "ukrainian", "syrian", "somali",
            "svenske", "dansker", "utlending", "innvandrer", "invandrare", "indvandrer", "immigrant", "flyktning",
            "flykting", "refugee", "kristen", "muslim", "muslimsk", "jul", "christmas", "paske", "easter", "sommer",
            "summer", "vinter", "winter", "helg", "helgen", "weekend", "ferie", "semester", "holiday", "bursdag",
            "birthday", "fodselsdag"};
    private static final PhraseSet COMMON = SlotTokens.set(COMMON_WORDS);
    /** The same words unsqueezed: "inne" must not block the name "Ine", nor "alle" "Ale". */
    private static final java.util.Set<String> COMMON_RAW = raw(COMMON_WORDS);
    /** First names common in Norway, Denmark, Sweden and England; a lowercase "jeg er kari" counts for these. */
    private static final PhraseSet KNOWN = SlotTokens.set("kari", "ola", "ole", "per", "pal", "nils", "lars",
            "knut", "jan", "hans", "erik", "eirik", "jon", "jonas", "emil", "lukas", "oskar", "oscar", "filip",
            "william", "noah", "oliver", "jakob", "jacob", "elias", "aksel", "axel", "magnus", "henrik", "mathias",
            "mats", "martin", "thomas", "tomas", "andreas", "anders", "kristian", "christian", "sander", "sondre",
            "sindre", "tobias", "markus", "marcus", "daniel", "david", "adam", "isak", "johannes", "johan",
            "mohammed", "muhammad", "ali", "ahmed", "omar", "yusuf", "ibrahim", "hassan", "tor", "geir", "bjorn",
            "arne", "odd", "rune", "terje", "trond", "stian", "espen", "even", "vegard", "sigurd", "gunnar", "ivar",
            "harald", "olav", "olaf", "kjell", "svein", "morten", "frode", "steinar", "vidar", "are", "atle",
            "anne", "inger", "kristin", "marit", "ingrid", "liv", "eva", "ida", "nora", "emma", "sara", "sarah",
            "sofie", "sophie", "sofia", "maja", "maia", "ella", "emilie", "ingeborg", "thea", "tea", "julie",
            "hanna", "hannah", "mia", "amalie", "frida", "selma", "astrid", "sigrid", "silje", "hilde", "heidi",
            "tone", "randi", "berit", "bente", "hege", "trine", "mette", "lene", "line", "linn", "camilla",
            "kamilla", "marte", "martine", "maria", "marie", "mari", "kaja", "kaia", "vilde", "tuva", "ronja",
            "oda", "ane", "synne", "solveig", "guro", "ragnhild", "tiril", "victoria", "viktoria", "malin", "linnea",
            "elin", "karin", "lena", "anna", "elsa", "alice", "alva", "saga", "wilma", "vera", "ebba", "stina",
            "kerstin", "birgitta", "ulla", "lisa", "johanna", "matilda", "agnes", "klara", "clara", "freja",
            "freya", "josefine", "laura", "caroline", "karoline", "mathilde", "cecilie", "sanne", "lotte", "pia",
            "susanne", "lise", "lone", "dorthe", "gitte", "helle", "rasmus", "mikkel", "frederik", "christoffer",
            "kasper", "jesper", "mads", "soren", "jens", "niels", "poul", "bo", "ulf", "sven", "bengt", "goran",
            "stefan", "fredrik", "karl", "carl", "gustav", "olle", "pelle", "hugo", "ludvig", "albin", "viktor",
            "victor", "alexander", "aleksander", "alex", "sebastian", "benjamin", "jack", "harry", "george",
            "charlie", "james", "tom", "sam", "ben", "joe", "dan", "chris", "mark", "paul", "john", "mike",
            "michael", "peter", "steve", "luke", "matt", "jessica", "emily", "olivia", "amelia", "grace", "lucy",
            "chloe", "sophia", "ava", "isla", "amy", "kate", "katie", "ellie", "lily", "jo", "sam", "alex",
            "kim", "robin", "eli", "siv", "aud", "bodil", "gro", "tove", "unni", "wenche", "nina", "stine",
            "anja", "tina", "jenny", "sandra", "monica", "monika", "hanne", "kine", "elise", "helene", "iben",
            "nanna", "signe", "hedda", "live", "aurora", "leah", "lea", "ylva", "greta", "siri", "mikael",
            "lina", "amina", "fatima", "aisha", "leila", "sana", "yasmin", "zainab", "nadia", "emir", "kevin",
            "patrick", "ronny", "roger", "kenneth", "tommy", "glenn", "jim", "rolf", "leif", "egil", "einar",
            "dag", "ask", "sol", "embla", "storm", "tiago", "lucas");
    private static final java.util.regex.Pattern LETTERS = java.util.regex.Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final java.util.regex.Pattern VOWEL = java.util.regex.Pattern.compile(".*[aeiouy].*");

    private NameWords() {}

    static boolean known(String folded) {
        return KNOWN.contains(folded);
    }

    /** A word that can be a first name: letters, 2–20 of them with a vowel, no common, time, channel or yes/no word. */
    static boolean candidate(String folded, String original, String language) {
        if (!LETTERS.matcher(original).matches() || folded.length() < 2 || folded.length() > 20
                || !VOWEL.matcher(folded).matches()) {
            return false;
        }
        if (KNOWN.contains(folded)) {
            return !INSULT.contains(folded);
        }
        return !common(folded, original) && !INSULT.contains(folded) && !RISK.contains(folded)
                && TimeWords.meaning(folded, language) == null && !ChannelReader.isChannelWord(folded)
                && YesNo.parse(original, language).isEmpty();
    }

    /** A common word as written ("inne"), or squeezed when letters were drawn out ("reddd", "neeei"). */
    private static boolean common(String folded, String original) {
        String raw = Fold.match(Text.lowerWithSwedishNo(original));
        return COMMON_RAW.contains(raw) || !raw.equals(folded) && COMMON.contains(folded) && drawnOut(raw);
    }

    /** Three or more of the same letter in a row. */
    private static boolean drawnOut(String raw) {
        for (int i = 2; i < raw.length(); i++) {
            if (raw.charAt(i) == raw.charAt(i - 1) && raw.charAt(i) == raw.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> raw(String... words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(Fold.match(Text.lowerWithSwedishNo(w)));
        }
        return out;
    }

    /** A risk word or an insult anywhere: such a message never carries a name. */
    static boolean hostile(SlotTokens t, String language) {
        for (int i = 0; i < t.size(); i++) {
            String w = t.at(i);
            boolean dieWord = w.equals("do") || w.equals("doe") || w.equals("dod");
            if (dieWord && ("en".equals(language) || !t.original.get(i).matches("(?i).*(ø|ö|oe).*"))) {
                continue;
            }
            if (t.matchAt(i, RISK, 3) > 0 || t.matchAt(i, INSULT, 3) > 0) {
                return true;
            }
        }
        return false;
    }

    /** "kan jeg være anonym?": a question that still says what the person wants. */
    static boolean wish(SlotTokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (WISH.contains(t.at(i))) {
                return true;
            }
        }
        return false;
    }
}
