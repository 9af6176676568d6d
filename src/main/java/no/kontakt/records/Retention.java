package no.kontakt.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.Erasure;
import no.kontakt.offers.Catalogue;
import no.kontakt.offers.Offer;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.Enrolment;
import no.kontakt.store.Indexes;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.StatsStore;
import no.kontakt.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data only as long as the service needs it: closed conversations are erased whole after
 * {@code retention.closed_conversation_days} without a message, and the enrolments of an offer whose last
 * meeting ended more than {@code retention.finished_enrolment_days} ago are deleted. Urgent or open
 * conversations are never touched. The audit trail and the statistics keep only pseudonyms and counts.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int PAGE = 500;

    private final ConversationStore conversationStore;
    private final EnrolmentStore enrolmentStore;
    private final StatsStore statsStore;
    private final UnitOfWork unitOfWork;
    private final Erasure erasure;
    private final ConversationService conversations;
    private final Catalogue catalogue;
    private final AppConfig.Retention settings;
    private final Clock clock;

    public Retention(ConversationStore conversationStore, EnrolmentStore enrolmentStore, StatsStore statsStore, UnitOfWork unitOfWork, Erasure erasure, ConversationService conversations, Catalogue catalogue, AppConfig.Retention settings, Clock clock) {
        this.conversationStore = conversationStore;
        this.enrolmentStore = enrolmentStore;
        this.statsStore = statsStore;
        this.unitOfWork = unitOfWork;
        this.erasure = erasure;
        this.conversations = conversations;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Erases one conversation of the closed index if it is still closed with that last message (it may have been
     * reopened, written to or erased since: then only the stale entry goes). Returns 1 when it erased.
     */
    private int erase(Indexes.Closed entry, Instant now) {
        Batch batch = new Batch();
        conversationStore.forgetClosed(batch, entry);
        Conversation c = conversationStore.find(entry.conversationId()).orElse(null);
        boolean due = c != null && Conversation.CLOSED.equals(c.status()) && !c.urgent() && c.lastMessageAt().equals(entry.lastMessageAt());
        if (due) {
            erasure.stage(c.id(), batch);
            statsStore.increment(batch, "retention_deleted", now, "conversation");
        }
        unitOfWork.commit(batch);
        return due ? 1 : 0;
    }

    /** Deletes what is due; returns how many conversations and enrolments went. */
    public int run() {
        Instant now = clock.instant();
        Instant conversationsBefore = now.minus(Duration.ofDays(settings.closedConversationDays()));
        int deleted = 0;
        for (List<Indexes.Closed> due = conversationStore.closedBefore(conversationsBefore, PAGE); !due.isEmpty();
             due = due.size() < PAGE ? List.of() : conversationStore.closedBefore(conversationsBefore, PAGE)) {
            for (Indexes.Closed entry : due) {
                deleted += conversations.locked(entry.conversationId(), () -> erase(entry, now));
            }
        }
        Instant enrolmentsBefore = now.minus(Duration.ofDays(settings.finishedEnrolmentDays()));
        for (Offer offer : catalogue.offers()) {
            boolean finished = catalogue.sessions(offer, enrolmentsBefore, now.plus(Duration.ofDays(3650))).isEmpty();
            if (!finished) {
                continue;
            }
            Batch batch = new Batch();
            for (Enrolment e : enrolmentStore.ofOffer(offer.id())) {
                enrolmentStore.remove(batch, e);
                deleted++;
            }
            unitOfWork.commit(batch);
        }
        if (deleted > 0) {
            log.info("retention deleted={}", deleted);
        }
        return deleted;
    }
}
