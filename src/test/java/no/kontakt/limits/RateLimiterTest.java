package no.kontakt.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import no.kontakt.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));

    @Test
    void allows_the_limit_in_a_window_then_refuses_once_first_and_says_when_to_retry() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.hit("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.hit("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.firstRefused()).isTrue();
        assertThat(refused.retryAfterSeconds()).isBetween(55L, 60L);
        assertThat(limiter.hit("a").firstRefused()).isFalse();
        assertThat(limiter.hit("b").allowed()).as("another key").isTrue();
    }

    @Test
    void refused_hits_count_too_and_a_pause_of_one_window_clears_them() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);
        limiter.hit("a");
        limiter.hit("a");
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.hit("a").allowed()).isFalse();
        assertThat(limiter.hit("a").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(35));
        assertThat(limiter.hit("a").allowed()).as("the first two aged out, the two refused ones not").isFalse();
        clock.advance(Duration.ofSeconds(65));
        assertThat(limiter.hit("a").allowed()).isTrue();
    }

    @Test
    void zero_allows_everything_and_keeps_nothing() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.hit("a").allowed()).isTrue();
        }
        assertThat(limiter.keys()).isZero();
    }
}
