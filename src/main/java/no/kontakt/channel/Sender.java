package no.kontakt.channel;

/** Sends SMS outside a webhook reply (reminders, alerts, staff replies). */
public interface Sender {

    /** Sends once and returns the provider's message id; never retries by itself. */
    String send(OutboundMessage message) throws SendException;

    /** Why a send failed, and whether trying again later can help (a refused number cannot). */
    final class SendException extends Exception {
        private final boolean retryable;

        public SendException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
