package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Europe/Oslo"));

    @Test
    void asap_starts_now_with_no_latest() {
        assertThat(TimeWindow.asap(NOW)).isEqualTo(new TimeWindow(true, NOW, null));
    }

    @Test
    void a_concrete_window_needs_earliest_before_latest() {
        assertThat(TimeWindow.between(NOW, NOW.plusHours(1)).asap()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.between(NOW, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeWindow(false, NOW, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeWindow(true, NOW, NOW.plusHours(1)));
        assertThatNullPointerException().isThrownBy(() -> TimeWindow.asap(null)).withMessage("earliest");
    }
}
