package no.kontakt.channel.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.limits.RateLimiter;

/**
 * Which risk flags from the anonymous web chat may page the on-call team. Anyone can open chat sessions, so without
 * this one person could make the on-call phones ring again and again. A chat session pages at most once an hour,
 * and one address at most {@code perAddress} times an hour. Beyond that nothing changes for the citizen: the
 * emergency numbers are sent and the conversation is marked urgent in the inbox as always; only the SMS to the
 * on-call phones is left out. SMS conversations (a real number, paid for) are never held back here.
 */
public final class ChatAlerts {
    private static final int REMEMBERED = 10_000;

    private final RateLimiter perSession;
    private final RateLimiter perAddress;
    private final Map<String, String> addressOf = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param perAddress pages an hour from one address; 0 switches the limits off (every flag pages) */
    public ChatAlerts(int perAddress, Clock clock) {
        this.perSession = new RateLimiter(perAddress == 0 ? 0 : 1, Duration.ofHours(1), clock);
        this.perAddress = new RateLimiter(perAddress, Duration.ofHours(1), clock);
    }

    /** The web conversation's message came from this client address (its rate-limit key). */
    public void from(String conversationId, String address) {
        addressOf.put(conversationId, address);
    }

    /** Whether this urgent conversation may page the on-call phones now. */
    public boolean mayPage(String conversationId) {
        String address = addressOf.get(conversationId);
        if (address == null) {
            return true; // not from the web chat
        }
        boolean session = perSession.hit(conversationId).allowed();
        return perAddress.hit(address).allowed() && session;
    }
}
