package no.kontakt.store.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.kontakt.store.mapdb.MapDbStorage;

/** Every role contract on MapDB, on a real file in a fresh folder, reopened for each restart. */
class MapDbContractsTest extends StorageContracts {
    @Override
    protected Backend backend() {
        Path dir;
        try {
            dir = Files.createTempDirectory("kontakt-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoresBackend(() -> MapDbStorage.open(dir), true, () -> delete(dir));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
