package no.kontakt.channel;

import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.privacy.Mask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sender used without Twilio credentials: logs each SMS with a masked number, the text only at DEBUG. */
public final class DevSender implements Sender {
    private static final Logger log = LoggerFactory.getLogger(DevSender.class);
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public String send(OutboundMessage message) {
        String id = "DEV" + sequence.incrementAndGet();
        log.info("sms not sent (dev sender) to={} chars={} id={}", Mask.phone(message.to()), message.body().length(), id);
        log.debug("sms body to={} body={}", Mask.phone(message.to()), message.body());
        return id;
    }
}
