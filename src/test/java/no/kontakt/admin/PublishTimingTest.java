package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.inbox.Staff;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing the default scripts unchanged, as {@code /admin} does: every golden transcript is replayed first. Prints how long
 * the third publish took, wall and CPU ({@code mvn -q -o test -Dtest=PublishTimingTest}), as on a server that has run a while; the replays reuse the running NLU and scripts.
 */
class PublishTimingTest {
    @TempDir
    Path data;

    @Test
    void publishing_the_default_scripts_replays_every_transcript_on_the_trained_nlu() {
        var env = TestKontakt.env(data);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null))) {
            ScriptAdmin scripts = kontakt.scripts();
            Staff admin = new Staff("ola", "admin");
            scripts.saveDraft("contact", scripts.live("contact").orElseThrow().yaml(), admin);
            assertThat(scripts.publish("contact", admin)).isInstanceOf(ScriptAdmin.Published.class); // once the NLU is loaded, as on a running server
            // twice more, as an admin who publishes now and then on a running server: the last is the figure
            scripts.saveDraft("contact", scripts.live("contact").orElseThrow().yaml(), admin);
            assertThat(scripts.publish("contact", admin)).isInstanceOf(ScriptAdmin.Published.class);
            scripts.saveDraft("contact", scripts.live("contact").orElseThrow().yaml(), admin);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Object outcome = scripts.publish("contact", admin);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long cpuMillis = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            System.out.printf("publish of the default scripts (%d transcripts): %d ms wall, %d ms CPU (all threads), load average %.1f on %d cores%n",
                    scripts.transcriptSources(null).size(), millis, cpuMillis, os.getSystemLoadAverage(), os.getAvailableProcessors());
            assertThat(outcome).as("%s", outcome).isInstanceOf(ScriptAdmin.Published.class);
            // CPU, not wall time: on a shared machine the wall time says more about the neighbours. Retraining the NLU for
            // every transcript, as a publish once did, costs well over a minute of CPU.
            assertThat(cpuMillis).as("publish took %d ms of CPU", cpuMillis).isLessThan(15_000);
        }
    }
}
