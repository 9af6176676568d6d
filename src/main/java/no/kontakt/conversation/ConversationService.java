package no.kontakt.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import no.kontakt.channel.InboundMessage;
import no.kontakt.flow.Engine;
import no.kontakt.flow.Input;
import no.kontakt.privacy.Mask;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.InboundLog;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.TimerIndex;
import no.kontakt.store.StatsStore;
import no.kontakt.store.EventLog;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.Outgoing;
import no.kontakt.store.TimerIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one inbound message, or one due timer, for one conversation at a time: under the conversation's lock,
 * de-duplicate by provider id, load, run the engine and its actions, and commit the message, the replies,
 * the new state and any outbox items in one batch — only then is the reply returned or sent.
 */
public final class ConversationService {
    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    private static final int STRIPES = 1024;

    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final InboundLog inboundLog;
    private final no.kontakt.store.DeliveryStore deliveryStore;
    private final OutboxStore outboxStore;
    private final TimerIndex timerIndex;
    private final StatsStore statsStore;
    private final EventLog eventLog;
    private final UnitOfWork unitOfWork;
    private final Erasure erasure;
    private final Pseudonyms pseudonyms;
    private final AtomicReference<Engine> engine;
    private final Actions actions;
    private final RiskCheck risk;
    private final LanguageGuess languages;
    private final Clock clock;
    private final Runnable outboxWake;
    private final java.util.List<EventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EventListener listener = (conversationId, events) -> listeners.forEach(l -> l.committed(conversationId, events));
    private volatile UrgentHook urgentHook = (batch, now, conversationId) -> 0;
    private final java.util.List<Interceptor> interceptors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    /** The conversation's lock that every instance on the store respects, taken after this process's stripe. */
    private volatile no.kontakt.store.ClusterLocks clusterLocks = new no.kontakt.store.InProcessLocks();
    /** Messages from one address within a minute beyond which the bot goes quiet for it (staff are told). */
    static final int FLOOD_PER_MINUTE = 20;
    private final no.kontakt.limits.RateLimiter flood;
    /** The other units' engines and actions, by unit id; the default unit's are {@link #engine} and {@link #actions}. */
    private final java.util.Map<String, UnitSteps> units = new java.util.concurrent.ConcurrentHashMap<>();

    private record UnitSteps(AtomicReference<Engine> engine, Actions actions) {}

    public ConversationService(ConversationStore conversationStore, MessageStore messageStore, InboundLog inboundLog, no.kontakt.store.DeliveryStore deliveryStore, OutboxStore outboxStore, TimerIndex timerIndex, StatsStore statsStore, EventLog eventLog, UnitOfWork unitOfWork, Erasure erasure, Pseudonyms pseudonyms, Engine engine, Actions actions, RiskCheck risk,
                               LanguageGuess languages, Clock clock, Runnable outboxWake) {
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.inboundLog = inboundLog;
        this.deliveryStore = deliveryStore;
        this.outboxStore = outboxStore;
        this.timerIndex = timerIndex;
        this.statsStore = statsStore;
        this.eventLog = eventLog;
        this.unitOfWork = unitOfWork;
        this.erasure = erasure;
        this.pseudonyms = pseudonyms;
        this.engine = new AtomicReference<>(engine);
        this.actions = actions;
        this.risk = risk;
        this.languages = languages;
        this.clock = clock;
        this.flood = new no.kontakt.limits.RateLimiter(FLOOD_PER_MINUTE, java.time.Duration.ofMinutes(1), clock);
        this.outboxWake = outboxWake;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /**
     * Takes each conversation's lock from {@code locks} too (the store's: a database's advisory locks when instances
     * share it), so a conversation runs one step at a time across instances. Call before the first message.
     */
    public void useLocks(no.kontakt.store.ClusterLocks locks) {
        this.clusterLocks = java.util.Objects.requireNonNull(locks, "locks");
    }

    /** The id of the conversation of that channel address (a pseudonym: the address itself is not in it). */
    public String conversationId(String channel, String address) {
        return channel + "-" + pseudonyms.of(channel, address);
    }

    /** Another unit's conversations run on {@code unitEngine} with {@code unitActions} (its scripts, hours, offers). */
    public void addUnit(String unit, Engine unitEngine, Actions unitActions) {
        units.put(unit, new UnitSteps(new AtomicReference<>(unitEngine), unitActions));
    }

    /** A new engine for {@code unit}'s conversations (null: the default unit's). */
    public void replaceEngine(String unit, Engine newEngine) {
        (unit == null ? engine : units.get(unit).engine()).set(newEngine);
    }

    /** The engine of the unit of the conversation {@code id}. */
    private Engine engineOf(String id) {
        UnitSteps steps = stepsOf(id);
        return steps == null ? engine.get() : steps.engine().get();
    }

    private Actions actionsOf(String id) {
        UnitSteps steps = stepsOf(id);
        return steps == null ? actions : steps.actions();
    }

    private UnitSteps stepsOf(String id) {
        String unit = UnitIds.unitOf(id);
        return unit == null ? null : units.get(unit);
    }

    /** Told, after each commit, what happened in a conversation (live updates, tests). */
    public interface EventListener {
        void committed(String conversationId, List<no.kontakt.flow.Event> events);
    }

    public void listen(EventListener newListener) {
        listeners.add(newListener);
    }

    /** Called, in the batch of the step, when a conversation first becomes urgent (alerts the on-call). */
    public interface UrgentHook {
        int becameUrgent(Batch batch, Instant now, String conversationId);
    }

    public void onUrgent(UrgentHook hook) {
        this.urgentHook = hook;
    }

    /** Answers a message before the scripts do (an appointment's JA/NEI); empty lets the scripts answer. */
    public interface Interceptor {
        Optional<String> intercept(Conversation conversation, String text, Batch batch);
    }

    public void intercept(Interceptor interceptor) {
        interceptors.add(interceptor);
    }

    /**
     * Global words first: a global word or phrase (SLETT, STOPP, MENY, "glem meg", a language's name), and the JA/NEI
     * that confirms one, go to the scripts even while an appointment waits for its yes or no.
     */
    private Optional<String> intercepted(Conversation conversation, no.kontakt.flow.Session session, String text, Batch batch) {
        if (session.confirmingErase() || session.vars().containsKey(no.kontakt.flow.Engine.CONFIRMING)
                || engineOf(conversation.id()).library().globals().claims(text)) {
            return Optional.empty();
        }
        for (Interceptor i : interceptors) {
            Optional<String> answer = i.intercept(conversation, text, batch);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** New conversations and safe points use this engine (new script versions) from now on. */
    public void replaceEngine(Engine newEngine) {
        engine.set(newEngine);
    }

    public Engine engine() {
        return engine.get();
    }

    public Reply receive(InboundMessage in) {
        return receive(in, null);
    }

    /** Receives a message for {@code unit} (null: the default unit): the same address has a conversation of its own in each unit. */
    public Reply receive(InboundMessage in, String unit) {
        String id = UnitIds.of(conversationId(in.channel(), in.from()), unit);
        return locked(id, () -> {
            Optional<InboundReceipt> seen = inboundLog.find(in.messageId());
            if (seen.isPresent()) {
                log.info("duplicate inbound message ignored sid={}", in.messageId());
                return new Reply(seen.get().replies(), seen.get().replyIds(), true);
            }
            try {
                return process(id, in);
            } catch (no.kontakt.store.DuplicateKeyException e) {
                // another step recorded this message id first (another instance, at the same moment): its answer stands
                InboundReceipt first = inboundLog.find(in.messageId()).orElseThrow(() -> e);
                log.info("duplicate inbound message refused by the store sid={}", in.messageId());
                return new Reply(first.replies(), first.replyIds(), true);
            }
        });
    }

    private Reply process(String id, InboundMessage in) {
        Instant now = clock.instant();
        Conversation conversation = conversationStore.find(id).orElseGet(() ->
                Conversation.start(id, in.channel(), in.from(), languages.guess(in.body(), in.from(), null), now));
        conversation = conversation.withLanguage(languages.guess(in.body(), in.from(), conversation.language())).episodeAfterClose();
        Batch batch = new Batch();
        String inboundId = conversation.nextMessageId();
        messageStore.append(batch, new Message(inboundId, id, Message.Direction.IN, "citizen", in.body(), now, in.messageId()));
        conversation = conversation.withMessage(now);

        no.kontakt.flow.Session before = Turn.session(conversation);
        java.time.Instant previousDue = Turn.dueAt(before);
        boolean isNew = conversation.messageCount() == 1;
        String scriptBefore = before.current() == null ? null : before.current().script();
        boolean wasUrgent = conversation.urgent();
        RiskCheck.Assessment assessment = risk.assess(in.body(), conversation.language());
        RiskKinds.Kind kind = RiskKinds.of(assessment.reasons());
        var input = new Input.Text(in.body(), assessment.risk(), assessment.reasons(),
                Conversation.TAKEN_OVER.equals(conversation.status()), kind.kind(), kind.aboutOther());
        Optional<String> intercepted = assessment.risk() ? Optional.empty() : intercepted(conversation, before, in.body(), batch);
        no.kontakt.limits.RateLimiter.Decision lastMinute = flood.hit(id);
        if (!lastMinute.allowed() && !assessment.risk()) {
            intercepted = Optional.of("");
            if (lastMinute.firstRefused()) {
                eventLog.event(batch, new no.kontakt.store.ConversationEvent(no.kontakt.store.EventLog.eventId(id, now, 99), id, now,
                        "flood", "bot", java.util.Map.of("perMinute", String.valueOf(FLOOD_PER_MINUTE))));
                conversation = conversation.waitingForPerson(now);
                log.warn("flood from one address: the bot is quiet for it and staff are told");
            }
        }
        Turn turn = intercepted.isPresent()
                ? new Turn(conversation, before, intercepted.get().isEmpty() ? List.of() : List.of(intercepted.get()), List.of(), false)
                : Turn.run(engineOf(id), actionsOf(id), conversation, before, input, batch, now);
        if (assessment.risk()) {
            // The rule names only (lexicon:nb:suicidal), not the phrase that matched: a phrase is a piece of the message.
            log.warn("risk flagged rules={}", assessment.reasons().stream()
                    .map(r -> r.lastIndexOf(':') > 0 ? r.substring(0, r.lastIndexOf(':')) : r).distinct().toList());
            log.debug("risk flagged reasons={}", assessment.reasons());
        }
        if (turn.erase()) {
            Batch erased = new Batch();
            StatsRecorder.stage(UnitStats.of(statsStore, UnitIds.unitOf(id)), erased, now, conversation.language(), in.channel(), false, null, turn.events(), turn.replies());
            erasure.stage(id, erased);
            inboundLog.record(erased, new InboundReceipt(in.messageId(), null, null, turn.replies(), List.of(), now)); // whose: erased
            unitOfWork.commit(erased);
            listener.committed(id, turn.events());
            log.info("conversation erased on the citizen's request");
            return new Reply(turn.replies(), List.of(), false);
        }
        conversation = turn.conversation();
        boolean alerted = conversation.urgent() && !wasUrgent && urgentHook.becameUrgent(batch, now, id) > 0;
        EventRecorder.stage(eventLog, id, turn.events(), now, batch);
        StatsRecorder.stage(UnitStats.of(statsStore, UnitIds.unitOf(id)), batch, now, conversation.language(), in.channel(), isNew, scriptBefore, turn.events(), turn.replies());
        List<String> replyIds = new ArrayList<>();
        for (String text : turn.replies()) {
            String replyId = conversation.nextMessageId();
            messageStore.append(batch, new Message(replyId, id, Message.Direction.OUT, "bot", text, now, null));
            conversation = conversation.withMessage(now);
            replyIds.add(replyId);
        }
        timerIndex.set(batch, id, previousDue, Turn.dueAt(turn.session()));
        conversationStore.save(batch, conversation);
        inboundLog.record(batch, new InboundReceipt(in.messageId(), id, inboundId, turn.replies(), replyIds, now));
        unitOfWork.commit(batch);
        if (alerted) {
            outboxWake.run();
        }
        listener.committed(id, turn.events());
        log.info("message handled channel={} from={} replies={}", in.channel(), Mask.phone(in.from()), replyIds.size());
        log.debug("message body in={} out={}", in.body(), turn.replies());
        return new Reply(turn.replies(), replyIds, false);
    }

    /** Addresses whose messages of the last minute are counted (for the flood limit); the rest are forgotten. */
    int addressesCounted() {
        return flood.keys();
    }

    /** Runs every timer that is due: reminders and expiries go out through the outbox. Returns how many ran. */
    public int fireDueTimers() {
        List<TimerIndex.Due> due = timerIndex.due(clock.instant(), 500);
        for (TimerIndex.Due d : due) {
            locked(d.conversationId(), () -> {
                fire(d);
                return null;
            });
        }
        return due.size();
    }

    private void fire(TimerIndex.Due due) {
        Instant now = clock.instant();
        Batch batch = new Batch();
        Optional<Conversation> found = conversationStore.find(due.conversationId());
        if (found.isEmpty() || !due.dueAt().equals(Turn.dueAt(Turn.session(found.get())))) {
            timerIndex.set(batch, due.conversationId(), due.dueAt(), null);
            unitOfWork.commit(batch);
            return;
        }
        Conversation conversation = found.get();
        Turn turn = Turn.run(engineOf(conversation.id()), actionsOf(conversation.id()), conversation, new Input.TimerFired(), batch, now);
        Conversation after = turn.conversation();
        for (String text : turn.replies()) {
            String messageId = after.nextMessageId();
            Outgoing.toConversation(batch, messageStore, outboxStore, after, messageId, "bot", text, now, now);
            after = after.withMessage(now);
        }
        timerIndex.set(batch, after.id(), due.dueAt(), Turn.dueAt(turn.session()));
        EventRecorder.stage(eventLog, after.id(), turn.events(), now, batch);
        StatsRecorder.stage(UnitStats.of(statsStore, UnitIds.unitOf(after.id())), batch, now, after.language(), "outbox", false,
                Turn.session(conversation).current() == null ? null : Turn.session(conversation).current().script(), turn.events(), List.of());
        conversationStore.save(batch, after);
        unitOfWork.commit(batch);
        listener.committed(after.id(), turn.events());
        log.info("timer fired conversation={} messages={}", after.id(), turn.replies().size());
        if (!turn.replies().isEmpty()) {
            outboxWake.run();
        }
    }

    /**
     * Runs {@code work} under the conversation's lock, as every message of it is: this process's stripe, then the lock
     * every instance respects. The work reads after the lock and commits before it is let go; when the lock turns out
     * lost (its database connection closed) the work fails, so the caller answers an error and the sender retries.
     */
    public <T> T locked(String conversationId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), STRIPES)];
        lock.lock();
        MDC.put("conversation", conversationId);
        try (no.kontakt.store.ClusterLocks.Held held = clusterLocks.lock("conversation:" + conversationId)) {
            return work.get();
        } finally {
            MDC.remove("conversation");
            lock.unlock();
        }
    }

    /** The conversation with this id, as stored. */
    public Optional<Conversation> conversation(String id) {
        return conversationStore.find(id);
    }

    /** What an inbound message id got: its conversation, its stored message id and the replies. */
    public Optional<InboundReceipt> receipt(String messageId) {
        return inboundLog.find(messageId);
    }

    /** Keeps a channel's delivery status for one of our messages; an unknown message id stores nothing (false). */
    public boolean reportDelivery(String messageId, String providerSid, String status, String errorCode) {
        if (messageId == null || messageStore.find(messageId).isEmpty()) {
            return false;
        }
        Batch batch = new Batch();
        deliveryStore.report(batch, new no.kontakt.store.Delivery(messageId, providerSid, status, errorCode, clock.instant()));
        unitOfWork.commit(batch);
        return true;
    }
}
