package no.kontakt.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What operators watch, in Prometheus text at {@code GET /metrics}: messages in and out, the webhook's latency
 * histogram, the outbox depth, open urgent conversations, SMS segments sent, and the JVM. No personal data.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter segments;
    private final Timer webhook;
    /** Listens to the JVM's garbage collectors (platform beans that outlive this server): removed at {@link #close}. */
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** @param outboxDepth messages waiting in the outbox; @param urgentOpen urgent conversations not closed (0 once the store is closed) */
    public Metrics(IntSupplier outboxDepth, IntSupplier urgentOpen) {
        messagesIn = Counter.builder("kontakt_messages_in").description("messages received from citizens").register(registry);
        messagesOut = Counter.builder("kontakt_messages_out").description("messages answered or sent to citizens").register(registry);
        segments = Counter.builder("kontakt_sms_segments").description("SMS segments answered through the webhook").register(registry);
        webhook = Timer.builder("kontakt_webhook_latency").description("time from a webhook request to its answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("kontakt_outbox_depth", outboxDepth, IntSupplier::getAsInt).strongReference(true)
                .description("messages waiting in the outbox").register(registry);
        Gauge.builder("kontakt_urgent_open", urgentOpen, IntSupplier::getAsInt).strongReference(true)
                .description("urgent conversations not closed").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public void received(int replies, long replySegments, Duration took) {
        messagesIn.increment();
        messagesOut.increment(replies);
        segments.increment(replySegments);
        webhook.record(took);
    }

    /** A web chat message and the replies it got (no SMS segments, no webhook). */
    public void chat(int replies) {
        messagesIn.increment();
        messagesOut.increment(replies);
    }

    /**
     * Stops listening to the garbage collectors and closes the registry. Without it the platform's GC beans keep this
     * registry, its gauges and, through them, a stopped server's store and services reachable for the life of the JVM.
     */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
