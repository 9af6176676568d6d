package no.kontakt.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import no.kontakt.flow.IntentClassifier;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intents the way a citizen writes them, in three steps on the words of {@link NluText}:
 * <ol>
 *   <li>a message that is one of the examples of {@code intents.yaml}, give or take filler words around it ("stopp
 *       nå", "meny takk"), has that example's intent;</li>
 *   <li>a word the examples never use is matched to one of theirs within one typo ("rinnge" → "ringe"; only words
 *       of five letters or more, with the same first two letters and the same last letter, so inflections such as
 *       "bruge"/"brug" stay apart), and a doubled vowel is undoubled ("heyy" → "hey");</li>
 *   <li>any other message goes to an OpenNLP document categorizer trained from the same examples (when the jar
 *       is built, {@link TrainedModels}; at start-up when the examples differ from the built ones): maximum
 *       entropy on words and word pairs, cutoff 1 (the default 5 would collapse a small set into one class), 100
 *       iterations. The intents the waiting step does not route count as {@code other} (a message
 *       that is most likely "stop" does not become "contact" at a step that routes only contact). Below
 *       {@link #MIN_CONFIDENCE}, or less than {@link #MIN_MARGIN} ahead of the runner-up, or when the best is
 *       {@code other}, there is no intent and the script's fallback runs.</li>
 * </ol>
 * The thresholds and the number of iterations were chosen on the labelled dev set
 * ({@code src/test/resources/nlu/dev-set.tsv}) and checked on a held-out set never used for tuning.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {
    private static final Logger log = LoggerFactory.getLogger(OpenNlpIntentClassifier.class);
    static final double MIN_CONFIDENCE = 0.40;
    static final double MIN_MARGIN = 0.10;
    private static final int ITERATIONS = 100;
    private static final String AMBIGUOUS = "";
    /** Words that may come before or after an example without changing it ("stopp nå", "meny takk", "hei du"). */
    private static final Set<String> FILLER = Set.of("na", "nu", "now", "da", "please", "takk", "tak", "tack", "thanks", "du", "deg",
            "you", "dere", "dykk", "jer", "igjen", "igen", "again", "bare", "berre", "bara", "lige", "it", "dette", "detta", "this");

    private final Map<String, String> exact = new HashMap<>();
    private final Vocabulary vocabulary = new Vocabulary();
    private final FeatureGenerator[] features;
    private final MaxentModel model;
    private final long trainingMillis;
    private final String key;
    private final boolean trained;

    /** The classifier of these examples: the model built with the jar when it was trained on them, else trained now. */
    public OpenNlpIntentClassifier(IntentExamples examples) {
        this(examples, true);
    }

    /** The classifier of these examples, trained now whatever the jar holds. */
    public static OpenNlpIntentClassifier train(IntentExamples examples) {
        return new OpenNlpIntentClassifier(examples, false);
    }

    private OpenNlpIntentClassifier(IntentExamples examples, boolean packaged) {
        long t0 = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        List<String> keyParts = new ArrayList<>(List.of("intents", "iterations=" + ITERATIONS, "cutoff=1", "bow+bigrams"));
        new TreeMap<>(examples.intents()).forEach((intent, byLanguage) -> new TreeMap<>(byLanguage).values().forEach(list -> list.forEach(example -> {
            String[] tokens = NluText.intentTokens(example);
            if (tokens.length > 0) {
                samples.add(new DocumentSample(intent, tokens));
                TrainedModels.addSample(keyParts, intent, tokens);
                exact.merge(String.join(" ", tokens), intent, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                for (String token : tokens) {
                    vocabulary.add(token);
                }
            }
        })));
        try {
            this.features = new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        this.key = TrainedModels.key(keyParts);
        Optional<MaxentModel> built = packaged ? TrainedModels.find(TrainedModels.INTENTS, key) : Optional.empty();
        this.model = built.orElseGet(() -> train(samples, features));
        this.trained = built.isEmpty();
        this.trainingMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("intent classifier {} on {} examples of {} intents in {} ms", trained ? "trained" : "loaded (built with the jar)", samples.size(),
                examples.intents().size(), trainingMillis);
    }

    /** The key of the examples it was made from (the hash of their words and the training settings). */
    String key() {
        return key;
    }

    MaxentModel model() {
        return model;
    }

    /** False when the model was the one built with the jar. */
    public boolean trained() {
        return trained;
    }

    /** How long reading the examples and training (or loading the built model) took, in milliseconds. */
    public long trainingMillis() {
        return trainingMillis;
    }

    private static MaxentModel train(List<DocumentSample> samples, FeatureGenerator[] features) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE); // in memory, no temp file
        try {
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(features))
                    .getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words the classifier sees: {@link NluText#intentTokens} with words the examples never use repaired. */
    String[] words(String text) {
        return vocabulary.repair(NluText.intentTokens(text));
    }

    /** The features of the words, as {@link DocumentCategorizerME} computes them with the same generators. */
    private String[] context(String[] words) {
        List<String> context = new ArrayList<>();
        for (FeatureGenerator generator : features) {
            context.addAll(generator.extractFeatures(words, Map.of()));
        }
        return context.toArray(String[]::new);
    }

    /** The categorizer's probability of each intent for {@code text}, best first (to tune and to explain). */
    Map<String, Double> scores(String text) {
        double[] outcomes = model.eval(context(words(text)));
        Map<String, Double> out = new LinkedHashMap<>();
        IntStream.range(0, outcomes.length).boxed().sorted((a, b) -> Double.compare(outcomes[b], outcomes[a]))
                .forEach(i -> out.put(model.getOutcome(i), outcomes[i]));
        return out;
    }

    @Override
    public Optional<Match> classify(String text, String language, Set<String> candidates) {
        String[] words = words(text);
        if (words.length == 0) {
            return Optional.empty();
        }
        boolean anyIntent = candidates == null || candidates.isEmpty();
        String known = example(words);
        if (known != null) {
            return "other".equals(known) || !(anyIntent || candidates.contains(known)) ? Optional.empty() : Optional.of(new Match(known, 1.0));
        }
        // An intent the step does not route counts as "other": a message that is most likely "stop" is not
        // "contact" at a step that only routes contact.
        double[] outcomes = model.eval(context(words));
        String best = "other";
        double bestP = 0;
        double secondP = 0;
        double otherP = 0;
        for (int i = 0; i < outcomes.length; i++) {
            String intent = model.getOutcome(i);
            if ("other".equals(intent) || !(anyIntent || candidates.contains(intent))) {
                otherP += outcomes[i];
            }
        }
        for (int i = 0; i <= outcomes.length; i++) {
            String intent = i == outcomes.length ? "other" : model.getOutcome(i);
            if (i < outcomes.length && ("other".equals(intent) || !(anyIntent || candidates.contains(intent)))) {
                continue;
            }
            double p = i == outcomes.length ? otherP : outcomes[i];
            if (p > bestP) {
                secondP = bestP;
                bestP = p;
                best = intent;
            } else if (p > secondP) {
                secondP = p;
            }
        }
        if ("other".equals(best) || bestP < MIN_CONFIDENCE || bestP - secondP < MIN_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, bestP));
    }

    /** The intent of the example the words are, with filler words around it left out; null when none (or two). */
    private String example(String[] words) {
        String known = exact.get(String.join(" ", words));
        int from = 0;
        int to = words.length;
        while (known == null && from < to && FILLER.contains(words[from])) {
            from++;
        }
        while (known == null && to > from && FILLER.contains(words[to - 1])) {
            to--;
        }
        if (known == null && to > from && (from > 0 || to < words.length)) {
            known = exact.get(String.join(" ", Arrays.copyOfRange(words, from, to)));
        }
        return AMBIGUOUS.equals(known) ? null : known;
    }

    /** The examples' words, to match a word they never use to one of theirs within one typo. */
    static final class Vocabulary {
        private static final int MIN_LENGTH = 5;
        private static final Pattern DOUBLED_VOWEL = Pattern.compile("([aeiouyj])\\1");
        private final Map<String, Integer> counts = new HashMap<>();
        /** The words of four letters or more by their first two letters (a repair keeps those). */
        private final Map<String, List<String>> byStart = new HashMap<>();

        void add(String word) {
            if (counts.merge(word, 1, Integer::sum) == 1 && word.length() >= MIN_LENGTH - 1) {
                byStart.computeIfAbsent(word.substring(0, 2), k -> new ArrayList<>()).add(word);
            }
        }

        String[] repair(String[] words) {
            String[] out = words;
            for (int i = 0; i < words.length; i++) {
                String repaired = repair(words[i]);
                if (repaired != null) {
                    if (out == words) {
                        out = words.clone();
                    }
                    out[i] = repaired;
                }
            }
            return out;
        }

        /** The examples' word {@code word} is a typo of, or null to leave it. */
        private String repair(String word) {
            if (counts.containsKey(word) || !word.chars().allMatch(Character::isLetter)) {
                return null;
            }
            String undoubled = DOUBLED_VOWEL.matcher(word).replaceAll("$1");
            if (!undoubled.equals(word) && counts.containsKey(undoubled)) {
                return undoubled;
            }
            if (word.length() < MIN_LENGTH) {
                return null;
            }
            String best = null;
            int bestCount = 0;
            char last = word.charAt(word.length() - 1);
            for (String candidate : byStart.getOrDefault(word.substring(0, 2), List.of())) {
                int count = counts.get(candidate);
                if (count > bestCount && Math.abs(candidate.length() - word.length()) <= 1 && candidate.charAt(candidate.length() - 1) == last
                        && EditDistance.within(word, candidate, 1) <= 1) {
                    best = candidate;
                    bestCount = count;
                }
            }
            return best;
        }
    }
}
