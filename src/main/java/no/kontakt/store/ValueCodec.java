package no.kontakt.store;

/** How a record becomes the bytes a table keeps: JSON, sealed with AES-GCM in production. */
public interface ValueCodec {
    byte[] encode(Object value);

    <T> T decode(byte[] bytes, Class<T> type);

    /** Plain JSON, for tests and tools that never see personal data. */
    ValueCodec PLAIN = new ValueCodec() {
        public byte[] encode(Object value) {
            return Json.bytes(value);
        }

        public <T> T decode(byte[] bytes, Class<T> type) {
            return Json.read(bytes, type);
        }
    };
}
