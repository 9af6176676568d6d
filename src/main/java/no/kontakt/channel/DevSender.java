package no.kontakt.channel;

import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.privacy.Mask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sender used without Twilio credentials: logs each SMS with a masked number, the text only at DEBUG. */
public final class DevSender implements Sender {
    private static final Logger log = LoggerFactory.getLogger(DevSender.class);
    private final AtomicLong sequence = new AtomicLong();
    private final java.nio.file.Path record;

    public DevSender() {
        this(null);
    }

    /** @param record a file each send's message id is appended to and forced to disk (crash tests), or null */
    public DevSender(java.nio.file.Path record) {
        this.record = record;
    }

    @Override
    public String send(OutboundMessage message) {
        String id = "DEV" + sequence.incrementAndGet();
        log.info("sms not sent (dev sender) to={} chars={} id={}", Mask.phone(message.to()), message.body().length(), id);
        log.debug("sms body to={} body={}", Mask.phone(message.to()), message.body());
        if (record != null) {
            synchronized (this) {
                try (var channel = java.nio.channels.FileChannel.open(record, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap((message.messageId() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    channel.force(true);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return id;
    }
}
