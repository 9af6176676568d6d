package no.kontakt.offers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import no.kontakt.config.AppConfig;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.Stores;

/** Offers on an in-memory store with a small catalogue, and conversations to enrol. */
final class OffersFixture implements AutoCloseable {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Tuesday 24 November 2026, 10:00 in Oslo. */
    static final Instant NOW = at("2026-11-24T10:00:00+01:00");

    static final String CATALOGUE = """
            texts:
              reminder: {nb: "Husk {{title}} {{when}}, {{place}}.", en: "Remember {{title}} {{when}}, {{place}}."}
              promoted: {nb: "Du fikk plass på {{title}}, {{when}}.", en: "You got a place on {{title}}, {{when}}."}
            offers:
              - id: trip
                category: user_org
                title: {nb: Dagstur, en: Day trip}
                description: {nb: Til hytta., en: To the cabin.}
                organiser: Marborg
                place: Kongens gate 12
                sessions: [{at: 2026-12-05 10:00, duration: 6h}]
                capacity: 2
                signup: true
                public: true
              - id: course
                category: coping
                title: {nb: Kurs, en: Course}
                description: {nb: Fire kvelder., en: Four evenings.}
                organiser: Mestringsenheten
                place: Kongens gate 12
                sessions: [{weekly: tuesday, time: "18:00", duration: 2h, from: 2026-11-24, until: 2026-12-15}]
                capacity: 1
                signup: true
                waiting_list: false
                public: true
              - id: cafe
                category: user_org
                title: {nb: Kafe, en: Cafe}
                description: {nb: Lunsj., en: Lunch.}
                organiser: Mental Helse
                place: Storgata 20
                sessions: [{weekly: [monday, tuesday, wednesday, thursday, friday], time: "11:00", duration: 3h, from: 2026-01-05}]
                signup: false
                public: true
              - id: closed
                category: relatives
                title: {nb: Sorggruppe, en: Bereavement group}
                description: {nb: Lukket gruppe., en: A closed group.}
                organiser: Mestringsenheten
                place: Kongens gate 12
                sessions: [{at: 2026-12-10 18:00, duration: 2h}]
                capacity: 5
                signup: true
                public: false
              - id: past
                category: coping
                title: {nb: Ferdig, en: Over}
                description: {nb: Var i fjor., en: Was last year.}
                organiser: Mestringsenheten
                place: Kongens gate 12
                sessions: [{at: 2025-11-01 18:00, duration: 2h}]
                capacity: 5
                signup: true
                public: true
            """;

    final Stores stores = new Stores(new InMemoryStorage(), 16);
    final AppConfig.Offers settings;
    final Catalogue catalogue;
    final Offers offers;

    OffersFixture() {
        this(new AppConfig.Offers(null, 18, "21:00-09:00", 90));
    }

    OffersFixture(AppConfig.Offers settings) {
        this.settings = settings;
        this.catalogue = CatalogueLoader.read("offers.yaml", CATALOGUE, OSLO, List.of("nb", "en")).catalogue();
        this.offers = new Offers(catalogue, roles(stores), settings);
    }

    /** The storage roles offers use, from one store. */
    static Offers.Storage roles(Stores stores) {
        return new Offers.Storage(stores.enrolments(), stores.reminders(), stores.conversations(), stores.messages(), stores.outbox(), stores);
    }

    static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    Offer offer(String id) {
        return catalogue.find(id).orElseThrow();
    }

    /** A conversation of that phone number in the store; returns its id. */
    String citizen(String phone, String language) {
        String id = "sms-" + phone.substring(1);
        Batch batch = new Batch();
        stores.conversations().save(batch, Conversation.start(id, "sms", phone, language, NOW));
        stores.commit(batch);
        return id;
    }

    Enrolments.Joined join(String offerId, String conversationId, Instant now) {
        Batch batch = new Batch();
        Enrolments.Joined joined = offers.enrolments().join(offer(offerId), conversationId, now, batch);
        stores.commit(batch);
        return joined;
    }

    Optional<Enrolments.Cancelled> cancel(String offerId, String conversationId, Instant now) {
        Batch batch = new Batch();
        var cancelled = offers.enrolments().cancel(offer(offerId), conversationId, now, batch);
        stores.commit(batch);
        return cancelled;
    }

    /** Everything in the outbox, sendable now or later. */
    List<OutboxItem> outbox() {
        return stores.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 1000);
    }

    @Override
    public void close() {
        stores.close();
    }
}
