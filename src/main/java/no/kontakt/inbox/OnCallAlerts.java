package no.kontakt.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.hours.Hours;
import no.kontakt.privacy.Mask;
import no.kontakt.store.Batch;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the on-call phones during ambulant hours with the minimum — how many urgent conversations wait in the
 * inbox, never who or what — through the outbox, in the batch of the step that decided it. Alerts are coalesced:
 * a phone gets at most one SMS per {@code interval}; urgent conversations in between are counted and sent as
 * one SMS when the interval has passed ({@link #flush}), each conversation once. Every conversation stays urgent in the inbox whatever
 * the phones were sent; the count lives in memory, so a restart may at worst send one SMS early.
 */
public final class OnCallAlerts {
    private static final Logger log = LoggerFactory.getLogger(OnCallAlerts.class);
    static final String TEXT = "Kontakt: ny hastesak. Åpne innboksen.";
    static final String TEXT_MANY = "Kontakt: %d nye hastesaker. Åpne innboksen.";

    private final OutboxStore outbox;
    private final Hours ambulant;
    private final List<String> phones;
    private final Duration interval;
    /** Per on-call phone: when it was last sent an alert, and how many urgent conversations came since. */
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, java.util.Set<String>> waiting = new HashMap<>();

    public OnCallAlerts(OutboxStore outbox, Hours ambulant, List<String> phones) {
        this(outbox, ambulant, phones, Duration.ZERO);
    }

    /** @param interval at most one SMS per phone in this time; zero sends one for every urgent conversation */
    public OnCallAlerts(OutboxStore outbox, Hours ambulant, List<String> phones, Duration interval) {
        this.outbox = outbox;
        this.ambulant = ambulant;
        this.phones = List.copyOf(phones);
        this.interval = interval;
    }

    public boolean onDuty(Instant now) {
        return ambulant.isOpen(now);
    }

    /** One more urgent conversation: stages an SMS to each on-call phone whose interval has passed; returns how many. */
    public synchronized int alert(Batch batch, Instant now, String key) {
        if (!onDuty(now)) {
            return 0;
        }
        int staged = 0;
        for (String phone : phones) {
            java.util.Set<String> counted = waiting.computeIfAbsent(phone, p -> new java.util.HashSet<>());
            counted.add(key); // one conversation counts once per interval, however often it becomes urgent again
            if (due(phone, now)) {
                send(batch, now, key, phone, counted.size());
                staged++;
            }
        }
        return staged;
    }

    /** Sends the counted alerts whose interval has passed (off duty too: they were counted on duty); returns how many. */
    public synchronized int flush(Batch batch, Instant now) {
        int staged = 0;
        for (String phone : phones) {
            int count = waiting.getOrDefault(phone, java.util.Set.of()).size();
            if (count > 0 && due(phone, now)) {
                send(batch, now, "flush", phone, count);
                staged++;
            }
        }
        return staged;
    }

    private boolean due(String phone, Instant now) {
        Instant last = lastSent.get(phone);
        return last == null || interval.isZero() || !now.isBefore(last.plus(interval));
    }

    private void send(Batch batch, Instant now, String key, String phone, int count) {
        String id = "alert/" + String.format("%015d", now.toEpochMilli()) + "/" + key + "/" + phone.substring(phone.length() - 4);
        String text = count == 1 ? TEXT : String.format(TEXT_MANY, count);
        Outgoing.toPhone(batch, outbox, id, phone, text, now);
        lastSent.put(phone, now);
        waiting.remove(phone);
        log.info("on-call alerted to={} urgent={}", Mask.phone(phone), count);
    }
}
