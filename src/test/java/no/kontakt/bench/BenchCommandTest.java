package no.kontakt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import no.kontakt.App;
import no.kontakt.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end with tiny numbers: the three servers forked, the loader and its kept store, every row of the table. */
class BenchCommandTest {
    @TempDir
    Path work;

    @Test
    void the_bench_measures_every_server_in_turn_prints_one_table_and_reuses_the_filled_store() throws Exception {
        Path seed = work.resolve("seed");
        String table = bench("--stored", "3000", "--rounds", "2", "--saturation", "2", "--latency", "2", "--seed", seed.toString());
        assertThat(table).contains("| bare Javalin | Kontakt, 0 stored | Kontakt, 3,000 stored |");
        List<String> rows = Arrays.asList(table.split("\n"));
        assertThat(cells(rows, "errors (non-200 or failed)")).containsExactly("0", "0", "0");
        for (String confirmed : cells(rows, "conversations confirmed / finished").subList(1, 3)) {
            String[] parts = confirmed.split(" / ");
            assertThat(Integer.parseInt(parts[1])).isPositive();
            assertThat(parts[0]).isEqualTo(parts[1]); // every conversation reached the contact request's confirmation
        }
        for (String row : List.of("start to /health 200 (s)", "durable inbound throughput (msg/s, 4 clients, closed loop)",
                "p99 webhook latency at 50 msg/s, open loop (ms)", "ratio to bare Javalin")) {
            // two rounds: the median, then [lowest–highest]
            assertThat(cells(rows, row)).allSatisfy(cell -> {
                assertThat(cell).matches("[0-9.,]+ \\[[0-9.,]+–[0-9.,]+\\]|[0-9.]+");
                assertThat(Double.parseDouble(cell.split(" ")[0].replace(",", ""))).isPositive();
            });
        }
        assertThat(cells(rows, "ratio to bare Javalin").get(0)).startsWith("1.000");
        assertThat(cells(rows, "heap after GC (MiB)").get(2)).isNotBlank();
        assertThat(cells(rows, "store filled by the loader (s)").get(2)).isNotBlank();
        assertThat(Double.parseDouble(cells(rows, "risk assessment per message, in the bench's JVM (µs)").get(1))).isPositive();
        assertThat(Double.parseDouble(cells(rows, "of it the risk lexicons' matching (µs)").get(1))).isPositive();
        String ratio = rows.stream().filter(r -> r.startsWith("ratio_vs_bare_javalin=")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(ratio.substring(ratio.indexOf('=') + 1))).isPositive();
        assertThat(seed.resolve("3000/seed.properties")).exists();

        String again = bench("--stored", "3000", "--rounds", "1", "--saturation", "1", "--latency", "1", "--seed", seed.toString());
        assertThat(again).contains("copied from " + seed.resolve("3000"));
        List<String> againRows = Arrays.asList(again.split("\n"));
        assertThat(cells(againRows, "errors (non-200 or failed)")).containsExactly("0", "0", "0");
        assertThat(cells(againRows, "store filled by the loader (s)").get(2)).isBlank(); // not loaded again
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("seed"); // the stores and logs it made are gone
        }
    }

    @Test
    void with_a_postgresql_the_bench_measures_one_and_two_instances_on_it_in_the_same_table_and_drops_its_schemas() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            String url = PostgresBenchRun.baseUrl(postgres);
            String table = bench("--stored", "0", "--rounds", "1", "--saturation", "2", "--latency", "2", "--seed", "none",
                    "--postgres", url, "--postgres-user", EmbeddedPostgresServer.USER);
            assertThat(table).contains("| bare Javalin | Kontakt, 0 stored | PostgreSQL, 1 instance | PostgreSQL, 2 instances |");
            List<String> rows = Arrays.asList(table.split("\n"));
            assertThat(cells(rows, "errors (non-200 or failed)")).containsExactly("0", "0", "0", "0");
            for (String confirmed : cells(rows, "conversations confirmed / finished").subList(1, 4)) {
                String[] parts = confirmed.split(" / ");
                assertThat(Integer.parseInt(parts[1])).isPositive();
                // on two instances too: each message of a conversation went to the other instance than the one before
                assertThat(parts[0]).isEqualTo(parts[1]);
            }
            for (String row : List.of("durable inbound throughput (msg/s, 4 clients, closed loop)", "p99 webhook latency at 50 msg/s, open loop (ms)")) {
                assertThat(cells(rows, row)).allSatisfy(cell -> assertThat(Double.parseDouble(cell.replace(",", ""))).isPositive());
            }
            assertThat(table).contains("the PostgreSQL columns start empty");
            try (var c = java.sql.DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 var rs = c.createStatement().executeQuery("select count(*) from information_schema.schemata where schema_name like 'kontakt_bench_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("schemas the bench left").isZero();
            }
        }
    }

    private String bench(String... extra) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        List<String> args = new java.util.ArrayList<>(List.of("bench", "--clients", "4", "--warmup", "1", "--rate", "50",
                "--latency-warmup", "1", "--nlu-ms", "20", "--work", work.toString()));
        args.addAll(List.of(extra));
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = App.run(args.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table).isZero();
        return table;
    }

    /** The cells of the row whose first cell is {@code label}, after it and before the target. */
    private static List<String> cells(List<String> rows, String label) {
        String row = rows.stream().filter(r -> r.startsWith("| " + label + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + String.join("\n", rows)));
        String[] cells = row.split("\\|");
        return Arrays.stream(cells, 2, cells.length - 1).map(String::strip).toList();
    }
}
