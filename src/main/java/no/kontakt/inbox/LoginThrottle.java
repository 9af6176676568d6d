package no.kontakt.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kontakt.store.LoginCounts;
import no.kontakt.store.MemoryLoginCounts;

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
 * {@link #WINDOW} are forgotten. The counts are kept in {@link LoginCounts}: behind several instances on one database
 * they are shared, so an attacker who spreads attempts over the instances gets no more of them.
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
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    /** Switches, for the tests that show each attack succeeding without its protection. */
    volatile boolean perAddress = true;
    volatile boolean atomic = true;

    private final LoginCounts counts;
    private volatile Instant pruned = Instant.EPOCH;

    /** Counts in this process only. */
    LoginThrottle() {
        this(new MemoryLoginCounts());
    }

    LoginThrottle(LoginCounts counts) {
        this.counts = counts;
    }

    /** One key's count while an update runs. */
    private static final class Count {
        int failures;
        Instant last = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;

        static Count of(LoginCounts.Count c) {
            Count count = new Count();
            if (c != null) {
                count.failures = c.failures();
                count.last = c.last();
                count.notBefore = c.notBefore();
            }
            return count;
        }

        LoginCounts.Count kept() {
            return new LoginCounts.Count(failures, last, notBefore);
        }
    }

    /** The three counts of an attempt (the pair, the address, the account), read and written back in one update. */
    private record Keys(String pair, String address, String account) {
        static Keys of(String account, String address) {
            return new Keys("pair\n" + account + "\n" + address, "address\n" + address, "account\n" + account);
        }

        List<String> all() {
            return List.of(pair, address, account);
        }
    }

    /** Why an attempt must wait: until when, and whether it is a lock. */
    record Refusal(Instant retryAfter, boolean locked) {}

    /** An admitted attempt, counted as failed until {@link #succeeded} says otherwise. */
    final class Attempt {
        private final Keys keys;
        private final Instant at;
        private boolean counted;

        private Attempt(Keys keys, Instant at, boolean counted) {
            this.keys = keys;
            this.at = at;
            this.counted = counted;
        }

        /** Wrong password or code: counts it now when the count was not taken at admission (the switch is off). */
        synchronized void failed() {
            if (!counted) {
                counts.update(keys.all(), m -> {
                    count(m, keys, at);
                    return null;
                });
                counted = true;
            }
        }

        /** The person is in: this address starts afresh on this account, and the attempt counts nowhere. */
        synchronized void succeeded() {
            boolean undo = counted;
            counts.update(keys.all(), m -> {
                m.remove(keys.pair());
                if (undo) {
                    undo(m, keys.address());
                    undo(m, keys.account());
                }
                return null;
            });
        }
    }

    /** Admits an attempt (and counts it as failed until it succeeds), or says how long to wait. */
    Object admit(String account, String rawAddress, Instant now) {
        String address = perAddress ? rawAddress : "*";
        prune(now);
        Keys keys = Keys.of(account, address);
        boolean countNow = atomic;
        return counts.update(keys.all(), m -> {
            LoginCounts.Count pair = fresh(m.get(keys.pair()), now);
            LoginCounts.Count byAddress = fresh(m.get(keys.address()), now);
            LoginCounts.Count byAccount = fresh(m.get(keys.account()), now);
            Instant wait = latest(pair == null ? null : pair.notBefore(), byAddress == null ? null : byAddress.notBefore());
            if (perAddress && pair != null && byAccount != null && byAccount.failures() >= ACCOUNT_HOT) {
                wait = latest(wait, byAccount.last().plus(ACCOUNT_SPACING));
            }
            if (wait != null && now.isBefore(wait)) {
                boolean locked = (pair != null && pair.failures() >= LOCK_AFTER) || (byAddress != null && byAddress.failures() >= ADDRESS_LOCK_AFTER);
                return new Refusal(wait, locked);
            }
            if (countNow) {
                count(m, keys, now);
            }
            return new Attempt(keys, now, countNow);
        });
    }

    private void count(Map<String, LoginCounts.Count> m, Keys keys, Instant now) {
        m.put(keys.pair(), bump(Count.of(m.get(keys.pair())), now, SLOW_AFTER, LOCK_AFTER));
        m.put(keys.address(), bump(Count.of(m.get(keys.address())), now, ADDRESS_SLOW_AFTER, ADDRESS_LOCK_AFTER));
        if (perAddress) {
            Count a = Count.of(m.get(keys.account()));
            a.failures++;
            a.last = now;
            m.put(keys.account(), a.kept());
        }
    }

    private static LoginCounts.Count bump(Count c, Instant now, int slowAfter, int lockAfter) {
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
        return c.kept();
    }

    private static void undo(Map<String, LoginCounts.Count> m, String key) {
        LoginCounts.Count c = m.get(key);
        if (c != null && c.failures() > 0) {
            m.put(key, new LoginCounts.Count(c.failures() - 1, c.last(), c.notBefore()));
        }
    }

    /** A count that still matters now, or null. */
    private static LoginCounts.Count fresh(LoginCounts.Count c, Instant now) {
        return c == null || (!c.last().plus(WINDOW).isAfter(now) && !now.isBefore(c.notBefore())) ? null : c;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * Whether {@code key} is used for the first time (a single sign-on's start, taken back by its callback on whichever
     * instance); remembered for {@link #WINDOW} and longer.
     */
    boolean once(String key, Instant now) {
        String k = "once\n" + key;
        return counts.update(List.of(k), m -> {
            if (m.containsKey(k)) {
                return false;
            }
            m.put(k, new LoginCounts.Count(1, now, now.plus(WINDOW)));
            return true;
        });
    }

    /** Forgets, at most once a minute, the counts that no longer matter. */
    private void prune(Instant now) {
        if (pruned.plus(PRUNE_EVERY).isBefore(now)) {
            pruned = now;
            counts.prune(now.minus(WINDOW));
        }
    }
}
