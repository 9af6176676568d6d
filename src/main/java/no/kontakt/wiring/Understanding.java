package no.kontakt.wiring;

import java.util.function.Supplier;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.CountryCodeGuess;
import no.kontakt.conversation.LanguageGuess;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Library;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.nlu.LanguageDetector;
import no.kontakt.nlu.NluLoader;
import no.kontakt.nlu.OpenNlpIntentClassifier;

/**
 * The trained NLU, built once a process and shared by the server, the transcripts and a publish: the risk check, the
 * unit's language detector, and the intent classifier, trained again only for intent examples it has not seen (the
 * last such draft is kept, so a publish trains once for all its transcripts and again not at all when it goes live).
 */
public final class Understanding {
    private final AppConfig config;
    private final NluLoader loader = new NluLoader(); // the language model and the lexicons load on other threads meanwhile
    private final RiskCheck risk;
    private volatile Trained live;
    private volatile Trained draft;
    private volatile Supplier<LanguageDetector> detector;

    private record Trained(IntentExamples examples, IntentClassifier classifier) {}

    public Understanding(AppConfig config) {
        this.config = config;
        this.risk = loader.riskWhenLoaded();
    }

    /** Starts training on the live examples, and building the language detector for the live scripts; neither is waited for. */
    public void train(Library library, IntentExamples examples) {
        loader.train(examples);
        live = new Trained(examples, loader.intentsWhenTrained());
        var countryGuess = new CountryCodeGuess(config.unit().languages(), config.unit().defaultLanguage());
        detector = loader.detector(() -> LanguageDetector.forUnit(config.unit().languages(),
                from -> ChatSessions.languageOf(from).filter(config.unit().languages()::contains).orElseGet(() -> countryGuess.byNumber(from)),
                library, examples));
    }

    /** The classifier for these examples: the live one, the last draft's, or one trained now (null: the live one). */
    public IntentClassifier intents(IntentExamples examples) {
        Trained now = live;
        if (examples == null || examples == now.examples()) {
            return now.classifier();
        }
        Trained seen = draft;
        if (seen != null && examples == seen.examples()) {
            return seen.classifier(); // a publish asks once per transcript with the same examples
        }
        if (examples.equals(now.examples())) {
            draft = new Trained(examples, now.classifier()); // the same examples read again: found by identity next time
            return now.classifier();
        }
        if (seen != null && examples.equals(seen.examples())) {
            draft = new Trained(examples, seen.classifier()); // these very examples are asked for next: found by identity
            return seen.classifier();
        }
        synchronized (this) {
            if (draft == null || !examples.equals(draft.examples())) {
                draft = new Trained(examples, new OpenNlpIntentClassifier(examples));
            }
            return draft.classifier();
        }
    }

    /** The live classifier. */
    public IntentClassifier intents() {
        return live.classifier();
    }

    /** Makes these examples the live ones (a publish of the intents). */
    public IntentClassifier goLive(IntentExamples examples) {
        IntentClassifier classifier = intents(examples);
        live = new Trained(examples, classifier);
        return classifier;
    }

    /** True once the live NLU is loaded and trained, so a message is answered without waiting for it. */
    public boolean ready() {
        return loader.ready();
    }

    /** Waits until {@link #ready()}; throws what failed to load. */
    public void awaitReady() {
        loader.awaitReady();
    }

    public RiskCheck risk() {
        return risk;
    }

    /** The unit's language detector (a caller waits for it while it is still being built). */
    public LanguageDetector detector() {
        return detector.get();
    }

    /** How a conversation's language is chosen: kept once known; a new one's from {@code fixed}, or else detected. */
    public LanguageGuess languageGuess(String fixed) {
        return fixed != null ? (text, from, current) -> current != null ? current : fixed
                : (text, from, current) -> current != null ? current : detector().guess(text, from, null);
    }
}
