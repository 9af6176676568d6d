package no.kontakt.web;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.Kontakt;
import no.kontakt.testing.Await;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped server lets go of everything it built: nothing the JVM keeps (the garbage collectors' listeners of the
 * metrics, above all) still reaches its store, NLU and services. Several instances in one process, and a test run that
 * starts a hundred servers, depend on it.
 */
class StoppedServerTest {
    @TempDir
    Path data;

    @Test
    void a_stopped_server_is_garbage_once_closed() {
        List<WeakReference<Kontakt>> stopped = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Kontakt kontakt = TestKontakt.start(data.resolve("k" + i), Clock.systemUTC());
            stopped.add(new WeakReference<>(kontakt));
            kontakt.close();
        }
        // Javalin's own "never started?" check holds a server for 5 s; after that nothing may
        Await.until("the stopped servers to be collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return stopped.stream().allMatch(ref -> ref.get() == null);
        });
    }
}
