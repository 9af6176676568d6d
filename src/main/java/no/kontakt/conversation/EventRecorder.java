package no.kontakt.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kontakt.flow.Event;
import no.kontakt.store.Batch;
import no.kontakt.store.ConversationEvent;
import no.kontakt.store.EventLog;

/** Keeps what staff need to see of a turn — risk flags with their rule ids, actions, failures, opt-outs — never the text. */
final class EventRecorder {
    private EventRecorder() {}

    static void stage(EventLog staff, String conversationId, List<Event> events, Instant now, Batch batch) {
        int n = 0;
        for (Event e : events) {
            String type = null;
            Map<String, String> detail = Map.of();
            String actor = "bot";
            if (e instanceof Event.RiskFlagged r) {
                type = "risk_flagged";
                detail = Map.of("reasons", String.join(" ", r.reasons()));
            } else if (e instanceof Event.ActionRequested a) {
                type = "action";
                detail = Map.of("action", a.action());
            } else if (e instanceof Event.ConversationFailed f) {
                type = "failed";
                detail = Map.of("reason", f.reason());
            } else if (e instanceof Event.OptedOut) {
                type = "opted_out";
                actor = "citizen";
            } else if (e instanceof Event.OptedIn) {
                type = "opted_in";
                actor = "citizen";
            }
            ConversationEvent recorded = type == null ? null : new ConversationEvent(null, conversationId, now, type, actor, detail);
            if (recorded != null) {
                String id = EventLog.eventId(conversationId, now, n++);
                staff.event(batch, new ConversationEvent(id, conversationId, now, recorded.type(), recorded.actor(), recorded.detail()));
            }
        }
    }
}
