package no.kontakt.flow;

import java.util.Objects;
import java.util.Optional;

/**
 * What one message said about the contact request's slots: the channel ({@code "call"} or {@code "sms"}), the time
 * window and the words it came from, the first name, or a wish to stay anonymous. Every part is empty (or false) when
 * the message says nothing about it; {@code name} and {@code anonymous} are never both set.
 */
public record SlotValues(Optional<String> channel, Optional<TimeWindow> window, Optional<String> windowWords,
                         Optional<String> name, boolean anonymous) {
    public static final String CALL = "call";
    public static final String SMS = "sms";

    public SlotValues {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(windowWords, "windowWords");
        Objects.requireNonNull(name, "name");
        channel.ifPresent(c -> {
            if (!c.equals(CALL) && !c.equals(SMS)) {
                throw new IllegalArgumentException("channel must be call or sms, got " + c);
            }
        });
        if (anonymous && name.isPresent()) {
            throw new IllegalArgumentException("a name and anonymous together: " + name.get());
        }
        if (window.isEmpty() && windowWords.isPresent()) {
            throw new IllegalArgumentException("window words without a window: " + windowWords.get());
        }
    }

    /** Nothing said about any slot. */
    public static SlotValues none() {
        return new SlotValues(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** True when no slot was filled. */
    public boolean isEmpty() {
        return channel.isEmpty() && window.isEmpty() && name.isEmpty() && !anonymous;
    }
}
