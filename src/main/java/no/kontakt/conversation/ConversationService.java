package no.kontakt.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import no.kontakt.channel.InboundMessage;
import no.kontakt.privacy.Mask;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import no.kontakt.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one inbound message: under the conversation's lock, de-duplicate by provider id, load, respond,
 * and commit the message, the replies and the new state in one batch — only then is the reply returned.
 */
public final class ConversationService {
    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    private static final int STRIPES = 1024;

    private final Stores stores;
    private final Pseudonyms pseudonyms;
    private final Responder responder;
    private final Clock clock;
    private final String defaultLanguage;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ConversationService(Stores stores, Pseudonyms pseudonyms, Responder responder, Clock clock, String defaultLanguage) {
        this.stores = stores;
        this.pseudonyms = pseudonyms;
        this.responder = responder;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** The id of the conversation of that channel address (a pseudonym: the address itself is not in it). */
    public String conversationId(String channel, String address) {
        return channel + "-" + pseudonyms.of(channel, address);
    }

    public Reply receive(InboundMessage in) {
        String id = conversationId(in.channel(), in.from());
        ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
        lock.lock();
        MDC.put("conversation", id);
        try {
            Optional<InboundReceipt> seen = stores.inbound().find(in.messageId());
            if (seen.isPresent()) {
                log.info("duplicate inbound message ignored sid={}", in.messageId());
                return new Reply(seen.get().replies(), seen.get().replyIds(), true);
            }
            return process(id, in);
        } finally {
            MDC.remove("conversation");
            lock.unlock();
        }
    }

    private Reply process(String id, InboundMessage in) {
        var now = clock.instant();
        Conversation conversation = stores.conversations().find(id)
                .orElseGet(() -> Conversation.start(id, in.channel(), in.from(), defaultLanguage, now));
        Batch batch = new Batch();
        String inboundId = conversation.nextMessageId();
        stores.messages().append(batch, new Message(inboundId, id, Message.Direction.IN, "citizen", in.body(), now, in.messageId()));
        conversation = conversation.withMessage(now);

        Responder.Response response = responder.respond(conversation, in);
        conversation = response.conversation();
        List<String> replyIds = new ArrayList<>();
        for (String text : response.replies()) {
            String replyId = conversation.nextMessageId();
            stores.messages().append(batch, new Message(replyId, id, Message.Direction.OUT, "bot", text, now, null));
            conversation = conversation.withMessage(now);
            replyIds.add(replyId);
        }
        stores.conversations().save(batch, conversation);
        stores.inbound().record(batch, new InboundReceipt(in.messageId(), id, inboundId, response.replies(), replyIds, now));
        stores.commit(batch);
        log.info("message handled from={} replies={}", Mask.phone(in.from()), replyIds.size());
        log.debug("message body in={} out={}", in.body(), response.replies());
        return new Reply(response.replies(), replyIds, false);
    }
}
