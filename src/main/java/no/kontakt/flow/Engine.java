package no.kontakt.flow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The pure engine: (session, input, now) → (new session, events). It never sends, saves or reads anything but
 * its library; the caller does the I/O, runs requested actions and resumes with their result.
 */
public final class Engine {
    /** The session value that says a global wish in free words (stop, menu) waits for its JA. */
    public static final String CONFIRMING = Run.CONFIRMING;

    private final Library library;
    private final IntentClassifier classifier;
    private final Map<String, String> context;
    private final String defaultLanguage;

    /**
     * @param context values every text can use (the unit's name, emergency numbers…)
     */
    public Engine(Library library, IntentClassifier classifier, Map<String, String> context, String defaultLanguage) {
        this.library = Objects.requireNonNull(library, "library");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.context = Map.copyOf(context);
        this.defaultLanguage = defaultLanguage;
    }

    public Sprint resume(Session session, Input input, Instant now) {
        Run run = new Run(library, classifier, context, defaultLanguage, session, now);
        if (input instanceof Input.Text text) {
            run.text(text);
        } else if (input instanceof Input.TimerFired) {
            run.timer();
        } else if (input instanceof Input.ActionDone done) {
            run.actionDone(done);
        }
        return run.finish();
    }

    public Library library() {
        return library;
    }
}
