package no.kontakt.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark sends: many distinct citizens, each in a six-message conversation down the contact path
 * (greeting → menu 1 → a topic in free text → call or SMS → a time window → a first name, which creates the
 * contact request), in the five languages in turn, each from a number of its country. Every request is a
 * signed Twilio webhook with a MessageSid of its own.
 */
final class Traffic {
    /** One language's conversation: the sender's number prefix, the eight messages, and a word the last reply holds. */
    record Script(String language, String prefix, int digits, List<String> messages, String confirmation) {}

    static final List<Script> SCRIPTS = List.of(
            new Script("nb", "+479", 7, List.of("hei", "1", "Jeg sover dårlig og er bekymret", "1", "etter 16", "Kari", "0", "0"), "AVBRYT"),
            new Script("nn", "+474", 7, List.of("hei", "1", "Eg er lei meg og søv dårleg", "ring meg", "etter 16", "Ingrid", "0", "0"), "AVBRYT"),
            new Script("sv", "+4670", 7, List.of("hej", "1", "Jag mår dåligt och sover illa", "ring mig", "i morgon förmiddag", "Sara", "0", "0"), "AVBRYT"),
            new Script("da", "+452", 7, List.of("hej", "1", "Jeg har det svært og sover dårligt", "ring til mig", "efter kl 15", "Mette", "0", "0"), "AFBRYD"),
            new Script("en", "+447", 9, List.of("hello", "1", "I feel low and cannot sleep", "call me", "after 4pm", "Sam", "0", "0"), "CANCEL"));
    static final int STEPS = 8;
    /** Conversations numbered below this are the loader's; the traffic's start here. */
    static final long FIRST_LIVE = 5_000_000;
    static final String TO = "+4759440000";

    private final TwilioSigner signer;
    private final AtomicLong sids;
    private final AtomicLong conversations;

    Traffic(TwilioSigner signer, long firstConversation) {
        this.signer = signer;
        this.sids = new AtomicLong(System.nanoTime() & 0xffff_ffffL);
        this.conversations = new AtomicLong(firstConversation);
    }

    static Script script(long conversation) {
        return SCRIPTS.get((int) (conversation % SCRIPTS.size()));
    }

    /** The sender of the n-th conversation: languages take turns, numbers never repeat. */
    static String number(long conversation) {
        Script s = script(conversation);
        return s.prefix() + String.format("%0" + s.digits() + "d", conversation / SCRIPTS.size());
    }

    /** A conversation no one has started yet. */
    long newConversation() {
        return conversations.getAndIncrement();
    }

    /** Reserves {@code count} conversations in a row; returns the first. */
    long reserve(long count) {
        return conversations.getAndAdd(count);
    }

    /** The signed webhook of one message: extra header lines and the form body. */
    record Request(String headers, byte[] body) {}

    Request request(long conversation, int step) {
        String sid = "SM" + String.format("%032x", sids.incrementAndGet());
        Map<String, String> fields = TwilioSigner.sms(sid, number(conversation), TO, script(conversation).messages().get(step));
        return new Request("Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: " + signer.sign(fields) + "\r\n",
                TwilioSigner.form(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** True when the reply to the last message is the confirmation of a contact request. */
    static boolean confirmed(long conversation, String twiml) {
        return twiml.contains(script(conversation).confirmation());
    }
}
