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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end with tiny numbers: both servers forked, the loader, every row of the table. */
class BenchCommandTest {
    @TempDir
    Path work;

    @Test
    void the_bench_runs_every_part_and_prints_one_table_with_the_ratio() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = App.run("bench", "--stored", "3000", "--clients", "4", "--warmup", "1", "--saturation", "2", "--rate", "50",
                    "--latency-warmup", "1", "--latency", "2", "--nlu-ms", "20", "--work", work.toString());
        } finally {
            System.setOut(stdout);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("| bare Javalin | Kontakt, 0 stored | Kontakt, 3,000 stored |");
        List<String> rows = Arrays.asList(table.split("\n"));
        assertThat(cells(rows, "errors (non-200 or failed)")).containsExactly("0", "0", "0");
        for (String confirmed : cells(rows, "conversations confirmed / finished").subList(1, 3)) {
            String[] parts = confirmed.split(" / ");
            assertThat(Integer.parseInt(parts[1])).isPositive();
            assertThat(parts[0]).isEqualTo(parts[1]); // every conversation reached the contact request's confirmation
        }
        for (String row : List.of("start-up to /health 200 (s)", "saturation (msg/s, 4 clients, closed loop)", "latency p99 at 50 msg/s, open loop (ms)")) {
            assertThat(cells(rows, row)).allSatisfy(cell -> assertThat(Double.parseDouble(cell.replace(",", ""))).isPositive());
        }
        assertThat(cells(rows, "store filled by the loader (s)").get(2)).isNotBlank();
        String ratio = rows.stream().filter(r -> r.startsWith("ratio_vs_bare_javalin=")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(ratio.substring(ratio.indexOf('=') + 1))).isPositive();
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty(); // the stores and logs it made are gone
        }
    }

    /** The cells of the row whose first cell is {@code label}, after it and before the target. */
    private static List<String> cells(List<String> rows, String label) {
        String row = rows.stream().filter(r -> r.startsWith("| " + label + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + String.join("\n", rows)));
        String[] cells = row.split("\\|");
        return Arrays.stream(cells, 2, cells.length - 1).map(String::strip).toList();
    }
}
