package no.kontakt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returns_once_the_condition_holds_without_waiting_out_the_deadline() {
        AtomicInteger asked = new AtomicInteger();
        long started = System.nanoTime();
        Await.until("the third look", Duration.ofSeconds(30), () -> asked.incrementAndGet() >= 3);
        assertThat(asked).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void fails_after_the_deadline_naming_what_it_waited_for() {
        assertThatThrownBy(() -> Await.until("a reply that never comes", Duration.ofMillis(50), () -> false))
                .isInstanceOf(AssertionError.class).hasMessage("waited 50 ms for: a reply that never comes");
    }
}
