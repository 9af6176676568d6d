package no.kontakt.offers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.kontakt.store.Enrolment;

/** Who has a seat in an offer and who waits, each in the order they were decided. */
public record Roster(List<Enrolment> seated, List<Enrolment> waiting) {
    public Roster {
        seated = List.copyOf(seated);
        waiting = List.copyOf(waiting);
    }

    static Roster of(List<Enrolment> enrolments) {
        return new Roster(enrolments.stream().filter(Enrolment::seated).toList(), enrolments.stream().filter(e -> !e.seated()).toList());
    }

    public Optional<Enrolment> find(String conversationId) {
        return Stream.concat(seated.stream(), waiting.stream())
                .filter(e -> e.conversationId().equals(conversationId)).findFirst();
    }

    /** 1-based place on the waiting list, or 0 when not waiting. */
    public int position(String conversationId) {
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).conversationId().equals(conversationId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Seats free for a capacity (null: no limit). */
    public int free(Integer capacity) {
        return capacity == null ? Integer.MAX_VALUE : Math.max(0, capacity - seated.size());
    }

    long nextSeq() {
        return Stream.concat(seated.stream(), waiting.stream()).mapToLong(Enrolment::seq).max().orElse(0) + 1;
    }
}
