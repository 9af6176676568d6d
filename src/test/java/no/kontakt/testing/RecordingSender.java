package no.kontakt.testing;

import java.util.ArrayList;
import java.util.List;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;

/** A sender that keeps what it was asked to send. */
public final class RecordingSender implements Sender {
    private final List<OutboundMessage> sent = new ArrayList<>();

    @Override
    public synchronized String send(OutboundMessage message) {
        sent.add(message);
        return "SMrec" + sent.size();
    }

    public synchronized List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    /** The texts sent since the last call. */
    public synchronized List<String> drain() {
        List<String> texts = sent.stream().map(OutboundMessage::body).toList();
        sent.clear();
        return texts;
    }
}
