package no.kontakt.store;

import java.util.List;
import java.util.Map;

/** Texts staff can send with one click, edited by admins. */
public interface CannedReplyStore {
    /** A text staff can send with one click, in each language, edited by admins. */
    record CannedReply(String id, Map<String, String> texts) {}

    /** Every canned reply, by id. */
    List<CannedReply> cannedReplies();

    void saveCanned(Batch batch, CannedReply reply);

    void removeCanned(Batch batch, String id);
}
