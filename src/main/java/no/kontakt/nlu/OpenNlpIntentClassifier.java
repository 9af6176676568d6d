package no.kontakt.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kontakt.flow.IntentClassifier;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Intents the way a citizen writes them. A message that is one of the examples of {@code intents.yaml} (after
 * {@link NluText}) has that example's intent. Any other message goes to an OpenNLP document categorizer trained at
 * start-up from the same examples (maximum entropy on words, word pairs and character 4–5-grams; cutoff 1 — the
 * default 5 would collapse a small set into one class). A word the examples never use is first matched to the
 * examples' words by one typo ("rnge" → "ringe"). Below the confidence or the margin over the runner-up, or
 * when the best is {@code other}, there is no intent and the script's fallback runs.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {
    static double MIN_CONFIDENCE = Double.parseDouble(System.getProperty("k.minconf", "0.45"));
    static double MIN_MARGIN = Double.parseDouble(System.getProperty("k.margin", "0.15"));
    static final String FEAT = System.getProperty("k.feat", "bow,bi");
    static final boolean REPAIR = Boolean.parseBoolean(System.getProperty("k.repair", "true"));
    private static final String AMBIGUOUS = "";
    static final boolean FILLER_ON = Boolean.parseBoolean(System.getProperty("k.filler", "true"));
    /** Words that may come before or after an example without changing it ("stopp nå", "meny takk", "hei du"). */
    private static final Set<String> FILLER = Set.of("na", "nu", "now", "da", "please", "takk", "tak", "tack", "thanks", "du", "deg",
            "you", "dere", "dykk", "jer", "igjen", "igen", "again", "bare", "berre", "bara", "lige", "it", "dette", "detta", "this");
    static final int MIN_REPAIR = Integer.getInteger("k.minrepair", 5);

    private final Map<String, String> exact = new HashMap<>();
    private final Vocabulary vocabulary = new Vocabulary();
    private final MaxentModel model;
    private final FeatureGenerator[] features;
    private final long trainingMillis;

    public OpenNlpIntentClassifier(IntentExamples examples) {
        long t0 = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        examples.intents().forEach((intent, byLanguage) -> byLanguage.values().forEach(list -> list.forEach(example -> {
            String[] tokens = NluText.tokens(example);
            if (tokens.length > 0) {
                samples.add(new DocumentSample(intent, tokens));
                exact.merge(String.join(" ", tokens), intent, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                for (String token : tokens) {
                    vocabulary.add(token);
                }
            }
        })));
        this.features = featureGenerators();
        this.model = train(samples, features);
        this.trainingMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public long trainingMillis() {
        return trainingMillis;
    }

    private static FeatureGenerator[] featureGenerators() {
        List<FeatureGenerator> gens = new ArrayList<>();
        if (FEAT.contains("bow")) gens.add(new BagOfWordsFeatureGenerator());
        if (FEAT.contains("bi")) {
            try {
                gens.add(new NGramFeatureGenerator(2, 2));
            } catch (InvalidFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        if (FEAT.contains("char")) gens.add(new WordCharNgrams(Integer.getInteger("k.cmin", 4), Integer.getInteger("k.cmax", 4)));
        return gens.toArray(FeatureGenerator[]::new);
    }

    private static MaxentModel train(List<DocumentSample> samples, FeatureGenerator[] features) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, Integer.getInteger("k.cutoff", 1));
        params.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("k.iter", 150));
        params.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("k.alg", "MAXENT"));
        params.put("DataIndexer", System.getProperty("k.indexer", "TwoPass"));
        params.put(TrainingParameters.THREADS_PARAM, Integer.getInteger("k.threads", 1));
        try {
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(features))
                    .getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The features of a message, as {@link DocumentCategorizerME} computes them from the same generators. */
    private String[] context(String[] tokens) {
        List<String> context = new ArrayList<>();
        for (FeatureGenerator generator : features) {
            Collection<String> f = generator.extractFeatures(tokens, Map.of());
            context.addAll(f);
        }
        return context.toArray(String[]::new);
    }

    /** The words the classifier sees: {@link NluText#tokens} with a word the examples never use repaired. */
    String[] words(String text) {
        String[] tokens = NluText.tokens(text);
        return REPAIR ? vocabulary.repair(tokens) : tokens;
    }

    /** The categorizer's probability of each intent for {@code text}, best first (for tuning and explanations). */
    Map<String, Double> scores(String text) {
        double[] outcomes = model.eval(context(words(text)));
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        java.util.stream.IntStream.range(0, outcomes.length).boxed().sorted((a, b) -> Double.compare(outcomes[b], outcomes[a]))
                .forEach(i -> out.put(model.getOutcome(i), Math.round(outcomes[i] * 100) / 100.0));
        return out;
    }

    @Override
    public Optional<Match> classify(String text, String language, Set<String> candidates) {
        String[] tokens = words(text);
        if (tokens.length == 0) {
            return Optional.empty();
        }
        boolean anyCandidate = candidates == null || candidates.isEmpty();
        String known = exact.get(String.join(" ", tokens));
        if (known == null && FILLER_ON) {
            int from = 0;
            int to = tokens.length;
            while (from < to && FILLER.contains(tokens[from])) {
                from++;
            }
            while (to > from && FILLER.contains(tokens[to - 1])) {
                to--;
            }
            if (to > from && (from > 0 || to < tokens.length)) {
                known = exact.get(String.join(" ", java.util.Arrays.copyOfRange(tokens, from, to)));
            }
        }
        if (known != null && !known.equals(AMBIGUOUS)) {
            return "other".equals(known) || !(anyCandidate || candidates.contains(known)) ? Optional.empty()
                    : Optional.of(new Match(known, 1.0));
        }
        double[] outcomes = model.eval(context(tokens));
        String best = null;
        double bestP = 0;
        double secondP = 0;
        double total = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (counts(model.getOutcome(i), candidates, anyCandidate)) {
                total += outcomes[i];
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            String category = model.getOutcome(i);
            if (!counts(category, candidates, anyCandidate)) {
                continue;
            }
            double p = total == 0 ? 0 : outcomes[i] / total;
            if (p > bestP) {
                secondP = bestP;
                bestP = p;
                best = category;
            } else if (p > secondP) {
                secondP = p;
            }
        }
        if (best == null || "other".equals(best) || bestP < MIN_CONFIDENCE || bestP - secondP < MIN_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, bestP));
    }

    private static boolean counts(String category, Set<String> candidates, boolean anyCandidate) {
        return anyCandidate || candidates.contains(category) || "other".equals(category);
    }

    /** The examples' words, to match a word they never use to one of theirs within one typo. */
    static final class Vocabulary {
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<Integer, List<String>> byLength = new HashMap<>();

        void add(String word) {
            if (counts.merge(word, 1, Integer::sum) == 1) {
                byLength.computeIfAbsent(word.length(), k -> new ArrayList<>()).add(word);
            }
        }

        String[] repair(String[] tokens) {
            String[] out = tokens;
            for (int i = 0; i < tokens.length; i++) {
                String word = tokens[i];
                if (counts.containsKey(word) || !word.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                String squeezed = word.replaceAll("(\\p{L})\\1", "$1");
                if (!squeezed.equals(word) && counts.containsKey(squeezed)) {
                    if (out == tokens) {
                        out = tokens.clone();
                    }
                    out[i] = squeezed;
                    continue;
                }
                if (word.length() < MIN_REPAIR) {
                    continue;
                }
                String best = null;
                int bestCount = 0;
                for (int length = word.length() - 1; length <= word.length() + 1; length++) {
                    for (String candidate : byLength.getOrDefault(length, List.of())) {
                        if (candidate.length() >= 4 && candidate.charAt(0) == word.charAt(0)
                                && candidate.charAt(length - 1) == word.charAt(word.length() - 1)
                                && EditDistance.within(word, candidate, 1) <= 1 && counts.get(candidate) > bestCount) {
                            best = candidate;
                            bestCount = counts.get(candidate);
                        }
                    }
                }
                if (best != null) {
                    if (out == tokens) {
                        out = tokens.clone();
                    }
                    out[i] = best;
                }
            }
            return out;
        }
    }
}
