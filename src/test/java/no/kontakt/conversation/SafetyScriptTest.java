package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Problem;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;

/** The shipped safety script validates, and a coordinator's slip in its branches is refused at its line. */
class SafetyScriptTest {
    private final Compiler compiler = Kontakt.compiler(TestKontakt.config(TestKontakt.env(Path.of("target", "safety-script"))));

    private static Map<String, String> shipped() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var list = Files.list(Path.of("conversations"))) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void the_shipped_safety_script_has_no_errors() throws IOException {
        Compiler.Result result = compiler.compile(shipped());
        assertThat(result.errors()).isEmpty();
        assertThat(result.library().latest("safety")).isNotNull();
    }

    @Test
    void an_unknown_kind_and_a_kind_left_out_are_errors_at_their_line() throws IOException {
        Map<String, String> files = shipped();
        String safety = files.get("conversations/safety.yaml")
                .replace("      overdose_taken: overdose ", "      overdose: overdose ")
                .replace("      self_harm: self_harm\n", "");
        files.put("conversations/safety.yaml", safety);
        var errors = compiler.compile(files).errors().stream().map(Problem::toString).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("conversations/safety.yaml:").contains("step 'kind'")
                .contains("action risk_kind has no exit 'overdose'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("the exit 'overdose_taken' of action risk_kind is not handled"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("the exit 'self_harm' of action risk_kind is not handled"));
    }
}
