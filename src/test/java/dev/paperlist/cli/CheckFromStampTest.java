package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code paperlist check} is answered from the stamp without picocli only when the stamp proves
 * every output current, and then says exactly what the full command says; in every other case it
 * answers nothing and the full command runs.
 */
class CheckFromStampTest {
    @TempDir Path dir;
    @TempDir Path cache;
    private Environment environment;

    @BeforeEach
    void files() throws IOException {
        environment = new Environment(dir, Map.of("PAPERLIST_CACHE_DIR", cache.toString()));
        write("papers.yaml", """
                settings:
                  tag_pages: true
                sections:
                  - title: Multimodal
                    papers:
                      - name: AnyGPT
                        title: "AnyGPT: Unified Multimodal LLM"
                        url: https://arxiv.org/abs/2402.12226
                        topics: [Multimodal]
                """);
        write("README.md", "# List\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        assertThat(CliRun.in(environment, "render").exitCode()).isZero();
    }

    @Test
    void aProvenCheckPrintsWhatTheFullCommandPrints() {
        StringWriter out = new StringWriter();

        Integer code = CheckCommand.fromStamp(environment, new PrintWriter(out, true));

        // With an option, Cli.run takes picocli's way; the stamp proves the same outputs there.
        CliRun full = CliRun.in(environment, "check", "--format", "text");
        assertThat(code).isZero();
        assertThat(full.exitCode()).isZero();
        assertThat(out.toString()).isEqualTo(full.out())
                .isEqualTo("README.md: up to date\ntags/README.md: up to date\ntags/Multimodal.md: up to date\n");
    }

    @Test
    void answersNothingWhenTheStampCannotProveEverything() throws IOException {
        write("README.md", Files.readString(dir.resolve("README.md")).replace("AnyGPT", "AnyGPT!"));
        assertThat(fromStamp(environment)).isEqualTo("declined");

        CliRun.in(environment, "render");
        write("tags/Stray.md", "a page no render made\n");
        assertThat(fromStamp(environment)).isEqualTo("declined");

        Files.delete(dir.resolve("tags/Stray.md"));
        assertThat(fromStamp(environment)).isEqualTo("0");
        assertThat(fromStamp(new Environment(dir, Map.of("PAPERLIST_CACHE_DIR", "")))).isEqualTo("declined");

        Files.delete(dir.resolve("papers.yaml"));
        assertThat(fromStamp(environment)).isEqualTo("declined");
        CliRun check = CliRun.in(environment, "check");
        assertThat(check.exitCode()).isEqualTo(5);
        assertThat(check.err()).isEqualTo("papers.yaml: no such file\n");
    }

    // The exit code, or "declined"; a declined check must print nothing.
    private static String fromStamp(Environment environment) {
        StringWriter out = new StringWriter();
        Integer code = CheckCommand.fromStamp(environment, new PrintWriter(out, true));
        if (code == null) {
            assertThat(out.toString()).isEmpty();
            return "declined";
        }
        return code.toString();
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
