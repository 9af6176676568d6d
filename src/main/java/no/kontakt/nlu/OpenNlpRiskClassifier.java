package no.kontakt.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.kontakt.text.Fold;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A second opinion on risk: an OpenNLP maximum-entropy model over the folded words and the letter groups
 * inside them (so "paraset" shares most of its features with "paracet"), trained from
 * {@code nlu/risk-training.tsv} when the jar is built ({@link TrainedModels}; at start-up if that differs).
 * {@link RiskDetector} asks it only about messages the lexicons have no opinion on, and it can only add a flag,
 * never remove one.
 */
final class OpenNlpRiskClassifier {
    static final String RESOURCE = "nlu/risk-training.tsv";
    private static final String RISK = "risk";
    private static final String NONE = "none";
    private static final int PIECE = 4;
    private static final int ITERATIONS = 100;

    /** One line of the training file. */
    record Example(String language, boolean risk, String text) {}

    private final DoccatModel model;
    private final long trainingMillis;
    private final String key;

    /** The classifier of these examples: the model built with the jar when it was trained on them, else trained now. */
    OpenNlpRiskClassifier(List<Example> examples) {
        this(examples, true);
    }

    /** The classifier of these examples, trained now whatever the jar holds. */
    static OpenNlpRiskClassifier train(List<Example> examples) {
        return new OpenNlpRiskClassifier(examples, false);
    }

    private OpenNlpRiskClassifier(List<Example> examples, boolean packaged) {
        if (examples.stream().noneMatch(Example::risk) || examples.stream().allMatch(Example::risk)) {
            throw new LexiconException(RESOURCE + ": needs both risk and non-risk examples");
        }
        long t0 = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        List<String> keyParts = new ArrayList<>(List.of("risk", "iterations=" + ITERATIONS, "cutoff=1", "MAXENT", "piece=" + PIECE));
        for (Example e : examples) {
            String[] features = features(e.text());
            if (features.length > 0) {
                samples.add(new DocumentSample(e.risk() ? RISK : NONE, features));
                TrainedModels.addSample(keyParts, e.risk() ? RISK : NONE, features);
            }
        }
        this.key = TrainedModels.key(keyParts);
        Optional<MaxentModel> built = packaged ? TrainedModels.find(TrainedModels.RISK, key) : Optional.empty();
        this.model = built.map(m -> new DoccatModel("und", m, new HashMap<>(), factory())).orElseGet(() -> trainModel(samples));
        this.trainingMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Trains on {@value #RESOURCE} from the classpath (or loads the model built with the jar from it). */
    static OpenNlpRiskClassifier load() {
        return new OpenNlpRiskClassifier(read());
    }

    /** The key of the examples it was made from (the hash of their features and the training settings). */
    String key() {
        return key;
    }

    MaxentModel model() {
        return model.getMaxentModel();
    }

    long trainingMillis() {
        return trainingMillis;
    }

    /** How sure the model is that {@code text} signals risk, 0 to 1 (0 for a text without words). */
    double probability(String text) {
        String[] features = features(Objects.requireNonNull(text, "text"));
        if (features.length == 0) {
            return 0;
        }
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] outcomes = categorizer.categorize(features);
        return outcomes[categorizer.getIndex(RISK)];
    }

    private static DoccatModel trainModel(List<DocumentSample> samples) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        try {
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params, factory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The features are made here (words and pieces), so the bag of words is the only generator. */
    private static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
    }

    /**
     * The folded words, letter runs cut to two ("neeei" → "neei"), and the groups of {@value #PIECE} letters
     * inside each word with its edges marked: "piller" gives "_pil", "pill", "ille", "ller", "ler_".
     */
    static String[] features(String text) {
        List<String> features = new ArrayList<>();
        for (String word : Fold.words(text)) {
            String squeezed = Fold.squeeze(word, 2);
            features.add(squeezed);
            String marked = "_" + squeezed + "_";
            for (int i = 0; i + PIECE <= marked.length(); i++) {
                features.add("#" + marked.substring(i, i + PIECE));
            }
        }
        return features.toArray(String[]::new);
    }

    static List<Example> read() {
        InputStream in = OpenNlpRiskClassifier.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new LexiconException(RESOURCE + ": not found on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(RESOURCE, reader);
        } catch (IOException e) {
            throw new LexiconException(RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The examples in {@code in}; {@code source} names it in error messages, which list every bad line. */
    static List<Example> read(String source, BufferedReader in) throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3 || !f[1].matches("true|false") || !RiskDetector.LANGUAGES.contains(f[0]) || f[2].isBlank()) {
                errors.add(source + ":" + lineNo + ": expected 'LANGUAGE<TAB>true|false<TAB>text' with a language of "
                        + String.join(", ", RiskDetector.LANGUAGES));
            } else {
                examples.add(new Example(f[0], Boolean.parseBoolean(f[1]), f[2]));
            }
        }
        if (!errors.isEmpty()) {
            throw new LexiconException(String.join("\n", errors));
        }
        return examples;
    }
}
