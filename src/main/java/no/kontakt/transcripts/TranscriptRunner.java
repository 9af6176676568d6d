package no.kontakt.transcripts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.channel.InboundMessage;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import no.kontakt.conversation.ConversationService;
import no.kontakt.flow.Event;
import no.kontakt.flow.Library;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.flow.Session;
import no.kontakt.store.Conversation;
import no.kontakt.store.Json;

/**
 * Replays a transcript in a {@link Sandbox} of its own — an in-memory store, a clock the transcript moves, a
 * sender that keeps what it is given — and reports every difference from what the transcript expects, with
 * the transcript's name and turn. The test suite and a publish both use it; it never touches real data. The
 * sandbox shares the process's trained NLU and compiled scripts: a replay builds only the cheap per-transcript parts.
 */
public final class TranscriptRunner {
    private final Sandbox.Factory sandboxes;

    /**
     * What a replay gave: the transcript with the texts actually sent, every difference found, and the same
     * differences per turn (one list a turn, in order) and for the state at the end.
     */
    public record Result(Transcript actual, List<String> failures, List<List<String>> turnFailures, List<String> endFailures) {
        public Result(Transcript actual, List<String> failures) {
            this(actual, failures, List.of(), List.of());
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public TranscriptRunner(Sandbox.Factory sandboxes) {
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
    }

    /** Replays {@code transcript} against these scripts and intent examples (a draft, for a publish). */
    public Result replay(Transcript transcript, Library library, IntentExamples intents) {
        try (Replay replay = new Replay(transcript, sandboxes, library, intents)) {
            return replay.run();
        }
    }

    /** One replay: the transcript, its clock, what the bot sent, and the sandbox it runs in. */
    private static final class Replay implements AutoCloseable {
        private final Transcript transcript;
        private final MovingClock clock;
        private final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());
        private final Sandbox sandbox;
        private final List<String> actions = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong sids = new AtomicLong();

        Replay(Transcript transcript, Sandbox.Factory sandboxes, Library library, IntentExamples intents) {
            this.transcript = transcript;
            this.clock = new MovingClock(transcript.start().toInstant());
            Sender sms = message -> {
                sent.add(message);
                return "SMtranscript" + sent.size();
            };
            this.sandbox = sandboxes.open(library, intents, transcript.language(), clock, sms);
            sandbox.conversations().listen((id, events) -> events.forEach(e -> {
                if (e instanceof Event.ActionRequested a) {
                    actions.add(a.action());
                }
            }));
        }

        Result run() {
            List<String> failures = new ArrayList<>();
            List<Transcript.Turn> actualTurns = new ArrayList<>();
            List<List<String>> turnFailures = new ArrayList<>();
            ConversationService conversations = sandbox.conversations();
            int n = 0;
            for (Transcript.Turn turn : transcript.turns()) {
                n++;
                List<String> got;
                if (turn.in() != null) {
                    got = conversations.receive(new InboundMessage("sms", "SMtranscript" + sids.incrementAndGet(),
                            turn.from() == null ? from() : turn.from(), "+4759440000",
                            turn.in(), 0, clock.instant())).texts();
                } else {
                    if (turn.waitFor() != null) {
                        clock.advance(duration(turn.waitFor()));
                    } else if (turn.at() != null) {
                        clock.set(turn.at().toInstant());
                    }
                    sandbox.tick();
                    got = drain();
                }
                String where = transcript.name() + ", turn " + n + (turn.in() == null ? "" : " ('" + turn.in() + "')");
                int before = failures.size();
                if (turn.out() != null && !turn.out().equals(got)) {
                    failures.add(where + ": expected " + turn.out() + " but the bot sent " + got);
                }
                String all = String.join("\n", got);
                for (String part : turn.contains() == null ? List.<String>of() : turn.contains()) {
                    if (!all.contains(part)) {
                        failures.add(where + ": expected a text containing '" + part + "' but the bot sent " + got);
                    }
                }
                for (String part : turn.notContains() == null ? List.<String>of() : turn.notContains()) {
                    if (all.contains(part)) {
                        failures.add(where + ": the bot sent '" + part + "', which it must not: " + got);
                    }
                }
                turnFailures.add(List.copyOf(failures.subList(before, failures.size())));
                actualTurns.add(new Transcript.Turn(turn.from(), turn.in(), turn.waitFor(), turn.at(),
                        turn.out() != null || turn.contains() == null ? got : null, turn.contains(), turn.notContains()));
            }
            List<String> endFailures = new ArrayList<>();
            if (transcript.end() != null) {
                checkEnd(transcript.end(), endFailures);
            }
            failures.addAll(endFailures);
            return new Result(new Transcript(transcript.name(), transcript.script(), transcript.language(), transcript.from(),
                    transcript.start(), actualTurns, transcript.end()), failures, turnFailures, endFailures);
        }

        private void checkEnd(Transcript.End end, List<String> failures) {
            String id = sandbox.conversations().conversationId("sms", from());
            Conversation c = sandbox.stores().conversations().find(id).orElse(null);
            Session session = c == null ? null : session(c);
            String where = transcript.name() + ", at the end: ";
            if (end.step() != null) {
                String expected = end.step().contains(".") ? end.step() : transcript.script() + "." + end.step();
                String actual = session == null || session.current() == null ? null : session.current().script() + "." + session.current().step();
                check(failures, where + "step", expected, actual);
            }
            if (end.ended() != null) {
                check(failures, where + "ended", end.ended(), session != null && session.ended());
            }
            if (end.vars() != null) {
                Map<String, String> vars = session == null ? Map.of() : new TreeMap<>(session.vars());
                end.vars().forEach((k, v) -> check(failures, where + "variable " + k, v, vars.get(k)));
            }
            if (end.actions() != null) {
                check(failures, where + "actions", end.actions(), List.copyOf(actions));
            }
            if (end.status() != null) {
                check(failures, where + "status", end.status(), c == null ? null : c.status());
            }
            if (end.urgent() != null) {
                check(failures, where + "urgent", end.urgent(), c != null && c.urgent());
            }
            if (end.optedOut() != null) {
                check(failures, where + "opted out", end.optedOut(), session != null && session.optedOut());
            }
            if (end.contactRequests() != null) {
                long open = sandbox.stores().contactRequests().ofConversation(id).stream().filter(r -> "open".equals(r.status())).count();
                check(failures, where + "open contact requests", (long) end.contactRequests(), open);
            }
        }

        private static void check(List<String> failures, String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                failures.add(what + ": expected " + expected + " but was " + actual);
            }
        }

        private static Session session(Conversation c) {
            try {
                return c.session() == null ? null : Json.MAPPER.treeToValue(c.session(), Session.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private List<String> drain() {
            synchronized (sent) {
                List<String> texts = sent.stream().map(OutboundMessage::body).toList();
                sent.clear();
                return texts;
            }
        }

        private String from() {
            return transcript.from() == null ? "+4791234567" : transcript.from();
        }

        static Duration duration(String text) {
            String t = text.strip().toLowerCase();
            long n = Long.parseLong(t.replaceAll("[^0-9]", ""));
            return switch (t.replaceAll("[0-9 ]", "")) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("not a duration: " + text);
            };
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    /** A clock that stands still until the transcript moves it. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }
}
