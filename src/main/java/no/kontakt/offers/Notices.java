package no.kontakt.offers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;
import no.kontakt.config.AppConfig;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.Outgoing;

/**
 * Stages an SMS the offers send by themselves (a reminder, a seat from the waiting list) in a batch: the message in
 * the conversation's history and its outbox item, held until the quiet hours are over. Nothing goes to a
 * conversation that is gone or has said STOP.
 */
final class Notices {
    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final OutboxStore outboxStore;
    private final AppConfig.Offers settings;
    private final ZoneId zone;

    Notices(ConversationStore conversationStore, MessageStore messageStore, OutboxStore outboxStore, AppConfig.Offers settings, ZoneId zone) {
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.outboxStore = outboxStore;
        this.settings = settings;
        this.zone = zone;
    }

    /** Stages the text (given the conversation's language) and returns the message id, or empty when not sent. */
    Optional<String> stage(Batch batch, String conversationId, String tag, Function<String, String> text, Instant now) {
        Optional<Conversation> found = conversationStore.find(conversationId);
        if (found.isEmpty() || optedOut(found.get())) {
            return Optional.empty();
        }
        Conversation c = found.get();
        String id = Message.noticeIdOf(c, tag);
        String body = text.apply(c.language());
        Outgoing.toConversation(batch, messageStore, outboxStore, c, id, "bot", body, now, sendAt(now));
        return Optional.of(id);
    }

    /** Now, or the end of the quiet hours when now is inside them. */
    Instant sendAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!settings.quiet(local.toLocalTime())) {
            return now;
        }
        LocalDate day = local.toLocalDate();
        ZonedDateTime end = ZonedDateTime.of(day, settings.quietUntil(), zone);
        return (end.isAfter(local) ? end : ZonedDateTime.of(day.plusDays(1), settings.quietUntil(), zone)).toInstant();
    }

    static boolean optedOut(Conversation c) {
        return c.session() != null && c.session().path("optedOut").asBoolean(false);
    }
}
