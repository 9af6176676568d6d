package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Every provider message id received, with what was answered: the de-duplication index. */
public interface InboundLog {
    Optional<InboundReceipt> find(String messageSid);

    /**
     * Records the receipt of a message id not seen before: when the id exists (another step recorded it, perhaps on
     * another instance, even at the same moment) the whole batch is refused with {@link DuplicateKeyException}.
     */
    void record(Batch batch, InboundReceipt receipt);

    /** Replaces the receipt of a message id already recorded (erasure blanks it). */
    void replace(Batch batch, InboundReceipt receipt);

    /** Every stored inbound message id, sorted (for reconciling with Twilio's message log). */
    List<String> messageSids();

    long count();

    /** The receipts of one conversation (a scan: for erasure, which is rare). */
    List<InboundReceipt> ofConversation(String conversationId);
}
