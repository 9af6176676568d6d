package no.kontakt.store;

import java.time.Instant;

/** One feedback question for a conversation: when it is due, when it was asked, and whether it was answered. */
public record FeedbackAsk(String conversationId, String reason, Instant dueAt, Instant askedAt, boolean answered) {
    public FeedbackAsk asked(Instant at) {
        return new FeedbackAsk(conversationId, reason, dueAt, at, false);
    }

    public FeedbackAsk answeredNow() {
        return new FeedbackAsk(conversationId, reason, dueAt, askedAt, true);
    }
}
