package no.kontakt.store.contract;

import org.junit.jupiter.api.Nested;

/**
 * Every role contract, for one backend: a backend's test extends this once and implements {@link #backend()}; each
 * nested class runs one group of role contracts on a fresh backend per test.
 */
public abstract class StorageContracts {
    /** A new backend on empty storage. */
    protected abstract Backend backend();

    @Nested
    class Conversations extends ConversationContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class Messages extends MessageContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class Inbound extends InboundContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class DeliveriesOutboxTimers extends DeliveryOutboxTimerContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class RequestsAndOffers extends RequestOfferContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class Staff extends StaffContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class ScriptsAndStats extends ScriptStatsContract {
        protected Backend newBackend() {
            return backend();
        }
    }

    @Nested
    class Erasing extends ErasureContract {
        protected Backend newBackend() {
            return backend();
        }
    }
}
