package no.kontakt.store;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened in a conversation besides messages: a risk flag (with rule ids), an action, a
 * takeover, a note (staff only), a close with its outcome. Never holds the citizen's text.
 */
public record ConversationEvent(String id, String conversationId, Instant at, String type, String actor, Map<String, String> detail) {
    public ConversationEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
