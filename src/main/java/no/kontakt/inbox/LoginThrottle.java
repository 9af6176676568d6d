package no.kontakt.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins, counted in memory (for known and unknown names alike, so the answers cannot tell them apart):
 * <ul>
 *   <li><b>per account and address</b>: after {@value #SLOW_AFTER} failures each further attempt from that
 *   address waits 1, 2, 4 … 64 s; after {@value #LOCK_AFTER} that address is locked out of that account for
 *   {@link #LOCK}. Other addresses are not: someone who guesses a colleague's name cannot lock them out.</li>
 *   <li><b>per address</b>, whatever the name: after {@value #ADDRESS_SLOW_AFTER} failures in {@link #WINDOW}
 *   the address waits the same way, and is locked after {@value #ADDRESS_LOCK_AFTER} (guessing many names).</li>
 *   <li><b>per account</b>, from every address: once it has {@value #ACCOUNT_HOT} failures in {@link #WINDOW},
 *   addresses that have already failed on it get one attempt per {@link #ACCOUNT_SPACING} between them (many
 *   addresses guessing one password). An address without a failure on the account is never held back by this:
 *   the delay a person on another address can be made to wait is zero.</li>
 * </ul>
 * An attempt is counted as a failure when it is admitted, before the password is checked, in one step under a
 * lock; a success gives it back. So parallel attempts cannot slip past the count. Counts older than
 * {@link #WINDOW} are forgotten. Each server counts its own: behind several instances the limits are per instance.
 */
final class LoginThrottle {
    static final int SLOW_AFTER = 3;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int ADDRESS_SLOW_AFTER = 30;
    static final int ADDRESS_LOCK_AFTER = 60;
    static final int ACCOUNT_HOT = 10;
    static final Duration ACCOUNT_SPACING = Duration.ofSeconds(1);
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    /** Switches, for the tests that show each attack succeeding without its protection. */
    volatile boolean perAddress = true;
    volatile boolean atomic = true;

    private static final class Count {
        int failures;
        Instant last = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;
    }

    private final Map<String, Count> pairs = new HashMap<>();
    private final Map<String, Count> addresses = new HashMap<>();
    private final Map<String, Count> accounts = new HashMap<>();

    /** Why an attempt must wait: until when, and whether it is a lock. */
    record Refusal(Instant retryAfter, boolean locked) {}

    /** An admitted attempt, counted as failed until {@link #succeeded} says otherwise. */
    final class Attempt {
        private final String account;
        private final String address;
        private final Instant at;
        private boolean counted;

        private Attempt(String account, String address, Instant at) {
            this.account = account;
            this.address = address;
            this.at = at;
        }

        /** Wrong password or code: counts it now when the count was not taken at admission (the switch is off). */
        void failed() {
            synchronized (LoginThrottle.this) {
                if (!counted) {
                    count(account, address, at);
                    counted = true;
                }
            }
        }

        /** The person is in: this address starts afresh on this account, and the attempt counts nowhere. */
        void succeeded() {
            synchronized (LoginThrottle.this) {
                pairs.remove(pairKey(account, address));
                if (counted) {
                    undo(addresses.get(address));
                    undo(accounts.get(account));
                }
            }
        }
    }

    /** Admits an attempt (and counts it as failed until it succeeds), or says how long to wait. */
    synchronized Object admit(String account, String rawAddress, Instant now) {
        String address = perAddress ? rawAddress : "*";
        prune(now);
        Count pair = fresh(pairs.get(pairKey(account, address)), now);
        Count byAddress = fresh(addresses.get(address), now);
        Count byAccount = fresh(accounts.get(account), now);
        Instant wait = latest(pair == null ? null : pair.notBefore, byAddress == null ? null : byAddress.notBefore);
        if (perAddress && pair != null && byAccount != null && byAccount.failures >= ACCOUNT_HOT) {
            wait = latest(wait, byAccount.last.plus(ACCOUNT_SPACING));
        }
        if (wait != null && now.isBefore(wait)) {
            boolean locked = (pair != null && pair.failures >= LOCK_AFTER) || (byAddress != null && byAddress.failures >= ADDRESS_LOCK_AFTER);
            return new Refusal(wait, locked);
        }
        Attempt attempt = new Attempt(account, address, now);
        if (atomic) {
            count(account, address, now);
            attempt.counted = true;
        }
        return attempt;
    }

    private void count(String account, String address, Instant now) {
        Count pair = pairs.computeIfAbsent(pairKey(account, address), k -> new Count());
        bump(pair, now, SLOW_AFTER, LOCK_AFTER);
        bump(addresses.computeIfAbsent(address, k -> new Count()), now, ADDRESS_SLOW_AFTER, ADDRESS_LOCK_AFTER);
        if (perAddress) {
            Count a = accounts.computeIfAbsent(account, k -> new Count());
            a.failures++;
            a.last = now;
        }
    }

    private static void bump(Count c, Instant now, int slowAfter, int lockAfter) {
        if (!c.last.plus(WINDOW).isAfter(now) && !now.isBefore(c.notBefore)) {
            c.failures = 0;
        }
        c.failures++;
        c.last = now;
        if (c.failures >= lockAfter) {
            c.notBefore = now.plus(LOCK);
        } else if (c.failures >= slowAfter) {
            c.notBefore = now.plusSeconds(1L << Math.min(c.failures - slowAfter, 6));
        }
    }

    private static void undo(Count c) {
        if (c != null && c.failures > 0) {
            c.failures--;
        }
    }

    /** A count that still matters now, or null. */
    private static Count fresh(Count c, Instant now) {
        return c == null || (!c.last.plus(WINDOW).isAfter(now) && !now.isBefore(c.notBefore)) ? null : c;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String pairKey(String account, String address) {
        return account + "\n" + address;
    }

    private void prune(Instant now) {
        for (Map<String, Count> map : java.util.List.of(pairs, addresses, accounts)) {
            if (map.size() > MAX_ENTRIES) {
                map.values().removeIf(c -> fresh(c, now) == null);
            }
        }
    }
}
