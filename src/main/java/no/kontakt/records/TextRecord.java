package no.kontakt.records;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.kontakt.privacy.Mask;
import no.kontakt.store.Appointment;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.ConversationEvent;
import no.kontakt.store.Message;
import no.kontakt.store.MessageStore;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.EventLog;
import no.kontakt.store.AppointmentStore;

/**
 * A conversation as plain text for the journal: a short header, then every message, staff note, contact request
 * and appointment in time order, one per line ("24.11.2026 10:00  Innbygger: hei"). The number stays masked.
 */
public final class TextRecord {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageStore messageStore;
    private final ContactRequestStore contactRequestStore;
    private final EventLog eventLog;
    private final AppointmentStore appointmentStore;
    private final ZoneId zone;
    private final String unit;

    public TextRecord(MessageStore messageStore, ContactRequestStore contactRequestStore, EventLog eventLog, AppointmentStore appointmentStore, ZoneId zone, String unit) {
        this.messageStore = messageStore;
        this.contactRequestStore = contactRequestStore;
        this.eventLog = eventLog;
        this.appointmentStore = appointmentStore;
        this.zone = zone;
        this.unit = unit;
    }

    private record Line(Instant at, String text) {}

    public String of(Conversation c, String exportedBy, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("Samtale fra Kontakt (").append(unit).append(")\n");
        out.append("Samtale-ID: ").append(c.id()).append('\n');
        out.append("Kanal: ").append("sms".equals(c.channel()) ? "SMS " + Mask.phone(c.address()) : "nettprat")
                .append(", språk: ").append(c.language() == null ? "-" : c.language()).append('\n');
        out.append("Startet: ").append(when(c.createdAt())).append(", status: ").append(c.status()).append('\n');
        out.append("Eksportert: ").append(when(now)).append(" av ").append(exportedBy).append(" (tider i ").append(zone.getId()).append(")\n\n");
        List<Line> lines = new ArrayList<>();
        for (Message m : messageStore.ofConversation(c.id())) {
            lines.add(new Line(m.at(), who(m.author()) + ": " + oneLine(m.body())));
        }
        for (ConversationEvent e : eventLog.events(c.id())) {
            if ("note".equals(e.type())) {
                lines.add(new Line(e.at(), "Notat (" + e.actor().replaceFirst("^staff:", "") + "): " + oneLine(e.detail().getOrDefault("text", ""))));
            } else if ("close".equals(e.type())) {
                lines.add(new Line(e.at(), "Avsluttet (" + e.actor().replaceFirst("^staff:", "") + "): " + e.detail().getOrDefault("outcome", "")));
            }
        }
        for (ContactRequest r : contactRequestStore.ofConversation(c.id())) {
            lines.add(new Line(r.createdAt(), "Ønsker kontakt på " + ("sms".equals(r.channel()) ? "SMS" : "telefon")
                    + (r.windowText() == null ? "" : ", " + r.windowText()) + (r.topic() == null ? "" : ", tema: " + r.topic())
                    + " (" + r.status() + ")"));
        }
        for (Appointment a : appointmentStore.appointments(c.id())) {
            lines.add(new Line(a.createdAt(), "Time avtalt " + when(a.startsAt()) + (a.place() == null ? "" : ", " + a.place())
                    + (a.with() == null ? "" : ", med " + a.with()) + ", svar: " + answer(a) + (a.reason() == null ? "" : " (" + a.reason() + ")")));
        }
        lines.sort(Comparator.comparing(Line::at));
        lines.forEach(l -> out.append(when(l.at())).append("  ").append(l.text()).append('\n'));
        return out.toString();
    }

    private String when(Instant at) {
        return at.atZone(zone).format(WHEN);
    }

    private static String answer(Appointment a) {
        return a.answer() == null ? "ikke svart" : "yes".equals(a.answer()) ? "ja" : "nei";
    }

    static String who(String author) {
        if (author == null || "bot".equals(author)) {
            return author == null ? "Ukjent" : "Kontakt (bot)";
        }
        return "citizen".equals(author) ? "Innbygger" : author.replaceFirst("^staff:", "") + " (ansatt)";
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\n                  ");
    }
}
