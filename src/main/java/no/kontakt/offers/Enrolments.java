package no.kontakt.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.kontakt.flow.Templates;
import no.kontakt.store.Batch;
import no.kontakt.store.Enrolment;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seats and waiting lists. Joining takes a free seat or a place on the waiting list (joining again changes
 * nothing); cancelling frees the seat, and the first on the waiting list moves up and gets an SMS in the same
 * batch. Decisions about one offer are made one at a time; a decision staged in a batch that is not committed
 * yet is remembered for a minute so that a parallel conversation does not take the same seat.
 */
public final class Enrolments {
    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);
    private static final Duration UNCOMMITTED = Duration.ofMinutes(1);

    private final Catalogue catalogue;
    private final EnrolmentStore enrolmentStore;
    private final UnitOfWork unitOfWork;
    private final Notices notices;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Decisions staged but perhaps not committed: the enrolment, or null for a removal, by key. */
    private final Map<String, Decision> decided = new ConcurrentHashMap<>();

    private record Decision(String offerId, String conversationId, Enrolment enrolment, Instant at) {}

    /** What joining gave. {@code position} is the 1-based place on the waiting list (0 with a seat). */
    public record Joined(Outcome outcome, int position, boolean already) {}

    public enum Outcome { JOINED, WAITLISTED, FULL, NO_SIGNUP }

    /** What cancelling gave: the enrolment that ended, and who moved up to a seat. */
    public record Cancelled(Enrolment ended, List<Enrolment> promoted) {}

    Enrolments(Catalogue catalogue, EnrolmentStore enrolmentStore, UnitOfWork unitOfWork, Notices notices) {
        this.catalogue = catalogue;
        this.enrolmentStore = enrolmentStore;
        this.unitOfWork = unitOfWork;
        this.notices = notices;
    }

    /** Seats the conversation, or puts it on the waiting list; an offer without sign-up or upcoming meetings takes no one. */
    public Joined join(Offer offer, String conversationId, Instant now, Batch batch) {
        if (!offer.signup()) {
            return new Joined(Outcome.NO_SIGNUP, 0, false);
        }
        synchronized (lock(offer.id())) {
            Roster roster = roster(offer, now);
            Optional<Enrolment> existing = roster.find(conversationId);
            if (existing.isPresent()) {
                stage(batch, existing.get(), now);
                Enrolment e = existing.get();
                return new Joined(e.seated() ? Outcome.JOINED : Outcome.WAITLISTED, roster.position(conversationId), true);
            }
            if (catalogue.next(offer, now).isEmpty()) {
                return new Joined(Outcome.FULL, 0, false);
            }
            boolean seat = roster.free(offer.capacity()) > 0;
            if (!seat && !offer.waitingList()) {
                return new Joined(Outcome.FULL, 0, false);
            }
            Enrolment e = new Enrolment(offer.id(), conversationId, seat ? Enrolment.SEATED : Enrolment.WAITING, roster.nextSeq(), now,
                    seat ? now : null);
            stage(batch, e, now);
            log.info("offer joined offer={} seated={} waiting={}", offer.id(), seat, seat ? 0 : roster.waiting().size() + 1);
            return new Joined(seat ? Outcome.JOINED : Outcome.WAITLISTED, seat ? 0 : roster.waiting().size() + 1, false);
        }
    }

    /** Ends the conversation's enrolment in the offer, if any; a freed seat goes to the first who waits, with an SMS. */
    public Optional<Cancelled> cancel(Offer offer, String conversationId, Instant now, Batch batch) {
        synchronized (lock(offer.id())) {
            Roster roster = roster(offer, now);
            Optional<Enrolment> existing = roster.find(conversationId);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            enrolmentStore.remove(batch, existing.get());
            decided.put(existing.get().key(), new Decision(offer.id(), conversationId, null, now));
            List<Enrolment> remaining = new ArrayList<>(roster.seated());
            remaining.addAll(roster.waiting());
            remaining.remove(existing.get());
            List<Enrolment> promoted = promote(offer, Roster.of(remaining), now, batch);
            log.info("offer cancelled offer={} was_seated={} promoted={}", offer.id(), existing.get().seated(), promoted.size());
            return Optional.of(new Cancelled(existing.get(), promoted));
        }
    }

    /** Gives free seats to those who wait (after an erasure, or when the capacity was raised); commits its own batch. */
    public int settle(Instant now) {
        int moved = 0;
        for (Offer offer : catalogue.offers()) {
            if (!offer.signup()) {
                continue;
            }
            synchronized (lock(offer.id())) {
                Batch batch = new Batch();
                moved += promote(offer, roster(offer, now), now, batch).size();
                unitOfWork.commit(batch);
            }
        }
        return moved;
    }

    /** The offer's seats and waiting list as decided, including decisions not yet committed. */
    public Roster roster(Offer offer, Instant now) {
        Map<String, Enrolment> byKey = new LinkedHashMap<>();
        enrolmentStore.ofOffer(offer.id()).forEach(e -> byKey.put(e.key(), e));
        decided.values().removeIf(d -> d.at().plus(UNCOMMITTED).isBefore(now));
        decided.forEach((key, d) -> {
            if (d.offerId().equals(offer.id())) {
                if (d.enrolment() == null) {
                    byKey.remove(key);
                } else {
                    byKey.put(key, d.enrolment());
                }
            }
        });
        return Roster.of(byKey.values().stream().sorted(Comparator.comparingLong(Enrolment::seq)).toList());
    }

    /** The conversation's enrolments in the offers of the catalogue, in catalogue order. */
    public List<Enrolment> ofConversation(String conversationId, Instant now) {
        List<Enrolment> out = new ArrayList<>();
        for (Offer offer : catalogue.offers()) {
            roster(offer, now).find(conversationId).ifPresent(out::add);
        }
        return out;
    }

    private List<Enrolment> promote(Offer offer, Roster roster, Instant now, Batch batch) {
        int free = roster.free(offer.capacity());
        List<Enrolment> promoted = new ArrayList<>();
        for (Enrolment waiting : roster.waiting()) {
            if (promoted.size() >= free) {
                break;
            }
            Enrolment seated = waiting.seatedAt(now);
            stage(batch, seated, now);
            promoted.add(seated);
            notices.stage(batch, seated.conversationId(), "seat." + offer.id(), language -> promotedText(offer, language, now), now);
        }
        return promoted;
    }

    private String promotedText(Offer offer, String language, Instant now) {
        var when = catalogue.next(offer, now).map(s -> SessionWords.full(s.start(), now.atZone(catalogue.zone()), language)).orElse("");
        return Templates.render(catalogue.text("promoted", language),
                Map.of("title", offer.title(language), "when", when, "place", offer.place()));
    }

    private void stage(Batch batch, Enrolment e, Instant now) {
        enrolmentStore.save(batch, e);
        decided.put(e.key(), new Decision(e.offerId(), e.conversationId(), e, now));
    }

    private Object lock(String offerId) {
        return locks.computeIfAbsent(offerId, id -> new Object());
    }
}
