package no.kontakt.transcripts;

import java.time.Clock;
import no.kontakt.channel.Sender;
import no.kontakt.conversation.ConversationService;
import no.kontakt.flow.Library;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.store.Stores;

/**
 * What one transcript is replayed against: the conversation services on an in-memory store of their own, sharing the
 * process's trained NLU and compiled scripts, closed after the replay.
 */
public interface Sandbox extends AutoCloseable {
    ConversationService conversations();

    Stores stores();

    /** The scheduled work, once: what the server's clock tick does every second. */
    void tick();

    @Override
    void close();

    /** Opens a sandbox on these scripts and intent examples; {@code language} null lets the detector choose. */
    @FunctionalInterface
    interface Factory {
        Sandbox open(Library library, IntentExamples intents, String language, Clock clock, Sender sms);
    }
}
