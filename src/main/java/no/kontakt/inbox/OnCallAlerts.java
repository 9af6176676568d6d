package no.kontakt.inbox;

import java.time.Instant;
import java.util.List;
import no.kontakt.hours.Hours;
import no.kontakt.privacy.Mask;
import no.kontakt.store.Batch;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the on-call phones during ambulant hours with the minimum — that there is something urgent in the
 * inbox, never who or what — through the outbox, in the batch of the step that decided it.
 */
public final class OnCallAlerts {
    private static final Logger log = LoggerFactory.getLogger(OnCallAlerts.class);
    static final String TEXT = "Kontakt: ny hastehenvendelse. Åpne innboksen.";

    private final OutboxStore outbox;
    private final Hours ambulant;
    private final List<String> phones;

    public OnCallAlerts(OutboxStore outbox, Hours ambulant, List<String> phones) {
        this.outbox = outbox;
        this.ambulant = ambulant;
        this.phones = List.copyOf(phones);
    }

    public boolean onDuty(Instant now) {
        return ambulant.get().isOpen(now.atZone(ambulant.get().zone()));
    }

    /** Stages one alert per on-call phone when the team is on duty; returns how many. */
    public int alert(Batch batch, Instant now, String key) {
        if (!onDuty(now)) {
            return 0;
        }
        for (String phone : phones) {
            String id = "alert/" + String.format("%015d", now.toEpochMilli()) + "/" + key + "/" + phone.substring(phone.length() - 4);
            outbox.put(batch, new OutboxItem(id, null, id, "sms", phone, TEXT, 0, now, OutboxItem.State.PENDING, now));
            log.info("on-call alerted to={}", Mask.phone(phone));
        }
        return phones.size();
    }
}
