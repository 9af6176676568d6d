package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.channel.InboundMessage;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waiting step's reminder goes out with no inbound message, also when the process restarted in between. */
class TimersAcrossRestartTest {
    @TempDir
    Path data;

    private Kontakt start(MutableClock clock, RecordingSender sms) {
        var env = TestKontakt.env(data);
        return Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock, new Kontakt.Options(Map.of("sms", sms), "nb"));
    }

    @Test
    void the_reminder_is_sent_after_a_restart() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        RecordingSender sms = new RecordingSender();
        try (Kontakt first = start(clock, sms)) {
            first.conversations().receive(new InboundMessage("sms", "SM1", "+4791234567", "+4759440000", "hei", 0, clock.instant()));
            first.conversations().receive(new InboundMessage("sms", "SM2", "+4791234567", "+4759440000", "1", 0, clock.instant()));
            clock.advance(Duration.ofMinutes(90));
            assertThat(first.conversations().fireDueTimers()).isZero();
        }
        clock.advance(Duration.ofMinutes(31));
        try (Kontakt second = start(clock, sms)) {
            assertThat(second.conversations().fireDueTimers()).isEqualTo(1);
            second.outbox().dispatchDue();
            assertThat(sms.sent()).hasSize(1);
            assertThat(sms.sent().get(0).to()).isEqualTo("+4791234567");
            assertThat(sms.sent().get(0).body()).startsWith("Vil du fortsatt at vi tar kontakt?");
            assertThat(second.conversations().fireDueTimers()).isZero();
            assertThat(second.stores().outbox().count()).isZero();
        }
    }
}
