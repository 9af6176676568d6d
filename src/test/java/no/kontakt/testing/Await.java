package no.kontakt.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping a guessed time: looks again every few milliseconds and fails with what it
 * waited for once the deadline passes. {@code Await.until("the alert is sent", () -> !sms.sent().isEmpty())}.
 */
public final class Await {
    /** Long enough for a loaded 2-core machine; a condition that holds returns at once. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);
    private static final long PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; an {@link AssertionError} naming {@code what} after {@link #DEFAULT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Returns as soon as {@code condition} holds; an {@link AssertionError} naming {@code what} after {@code within}. */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + within.toMillis() + " ms for: " + what);
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
