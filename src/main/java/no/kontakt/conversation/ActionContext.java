package no.kontakt.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;

/**
 * What an action may use: the conversation (which it may change, e.g. put in the staff queue), the batch its
 * writes join, the time and the language.
 */
public final class ActionContext {
    private Conversation conversation;
    private final Batch batch;
    private final Instant now;
    private final String language;

    public ActionContext(Conversation conversation, Batch batch, Instant now, String language) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.batch = batch;
        this.now = now;
        this.language = language;
    }

    public Conversation conversation() {
        return conversation;
    }

    public void update(UnaryOperator<Conversation> change) {
        conversation = change.apply(conversation);
    }

    public Batch batch() {
        return batch;
    }

    public Instant now() {
        return now;
    }

    public String language() {
        return language;
    }
}
