package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Every provider message id received, with what was answered: the de-duplication index. */
public interface InboundLog {
    Optional<InboundReceipt> find(String messageSid);

    void record(Batch batch, InboundReceipt receipt);

    /** Every stored inbound message id, sorted (for reconciling with Twilio's message log). */
    List<String> messageSids();

    long count();

    /** The receipts of one conversation (a scan: for erasure, which is rare). */
    List<InboundReceipt> ofConversation(String conversationId);
}
