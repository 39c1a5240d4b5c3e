package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UTF-8 byte-order mark and CRLF line endings, as a Windows editor or a {@code core.autocrlf}
 * checkout leaves them, are accepted in both files and kept when paperlist rewrites a file; a CRLF
 * checkout of an up-to-date list is up to date. Guards: {@code TextFile} (the BOM), {@code Markers}
 * (the generated block takes the start marker's line ending) and {@code TextFile.encodeLike}.
 */
@DisplayName("a byte-order mark and CRLF line endings")
class ByteOrderMarkAndCrlfTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CATALOG = """
            # A list with multi-line values, whose line breaks CRLF must not change
            sections:
              - title: Multimodal
                text: |
                  Papers on **several** modalities.

                  - one
                  - two
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    abstract: >
                      We introduce AnyGPT,
                      an any-to-any model.
            """;

    @TempDir Path dir;

    @Test
    void aBomAndCrlfInBothFilesAreAcceptedAndKeptOnRewrite() throws IOException {
        Workspace w = new Workspace(dir)
                .write("papers.yaml", withBom(crlf(CATALOG)))
                .write("README.md", withBom(crlf("# Title\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\nAfter\n")));
        Files.setPosixFilePermissions(dir.resolve("README.md"), PosixFilePermissions.fromString("rwxr-x---"));

        CliRun render = w.run("render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        byte[] out = w.bytes("README.md");
        assertThat(out).startsWith(BOM);
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# Title\r\n\r\n<!-- paperlist:start:").contains("\r\n## AnyGPT\r\n")
                .contains("Papers on **several** modalities.\r\n\r\n- one\r\n- two\r\n")
                .endsWith("<!-- paperlist:end -->\r\n\r\nAfter\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).doesNotContain("\uFEFF");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("README.md"))))
                .isEqualTo("rwxr-x---");
        assertThat(w.run("check").out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void aCrlfCheckoutOfAnUpToDateListIsUpToDate() {
        Workspace w = new Workspace(dir).write("papers.yaml", CATALOG)
                .write("README.md", "# Title\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        assertThat(w.run("render").exitCode()).isZero();
        // What git does to every text file on checkout with core.autocrlf=true.
        w.write("papers.yaml", crlf(w.read("papers.yaml"))).write("README.md", crlf(w.read("README.md")));
        var before = w.snapshot();

        CliRun check = w.run("check");
        CliRun render = w.run("render");

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("README.md: up to date\n");
        assertThat(render.out()).isEqualTo("README.md: up to date\n");
        assertThat(w.snapshot()).isEqualTo(before);
    }

    @Test
    void importWithMarkersKeepsTheReadmesBomAndCrlf() {
        String list = "# My list\r\n\r\nIntro.\r\n\r\n## Vision\r\n\r\n### CLIP\r\n\r\n"
                + "- **Paper:** [Learning Transferable Visual Models](https://arxiv.org/abs/2103.00020)\r\n"
                + "- **Accepted:** ICML 2021\r\n\r\n## License\r\n\r\nMIT\r\n";
        Workspace w = new Workspace(dir).write("README.md", withBom(list));

        CliRun run = w.run("import", "README.md", "--write-markers");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        byte[] out = w.bytes("README.md");
        assertThat(out).startsWith(BOM);
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# My list\r\n\r\nIntro.\r\n\r\n<!-- paperlist:start:").endsWith("\r\n## License\r\n\r\nMIT\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(w.run("check").out()).isEqualTo("README.md: up to date\n");
    }

    @Test
    void importOverACatalogueKeepsItsBomAndCrlf() {
        Workspace w = new Workspace(dir).write("papers.yaml", withBom(crlf(CATALOG)))
                .write("list.md", "## Vision\n\n### CLIP\n\n- **Paper:** [CLIP](https://arxiv.org/abs/2103.00020)\n");

        CliRun run = w.run("import", "list.md", "--force");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        byte[] out = w.bytes("papers.yaml");
        assertThat(out).startsWith(BOM);
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("sections:\r\n").contains("CLIP");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(w.run("sections").out()).isEqualTo("Vision\n");
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }
}
