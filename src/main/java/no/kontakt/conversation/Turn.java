package no.kontakt.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.flow.Engine;
import no.kontakt.flow.Event;
import no.kontakt.flow.Input;
import no.kontakt.flow.Session;
import no.kontakt.flow.Sprint;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input run through the engine, with the actions it asks for run in between, staged in one batch:
 * the conversation afterwards, the texts to send, and what happened.
 */
record Turn(Conversation conversation, Session session, List<String> replies, List<Event> events, boolean erase) {
    private static final Logger log = LoggerFactory.getLogger(Turn.class);
    private static final int MAX_ACTIONS = 20;

    static Turn run(Engine engine, Actions actions, Conversation conversation, Input input, Batch batch, Instant now) {
        return run(engine, actions, conversation, session(conversation), input, batch, now);
    }

    /** {@code before} is {@code session(conversation)}, when the caller has read it already (it is decoded once a step). */
    static Turn run(Engine engine, Actions actions, Conversation conversation, Session before, Input input, Batch batch, Instant now) {
        Sprint sprint = engine.resume(before, input, now);
        List<Event> events = new ArrayList<>(sprint.events());
        ActionContext context = new ActionContext(conversation, batch, now, sprint.session().language());
        for (int i = 0; sprint.session().pendingAction() != null && i < MAX_ACTIONS; i++) {
            Session.PendingAction pending = sprint.session().pendingAction();
            Input.ActionDone done;
            try {
                Action.Result result = actions.run(pending.name(), pending.inputs(), context);
                done = new Input.ActionDone(result.exit(), result.outputs());
            } catch (RuntimeException e) {
                log.error("action failed action={}", pending.name(), e);
                done = new Input.ActionDone("error", java.util.Map.of());
            }
            sprint = engine.resume(sprint.session(), done, now);
            events.addAll(sprint.events());
        }
        Conversation after = context.conversation();
        boolean erase = false;
        for (Event e : events) {
            if (e instanceof Event.RiskFlagged) {
                after = after.markedUrgent(now);
            } else if (e instanceof Event.ConversationFailed) {
                after = after.waitingForPerson(now);
            } else if (e instanceof Event.ErasureRequested) {
                erase = true;
            }
        }
        Session session = sprint.session();
        JsonNode json = Json.MAPPER.valueToTree(session);
        after = after.withSession(json).withLanguage(session.language());
        List<String> replies = events.stream().filter(e -> e instanceof Event.MessageSent)
                .map(e -> ((Event.MessageSent) e).text()).toList();
        return new Turn(after, session, replies, events, erase);
    }

    static Session session(Conversation conversation) {
        if (conversation.session() == null || conversation.session().isNull()) {
            return Session.fresh(conversation.language());
        }
        try {
            return Json.MAPPER.treeToValue(conversation.session(), Session.class);
        } catch (Exception e) {
            throw new IllegalStateException("the stored session of " + conversation.id() + " is not readable", e);
        }
    }

    static Instant dueAt(Session session) {
        return session == null || session.timer() == null ? null : session.timer().dueAt();
    }
}
