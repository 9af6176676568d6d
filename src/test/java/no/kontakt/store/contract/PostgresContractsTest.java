package no.kontakt.store.contract;

import no.kontakt.store.postgres.PostgresStorage;
import no.kontakt.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every role contract on PostgreSQL: one embedded server for the class, a new schema for each test (reopened for each
 * restart, dropped at its end).
 */
class PostgresContractsTest extends StorageContracts {
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
        System.out.println("embedded PostgreSQL started in " + server.startMillis() + " ms");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Backend backend() {
        String url = server.newSchemaUrl();
        return new StoresBackend(() -> PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD), true,
                () -> server.dropSchema(url));
    }
}
