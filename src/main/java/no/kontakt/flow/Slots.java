package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the contact request's slots from one message in nb, nn, da, sv or en: the channel (call or SMS, negation
 * understood: "ikke ring meg, send sms" is SMS), the time window in free words ("etter jobb", "i morgen formiddag"),
 * and a first name or a wish to stay anonymous. Pure and fast: no I/O, no state, microseconds per message.
 *
 * <p>A message that answers a question ({@code asked}) is read more freely for that slot: a bare "14" is a time and
 * a bare "Kari" a name only as the answer to the window or name question; "nei" is anonymous only at the name
 * question. Without {@code asked} ("kan noen ringe meg i morgen" as the first message) only clear phrases count.
 */
public final class Slots {
    private Slots() {}

    /** The slots a free message fills, asked for nothing, with no opening hours known. */
    public static SlotValues extract(String text, String language, ZonedDateTime now) {
        return extract(text, language, now, null, OpeningHours.UNKNOWN);
    }

    /**
     * The slots {@code text} fills. {@code asked} is the slot the last question asked for, or null; {@code hours}
     * settles "når dere er åpne" / "when you're open" (the current or next opening period); {@code now} is the
     * unit's clock, in the unit's zone.
     */
    public static SlotValues extract(String text, String language, ZonedDateTime now, Slot asked,
                                     OpeningHours hours) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(hours, "hours");
        if (text.isBlank()) {
            return SlotValues.none();
        }
        Optional<String> channel = ChannelReader.read(text, language, asked == Slot.CHANNEL);
        Optional<WindowReader.Found> window = WindowReader.read(text, language, now, hours, asked == Slot.WINDOW,
                channel.isPresent());
        NameReader.Answer who = NameReader.read(text, language, asked == Slot.NAME);
        return new SlotValues(channel, window.map(WindowReader.Found::window), window.map(WindowReader.Found::words),
                who.name(), who.anonymous());
    }

    /**
     * The first name in {@code text} when it is a plausible answer to "what is your name?" ("Kari", "kari",
     * "Ola Nordmann" → "Ola", "jeg heter Kari", "I'm Kari"), else empty: never from a risk message, a question, an
     * insult, a time, a channel word, a yes or no, or a wish to stay anonymous.
     */
    public static Optional<String> plausibleName(String text, String language) {
        Objects.requireNonNull(text, "text");
        return NameReader.read(text, language, true).name();
    }

    /**
     * True when {@code text} answers a slot question (a time window, a channel, a yes or no, anonymous) rather than
     * saying something in free words: a topic step can refuse "etter 16" or "sms" as the topic with it.
     */
    public static boolean isSlotAnswer(String text, String language, ZonedDateTime now) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        if (YesNo.parse(text, language).isPresent()) {
            return true;
        }
        int words = Text.words(text).size();
        if (words > 6) {
            return false;
        }
        return ChannelReader.read(text, language, true).isPresent()
                || TimeWindowParser.parse(text, language, now).isPresent()
                || NameReader.read(text, language, true).anonymous();
    }

    /**
     * The window in plain words in {@code language}, as the confirmation repeats it: "i morgen etter kl. 16",
     * "i morgon efter kl. 16", "tomorrow after 4 pm", "så snart som mulig". {@code now} is the unit's clock.
     */
    public static String describe(TimeWindow window, String language, ZonedDateTime now) {
        return WindowText.describe(window, language, now);
    }
}
