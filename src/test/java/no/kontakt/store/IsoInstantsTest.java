package no.kontakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instants in stored JSON are written and read exactly as Jackson's time module did before the short way was added. */
class IsoInstantsTest {
    private record Stamped(Instant at) {}

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(7);
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("2026-12-04T19:09:11Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.1Z"), Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(1_700_000_000L, 120_000), Instant.ofEpochSecond(1_700_000_000L, 7));
        for (Instant at : edges) {
            assertEquals("{\"at\":\"" + at + "\"}", new String(Json.bytes(new Stamped(at))));
            assertEquals(at, Json.read(Json.bytes(new Stamped(at)), Stamped.class).at());
        }
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(0, 253_402_300_800L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(second, nano);
            assertEquals(at.toString(), IsoInstants.format(at));
            assertEquals(at, IsoInstants.parse(at.toString()));
        }
    }

    @Test
    void readsWhatTheTimeModuleRead() {
        // written by earlier versions or by hand: fewer fraction digits, an offset, a number of seconds
        assertEquals(Instant.parse("2026-01-05T10:00:00.100Z"), Json.read("{\"at\":\"2026-01-05T10:00:00.1Z\"}".getBytes(), Stamped.class).at());
        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), Json.read("{\"at\":\"2026-01-05T10:00:00+01:00\"}".getBytes(), Stamped.class).at());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), Json.read("{\"at\":1700000000}".getBytes(), Stamped.class).at());
        assertEquals(Instant.parse("2026-06-30T23:59:59Z"), Json.read("{\"at\":\"2026-06-30T23:59:60Z\"}".getBytes(), Stamped.class).at());
        assertNull(IsoInstants.parse("2026-06-30T23:59:60Z"));
        assertNull(IsoInstants.parse("2026-02-30T10:00:00Z"));
        assertNull(IsoInstants.parse("2026-01-05T10:00:00.Z"));
        assertNull(Json.read("{\"at\":null}".getBytes(), Stamped.class).at());
        assertThrows(StoreException.class, () -> Json.read("{\"at\":\"2026-02-30T10:00:00Z\"}".getBytes(), Stamped.class));
        assertThrows(StoreException.class, () -> Json.read("{\"at\":\"yesterday\"}".getBytes(), Stamped.class));
    }
}
