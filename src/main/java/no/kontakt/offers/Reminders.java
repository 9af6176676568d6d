package no.kontakt.offers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import no.kontakt.config.AppConfig;
import no.kontakt.flow.Templates;
import no.kontakt.store.Batch;
import no.kontakt.store.Enrolment;
import no.kontakt.store.ReminderLog;
import no.kontakt.store.ReminderLog;
import no.kontakt.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day-before reminders: from the configured local hour (never in the quiet hours), one SMS to each seated
 * participant of every meeting that starts the next day, exactly once — the reminder is recorded in the batch that
 * queues it. Whoever got their seat after that hour is not reminded: the confirmation they just got said when.
 */
public final class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final ReminderLog reminderLog;
    private final UnitOfWork unitOfWork;
    private final Notices notices;
    private final AppConfig.Offers settings;
    private final ZoneId zone;
    private volatile LocalDate done;

    Reminders(Catalogue catalogue, Enrolments enrolments, ReminderLog reminderLog, UnitOfWork unitOfWork, Notices notices, AppConfig.Offers settings) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.reminderLog = reminderLog;
        this.unitOfWork = unitOfWork;
        this.notices = notices;
        this.settings = settings;
        this.zone = catalogue.zone();
    }

    /** Queues the reminders that are due at {@code now}; returns how many. Run by the scheduler every second or so. */
    public synchronized int remindDue(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (today.equals(done) || local.getHour() < settings.reminderHour() || settings.quiet(local.toLocalTime())) {
            return 0;
        }
        Instant remindedFrom = ZonedDateTime.of(today, LocalTime.of(settings.reminderHour(), 0), zone).toInstant();
        Instant dayStart = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant dayEnd = today.plusDays(2).atStartOfDay(zone).toInstant();
        Batch batch = new Batch();
        int queued = 0;
        for (OfferSession session : catalogue.sessions(dayStart, dayEnd)) {
            Offer offer = catalogue.find(session.offerId()).orElseThrow();
            if (!offer.signup() || session.start().toInstant().isBefore(dayStart)) {
                continue;
            }
            for (Enrolment e : enrolments.roster(offer, now).seated()) {
                boolean seatedLate = e.seatedAt() != null && !e.seatedAt().isBefore(remindedFrom);
                if (seatedLate || reminderLog.contains(e.conversationId(), session.key())) {
                    continue;
                }
                notices.stage(batch, e.conversationId(), "reminder." + offer.id() + "." + session.start().toLocalDateTime().format(TAG),
                        language -> text(offer, session, language, now), now);
                reminderLog.record(batch, new ReminderLog.Sent(e.conversationId(), session.key(), session.start().toInstant(), now));
                queued++;
            }
        }
        prune(batch, now);
        unitOfWork.commit(batch);
        done = today;
        if (queued > 0) {
            log.info("day-before reminders queued count={} for={}", queued, today.plusDays(1));
        }
        return queued;
    }

    /** True when someone seated at {@code now} will be reminded of this meeting: its reminder time is still ahead. */
    public boolean willRemind(OfferSession session, Instant now) {
        LocalDate dayBefore = session.start().withZoneSameInstant(zone).toLocalDate().minusDays(1);
        return now.isBefore(ZonedDateTime.of(dayBefore, LocalTime.of(settings.reminderHour(), 0), zone).toInstant());
    }

    private String text(Offer offer, OfferSession session, String language, Instant now) {
        return Templates.render(catalogue.text("reminder", language), Map.of(
                "title", offer.title(language),
                "when", SessionWords.full(session.start(), now.atZone(zone), language),
                "time", SessionWords.clock(session.start().toLocalTime(), language),
                "place", offer.place()));
    }

    /** Forgets the reminders of meetings more than a week past. */
    private void prune(Batch batch, Instant now) {
        Instant before = now.minus(Duration.ofDays(7));
        reminderLog.all().stream().filter(s -> s.sessionStart().isBefore(before)).forEach(s -> reminderLog.remove(batch, s));
    }
}
