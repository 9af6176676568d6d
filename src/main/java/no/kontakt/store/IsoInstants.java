package no.kontakt.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as the stored values and API bodies write them ({@code 2026-03-01T12:00:00.123Z}, what {@link Instant#toString}
 * gives), written and read without {@code DateTimeFormatter}: every stored record holds a few, and the formatter showed
 * in the profile of the webhook. Years 1970 to 9999 in UTC take the short way; anything else (an offset, a number, a
 * leap second, another year) goes to Jackson's own {@link InstantDeserializer} and {@link Instant#toString}, so what is
 * read and written is the same as before.
 */
final class IsoInstants {
    /** 9999-12-31T23:59:59Z: the last second with four digits of year. */
    private static final long MAX_SECOND = 253_402_300_799L;

    private IsoInstants() {}

    static SimpleModule module() {
        return new SimpleModule("iso-instants").addSerializer(Instant.class, new Writer()).addDeserializer(Instant.class, new Reader());
    }

    /** {@code at} exactly as {@link Instant#toString} writes it. */
    static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < 0 || seconds > MAX_SECOND) {
            return at.toString();
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        int nano = at.getNano();
        char[] out = new char[30];
        int n = 0;
        n = digits(out, n, date.getYear(), 4);
        out[n++] = '-';
        n = digits(out, n, date.getMonthValue(), 2);
        out[n++] = '-';
        n = digits(out, n, date.getDayOfMonth(), 2);
        out[n++] = 'T';
        n = digits(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay % 60, 2);
        if (nano > 0) {
            out[n++] = '.';
            if (nano % 1_000_000 == 0) {
                n = digits(out, n, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                n = digits(out, n, nano / 1_000, 6);
            } else {
                n = digits(out, n, nano, 9);
            }
        }
        out[n++] = 'Z';
        return new String(out, 0, n);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** {@code text} when it is {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with a valid date and time; null for anything else. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 1970 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nano = number(text, 20, fraction);
            if (nano < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nano *= 10;
            }
        } else if (length != 20) {
            return null;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number of {@code width} digits at {@code from}, or -1 when one of them is not a digit. */
    private static int number(String text, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Writer extends StdSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer.INSTANCE.serialize(value, gen, provider);
            } else {
                gen.writeString(format(value));
            }
        }
    }

    private static final class Reader extends StdDeserializer<Instant> {
        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parse(p.getText().trim());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
