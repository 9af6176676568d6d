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
        SlotTokens tokens = SlotTokens.of(text);
        Optional<String> channel = ChannelReader.read(tokens, language, asked == Slot.CHANNEL);
        Optional<WindowReader.Found> window = WindowReader.read(text, tokens, language, now, hours,
                asked == Slot.WINDOW, channel.isPresent() || ChannelReader.mentionsContact(tokens));
        NameReader.Answer who = NameReader.read(tokens, text, language, asked == Slot.NAME);
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
     * True when {@code text} answers a slot question rather than saying something in free words: a yes or no, a short
     * channel answer ("sms", "ring meg heller"), a wish to stay anonymous, or a time that is most of the message
     * ("etter 16", "i morgen formiddag takk"). A topic step can refuse "etter 16" or "sms" as the topic with it;
     * "jeg vil snakke om sønnen min" and "angst" are topics.
     */
    public static boolean isSlotAnswer(String text, String language, ZonedDateTime now) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        if (YesNo.parse(text, language).isPresent()) {
            return true;
        }
        SlotTokens tokens = SlotTokens.of(text);
        int words = (int) tokens.words.stream().filter(w -> !w.equals(SlotTokens.BREAK)).count();
        if (words == 0 || words > 8) {
            return false;
        }
        boolean channel = words <= 5 && ChannelReader.namesChannel(tokens)
                && ChannelReader.read(tokens, language, true).isPresent();
        boolean anonymous = words <= 6 && NameReader.read(tokens, text, language, true).anonymous();
        return channel || anonymous || WindowReader.read(text, tokens, language, now, OpeningHours.UNKNOWN, true, true)
                .filter(found -> 2 * found.words().split("\\s+").length >= words).isPresent();
    }

    /**
     * The window in plain words in {@code language}, as the confirmation repeats it: "i morgen etter kl. 16",
     * "i morgon efter kl. 16", "tomorrow after 4 pm", "så snart som mulig". {@code now} is the unit's clock.
     */
    public static String describe(TimeWindow window, String language, ZonedDateTime now) {
        return WindowText.describe(window, language, now);
    }
}
