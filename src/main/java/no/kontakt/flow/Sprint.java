package no.kontakt.flow;

import java.util.List;

/** One run of the engine: the session afterwards and the events of the run, in order. */
public record Sprint(Session session, List<Event> events) {
    public Sprint {
        events = List.copyOf(events);
    }

    public List<String> messages() {
        return events.stream().filter(e -> e instanceof Event.MessageSent).map(e -> ((Event.MessageSent) e).text()).toList();
    }

    public Event.ActionRequested actionRequested() {
        return events.stream().filter(e -> e instanceof Event.ActionRequested).map(e -> (Event.ActionRequested) e)
                .reduce((a, b) -> b).orElse(null);
    }
}
