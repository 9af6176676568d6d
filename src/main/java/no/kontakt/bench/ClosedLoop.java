package no.kontakt.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saturation throughput: {@code clients} connections, each sending its next message as soon as the answer to
 * the last one is in (closed loop), each a citizen after another down the contact path. Counts the answers that
 * arrive in the measured window after a warm-up. With several ports (instances of one store, as behind a load balancer
 * without sticky sessions) each client keeps a connection to every one and sends each message of a conversation to the
 * next port in turn, so a conversation moves between the instances message by message.
 */
final class ClosedLoop {
    /**
     * Messages answered per second in the window, the server's CPU time per message in it (ms; it does not depend on
     * what else runs on the machine the way throughput does), non-200 answers and failed requests, and conversations.
     */
    record Result(double perSecond, double cpuMillisPerMessage, long answered, long errors, long conversations, long confirmed) {}

    private ClosedLoop() {}

    /** @param serverCpu the server's CPU time so far, in nanoseconds */
    static Result run(int[] ports, String path, Traffic traffic, int clients, Duration warmup, Duration window, java.util.function.LongSupplier serverCpu)
            throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong conversations = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        long start = System.nanoTime();
        long stop = start + warmup.toNanos() + window.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> client(ports, path, traffic, stop, answered, errors, conversations, confirmed), "bench-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        sleepUntil(start + warmup.toNanos());
        long before = answered.get();
        long beforeConversations = conversations.get();
        long beforeConfirmed = confirmed.get();
        long errorsBefore = errors.get();
        long cpu0 = serverCpu.getAsLong();
        long t0 = System.nanoTime();
        sleepUntil(stop);
        long after = answered.get();
        long cpu = serverCpu.getAsLong() - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) {
            t.join(60_000);
        }
        return new Result((after - before) / seconds, after == before ? -1 : cpu / 1e6 / (after - before), after - before, errors.get() - errorsBefore,
                conversations.get() - beforeConversations, confirmed.get() - beforeConfirmed);
    }

    private static void client(int[] ports, String path, Traffic traffic, long stop, AtomicLong answered, AtomicLong errors,
                               AtomicLong conversations, AtomicLong confirmed) {
        HttpConnection[] connections = new HttpConnection[ports.length];
        for (int i = 0; i < ports.length; i++) {
            connections[i] = new HttpConnection(ports[i]);
        }
        try {
            while (System.nanoTime() < stop) {
                long conversation = traffic.newConversation();
                for (int step = 0; step < Traffic.STEPS && System.nanoTime() < stop; step++) {
                    Traffic.Request request = traffic.request(conversation, step);
                    HttpConnection http = connections[(int) ((conversation + step) % ports.length)];
                    try {
                        HttpConnection.Response response = http.send("POST", path, request.headers(), request.body());
                        if (response.status() != 200) {
                            errors.incrementAndGet();
                        }
                        answered.incrementAndGet();
                        if (step == Traffic.STEPS - 1) {
                            conversations.incrementAndGet();
                            if (Traffic.confirmed(conversation, response.body())) {
                                confirmed.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
            }
        } finally {
            for (HttpConnection c : connections) {
                c.close();
            }
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
    }
}
