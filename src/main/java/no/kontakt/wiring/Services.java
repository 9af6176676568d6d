package no.kontakt.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.kontakt.admin.Settings;
import no.kontakt.channel.Sender;
import no.kontakt.channel.chat.ChatAlerts;
import no.kontakt.channel.chat.ChatHub;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.channel.chat.WebChatSender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.Actions;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.HandoffAction;
import no.kontakt.conversation.LanguageGuess;
import no.kontakt.conversation.OutboxDispatcher;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.conversation.RiskKindAction;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Engine;
import no.kontakt.flow.Event;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Library;
import no.kontakt.flow.Validator;
import no.kontakt.hours.Hours;
import no.kontakt.hours.OpeningHours;
import no.kontakt.hours.Staffing;
import no.kontakt.inbox.AmbulantRequestAction;
import no.kontakt.inbox.AmbulantStatusAction;
import no.kontakt.inbox.Appointments;
import no.kontakt.inbox.CancelContactAction;
import no.kontakt.inbox.Feedback;
import no.kontakt.inbox.HoursPromise;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.inbox.InboxService;
import no.kontakt.inbox.OnCallAlerts;
import no.kontakt.inbox.OnDutyAction;
import no.kontakt.inbox.RequestContactAction;
import no.kontakt.offers.Catalogue;
import no.kontakt.offers.Offers;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.records.Retention;
import no.kontakt.conversation.Erasure;
import no.kontakt.store.Batch;
import no.kontakt.store.ClusterLocks;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import no.kontakt.store.Stores;

/**
 * The domain services on one store: the actions the scripts call, the conversation service and its engine, the inbox,
 * appointments, feedback, settings, retention and the outbox — and {@link #tick()}, the one piece of scheduled work that
 * the server runs every second and a transcript runs whenever its clock moves. Built once for the server's store, and
 * once for each transcript on an in-memory store (cheap: the trained NLU and the compiled scripts come in built).
 */
public final class Services implements AutoCloseable {
    private final AppConfig config;
    private final Stores stores;
    private final Clock clock;
    private final AtomicReference<AppConfig.Emergency> emergency;
    private final Hours office;
    private final Hours ambulant;
    private final OnCallAlerts alerts;
    private final Offers offers;
    private final ConversationService conversations;
    private final OutboxDispatcher outbox;
    private final InboxEvents events;
    private final ChatHub chatHub;
    private final ChatAlerts chatAlerts;
    private final InboxService inbox;
    private final Appointments appointments;
    private final Feedback feedback;
    private final Settings settings;
    private final Retention retention;
    private volatile IntentClassifier classifier;
    /** Each unit's promise, office hours and on-call phones for escalation, the default unit's last (it takes the rest). */
    private final List<InboxService.Escalation> escalations;
    /** The deployment's other units, by id (none for one unit). */
    private final Map<String, UnitParts> units = new java.util.LinkedHashMap<>();

    /**
     * The settings are as configured until {@link Settings#bootstrap()} applies the stored ones (the server does; a
     * transcript's throwaway store has none).
     *
     * @param catalogue the offers, as read from the configured file (this instance's own: a setting may replace its content)
     * @param senders   the senders by channel (the web chat's is added); {@code wake} asks for the outbox to be sent soon,
     *                  off the caller's thread
     */
    public Services(AppConfig config, Stores stores, Pseudonyms pseudonyms, Clock clock, Library library, IntentClassifier intents,
                    RiskCheck risk, LanguageGuess languages, Catalogue catalogue, Map<String, Sender> senders, Runnable wake) {
        this(config, stores, pseudonyms, clock, library, intents, risk, languages, catalogue, senders, wake, new LocalSignals());
    }

    /** @param signals what the inbox's events and the web chat's changes travel on to the other instances of the store */
    public Services(AppConfig config, Stores stores, Pseudonyms pseudonyms, Clock clock, Library library, IntentClassifier intents,
                    RiskCheck risk, LanguageGuess languages, Catalogue catalogue, Map<String, Sender> senders, Runnable wake, Signals signals) {
        this.config = config;
        this.events = new InboxEvents(signals);
        this.stores = stores;
        this.clock = clock;
        this.emergency = new AtomicReference<>(config.emergency());
        this.classifier = intents;
        this.office = new Hours(config.office().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
        this.ambulant = new Hours(config.ambulant().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
        this.alerts = new OnCallAlerts(stores.outbox(), ambulant, config.ambulant().oncall(),
                Duration.ofMinutes(config.ambulant().alertIntervalMinutes()));
        this.offers = new Offers(catalogue, offerRoles(stores), config.offers());
        Actions actions = actions(config, stores, office, ambulant, alerts, offers);
        this.chatHub = new ChatHub(stores.conversations(), stores.messages(), stores.deliveries(), stores, clock, signals);
        Map<String, Sender> all = new HashMap<>(senders);
        all.putIfAbsent(ChatSessions.CHANNEL, new WebChatSender(chatHub));
        this.outbox = new OutboxDispatcher(stores.deliveries(), stores.outbox(), stores.stats(), stores, all, clock, stores.locks());
        var erasure = new Erasure(new Erasure.Roles(stores.conversations(), stores.messages(), stores.inbound(), stores.deliveries(),
                stores.outbox(), stores.timers(), stores.contactRequests(), stores.enrolments(), stores.reminders(), stores.events(),
                stores.audit(), stores.feedback(), stores.appointments()));
        this.conversations = new ConversationService(stores.conversations(), stores.messages(), stores.inbound(), stores.deliveries(), stores.outbox(), stores.timers(), stores.stats(), stores.events(), stores, erasure, pseudonyms, engine(library, intents), actions, risk, languages, clock, wake);
        conversations.useLocks(stores.locks());
        this.chatAlerts = new ChatAlerts(config.ambulant().chatAlertsPerAddress(), clock);
        Map<String, java.time.ZoneId> unitZones = new HashMap<>(); // each unit's statistics weeks are its own
        Map<String, String> offerIds = new HashMap<>(); // an offer id names one offer: enrolments are kept by it
        offers.catalogue().offers().forEach(o -> offerIds.put(o.id(), "offers.catalogue"));
        for (int i = 0; i < config.units().size(); i++) {
            var unit = config.units().get(i);
            UnitParts parts = UnitParts.build(config, unit, stores, offers);
            if (parts.offers() != offers) {
                for (var offer : parts.offers().catalogue().offers()) {
                    String taken = offerIds.putIfAbsent(offer.id(), "units[" + i + "].offers.catalogue");
                    if (taken != null) {
                        throw new no.kontakt.config.ConfigException("units[" + i + "].offers", "the offer id '" + offer.id() + "' is in "
                                + taken + " too; give each unit's offers ids of their own (such as " + unit.id() + "-" + offer.id() + ")");
                    }
                }
            }
            units.put(unit.id(), parts);
            unitZones.put(unit.id(), parts.config().unit().timeZone());
            conversations.addUnit(unit.id(), parts.engine(library, intents), parts.actions(stores));
        }
        stores.stats().unitZones(unitZones);
        List<InboxService.Escalation> scopes = new java.util.ArrayList<>();
        units.values().forEach(unit -> scopes.add(new InboxService.Escalation(promise(unit.config()), unit.office(), unit.alerts(),
                id -> unit.id().equals(no.kontakt.conversation.UnitIds.unitOf(id)))));
        scopes.add(new InboxService.Escalation(promise(config), office, alerts, id -> true)); // the default unit's, and any unit since removed
        this.escalations = List.copyOf(scopes);
        conversations.onUrgent((batch, now, conversationId) -> chatAlerts.mayPage(conversationId)
                ? alertsOf(conversationId).alert(batch, now, conversationId.substring(conversationId.length() - 6)) : 0);
        this.inbox = new InboxService(stores.conversations(), stores.messages(), stores.deliveries(), stores.outbox(), stores.contactRequests(), stores.stats(), stores.audit(), stores.cannedReplies(), stores.events(), stores.appointments(), stores, conversations, office, clock, wake, events);
        this.appointments = new Appointments(stores.conversations(), stores.messages(), stores.outbox(), stores.contactRequests(), stores.audit(), stores.events(), stores.appointments(), stores, conversations, clock, config.unit().timeZone(), library.globals()::text,
                context(config), config.unit().defaultLanguage(), wake);
        inbox.unitOffices(id -> {
            UnitParts unit = units.get(String.valueOf(no.kontakt.conversation.UnitIds.unitOf(id)));
            return unit == null ? office : unit.office();
        });
        conversations.intercept(appointments::answer);
        this.feedback = new Feedback(stores.conversations(), stores.messages(), stores.outbox(), stores.stats(), stores.feedback(), stores, conversations, clock, config.unit().timeZone(), library.globals()::text,
                config.unit().defaultLanguage(), wake);
        conversations.intercept(feedback::answer);
        inbox.onClose((batch, id) -> feedback.plan(batch, id, "contact"));
        this.settings = new Settings(config, stores.scripts(), stores.audit(), stores, clock);
        settings.onChange("office_hours", v -> office.set((OpeningHours) v));
        settings.onChange("ambulant_hours", v -> ambulant.set((OpeningHours) v));
        settings.onChange("offers", v -> offers.catalogue().replaceWith((Catalogue) v));
        settings.onChange("emergency", v -> {
            emergency.set((AppConfig.Emergency) v);
            conversations.replaceEngine(engine(conversations.engine().library(), classifier));
        });
        this.retention = new Retention(stores.conversations(), stores.enrolments(), stores.stats(), stores, erasure, conversations, offers.catalogue(), config.retention(), clock);
        conversations.listen((conversationId, committed) -> events.publish(
                committed.stream().anyMatch(e -> e instanceof Event.RiskFlagged) ? "urgent" : "message", conversationId));
        // a browser on a web chat catches up on every change: bot and staff messages, takeover, close
        events.subscribe(event -> chatHub.changed(event.get("conversation")));
    }

    /**
     * The scheduled work, once, in this order: due script timers, appointment reminders, feedback questions, escalation of
     * contact requests near their promise, the on-call alerts that waited for their interval, offers' due work (reminders,
     * waiting lists), and the outbox. Where instances share the store, each job runs on one instance at a time (a round
     * another instance holds is skipped here), timers fire under their conversation's lock and outbox items are claimed
     * one by one; sends a dead instance left half done are settled every {@link #SETTLE_EVERY}.
     */
    public void tick() {
        conversations.fireDueTimers();
        exclusive("appointment-reminders", appointments::remindDue);
        exclusive("feedback", feedback::sendDue);
        exclusive("escalation", () -> inbox.escalateWhenDue(0.8, escalations));
        flushAlerts();
        exclusive("offers", () -> offers.runDue(clock.instant()));
        units.values().forEach(unit -> unit.tick(stores, offers, clock, this::exclusive));
        if (stores.locks().shared() && settledAt.get().plus(SETTLE_EVERY).isBefore(clock.instant())) {
            settledAt.set(clock.instant());
            exclusive("outbox-settle", outbox::settleInterrupted);
        }
        outbox.dispatchDue();
    }

    /** How often an instance sharing the store looks for sends a dead instance left half done. */
    static final Duration SETTLE_EVERY = Duration.ofSeconds(30);
    private final AtomicReference<java.time.Instant> settledAt = new AtomicReference<>(java.time.Instant.EPOCH);

    /**
     * Runs one round of a scheduled job unless another instance on the store is running it (then this round is skipped
     * here: the job's next round catches up). Its effects are committed before the lock is let go. Returns whether it ran.
     */
    public boolean exclusive(String job, Runnable round) {
        Optional<ClusterLocks.Held> held = stores.locks().tryLock("job:" + job);
        if (held.isEmpty()) {
            return false;
        }
        try (ClusterLocks.Held lock = held.get()) {
            round.run();
        }
        return true;
    }

    /** Sends the on-call alerts counted while their phone's interval ran; returns how many SMS were queued. */
    public int flushAlerts() {
        // the counts are this instance's own (kept in memory), so every instance flushes its own, under no lock
        Batch batch = new Batch();
        int staged = alerts.flush(batch, clock.instant());
        if (staged > 0) {
            stores.commit(batch);
        }
        return staged;
    }

    /** A publish went live: new conversations and safe points run these scripts, classified by {@code intents}. */
    public void install(Library library, IntentClassifier intents) {
        classifier = intents;
        conversations.replaceEngine(engine(library, intents));
        units.values().forEach(unit -> conversations.replaceEngine(unit.id(), unit.engine(library, intents)));
    }

    /** The on-call alerts of the conversation's unit. */
    private OnCallAlerts alertsOf(String conversationId) {
        String unit = no.kontakt.conversation.UnitIds.unitOf(conversationId);
        return unit == null || !units.containsKey(unit) ? alerts : units.get(unit).alerts();
    }

    private Engine engine(Library library, IntentClassifier intents) {
        return new Engine(library, intents, context(config, emergency.get()), config.unit().defaultLanguage());
    }

    static Actions actions(AppConfig config, Stores stores, Hours office, Hours ambulant, OnCallAlerts alerts, Offers offers) {
        Staffing staffing = new Staffing(office, ambulant);
        return new Actions(List.of(
                new HandoffAction(staffing),
                new RiskKindAction(),
                new OnDutyAction(staffing, config.ambulant().callWithinMinutes()),
                new RequestContactAction(stores.contactRequests(), new HoursPromise(office, promise(config))),
                new CancelContactAction(stores.contactRequests()),
                new AmbulantStatusAction(ambulant, config.ambulant().callWithinMinutes()),
                new AmbulantRequestAction(stores.contactRequests(), alerts))).with(offers.actions());
    }

    static Offers.Storage offerRoles(Stores stores) {
        return new Offers.Storage(stores.enrolments(), stores.reminders(), stores.conversations(), stores.messages(), stores.outbox(), stores);
    }

    private static Duration promise(AppConfig config) {
        return Duration.ofMinutes(Math.round(config.office().contactPromiseHours() * 60));
    }

    /** The compiler for the configuration's languages and the registered actions (for {@code validate}). */
    public static Compiler compiler(AppConfig config) {
        try (Stores scratch = new Stores(new InMemoryStorage(), 1)) {
            Hours hours = new Hours(config.office().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
            return compiler(config, actions(config, scratch, hours, hours, new OnCallAlerts(scratch.outbox(), hours, List.of()),
                    new Offers(Catalogue.empty(config.unit().timeZone()), offerRoles(scratch), config.offers())));
        }
    }

    static Compiler compiler(AppConfig config, Actions actions) {
        java.util.Set<String> known = new java.util.HashSet<>(context(config).keySet());
        known.addAll(List.of("when", "place", "with")); // the appointment texts' values
        return new Compiler(new Validator(actions.specs(), config.unit().languages(), known));
    }

    static Map<String, String> context(AppConfig config) {
        return context(config, config.emergency());
    }

    static Map<String, String> context(AppConfig config, AppConfig.Emergency emergency) {
        Map<String, String> context = new HashMap<>(emergency.placeholders());
        context.put("unit", config.unit().name());
        config.unit().names().forEach((language, name) -> context.put("unit_" + language, name)); // the unit's name per language
        context.put("time_zone", config.unit().timeZone().getId());
        context.put("quiet_hours", config.offers().quietHours()); // no bot-initiated reminder inside them
        return context;
    }

    public Stores stores() {
        return stores;
    }

    public ConversationService conversations() {
        return conversations;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    public InboxService inbox() {
        return inbox;
    }

    public Appointments appointments() {
        return appointments;
    }

    public Feedback feedback() {
        return feedback;
    }

    public Offers offers() {
        return offers;
    }

    /** The other units' offers by unit id (the default unit's own where a unit has no catalogue of its own). */
    public Map<String, Offers> unitOffers() {
        Map<String, Offers> all = new java.util.LinkedHashMap<>();
        units.forEach((id, unit) -> all.put(id, unit.offers()));
        return all;
    }

    public Settings settings() {
        return settings;
    }

    public Retention retention() {
        return retention;
    }

    public InboxEvents events() {
        return events;
    }

    public ChatHub chatHub() {
        return chatHub;
    }

    public ChatAlerts chatAlerts() {
        return chatAlerts;
    }

    /** The emergency numbers as they are now (a setting may change them). */
    public AppConfig.Emergency emergency() {
        return emergency.get();
    }

    /** The ambulant team's opening hours as they are now (a setting may change them). */
    public OpeningHours ambulantHours() {
        return ambulant.get();
    }

    /** Stops the web chat's pushes and the live updates; the store is its owner's to close. */
    @Override
    public void close() {
        chatHub.close();
        events.close();
    }
}
