package no.kontakt.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed rate (open loop): message i is due at {@code start + i / rate} whatever happened to the
 * ones before it, and its latency runs from that intended time to its answer, so a stall counts against every
 * message that should have gone out during it (no coordinated omission). A pool of keep-alive connections sends;
 * when all are busy, the next message waits and the wait is in its latency. Messages of one conversation are
 * spread {@code 0.5 s} apart, so a citizen never has two in flight. With several ports (instances of one store) every
 * connection of the pool is one to each, and each message goes to the next port in turn, as in {@link ClosedLoop}.
 */
final class OpenLoop {
    record Result(Histogram latency, long sent, long errors, long conversations, long confirmed) {}

    private OpenLoop() {}

    static Result run(int[] ports, String path, Traffic traffic, int rate, Duration warmup, Duration window, int connections)
            throws InterruptedException {
        long warm = rate * warmup.toSeconds();
        long total = warm + rate * window.toSeconds();
        int lanes = Math.max(1, rate / 2);
        long rounds = (total + lanes - 1) / lanes;
        long firstConversation = traffic.reserve(lanes * ((rounds + Traffic.STEPS - 1) / Traffic.STEPS));
        double interval = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong conversations = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < connections; i++) {
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
            histograms.add(histogram);
            Thread t = new Thread(() -> {
                HttpConnection[] pooled = new HttpConnection[ports.length];
                for (int p = 0; p < ports.length; p++) {
                    pooled[p] = new HttpConnection(ports[p]);
                }
                try {
                    for (long seq = next.getAndIncrement(); seq < total; seq = next.getAndIncrement()) {
                        long intended = start + (long) (seq * interval);
                        for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        long lane = seq % lanes;
                        long round = seq / lanes;
                        long conversation = firstConversation + lane + lanes * (round / Traffic.STEPS);
                        int step = (int) (round % Traffic.STEPS);
                        Traffic.Request request = traffic.request(conversation, step);
                        HttpConnection http = pooled[(int) ((conversation + step) % ports.length)];
                        boolean ok;
                        String body = "";
                        try {
                            HttpConnection.Response response = http.send("POST", path, request.headers(), request.body());
                            ok = response.status() == 200;
                            body = response.body();
                        } catch (IOException e) {
                            ok = false;
                        }
                        long latency = System.nanoTime() - intended;
                        if (seq >= warm) {
                            histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (step == Traffic.STEPS - 1) {
                                conversations.incrementAndGet();
                                if (ok && Traffic.confirmed(conversation, body)) {
                                    confirmed.incrementAndGet();
                                }
                            }
                        }
                    }
                } finally {
                    for (HttpConnection c : pooled) {
                        c.close();
                    }
                }
            }, "bench-open-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        histograms.forEach(all::add);
        return new Result(all, total - warm, errors.get(), conversations.get(), confirmed.get());
    }
}
