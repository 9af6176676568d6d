package no.kontakt.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import no.kontakt.wiring.Core;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.nlu.LanguageDetector;
import no.kontakt.nlu.OpenNlpIntentClassifier;
import no.kontakt.nlu.RiskDetector;

/**
 * What understanding one message costs: language, intent and risk (whole, and the lexicons' matching alone), each timed
 * alone; and training the intents.
 */
final class NluTimings {
    record Result(double languageMicros, double intentMicros, double riskMicros, double lexiconMicros, double trainingMillis, int messages) {}

    /** The benchmark's own messages and some more, as citizens write them. */
    static final List<String> MORE = List.of(
            "kan jeg få snakke med noen i dag?", "hva slags kurs har dere for pårørende", "jeg drikker for mye og vil ha hjelp",
            "når er dere åpne i helgen?", "kan eg få ein samtale med nokon", "kva grupper har de", "jag vill prata med någon om min oro",
            "finns det kurser för anhöriga?", "jeg vil gerne tale med en", "hvornår har I åbent i weekenden",
            "can someone call me tomorrow morning", "i want to join a group", "my brother is not doing well",
            "jeg har lyst til å dø", "I took too many pills");

    private NluTimings() {}

    static Result measure(Core kontakt, Path intentsFile, long millisEach) {
        List<String> texts = new ArrayList<>(MORE);
        Traffic.SCRIPTS.forEach(s -> texts.addAll(s.messages()));
        String[] languages = new String[texts.size()];
        LanguageDetector detector = kontakt.languageGuess() instanceof LanguageDetector d ? d : null;
        double language = time(texts, millisEach, i -> languages[i] = detector != null
                ? detector.detect(texts.get(i), null, null).language() : kontakt.languageGuess().guess(texts.get(i), null, null));
        double intent = time(texts, millisEach, i -> kontakt.intents().classify(texts.get(i), language(languages[i]), Set.of()));
        double risk = time(texts, millisEach, i -> kontakt.risk().assess(texts.get(i), language(languages[i])));
        RiskDetector lexicons = RiskDetector.load();
        int[] sink = new int[1];
        double lexicon = time(texts, millisEach, i -> sink[0] += lexicons.lexiconMatches(texts.get(i)));
        IntentExamples examples = IntentExamples.read(intentsFile);
        double[] training = new double[3];
        for (int k = 0; k < training.length; k++) {
            long t0 = System.nanoTime();
            OpenNlpIntentClassifier.train(examples); // trained, not the model built with the jar
            training[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(training);
        return new Result(language, intent, risk, lexicon, training[1], texts.size());
    }

    private static String language(String detected) {
        return detected == null || LanguageDetector.UNDETERMINED.equals(detected) ? "nb" : detected;
    }

    /**
     * Microseconds of this thread's CPU time per call, over the texts in turn, after as long again to warm up: CPU time,
     * not elapsed time, so builds sharing the cores do not count.
     */
    private static double time(List<String> texts, long millis, Consumer<Integer> call) {
        for (long end = System.nanoTime() + millis * 1_000_000; System.nanoTime() < end; ) {
            for (int i = 0; i < texts.size(); i++) {
                call.accept(i);
            }
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long calls = 0;
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (long end = t0 + millis * 1_000_000; System.nanoTime() < end; ) {
            for (int i = 0; i < texts.size(); i++) {
                call.accept(i);
            }
            calls += texts.size();
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / calls;
    }
}
