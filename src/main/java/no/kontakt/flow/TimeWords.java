package no.kontakt.flow;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The words and phrases of time answers in nb, nn, da, sv and en, and what each one means. */
final class TimeWords {
    /** What a word does in a time answer. */
    enum Kind {
        ASAP, DAY, WEEKDAY, NEXT, PART, AFTER, BEFORE, AT, BETWEEN, FROM, UNTIL, TO, AND, NEG, LATER, FILLER,
        HALF, HALF_PAST, CLOCK, IN, HOURS, MINUTES, HALF_HOUR, QUARTER, ARTICLE, COUNT, BUSY, IGNORE,
        /** "når dere er åpne", "i åpningstiden", "when you're open": the unit's opening hours. */
        OPEN,
        /** "ferdig på jobb", "when I finish work": after work, 16:00 on a working day. */
        AFTER_WORK,
        /** "i går", "yesterday", "last": the day or part that follows is in the past and is not read. */
        PAST
    }

    /** A word's meaning: its kind, a value (day offset, ISO weekday, minutes) and an optional day part. */
    record Meaning(Kind kind, int value, DayPart part) {}

    static final int MAX_PHRASE = 5;
    /** An ASAP word's value when it is weak ("nå", "now", "snart"): in a free message it needs a word of contact. */
    static final int WEAK = 1;
    private static final Map<String, Meaning> WORDS = new HashMap<>();

    static {
        put(Kind.ASAP, WEAK, null, "nå", "nu", "now", "snart", "soon", "direkte", "direkt", "right now",
                "akkurat nå", "akkurat no", "lige nu", "just nu", "nå nå", "i øyeblikket", "for øyeblikket");
        put(Kind.ASAP, 0, null, "asap", "snarest", "snarast", "straks", "omgående", "genast",
                "umiddelbart", "immediately", "anytime", "whenever", "fortast", "fortest", "snarast råd",
                "så fort som mulig", "så fort som mogleg", "så fort som muligt", "så fort som möjligt",
                "så snart som mulig", "så snart som mogleg", "så snart som muligt", "så snart som möjligt",
                "så raskt som mulig", "så hurtig som mulig", "så hurtigt som muligt", "så tidlig som mulig",
                "så tidigt som möjligt", "snarest mulig", "snarest muligt", "snarast mogleg", "snarast möjligt",
                "hurtigst mulig", "hurtigst muligt", "raskest mulig", "fortest mulig", "fortast mogleg",
                "fortast möjligt", "tidligst mulig", "tidligst muligt", "med en gang", "med ein gong",
                "med ein gang", "med det samme", "med det samma", "når som helst", "hvornår som helst",
                "när som helst", "når det passer", "når det passar", "när det passar", "hvornår det passer",
                "når du vil", "når dere vil", "når I vil", "när ni vill", "spiller ingen rolle",
                "spelar ingen roll", "as soon as possible", "as soon as you can", "as early as possible",
                "right away", "any time", "when ever", "doesn't matter", "does not matter",
                "så fort dere kan", "så fort de kan", "så fort I kan", "så fort ni kan", "så snart dere kan",
                "så snart I kan", "så snart ni kan", "as fast as possible", "når som helst egentlig",
                "hurtigst muligt", "snarest muligt", "asap please", "når de vil", "når det passar dykk",
                "sa fort som mulig", "sa snart som mojligt");
        put(Kind.OPEN, 0, null, "når dere er åpne", "når dere har åpent", "når dere åpner", "når de er opne",
                "når de har ope", "når de har opent", "når de opnar", "når I har åbent", "når I åbner",
                "når I er åbne", "när ni har öppet", "när ni öppnar", "när ni är öppna", "i åpningstiden",
                "i åpningstida", "i opningstida", "i opningstidene", "i åbningstiden", "i åbningstiderne",
                "under öppettiden", "under öppettiderna", "på öppettiderna", "i kontortiden", "i kontortida",
                "på kontortid", "i kontortid", "i kontorstid", "på kontorstid", "i arbeidstiden", "when you're open",
                "when you are open", "when youre open", "when you open", "during opening hours", "opening hours",
                "office hours", "during office hours", "business hours", "during business hours",
                "innenfor åpningstiden", "in opening hours", "while you're open", "while you are open");
        put(Kind.AFTER_WORK, 0, null, "ferdig på jobb", "ferdig på jobben", "ferdig med jobb", "ferdig med jobben",
                "ferdig på skolen", "ferdig på skulen", "ferdig med skolen", "ferdig på skolen", "fri fra jobb",
                "fri fra jobben", "fri fra arbeid", "fri frå jobb", "fri frå arbeid", "fri fra arbejde",
                "fri fra skole", "fri fra skolen", "færdig på arbejde", "færdig med arbejde", "færdig på job",
                "færdig med skolen", "færdig i skole", "slutat jobba", "slutar jobba", "slutat jobbet",
                "slutar jobbet", "slutat på jobbet", "slutat skolan", "slutar skolan", "finish work",
                "finished work", "finish school", "get off work", "home from work", "home from school",
                "hjem fra jobb", "hjem fra jobben", "heim frå jobb", "heim frå jobben", "hjem fra arbejde",
                "hjem fra skole", "hjem fra skolen", "hem från jobbet", "hem från skolan", "slutter på jobb",
                "sluttar på jobb", "slutter jobb", "kommer hjem", "kjem heim", "kommer hem", "get home",
                "fri fra arbeidet", "ferdig på arbeid", "ferdig på arbeidet", "ferdig på skule");
        put(Kind.PAST, 0, null, "i går", "igår", "i gaar", "igaar", "yesterday", "last", "forrige", "förra",
                "førre veke", "førre veka", "førre helg", "sidste", "i går aftes", "igår kväll",
                "sist", "siste", "i forgårs", "iforgårs", "i förrgår", "the other", "tidligere i dag");
        put(Kind.DAY, 0, null, "i dag", "idag", "today");
        put(Kind.DAY, 1, null, "i morgen", "imorgen", "i morgon", "imorgon", "i morra", "imorra", "i mårra",
                "imårra", "i morn", "imorn", "tomorrow", "tmrw", "tmr");
        put(Kind.DAY, 2, null, "i overmorgen", "iovermorgen", "overmorgen", "i övermorgon", "iövermorgon",
                "övermorgon", "day after tomorrow", "overmorrow");
        put(Kind.DAY, 0, DayPart.EVENING, "i kveld", "ikveld", "i kväll", "ikväll", "i aften", "iaften",
                "tonight", "tonite", "this evening");
        put(Kind.DAY, 0, DayPart.AFTERNOON, "i ettermiddag", "iettermiddag", "i eftermiddag", "ieftermiddag",
                "this afternoon");
        put(Kind.DAY, 0, DayPart.FORENOON, "i formiddag", "iformiddag", "i føremiddag", "i förmiddag",
                "iförmiddag");
        put(Kind.DAY, 0, DayPart.MORNING, "this morning");
        put(Kind.PART, 0, DayPart.MORNING, "morgen", "morgenen", "morgon", "morgonen", "morning", "mornings",
                "tidlig", "tidig", "early", "bitti", "tidleg");
        put(Kind.PART, 0, DayPart.FORENOON, "formiddag", "formiddagen", "føremiddag", "føremiddagen",
                "förmiddag", "förmiddagen", "forenoon");
        put(Kind.PART, 0, DayPart.DINNER, "middag", "middagen", "middagstid", "dinner", "dinnertime", "supper",
                "dinner time");
        put(Kind.PART, 0, DayPart.LUNCH, "lunsj", "lunsjen", "lunsjtid", "lunch", "lunchen", "lunchtid",
                "lunchtime");
        put(Kind.PART, 0, DayPart.AFTERNOON, "ettermiddag", "ettermiddagen", "eftermiddag", "eftermiddagen",
                "afternoon", "afternoons");
        put(Kind.PART, 0, DayPart.EVENING, "kveld", "kvelden", "kveldstid", "kveldinga", "kvel", "kväll",
                "kvällen", "kvällstid", "aften", "aftenen", "aftentid", "evening", "evenings");
        put(Kind.PART, 0, DayPart.DAYTIME, "dagtid", "dagtiden", "daytime", "på dagen", "during the day");
        weekday(DayOfWeek.MONDAY, "mandag", "måndag", "monday");
        weekday(DayOfWeek.TUESDAY, "tirsdag", "tysdag", "tisdag", "tuesday", "tue", "tues", "tirs");
        weekday(DayOfWeek.WEDNESDAY, "onsdag", "wednesday", "wed", "ons");
        weekday(DayOfWeek.THURSDAY, "torsdag", "thursday", "thu", "thur", "thurs", "tors");
        weekday(DayOfWeek.FRIDAY, "fredag", "friday", "fre");
        weekday(DayOfWeek.SATURDAY, "lørdag", "laurdag", "lördag", "saturday");
        weekday(DayOfWeek.SUNDAY, "søndag", "sundag", "söndag", "sunday");
        put(Kind.NEXT, 0, null, "neste", "næste", "nästa", "next", "kommende", "kommande");
        put(Kind.AFTER, 0, null, "etter", "efter", "after", "ettr", "etr", "etet", "eftr", "efer", "aftr",
                "afer", "atter", "eftir", "tidligst", "tidigast", "earliest", "later than",
                "senere enn", "seinare enn", "senare än");
        put(Kind.BEFORE, 0, null, "før", "före", "innen", "inden", "innan", "before", "by", "within", "senest",
                "seinest", "no later than", "not later than", "at the latest", "ikke senere enn", "ikkje seinare enn",
                "seinast", "senast", "latest");
        put(Kind.AT, 0, null, "kl", "klokka", "klokken", "klokkan", "klokke", "klockan", "at", "ved", "vid",
                "ca", "cirka", "circa", "omkring", "rundt", "runt", "ungefär", "around", "about");
        put(Kind.BETWEEN, 0, null, "mellom", "mellem", "mellan", "imellom", "between");
        put(Kind.FROM, 0, null, "fra", "från", "from", "fra og med");
        put(Kind.UNTIL, 0, null, "til", "until", "til og med");
        put(Kind.TO, 0, null, "to");
        put(Kind.AND, 0, null, "og", "och", "and");
        put(Kind.NEG, 0, null, "ikke", "ikkje", "inte", "not", "ej", "ikk");
        put(Kind.LATER, 0, null, "eller senere", "eller seinare", "eller senare", "or later");
        put(Kind.FILLER, 0, null, "på", "on", "the", "this", "den", "denne", "dette");
        put(Kind.HALF, 0, null, "halv");
        put(Kind.HALF_PAST, 0, null, "half past");
        put(Kind.CLOCK, 12 * 60, null, "noon", "midday");
        put(Kind.CLOCK, 24 * 60, null, "midnight", "midnatt");
        put(Kind.IN, 0, null, "om", "in");
        put(Kind.HOURS, 0, null, "time", "timer", "timen", "timar", "timme", "timmar", "tim", "hour", "hours",
                "hr", "hrs", "h", "t");
        put(Kind.MINUTES, 0, null, "min", "mins", "minutt", "minutter", "minuttar", "minut", "minuter",
                "minutes", "minute");
        put(Kind.HOURS, 0, null, "times tid", "timestid", "timmes tid");
        put(Kind.HALF_HOUR, 30, null, "halvtime", "halvtimen", "halvtimme", "halvtimmen", "halv time",
                "halv timme", "half an hour", "half hour");
        put(Kind.QUARTER, 15, null, "kvarter", "quarter", "quarter of an hour");
        put(Kind.ARTICLE, 1, null, "a", "an");
        put(Kind.COUNT, 0, null, "år", "years", "year", "gang", "ganger", "gonger", "times", "dager", "dagar",
                "days", "uker", "veckor", "weeks", "barn", "kr", "kroner", "kronor");
        put(Kind.BUSY, 0, null, "jobb", "jobben", "jobber", "jobbar", "jobbe", "jobbet", "arbeid", "arbeider",
                "arbejde", "arbejder", "arbetar", "skole", "skolen", "skolan", "skule", "skulen", "opptatt",
                "optaget", "upptagen", "work", "working", "school", "busy", "skoletid", "skuletid", "skoltid",
                "arbeidstid", "arbeidstida", "jobbtid", "arbejdstid", "arbetstid", "skole", "skule", "skola",
                "jobba", "job", "jobbe", "arbeidet", "skoledagen", "skuledagen", "skoldagen", "uni", "studier",
                "forelesning", "forelesningen", "lectures", "class", "classes", "undervisning",
                "lektionerna", "gymmet", "trening", "treningen", "træning", "training");
        put(Kind.IGNORE, 0, null, "god morgen", "godmorgen", "god morgon", "godmorgon", "good morning",
                "god kveld", "god kväll", "god aften", "good evening", "god ettermiddag", "good afternoon",
                "god dag", "goddag", "god natt", "godnatt", "good night");
    }

    private TimeWords() {}

    /**
     * The meaning of a folded, squeezed word or phrase, or null. The language settles three clashes: "for"
     * is "at" in English ("for 2pm") and "før" (before) elsewhere; "no" is "now" in nynorsk; "frokost" is lunch
     * in Danish and breakfast (not read) elsewhere.
     */
    static Meaning meaning(String word, String language) {
        switch (word) {
            case "for":
                return new Meaning("en".equals(language) ? Kind.AT : Kind.BEFORE, 0, null);
            case "no":
                return "nn".equals(language) ? new Meaning(Kind.ASAP, WEAK, null) : null;
            case "frokost":
                return "da".equals(language) ? new Meaning(Kind.PART, 0, DayPart.LUNCH) : null;
            default:
                return WORDS.get(word);
        }
    }

    /** Joins known phrases into single words ("i", "morgen" → "i morgen"), longest first. */
    static List<TimeTokens.Token> joinPhrases(List<TimeTokens.Token> tokens) {
        List<TimeTokens.Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int length = phraseLength(tokens, i);
            if (length > 1) {
                StringBuilder joined = new StringBuilder();
                for (int k = i; k < i + length; k++) {
                    joined.append(k > i ? " " : "").append(((TimeTokens.Word) tokens.get(k)).text());
                }
                out.add(new TimeTokens.Word(joined.toString()));
            } else {
                out.add(tokens.get(i));
            }
            i += Math.max(length, 1);
        }
        return out;
    }

    private static int phraseLength(List<TimeTokens.Token> tokens, int from) {
        StringBuilder key = new StringBuilder();
        int best = 0;
        for (int k = from; k < Math.min(tokens.size(), from + MAX_PHRASE); k++) {
            if (!(tokens.get(k) instanceof TimeTokens.Word w)) {
                break;
            }
            key.append(k > from ? " " : "").append(w.text());
            if (k > from && WORDS.containsKey(key.toString())) {
                best = k - from + 1;
            }
        }
        return best;
    }

    private static void weekday(DayOfWeek day, String... names) {
        for (String name : names) {
            put(Kind.WEEKDAY, day.getValue(), null, name);
            if (name.endsWith("dag")) {
                put(Kind.WEEKDAY, day.getValue(), null, name + "en");
            }
        }
    }

    private static void put(Kind kind, int value, DayPart part, String... phrases) {
        Meaning meaning = new Meaning(kind, value, part);
        for (String phrase : phrases) {
            List<String> words = new ArrayList<>();
            for (TimeTokens.Token t : TimeTokens.of(phrase)) {
                words.add(((TimeTokens.Word) t).text());
            }
            String key = String.join(" ", words);
            Meaning previous = WORDS.put(key, meaning);
            if (previous != null && !previous.equals(meaning)) {
                throw new IllegalStateException("time word '" + key + "' means both " + previous + " and " + meaning);
            }
        }
    }
}
