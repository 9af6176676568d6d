package no.kontakt.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import no.kontakt.conversation.ConversationService;
import no.kontakt.flow.Numbers;
import no.kontakt.flow.Templates;
import no.kontakt.flow.Texts;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.FeedbackAsk;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.StatsStore;
import no.kontakt.store.FeedbackStore;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.Outgoing;

/**
 * The KOR practice: after a closed contact, one optional SMS question — how helpful was this, 1 to 5 — asked
 * an hour later but never in quiet hours (21:00–09:00) and never twice in a week to the same person. A reply
 * 1–5 within three days is counted in the statistics (the score only) and thanked.
 */
public final class Feedback {
    static final Duration DELAY = Duration.ofHours(1);
    static final Duration NOT_AGAIN_WITHIN = Duration.ofDays(7);
    static final Duration ANSWER_WITHIN = Duration.ofDays(3);
    static final LocalTime QUIET_FROM = LocalTime.of(21, 0);
    static final LocalTime QUIET_TO = LocalTime.of(9, 0);

    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final OutboxStore outboxStore;
    private final StatsStore statsStore;
    private final FeedbackStore feedbackStore;
    private final UnitOfWork unitOfWork;
    private final ConversationService conversations;
    private final Clock clock;
    private final ZoneId zone;
    private final java.util.function.Function<String, Texts> texts;
    private final String defaultLanguage;
    private final Runnable outboxWake;

    public Feedback(ConversationStore conversationStore, MessageStore messageStore, OutboxStore outboxStore, StatsStore statsStore, FeedbackStore feedbackStore, UnitOfWork unitOfWork, ConversationService conversations, Clock clock, ZoneId zone,
                    java.util.function.Function<String, Texts> texts, String defaultLanguage, Runnable outboxWake) {
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.outboxStore = outboxStore;
        this.statsStore = statsStore;
        this.feedbackStore = feedbackStore;
        this.unitOfWork = unitOfWork;
        this.conversations = conversations;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        this.defaultLanguage = defaultLanguage;
        this.outboxWake = outboxWake;
    }

    /** Plans the question for a conversation just closed, unless one was asked within the week. */
    public void plan(Batch batch, String conversationId, String reason) {
        Instant now = clock.instant();
        Optional<FeedbackAsk> earlier = feedbackStore.feedback(conversationId);
        if (earlier.isPresent() && earlier.get().askedAt() != null && earlier.get().askedAt().isAfter(now.minus(NOT_AGAIN_WITHIN))) {
            return;
        }
        if (earlier.isPresent() && earlier.get().askedAt() == null) {
            return;
        }
        feedbackStore.saveFeedback(batch, new FeedbackAsk(conversationId, reason, outOfQuietHours(now.plus(DELAY)), null, false));
    }

    /** Sends the questions that are due (never in quiet hours); returns how many. */
    public int sendDue() {
        Instant now = clock.instant();
        if (quiet(now.atZone(zone))) {
            return 0;
        }
        int n = 0;
        for (FeedbackAsk ask : feedbackStore.allFeedback()) {
            if (ask.askedAt() != null || ask.dueAt().isAfter(now)) {
                continue;
            }
            n += conversations.locked(ask.conversationId(), () -> {
                Batch batch = new Batch();
                Optional<Conversation> c = conversationStore.find(ask.conversationId());
                if (c.isEmpty() || c.get().urgent() || !Conversation.CLOSED.equals(c.get().status())) {
                    feedbackStore.removeFeedback(batch, ask.conversationId()); // not while someone is in contact again
                    unitOfWork.commit(batch);
                    return 0;
                }
                Conversation conv = c.get();
                String text = text("feedback_question", conv, null);
                String id = conv.nextMessageId();
                Outgoing.toConversation(batch, messageStore, outboxStore, conv, id, "bot", text, now, now);
                conversationStore.save(batch, conv.withMessage(now));
                feedbackStore.saveFeedback(batch, ask.asked(now));
                unitOfWork.commit(batch);
                return 1;
            });
        }
        if (n > 0) {
            outboxWake.run();
        }
        return n;
    }

    /** A score 1–5 answering an open question: counted (anonymously) and thanked. */
    public Optional<String> answer(Conversation c, String message, Batch batch) {
        Optional<Integer> score = Numbers.parse(message, c.language()).filter(n -> n >= 1 && n <= 5);
        if (score.isEmpty()) {
            return Optional.empty(); // not a score: no need to read the question asked
        }
        Instant now = clock.instant();
        Optional<FeedbackAsk> ask = feedbackStore.feedback(c.id())
                .filter(a -> a.askedAt() != null && !a.answered() && a.askedAt().isAfter(now.minus(ANSWER_WITHIN)));
        if (ask.isEmpty()) {
            return Optional.empty();
        }
        feedbackStore.saveFeedback(batch, ask.get().answeredNow());
        no.kontakt.conversation.UnitStats.of(statsStore, no.kontakt.conversation.UnitIds.unitOf(c.id()))
                .record(batch, "feedback", now, ask.get().reason(), score.get()); // counted in the conversation's unit
        return Optional.of(text("feedback_thanks", c, score.get()));
    }

    private boolean quiet(ZonedDateTime t) {
        LocalTime time = t.toLocalTime();
        return !time.isBefore(QUIET_FROM) || time.isBefore(QUIET_TO);
    }

    private Instant outOfQuietHours(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        if (!quiet(t)) {
            return at;
        }
        ZonedDateTime morning = t.toLocalTime().isBefore(QUIET_TO) ? t.with(QUIET_TO) : t.plusDays(1).with(QUIET_TO);
        return morning.plusHours(1).toInstant();
    }

    private String text(String key, Conversation c, Integer score) {
        String language = c.language() == null ? defaultLanguage : c.language();
        return Templates.render(texts.apply(key).in(language, defaultLanguage), Map.of("score", score == null ? "" : score.toString()));
    }
}
