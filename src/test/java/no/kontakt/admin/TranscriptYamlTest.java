package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kontakt.transcripts.Transcript;
import no.kontakt.yaml.YamlException;
import org.junit.jupiter.api.Test;

/** Transcripts read as YAML 1.2 with located problems, and are written back as they were read. */
class TranscriptYamlTest {

    @Test
    void a_reply_of_no_or_yes_is_the_word() {
        Transcript t = ScriptAdmin.transcript("t.yaml", "name: x\nscript: main\nturns:\n- in: no\n  out: [ok]\n- in: yes\n- in: \"3\"\n");
        assertThat(t.turns()).extracting(Transcript.Turn::in).containsExactly("no", "yes", "3");
    }

    @Test
    void a_wrong_type_and_a_syntax_error_name_the_file_and_line() {
        assertThatThrownBy(() -> ScriptAdmin.transcript("conversations/tests/t.yaml", "name: x\nscript: main\nturns:\n- in: hei\n  out: {nb: hei}\n"))
                .isInstanceOf(YamlException.class).hasMessageStartingWith("conversations/tests/t.yaml:5:3: turns[0].out: ");
        assertThatThrownBy(() -> ScriptAdmin.transcript("conversations/tests/t.yaml", "name: x\nturns:\n- in: [hei\n"))
                .isInstanceOf(YamlException.class).hasMessageStartingWith("conversations/tests/t.yaml:4:");
    }

    @Test
    void every_transcript_of_the_repository_writes_back_to_what_it_reads() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("conversations/tests"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Transcript t = ScriptAdmin.transcript(file.toString(), java.nio.file.Files.readString(file));
                String written = no.kontakt.yaml.YamlWriter.write(t, ScriptAdmin.TRANSCRIPT.copy()
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
                assertThat(ScriptAdmin.transcript(file.toString(), written)).as(file.toString()).isEqualTo(t);
            }
        }
    }
}
