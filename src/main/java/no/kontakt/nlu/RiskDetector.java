package no.kontakt.nlu;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.kontakt.nlu.PhraseMatcher.Hit;
import no.kontakt.nlu.Section.Kind;
import no.kontakt.text.Fold;

/**
 * Tells whether a message signals acute risk (suicidal intent, self-harm, overdose and method words,
 * violence by or against the writer), recall first, from the lexicons in {@code nlu/risk-*.txt}.
 * Every language's lexicon is checked whatever the hint, since people mix languages; the hint only
 * orders the reasons. A word in a {@code mention} section is discounted when a topic phrase ends at most
 * {@value #TOPIC_WINDOW} words before it or stands right after or inside it ("kurset om selvmordsforebygging");
 * intent patterns are never discounted. An exception pattern suppresses only the hits it overlaps.
 * A message the lexicons have no opinion on (no hit, no topic, no exception) goes to a trained classifier
 * ({@link OpenNlpRiskClassifier}), which may add a flag with the reason {@code classifier p=0.93} when it is at
 * least {@value #CLASSIFIER_THRESHOLD} sure; it never removes or overrules what the lexicons decided.
 */
public final class RiskDetector {
    /** The languages with a lexicon, in the order their reasons are preferred after the hint. */
    static final List<String> LANGUAGES = List.of("nb", "nn", "da", "sv", "en");
    static final int TOPIC_WINDOW = 5;
    /** How sure the classifier must be to add a flag; chosen on risk-cases.tsv and risk-holdout-2.tsv. */
    static final double CLASSIFIER_THRESHOLD = 0.9;
    /** How many thinking or planning words may stand between a negation and the risk phrase it denies. */
    static final int NEGATION_REACH = 4;

    private final PhraseMatcher matcher;
    private final Map<Integer, String> emoji;
    private final List<Rule> rules;
    private final OpenNlpRiskClassifier classifier;
    private final Set<String> negations;
    private final Set<String> negationScope;
    private final Set<String> fillers;
    private final Set<String> clauseWords;
    private final Set<String> inability;
    private final Set<String> intention;
    private final Set<String> taken;

    private RiskDetector(Lexicon lexicon, OpenNlpRiskClassifier classifier) {
        WordIndex words = new WordIndex(lexicon.aliases, lexicon.ordinary);
        this.matcher = new PhraseMatcher(words, lexicon.negations, lexicon.fillers, lexicon.rules);
        this.emoji = Map.copyOf(lexicon.emoji);
        this.rules = List.copyOf(lexicon.rules);
        this.classifier = classifier;
        this.negations = Set.copyOf(lexicon.negations);
        this.negationScope = Set.copyOf(lexicon.negationScope);
        this.fillers = Set.copyOf(lexicon.fillers);
        this.clauseWords = Set.copyOf(lexicon.clauseWords);
        this.inability = Set.copyOf(lexicon.inability);
        this.intention = Set.copyOf(lexicon.intention);
        this.taken = Set.copyOf(lexicon.taken);
    }

    /**
     * Reads {@code nlu/risk-common.txt} and {@code nlu/risk-LANG.txt} for every language from the classpath, and
     * trains the classifier on {@code nlu/risk-training.tsv}.
     */
    private static volatile RiskDetector shared;

    /**
     * The detector of the bundled lexicons and classifier, loaded once a process and shared by every part that assesses
     * (it keeps no state between messages): the server, a publish's replays, the tools, and the many servers a test run
     * starts.
     */
    public static RiskDetector shared() {
        RiskDetector loaded = shared;
        if (loaded == null) {
            synchronized (RiskDetector.class) {
                if (shared == null) {
                    shared = load();
                }
                loaded = shared;
            }
        }
        return loaded;
    }

    public static RiskDetector load() {
        return load(OpenNlpRiskClassifier.load());
    }

    /** The lexicons from the classpath with {@code classifier} as the second opinion. */
    static RiskDetector load(OpenNlpRiskClassifier classifier) {
        Lexicon lexicon = new Lexicon();
        read(lexicon, "common");
        LANGUAGES.forEach(language -> read(lexicon, language));
        return new RiskDetector(lexicon, classifier);
    }

    /** How long training the classifier took at load. */
    public long classifierTrainingMillis() {
        return classifier.trainingMillis();
    }

    /** Assesses {@code text}; {@code language} (nb, nn, da, sv, en or und) is a hint that orders the reasons. */
    public RiskAssessment assess(String text, String language) {
        Objects.requireNonNull(text, "text");
        String hint = Objects.requireNonNull(language, "language").toLowerCase(Locale.ROOT);
        List<String> folded = Fold.words(text);
        List<Folding.Place> places = Folding.places(text);
        int[] clause = clauses(folded, places);
        List<Hit> hits = matcher.find(folded);
        List<Hit> counted = new ArrayList<>();
        List<Hit> discounted = new ArrayList<>();
        Set<String> why = new LinkedHashSet<>();
        judge(hits, folded, clause, counted, discounted, why);
        Set<String> reasons = new LinkedHashSet<>();
        explaining(counted, hint).forEach(hit -> reasons.add(hit.rule().id()));
        counted.stream().map(h -> h.rule().section().methodReason()).filter(Objects::nonNull).forEach(reasons::add);
        emojiIn(text).forEach(name -> reasons.add("emoji:" + name));
        if (reasons.isEmpty()) {
            String asked = why.isEmpty() ? text : afterSetAside(text, places, clause, hits);
            double p = asked.isEmpty() ? 0 : classifier.probability(asked);
            if (p >= CLASSIFIER_THRESHOLD) {
                reasons.add(classifierReason(p));
            }
        }
        boolean risk = !reasons.isEmpty();
        if (risk && aboutSomeoneElse(hits, counted)) {
            reasons.add("third_person");
        }
        reasons.addAll(why);
        explaining(discounted, hint).forEach(hit -> reasons.add("discounted:" + hit.rule().id()));
        return new RiskAssessment(risk, List.copyOf(reasons));
    }

    /**
     * How many lexicon phrases (risk, topic, exception and the rest) occur in {@code text}, before any of them is
     * judged and without the classifier: the matching part of {@link #assess}, for the benchmark to time.
     */
    public int lexiconMatches(String text) {
        return matcher.find(Fold.words(text)).size();
    }

    /**
     * The clause of every word: a new clause begins after {@code . , ; : ! ?} or a line break, and at a word of the
     * {@code [clause]} sections ("men", "but"), which begins the clause it stands in.
     */
    private int[] clauses(List<String> folded, List<Folding.Place> places) {
        int[] clause = new int[folded.size()];
        int extra = 0;
        for (int i = 0; i < clause.length; i++) {
            if (i > 0 && clauseWords.contains(folded.get(i))) {
                extra++;
            }
            clause[i] = (i < places.size() ? places.get(i).clause() : 0) + extra;
        }
        return clause;
    }

    /**
     * The text after the last clause holding a hit the lexicons set aside (denied, suppressed, a topic, the past), as
     * written: in "I don't really want to die, but I can't keep going" the "but" clause carries the risk, so the
     * classifier is asked about it alone; "" when nothing follows.
     */
    private String afterSetAside(String text, List<Folding.Place> places, int[] clause, List<Hit> hits) {
        int last = hits.stream().filter(RiskDetector::isRisk).mapToInt(h -> clause[h.end()]).max().orElse(Integer.MAX_VALUE);
        for (int i = 0; i < clause.length && i < places.size(); i++) {
            if (clause[i] > last) {
                return text.substring(places.get(i).start());
            }
        }
        return "";
    }

    /**
     * Sorts the risk hits into those that count and those set aside: suppressed by an exception, denied by a
     * negation just before them in the same clause ("ingen selvmordstanker", "har ikke tenkt å skade meg"), a
     * mention discounted as a topic, or told as the past in its clause ("for ti år siden", "when I was 16")
     * without a word of now in it ("igjen", "i kveld"); {@code why} gets the reasons. Violence at home is the more
     * telling kind: when a {@code domestic_violence} hit counts, the {@code violence} hits of the message do not. An
     * {@code overdose} phrase said as a plan counts as {@code method:pills} (see {@link #planned}).
     */
    private void judge(List<Hit> hits, List<String> folded, int[] clause, List<Hit> counted, List<Hit> discounted, Set<String> why) {
        List<Hit> exceptions = hits.stream().filter(h -> isRisk(h) && h.rule().exception()).toList();
        List<Hit> topics = hits.stream().filter(h -> h.rule().section().kind() == Kind.TOPIC).toList();
        Set<Integer> pastClauses = clausesOf(hits, Kind.PAST, clause);
        Set<Integer> presentClauses = clausesOf(hits, Kind.PRESENT, clause);
        for (Hit hit : hits) {
            if (!isRisk(hit) || hit.rule().exception()) {
                continue;
            }
            Hit negating = exceptions.stream().filter(hit::overlaps).findFirst().orElse(null);
            Hit topic = hit.rule().section().mention()
                    ? topics.stream().filter(t -> isTopicOf(t, hit)).findFirst().orElse(null)
                    : null;
            int c = clause[hit.start()];
            if (negating != null) {
                why.add(negating.rule().id());
            } else if (denied(hit, folded, clause)) {
                why.add("negated:" + hit.rule().id());
            } else if (topic != null) {
                why.add("topic:" + topic.rule().section().name());
                discounted.add(hit);
            } else if (pastClauses.contains(c) && !presentClauses.contains(c)) {
                why.add("topic:past");
                discounted.add(hit);
            } else {
                counted.add(hit);
            }
        }
        counted.replaceAll(hit -> planned(hit, folded, clause) ? new Hit(asPlan(hit.rule()), hit.start(), hit.end()) : hit);
        if (counted.stream().anyMatch(h -> h.rule().section().category().equals("domestic_violence"))) {
            counted.removeIf(h -> h.rule().section().category().equals("violence"));
        }
    }

    /**
     * Whether a negation stands before {@code hit} in its clause with at most {@value #NEGATION_REACH} words of
     * {@code [negation_scope]} (thinking, planning, wanting: "tenkt å", "plans to", "tänkt") or fillers between:
     * "har aldri hatt selvmordstanker", "no thoughts of suicide". A negation inside the pattern ("orker ikke mer")
     * is the pattern's own; any other word in between ("vet ikke om jeg klarer mer") ends the reach. Not being able
     * is no denial: after a word of {@code [inability]} ("klarer ikke å holde meg trygg", "kan ikke love") the phrase counts.
     */
    private boolean denied(Hit hit, List<String> folded, int[] clause) {
        int c = clause[hit.start()];
        for (int i = hit.start() - 1, reach = 0; i >= 0 && clause[i] == c && reach <= NEGATION_REACH; i--, reach++) {
            String word = folded.get(i);
            if (negations.contains(word)) {
                // "klarer ikke", and with the subject after the verb, "kan jeg ikke se"
                return !(i >= 1 && inability.contains(folded.get(i - 1)) || i >= 2 && inability.contains(folded.get(i - 2)));
            }
            if (!negationScope.contains(word) && !fillers.contains(word)) {
                return false;
            }
        }
        return false;
    }

    /** The section an overdose phrase said as a plan counts in: a means, not an overdose already taken. */
    private static final Section PLANNED = new Section(Kind.RISK, "method:pills", false, false);

    /**
     * Whether an {@code overdose} hit is a plan, not something taken: a word of {@code [intention]} stands before it in
     * its clause ("tenker på å ta alle pillene", "thinking about taking all the pills"), and no word of {@code [taken]}
     * stands between that word and the end of the hit ("vil bare si at jeg har tatt 30 piller" stays an overdose).
     */
    private boolean planned(Hit hit, List<String> folded, int[] clause) {
        if (!hit.rule().section().name().equals("overdose")) {
            return false;
        }
        int c = clause[hit.start()];
        for (int i = hit.end(); i >= 0 && clause[i] == c; i--) {
            String word = folded.get(i);
            if (taken.contains(word)) {
                return false;
            }
            if (i < hit.start() && intention.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Rule asPlan(Rule rule) {
        return new Rule(rule.language(), PLANNED, rule.text(), rule.slots(), rule.exception(), rule.firstPerson());
    }

    private static Set<Integer> clausesOf(List<Hit> hits, Kind kind, int[] clause) {
        Set<Integer> found = new java.util.HashSet<>();
        hits.stream().filter(h -> h.rule().section().kind() == kind).forEach(h -> {
            for (int i = h.start(); i <= h.end(); i++) {
                found.add(clause[i]);
            }
        });
        return found;
    }

    /**
     * One hit per category and stretch of text: the hint's language first, then the longest pattern, then nb, nn, da, sv, en,
     * so "ikke leve mer" is explained once, not by nb, nn and da alike.
     */
    private static List<Hit> explaining(List<Hit> counted, String hint) {
        List<Hit> sorted = new ArrayList<>(counted);
        sorted.sort(Comparator.comparingInt((Hit h) -> h.rule().language().equals(hint) ? 0 : 1)
                .thenComparingInt(h -> h.start() - h.end())
                .thenComparingInt(h -> LANGUAGES.indexOf(h.rule().language()))
                .thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : sorted) {
            String category = hit.rule().section().category();
            if (kept.stream().noneMatch(k -> k.rule().section().category().equals(category) && k.overlaps(hit))) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /**
     * Whether {@code topic} makes {@code mention} a topic: it overlaps it (a compound such as
     * "selvmordsforebygging") or follows right after it ("suicide prevention"), or, unless the topic section
     * is marked {@code after}, it ends at most {@value #TOPIC_WINDOW} words before it ("kurs for foreldre til barn som skader seg selv").
     */
    private static boolean isTopicOf(Hit topic, Hit mention) {
        if (topic.overlaps(mention) || topic.start() == mention.end() + 1) {
            return true;
        }
        boolean before = topic.end() < mention.start() && mention.start() - topic.end() - 1 <= TOPIC_WINDOW;
        return before && !topic.rule().section().after();
    }

    /** A relative or friend is named, and some hit is not about the writer ("skader seg selv", not "slår meg"). */
    private static boolean aboutSomeoneElse(List<Hit> hits, List<Hit> counted) {
        return hits.stream().anyMatch(h -> h.rule().section().kind() == Kind.THIRD_PERSON)
                && counted.stream().anyMatch(h -> !h.rule().firstPerson());
    }

    private static boolean isRisk(Hit hit) {
        return hit.rule().section().kind() == Kind.RISK;
    }

    private Set<String> emojiIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        text.codePoints().filter(cp -> cp > 0x2000).forEach(cp -> {
            String name = emoji.get(cp);
            if (name != null) {
                names.add(name);
            }
        });
        return names;
    }

    /** {@code classifier p=0.93}: the probability cut (not rounded up) to two decimals. */
    private static String classifierReason(double p) {
        return String.format(Locale.ROOT, "classifier p=%.2f", Math.floor(p * 100) / 100);
    }

    /** Every reason this detector can give: the proof that reasons are rule ids, never message text. */
    Set<String> knownReasons() {
        Set<String> known = new LinkedHashSet<>(List.of("third_person", "topic:past"));
        for (int hundredths = (int) Math.round(CLASSIFIER_THRESHOLD * 100); hundredths <= 100; hundredths++) {
            known.add(classifierReason(hundredths / 100.0));
        }
        for (Rule rule : rules) {
            switch (rule.section().kind()) {
                case RISK -> {
                    known.add(rule.id());
                    known.add("discounted:" + rule.id());
                    known.add("negated:" + rule.id());
                    if (rule.section().name().equals("overdose")) {
                        Rule plan = asPlan(rule);
                        known.add(plan.id());
                        known.add(plan.section().methodReason());
                    }
                    if (rule.section().methodReason() != null) {
                        known.add(rule.section().methodReason());
                    }
                }
                case TOPIC -> known.add("topic:" + rule.section().name());
                default -> { }
            }
        }
        emoji.values().forEach(name -> known.add("emoji:" + name));
        return known;
    }

    private static void read(Lexicon lexicon, String name) {
        String resource = "nlu/risk-" + name + ".txt";
        InputStream in = RiskDetector.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new LexiconException(resource + ": not found on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lexicon.read(resource, name.equals("common") ? "any" : name, reader);
        } catch (java.io.IOException e) {
            throw new LexiconException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }
}
