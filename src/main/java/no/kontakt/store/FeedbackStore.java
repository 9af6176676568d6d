package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** The feedback questions asked after a conversation, one per conversation. */
public interface FeedbackStore {
    Optional<FeedbackAsk> feedback(String conversationId);

    List<FeedbackAsk> allFeedback();

    void saveFeedback(Batch batch, FeedbackAsk ask);

    void removeFeedback(Batch batch, String conversationId);
}
