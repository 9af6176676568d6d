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
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.StatsStore;
import no.kontakt.store.UnitOfWork;
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

    private final DeliveryStore deliveryStore;
    private final OutboxStore outboxStore;
    private final StatsStore statsStore;
    private final UnitOfWork unitOfWork;
    private final Map<String, Sender> senders;
    private final Clock clock;

    public OutboxDispatcher(DeliveryStore deliveryStore, OutboxStore outboxStore, StatsStore statsStore, UnitOfWork unitOfWork, Map<String, Sender> senders, Clock clock) {
        this.deliveryStore = deliveryStore;
        this.outboxStore = outboxStore;
        this.statsStore = statsStore;
        this.unitOfWork = unitOfWork;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
    }

    /** At start-up: items a crash left in {@code SENDING} may have gone out; they are not sent again. */
    public int settleInterrupted() {
        int n = 0;
        for (OutboxItem item : outboxStore.sending()) {
            Batch batch = new Batch();
            outboxStore.remove(batch, item.id());
            deliveryStore.report(batch, new Delivery(item.messageId(), null, "unknown", "interrupted", clock.instant()));
            unitOfWork.commit(batch);
            log.warn("outbox item interrupted by a crash is not resent id={} to={}", item.id(), Mask.phone(item.to()));
            n++;
        }
        return n;
    }

    /** Sends every item that is due; returns how many were handed to a channel. */
    public synchronized int dispatchDue() {
        int sent = 0;
        for (OutboxItem item : outboxStore.due(clock.instant(), 200)) {
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
        outboxStore.put(mark, sending);
        unitOfWork.commit(mark);
        Batch done = new Batch();
        Instant now = clock.instant();
        try {
            if (sender == null) {
                throw new Sender.SendException("no sender for channel " + item.channel(), false, null);
            }
            String providerId = sender.send(new OutboundMessage(item.messageId(), item.to(), item.body()));
            outboxStore.remove(done, item.id());
            deliveryStore.report(done, new Delivery(item.messageId(), providerId, "queued", null, now));
            StatsRecorder.segments(statsStore, done, now, item.channel(), java.util.List.of(item.body()));
            unitOfWork.commit(done);
            return true;
        } catch (Sender.SendException e) {
            if (e.retryable() && sending.attempts() < MAX_ATTEMPTS) {
                Duration wait = Duration.ofSeconds(5L << Math.min(sending.attempts(), 10));
                outboxStore.put(done, sending.retryAt(now.plus(wait)));
                log.warn("send failed, retrying in {} id={} to={}: {}", wait, item.id(), Mask.phone(item.to()), e.getMessage());
            } else {
                outboxStore.remove(done, item.id());
                deliveryStore.report(done, new Delivery(item.messageId(), null, "failed", "send: " + e.getMessage(), now));
                log.error("send failed for good id={} to={}: {}", item.id(), Mask.phone(item.to()), e.getMessage());
            }
            unitOfWork.commit(done);
            return false;
        }
    }
}
