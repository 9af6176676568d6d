package no.kontakt.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.wiring.Core;
import no.kontakt.channel.InboundMessage;
import no.kontakt.channel.Sender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.Reply;
import no.kontakt.store.InMemoryStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chat}: talk to the scripts in a terminal, on a temporary in-memory store. Reads stdin line by line
 * (so it can be piped) and prints each bot reply; with {@code --at} the clock starts there and runs on.
 */
@Command(name = "chat", description = "Talk to the scripts in the terminal (on a temporary store).")
public final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    ConfigFile app;

    @Option(names = "--from", description = "the citizen's number (default: ${DEFAULT-VALUE})", defaultValue = "+4791234567")
    String from;

    @Option(names = "--lang", description = "language to start in (nb, nn, da, sv, en); default: from the number")
    String language;

    @Option(names = "--at", description = "start the clock at this ISO-8601 time, e.g. 2026-11-24T10:00:00+01:00")
    OffsetDateTime at;

    @Override
    public Integer call() throws Exception {
        AppConfig config = app.loadConfig();
        if (language != null && !config.unit().languages().contains(language)) {
            System.err.println("kontakt: --lang must be one of " + config.unit().languages());
            return 2;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = at == null ? Clock.systemUTC() : offsetClock(at.toInstant());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Sender printer = message -> {
            out.println(message.body());
            out.println();
            return "cli";
        };
        try (Core kontakt = Core.open(config, new InMemoryStorage(),
                name -> "KONTAKT_SECRET_KEY".equals(name) ? secret : System.getenv(name), clock,
                new Core.Options(Map.of("cli", printer), language))) {
            kontakt.startScheduler(500);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            AtomicLong n = new AtomicLong();
            String line;
            while ((line = in.readLine()) != null) {
                Reply reply = kontakt.conversations().receive(new InboundMessage("cli", "cli-" + n.incrementAndGet(), from,
                        "kontakt", line, 0, clock.instant()));
                for (String text : reply.texts()) {
                    out.println(text);
                    out.println();
                }
            }
        }
        return 0;
    }

    private static Clock offsetClock(Instant start) {
        Instant realStart = Instant.now();
        return new Clock() {
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return start.plus(Duration.between(realStart, Instant.now()));
            }
        };
    }
}
