package no.kontakt.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models trained when the jar is built ({@link #main}, run by Maven after compiling), so start-up loads them instead
 * of training: the intent classifier of {@code conversations/intents.yaml}, the risk classifier of
 * {@code nlu/risk-training.tsv}, and OpenNLP's language model cut down to the five languages Kontakt knows. Each is
 * stored under a key, the hash of exactly what it was trained on (the samples' words and the training settings):
 * a classifier is loaded only when its key is the key of what it would be trained on now, else it is trained as
 * before (a coordinator changed the examples, or the code that makes words changed and the jar was not rebuilt).
 */
public final class TrainedModels {
    private static final Logger log = LoggerFactory.getLogger(TrainedModels.class);
    static final String DIR = "nlu/trained/";
    static final String INTENTS = "intents";
    static final String RISK = "risk";
    static final String LANGUAGE = "langdetect";
    private static final String MAGIC = "kontakt-model-1";

    private TrainedModels() {}

    /** Trains the models and writes them under {@code args[0]} (the classes folder), reading the examples {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(DIR);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        OpenNlpIntentClassifier intents = OpenNlpIntentClassifier.train(IntentExamples.read(Path.of(args[1])));
        write(out.resolve(INTENTS + ".bin"), intents.key(), intents.model());
        OpenNlpRiskClassifier risk = OpenNlpRiskClassifier.train(OpenNlpRiskClassifier.read());
        write(out.resolve(RISK + ".bin"), risk.key(), risk.model());
        write(out.resolve(LANGUAGE + ".bin"), LanguageDetector.PRUNED_KEY, LanguageDetector.pruned(LanguageDetector.fullModel().getMaxentModel()));
        System.out.printf("nlu models trained and written to %s in %d ms%n", out, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The model stored as {@code name} if it was trained under {@code key}; empty when there is none or it differs. */
    static Optional<MaxentModel> find(String name, String key) {
        try (InputStream in = TrainedModels.class.getClassLoader().getResourceAsStream(DIR + name + ".bin")) {
            if (in == null) {
                return Optional.empty();
            }
            DataInputStream data = new DataInputStream(in);
            if (!MAGIC.equals(data.readUTF()) || !key.equals(data.readUTF())) {
                log.info("the packaged {} model was trained on other data: training it now", name);
                return Optional.empty();
            }
            return Optional.of(new GenericModelReader(new BinaryFileDataReader(data)).getModel());
        } catch (IOException | RuntimeException e) {
            log.warn("the packaged {} model cannot be read ({}): training it now", name, e.toString());
            return Optional.empty();
        }
    }

    static void write(Path file, String key, MaxentModel model) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            new GenericModelWriter((AbstractModel) model, out).persist();
        }
    }

    /** The hash of a list of parts, each length-prefixed so no two lists share one. */
    static String key(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every part of a sample list: its label and its words, in order. */
    static void addSample(List<String> parts, String label, String[] words) {
        parts.add(label);
        parts.add(String.valueOf(words.length));
        parts.addAll(Arrays.asList(words));
    }

    /**
     * A maximum-entropy model with only the outcomes in {@code keep}: every other outcome's weights and the features
     * that have weights only for them are left out. The probabilities of the kept outcomes, each divided by their
     * sum, are the full model's (the normalisation over all outcomes cancels out).
     */
    static GISModel keepOutcomes(MaxentModel model, Set<String> keep) {
        Object[] parts = ((AbstractModel) model).getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> byPredicate = (Map<String, Context>) parts[1];
        String[] outcomes = (String[]) parts[2];
        int[] index = new int[outcomes.length];
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            index[i] = keep.contains(outcomes[i]) ? kept.size() : -1;
            if (index[i] >= 0) {
                kept.add(outcomes[i]);
            }
        }
        List<String> predicates = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        new TreeMap<>(byPredicate).forEach((predicate, context) -> {
            int[] from = context.getOutcomes();
            double[] weights = context.getParameters();
            int n = 0;
            int[] to = new int[from.length];
            double[] w = new double[from.length];
            for (int j = 0; j < from.length; j++) {
                if (index[from[j]] >= 0) {
                    to[n] = index[from[j]];
                    w[n++] = weights[j];
                }
            }
            if (n > 0) {
                predicates.add(predicate);
                contexts.add(new Context(Arrays.copyOf(to, n), Arrays.copyOf(w, n)));
            }
        });
        return new GISModel(contexts.toArray(Context[]::new), predicates.toArray(String[]::new), kept.toArray(String[]::new));
    }
}
