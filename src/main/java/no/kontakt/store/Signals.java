package no.kontakt.store;

import java.util.function.Consumer;

/**
 * Short notices between the instances that share one store: "conversation X changed", "a script was published". A
 * notice names what changed by its id and nothing else (never health data: a payload may pass through the database's
 * notification queue in the clear); the instance that hears it reads the rest from the store. Publish only after the
 * change is committed, so that whoever hears it can read it.
 *
 * <p>Every subscriber of the channel on every instance hears each notice once, the publisher's own instance included
 * (there at once, on the publisher's thread). Notices are best effort: an instance that was cut off from the database
 * may miss some, so what must converge also checks the store now and then. Subscribers must be quick (hand the work
 * to a thread of their own).
 */
public interface Signals extends AutoCloseable {
    /** The longest payload, in characters. */
    int MAX_PAYLOAD = 200;

    /** Tells the channel's subscribers on every instance; {@code channel} is lower-case letters and '_'. */
    void publish(String channel, String payload);

    /** Hears the channel's notices from now on; returns what stops it. */
    Runnable subscribe(String channel, Consumer<String> subscriber);

    @Override
    void close();

    /** Checks a channel and payload; returns the payload. */
    static String check(String channel, String payload) {
        if (channel == null || !channel.matches("[a-z_]{1,30}")) {
            throw new IllegalArgumentException("a signal channel is 1 to 30 lower-case letters or '_', not " + channel);
        }
        if (payload == null || payload.length() > MAX_PAYLOAD || payload.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a signal payload is one line of at most " + MAX_PAYLOAD + " characters (was "
                    + (payload == null ? "null" : payload.length() + " characters") + ")");
        }
        return payload;
    }
}
