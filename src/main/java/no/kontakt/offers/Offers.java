package no.kontakt.offers;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.Action;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.ReminderLog;
import no.kontakt.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups and courses, put together: the catalogue, enrolments and waiting lists, the day-before reminders, and the
 * actions scripts call ({@code list_offers}, {@code show_offer}, {@code join_offer}, {@code cancel_offer}).
 */
public final class Offers {
    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Reminders reminders;
    private final AppConfig.Offers settings;

    /** The storage roles offers use: enrolments, reminders sent, and the conversations, messages and outbox of notices. */
    public record Storage(EnrolmentStore enrolments, ReminderLog reminders, ConversationStore conversations, MessageStore messages,
                          OutboxStore outbox, UnitOfWork unitOfWork) {}

    public Offers(Catalogue catalogue, Storage storage, AppConfig.Offers settings) {
        this.catalogue = catalogue;
        this.settings = settings;
        Notices notices = new Notices(storage.conversations(), storage.messages(), storage.outbox(), settings, catalogue.zone());
        this.enrolments = new Enrolments(catalogue, storage.enrolments(), storage.unitOfWork(), notices);
        this.reminders = new Reminders(catalogue, enrolments, storage.reminders(), storage.unitOfWork(), notices, settings);
    }

    /** Loads the configured catalogue; a catalogue with errors stops start-up with every error located. */
    public static Offers load(AppConfig.Offers settings, ZoneId zone, List<String> languages, Storage storage) {
        return new Offers(CatalogueLoader.load(settings.catalogue(), zone, languages), storage, settings);
    }

    public List<Action> actions() {
        return List.of(new ListOffersAction(catalogue, enrolments), new ShowOfferAction(catalogue, enrolments),
                new JoinOfferAction(catalogue, enrolments, reminders), new CancelOfferAction(catalogue, enrolments));
    }

    /** The scheduler's work: free seats to those who wait, then the reminders that are due. */
    public void runDue(Instant now) {
        int moved = enrolments.settle(now);
        if (moved > 0) {
            log.info("waiting list moved up count={}", moved);
        }
        reminders.remindDue(now);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Enrolments enrolments() {
        return enrolments;
    }

    public Reminders reminders() {
        return reminders;
    }

    public AppConfig.Offers settings() {
        return settings;
    }
}
