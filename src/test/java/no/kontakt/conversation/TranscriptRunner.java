package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.Kontakt;
import no.kontakt.channel.InboundMessage;
import no.kontakt.flow.Event;
import no.kontakt.flow.Session;
import no.kontakt.store.Conversation;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;

/** Runs one transcript against a real Kontakt on an in-memory store, with a clock the transcript moves. */
final class TranscriptRunner implements AutoCloseable {
    private final Transcript transcript;
    private final MutableClock clock;
    private final RecordingSender sms = new RecordingSender();
    private final Kontakt kontakt;
    private final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sids = new AtomicLong();

    TranscriptRunner(Transcript transcript) {
        this.transcript = transcript;
        this.clock = new MutableClock(transcript.start().toInstant());
        var env = TestKontakt.env(java.nio.file.Path.of("target", "transcripts"));
        this.kontakt = Kontakt.create(TestKontakt.config(env), new InMemoryStorage(), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), transcript.language()));
        kontakt.conversations().listen((id, events) -> events.forEach(e -> {
            if (e instanceof Event.ActionRequested a) {
                actions.add(a.action());
            }
        }));
    }

    /** Replays the turns; with {@code check} every expectation is asserted, else the actual texts are returned. */
    Transcript replay(boolean check) {
        List<Transcript.Turn> actualTurns = new ArrayList<>();
        int n = 0;
        for (Transcript.Turn turn : transcript.turns()) {
            n++;
            List<String> got;
            if (turn.in() != null) {
                got = kontakt.conversations().receive(new InboundMessage("sms", "SMtranscript" + sids.incrementAndGet(),
                        turn.from() == null ? from() : turn.from(), "+4759440000", turn.in(), 0, clock.instant())).texts();
            } else {
                if (turn.waitFor() != null) {
                    clock.advance(TranscriptTest.duration(turn.waitFor()));
                } else if (turn.at() != null) {
                    clock.set(turn.at().toInstant());
                }
                kontakt.conversations().fireDueTimers();
                kontakt.offers().runDue(clock.instant());
                kontakt.outbox().dispatchDue();
                got = sms.drain();
            }
            String where = transcript.name() + ", turn " + n + (turn.in() == null ? "" : " ('" + turn.in() + "')");
            if (check) {
                if (turn.out() != null) {
                    assertThat(got).as(where).containsExactlyElementsOf(turn.out());
                }
                if (turn.contains() != null) {
                    String all = String.join("\n", got);
                    for (String part : turn.contains()) {
                        assertThat(all).as(where).contains(part);
                    }
                }
                if (turn.notContains() != null) {
                    String all = String.join("\n", got);
                    for (String part : turn.notContains()) {
                        assertThat(all).as(where).doesNotContain(part);
                    }
                }
            }
            actualTurns.add(new Transcript.Turn(turn.from(), turn.in(), turn.waitFor(), turn.at(),
                    turn.out() != null || turn.contains() == null ? got : null, turn.contains(), turn.notContains()));
        }
        if (check && transcript.end() != null) {
            checkEnd(transcript.end());
        }
        return new Transcript(transcript.name(), transcript.script(), transcript.language(), transcript.from(),
                transcript.start(), actualTurns, transcript.end());
    }

    private void checkEnd(Transcript.End end) {
        String id = kontakt.conversations().conversationId("sms", from());
        Conversation c = kontakt.stores().conversations().find(id).orElse(null);
        String where = transcript.name() + ", at the end";
        Session session = c == null ? null : Turn.session(c);
        if (end.step() != null) {
            assertThat(session).as(where).isNotNull();
            assertThat(session.current() == null ? null : session.current().script() + "." + session.current().step())
                    .as(where + ": step").isEqualTo(end.step().contains(".") ? end.step() : transcript.script() + "." + end.step());
        }
        if (end.ended() != null) {
            assertThat(session != null && session.ended()).as(where + ": ended").isEqualTo(end.ended());
        }
        if (end.vars() != null) {
            assertThat(new TreeMap<>(session.vars())).as(where + ": vars").containsAllEntriesOf(end.vars());
        }
        if (end.actions() != null) {
            assertThat(actions).as(where + ": actions").containsExactlyElementsOf(end.actions());
        }
        if (end.status() != null) {
            assertThat(c.status()).as(where + ": status").isEqualTo(end.status());
        }
        if (end.urgent() != null) {
            assertThat(c.urgent()).as(where + ": urgent").isEqualTo(end.urgent());
        }
        if (end.optedOut() != null) {
            assertThat(session.optedOut()).as(where + ": opted out").isEqualTo(end.optedOut());
        }
        if (end.contactRequests() != null) {
            assertThat(kontakt.stores().contactRequests().ofConversation(id).stream()
                    .filter(r -> "open".equals(r.status())).count()).as(where + ": open contact requests").isEqualTo((long) end.contactRequests());
        }
    }

    private String from() {
        return transcript.from() == null ? "+4791234567" : transcript.from();
    }

    @Override
    public void close() {
        kontakt.close();
    }

}
