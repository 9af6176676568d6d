package no.kontakt.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import no.kontakt.privacy.Mask;
import no.kontakt.store.Batch;
import no.kontakt.store.Delivery;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what committed steps put in the outbox. Each item is marked {@code SENDING} (committed) before its
 * channel is called and removed after, so a crash in between never sends it twice: such an item is reported
 * as {@code unknown} at the next start instead. Failures that can help to retry are retried with backoff.
 */
public final class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ATTEMPTS = 6;

    private final Stores stores;
    private final Map<String, Sender> senders;
    private final Clock clock;

    public OutboxDispatcher(Stores stores, Map<String, Sender> senders, Clock clock) {
        this.stores = stores;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
    }

    /** At start-up: items a crash left in {@code SENDING} may have gone out; they are not sent again. */
    public int settleInterrupted() {
        int n = 0;
        for (OutboxItem item : stores.outbox().sending()) {
            Batch batch = new Batch();
            stores.outbox().remove(batch, item.id());
            stores.deliveries().report(batch, new Delivery(item.messageId(), null, "unknown", "interrupted", clock.instant()));
            stores.commit(batch);
            log.warn("outbox item interrupted by a crash is not resent id={} to={}", item.id(), Mask.phone(item.to()));
            n++;
        }
        return n;
    }

    /** Sends every item that is due; returns how many were handed to a channel. */
    public synchronized int dispatchDue() {
        int sent = 0;
        for (OutboxItem item : stores.outbox().due(clock.instant(), 200)) {
            if (send(item)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(OutboxItem item) {
        Sender sender = senders.get(item.channel());
        Batch mark = new Batch();
        OutboxItem sending = item.sending();
        stores.outbox().put(mark, sending);
        stores.commit(mark);
        Batch done = new Batch();
        Instant now = clock.instant();
        try {
            if (sender == null) {
                throw new Sender.SendException("no sender for channel " + item.channel(), false, null);
            }
            String providerId = sender.send(new OutboundMessage(item.messageId(), item.to(), item.body()));
            stores.outbox().remove(done, item.id());
            stores.deliveries().report(done, new Delivery(item.messageId(), providerId, "queued", null, now));
            StatsRecorder.segments(stores.stats(), done, now, item.channel(), java.util.List.of(item.body()));
            stores.commit(done);
            return true;
        } catch (Sender.SendException e) {
            if (e.retryable() && sending.attempts() < MAX_ATTEMPTS) {
                Duration wait = Duration.ofSeconds(5L << Math.min(sending.attempts(), 10));
                stores.outbox().put(done, sending.retryAt(now.plus(wait)));
                log.warn("send failed, retrying in {} id={} to={}: {}", wait, item.id(), Mask.phone(item.to()), e.getMessage());
            } else {
                stores.outbox().remove(done, item.id());
                stores.deliveries().report(done, new Delivery(item.messageId(), null, "failed", "send: " + e.getMessage(), now));
                log.error("send failed for good id={} to={}: {}", item.id(), Mask.phone(item.to()), e.getMessage());
            }
            stores.commit(done);
            return false;
        }
    }
}
