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
 * main thread: the language model, the risk lexicons, and the intent classifier once its examples are known. A
 * message that needs one of them waits for it; {@link #ready()} tells when none is still loading (the server says
 * it is ready only then). The threads end by themselves when idle.
 */
public final class NluLoader {
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "nlu-loader");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<RiskDetector> risk;
    private final CompletableFuture<Void> languageModel;
    private volatile CompletableFuture<OpenNlpIntentClassifier> intents;
    private volatile CompletableFuture<LanguageDetector> detector;

    public NluLoader() {
        threads.allowCoreThreadTimeOut(true);
        languageModel = CompletableFuture.runAsync(LanguageDetector::preload, threads);
        risk = CompletableFuture.supplyAsync(RiskDetector::shared, threads);
    }

    /** Builds the unit's language detector on a loader thread; the supplier waits for it. */
    public Supplier<LanguageDetector> detector(Supplier<LanguageDetector> build) {
        CompletableFuture<LanguageDetector> built = CompletableFuture.supplyAsync(build, threads);
        detector = built;
        return () -> await(built);
    }

    /** Starts training the intent classifier on these examples (or loading the one built with the jar for them). */
    public void train(IntentExamples examples) {
        intents = CompletableFuture.supplyAsync(() -> new OpenNlpIntentClassifier(examples), threads);
    }

    /**
     * True once the language model, the risk check, the intent classifier and the language detector are all ready,
     * so a message is answered without waiting for any of them; false while one is loading, or if one failed.
     */
    public boolean ready() {
        return done(languageModel) && done(risk) && done(intents) && done(detector);
    }

    /** Waits until {@link #ready()}; throws what failed to load. */
    public void awaitReady() {
        await(languageModel);
        await(risk);
        await(intents);
        await(detector);
    }

    private static boolean done(CompletableFuture<?> future) {
        return future != null && future.isDone() && !future.isCompletedExceptionally();
    }

    /** The risk check: a message waits for the lexicons and the risk classifier if they are still loading. */
    public RiskCheck riskWhenLoaded() {
        CompletableFuture<RiskCheck> loading = risk.thenApply(LexiconRiskCheck::new);
        return (text, language) -> await(loading).assess(text, language);
    }

    /**
     * The intent classifier as soon as it is trained: a message that needs it before then waits for the training
     * (start-up does not; {@code /health} says 503 until it is ready).
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
