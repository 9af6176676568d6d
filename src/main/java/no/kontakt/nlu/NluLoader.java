package no.kontakt.nlu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.flow.IntentClassifier;

/**
 * Start-up's slow NLU work on two threads of its own, while the store, the scripts and the settings open on the
 * main thread: the language model, the risk lexicons, and the intent classifier once its examples are known. The
 * lexicons are waited for; the language model and the intent classifier are waited for by the first message that
 * needs them. The threads end by themselves when idle.
 */
public final class NluLoader {
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "nlu-loader");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<RiskDetector> risk;
    private CompletableFuture<OpenNlpIntentClassifier> intents;

    public NluLoader() {
        threads.allowCoreThreadTimeOut(true);
        CompletableFuture.runAsync(LanguageDetector::preload, threads);
        risk = CompletableFuture.supplyAsync(RiskDetector::shared, threads);
    }

    /** Builds the unit's language detector on a loader thread; the supplier waits for it. */
    public Supplier<LanguageDetector> detector(Supplier<LanguageDetector> build) {
        CompletableFuture<LanguageDetector> built = CompletableFuture.supplyAsync(build, threads);
        return () -> await(built);
    }

    /** Starts training the intent classifier on these examples. */
    public void train(IntentExamples examples) {
        intents = CompletableFuture.supplyAsync(() -> new OpenNlpIntentClassifier(examples), threads);
    }

    /** The risk check: a message waits for the lexicons and the risk classifier if they are still loading. */
    public RiskCheck riskWhenLoaded() {
        CompletableFuture<RiskCheck> loading = risk.thenApply(LexiconRiskCheck::new);
        return (text, language) -> await(loading).assess(text, language);
    }

    /**
     * The intent classifier as soon as it is trained: a message that needs it before then waits for the training
     * (start-up does not, so {@code /health} answers while the model is still being trained).
     */
    public IntentClassifier intentsWhenTrained() {
        CompletableFuture<OpenNlpIntentClassifier> training = intents;
        return (text, language, candidates) -> await(training).classify(text, language, candidates);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

}
