package no.kontakt.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import no.kontakt.privacy.Mask;
import no.kontakt.store.Batch;
import no.kontakt.store.ClusterLocks;
import no.kontakt.store.InProcessLocks;
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
 *
 * <p>Each item is claimed with its lock ({@code outbox:<id>}, every instance on the store respects it) and read again
 * under it: an item another instance sent or is sending is skipped, so each item goes out once. The lock is held until
 * the send is recorded; an item found {@code SENDING} whose lock is free was left by an instance that died (its lock
 * ended with its connection) and is settled, never resent.
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
    private final ClusterLocks locks;

    public OutboxDispatcher(DeliveryStore deliveryStore, OutboxStore outboxStore, StatsStore statsStore, UnitOfWork unitOfWork, Map<String, Sender> senders, Clock clock) {
        this(deliveryStore, outboxStore, statsStore, unitOfWork, senders, clock, new InProcessLocks());
    }

    public OutboxDispatcher(DeliveryStore deliveryStore, OutboxStore outboxStore, StatsStore statsStore, UnitOfWork unitOfWork, Map<String, Sender> senders, Clock clock,
                            ClusterLocks locks) {
        this.locks = locks;
        this.deliveryStore = deliveryStore;
        this.outboxStore = outboxStore;
        this.statsStore = statsStore;
        this.unitOfWork = unitOfWork;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
    }

    /**
     * Items a crash left in {@code SENDING} may have gone out; they are not sent again. At start-up, and (where instances
     * share the store) now and then: an item whose lock is held is being sent by a live instance and is left alone.
     */
    public int settleInterrupted() {
        int n = 0;
        for (OutboxItem found : outboxStore.sending()) {
            Optional<ClusterLocks.Held> claim = locks.tryLock(key(found.id()));
            if (claim.isEmpty()) {
                continue;
            }
            try (ClusterLocks.Held held = claim.get()) {
                Optional<OutboxItem> item = outboxStore.find(found.id()).filter(i -> i.state() == OutboxItem.State.SENDING);
                if (item.isEmpty()) {
                    continue;
                }
                Batch batch = new Batch();
                outboxStore.remove(batch, found.id());
                deliveryStore.report(batch, new Delivery(found.messageId(), null, "unknown", "interrupted", clock.instant()));
                unitOfWork.commit(batch);
            }
            log.warn("outbox item interrupted by a crash is not resent id={} to={}", found.id(), Mask.phone(found.to()));
            n++;
        }
        return n;
    }

    /** Sends every item that is due and not claimed by another instance; returns how many were handed to a channel. */
    public synchronized int dispatchDue() {
        int sent = 0;
        for (OutboxItem due : outboxStore.due(clock.instant(), 200)) {
            Optional<ClusterLocks.Held> claim = locks.tryLock(key(due.id()));
            if (claim.isEmpty()) {
                continue; // another instance is sending it
            }
            try (ClusterLocks.Held held = claim.get()) {
                // read again under the claim, where instances share the store: unchanged since listed, or skipped
                Optional<OutboxItem> item = !locks.shared() ? Optional.of(due) : outboxStore.find(due.id())
                        .filter(i -> i.state() == OutboxItem.State.PENDING && i.attempts() == due.attempts());
                if (item.isPresent() && send(item.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static String key(String itemId) {
        return "outbox:" + itemId;
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
