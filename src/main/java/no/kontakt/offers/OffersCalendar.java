package no.kontakt.offers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The public offers' meetings as an iCalendar feed (RFC 5545) for the municipality's website: one VEVENT per
 * meeting with a stable UID, local times with the unit's TZID and its VTIMEZONE, title, description, place and
 * organiser (CONTACT) in one language. Offers marked {@code public: false} are left out. There is no METHOD:
 * iTIP's PUBLISH would require an ORGANIZER with an e-mail address, which the catalogue does not have.
 */
public final class OffersCalendar {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private final Catalogue catalogue;
    private final String name;
    private final String uidDomain;
    private final Duration ahead;

    /**
     * @param name the calendar's name (the unit's)
     * @param uidDomain the host the UIDs end in ({@code kid-20270112T1800@sms.kommune.no})
     */
    public OffersCalendar(Catalogue catalogue, String name, String uidDomain, Duration ahead) {
        this.catalogue = catalogue;
        this.name = name;
        this.uidDomain = uidDomain;
        this.ahead = ahead;
    }

    /** The public meetings from {@code now} (those going on included) to the end of the period, in {@code language}. */
    public String render(Instant now, String language) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Kontakt//Groups and courses//" + language.toUpperCase(Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(name));
        line(out, "X-WR-TIMEZONE:" + catalogue.zone().getId());
        TimeZoneComponent.write(catalogue.zone(), now.atZone(catalogue.zone()).getYear() - 1, l -> line(out, l));
        List<OfferSession> sessions = catalogue.sessions(now, now.plus(ahead));
        for (OfferSession session : sessions) {
            Offer offer = catalogue.find(session.offerId()).orElseThrow();
            if (offer.isPublic()) {
                event(out, offer, session, now, language);
            }
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, Offer offer, OfferSession session, Instant now, String language) {
        String tzid = catalogue.zone().getId();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + offer.id() + "-" + session.start().toLocalDateTime().format(UID_TIME) + "@" + uidDomain);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART;TZID=" + tzid + ":" + local(session.start()));
        line(out, "DTEND;TZID=" + tzid + ":" + local(session.end()));
        line(out, "SUMMARY:" + text(offer.title(language)));
        String audience = offer.audience().words(language);
        line(out, "DESCRIPTION:" + text(offer.description(language) + (audience.isEmpty() ? "" : "\n" + audience + ".")));
        line(out, "LOCATION:" + text(offer.place()));
        line(out, "CONTACT:" + text(offer.organiser()));
        line(out, "CATEGORIES:" + offer.category().code().toUpperCase(Locale.ROOT));
        line(out, "STATUS:CONFIRMED");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    private String local(ZonedDateTime time) {
        return time.withZoneSameInstant(catalogue.zone()).toLocalDateTime().format(LOCAL);
    }

    /** A TEXT value: backslash, semicolon, comma and newline escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 character), ended by CRLF. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
