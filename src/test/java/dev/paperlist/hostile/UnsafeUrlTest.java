package dev.paperlist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.MarkdownStructure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.Link;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every link in the catalogue is an absolute http or https URL with a host, or it is refused; a URL
 * with spaces, quotes, parentheses, brackets or non-ASCII characters is percent-encoded where Markdown
 * would misread it, so the page links exactly where the catalogue says. Guards: {@code TextRules.isWebUrl}
 * in the loader, {@code MarkdownText.url} in the renderer.
 */
@DisplayName("javascript:, data:, file:, relative URLs and URLs that need encoding")
class UnsafeUrlTest {
    static final String HEAD = UnsafeYamlFeaturesTest.HEAD;

    @TempDir Path dir;

    static Stream<Arguments> refused() {
        String must = "must be an http:// or https:// URL, got ";
        return Stream.of(
                Arguments.of("javascript:", HEAD + "        url: javascript:alert(1)\n",
                        "papers.yaml:6:14: 'url' " + must + "'javascript:alert(1)'"),
                Arguments.of("JavaScript: in capitals", HEAD + "        url: JaVaScRiPt:alert(1)\n",
                        "papers.yaml:6:14: 'url' " + must + "'JaVaScRiPt:alert(1)'"),
                Arguments.of("javascript: after a space", HEAD + "        url: \" javascript:alert(1)\"\n",
                        "papers.yaml:6:14: 'url' " + must + "'javascript:alert(1)'"),
                Arguments.of("a space inside", HEAD + "        url: \"https://example.org/a b/c\"\n",
                        "papers.yaml:6:14: 'url' contains white space (a space after 'https://example.org/a'); a URL has"
                                + " none: write it as %20"),
                Arguments.of("a line break kept by a literal block", HEAD + "        url: |\n          https://x.org/a\n          b\n",
                        "papers.yaml:6:14: 'url' contains white space (a line break after 'https://x.org/a'); a URL has"
                                + " none: write it as %20"),
                Arguments.of("vbscript:", HEAD + "        url: vbscript:msgbox\n",
                        "papers.yaml:6:14: 'url' " + must + "'vbscript:msgbox'"),
                Arguments.of("data:", HEAD + "        url: \"data:text/html,<b>x</b>\"\n",
                        "papers.yaml:6:14: 'url' " + must + "'data:text/html,<b>x</b>'"),
                Arguments.of("file:", HEAD + "        url: file:///etc/passwd\n",
                        "papers.yaml:6:14: 'url' " + must + "'file:///etc/passwd'"),
                Arguments.of("relative", HEAD + "        url: notes/p.html\n",
                        "papers.yaml:6:14: 'url' " + must + "'notes/p.html'"),
                Arguments.of("protocol-relative", HEAD + "        url: //evil.example/x\n",
                        "papers.yaml:6:14: 'url' " + must + "'//evil.example/x'"),
                Arguments.of("scheme without slashes", HEAD + "        url: https:evil.example\n",
                        "papers.yaml:6:14: 'url' " + must + "'https:evil.example'"),
                Arguments.of("no host", HEAD + "        url: http:///etc/passwd\n",
                        "papers.yaml:6:14: 'url' " + must + "'http:///etc/passwd'"),
                Arguments.of("a badge's link", HEAD + "        badges: [{kind: project, url: \"javascript:alert(1)\"}]\n",
                        "papers.yaml:6:39: 'url' " + must + "'javascript:alert(1)'"),
                Arguments.of("a badge's image", HEAD + "        badges: [{kind: custom, url: \"https://x.org\", image: \"data:image/svg+xml,<svg/onload=alert(1)>\"}]\n",
                        "papers.yaml:6:62: 'image' " + must + "'data:image/svg+xml,<svg/onload=alert(1)>'"),
                Arguments.of("a note's link", HEAD + "        notes: [{label: HTML, url: \"file:///C:/notes.html\"}]\n",
                        "papers.yaml:6:36: 'url' " + must + "'file:///C:/notes.html'"),
                Arguments.of("a paper's image", HEAD + "        image: \"javascript:alert(1)\"\n",
                        "papers.yaml:6:16: 'image' " + must + "'javascript:alert(1)'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithItsPosition(String name, String yaml, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", yaml);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }

    static final List<String> NEEDING_CARE = List.of(
            "https://example.org/q?x=\"y\"&z='w'",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "https://example.org/<tag>",
            "https://zhuanlan.zhihu.com/p/知乎?q=多模态#节",
            "https://例え.jp/パス",
            "https://example.org/already%20encoded",
            "https://example.org/back\\slash",
            "https://example.org/pipe|x",
            "https://example.org/x`y`",
            "https://example.org/[brackets]",
            "https://example.org/*star*_under_",
            "https://example.org/a)](javascript:alert(1))");

    @Test
    void linksGoExactlyWhereTheCatalogueSays() {
        StringBuilder yaml = new StringBuilder("sections:\n  - title: S\n    papers:\n");
        for (int i = 0; i < NEEDING_CARE.size(); i++) {
            yaml.append("      - name: P").append(i).append("\n        title: T").append(i).append("\n        url: \"")
                    .append(NEEDING_CARE.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        Workspace w = new Workspace(dir).write("papers.yaml", yaml.toString());

        CliRun render = w.run("render");

        assertThat(render.exitCode()).as(render.toString()).isZero();
        List<String> destinations = MarkdownStructure.of(w.read("README.md")).links().stream()
                .map(Link::getDestination).filter(d -> !d.startsWith("#")).toList();
        assertThat(destinations).hasSize(NEEDING_CARE.size());
        for (int i = 0; i < destinations.size(); i++) {
            String destination = destinations.get(i);
            assertThat(destination).as("link %d", i).doesNotContain(" ", "\"", "(", ")", "<", ">", "`", "|", "\\");
            assertThat(percentDecoded(destination)).as("link %d", i).isEqualTo(percentDecoded(NEEDING_CARE.get(i)));
        }
        assertThat(MarkdownStructure.of(w.read("README.md")).count("Link")).isEqualTo(1 + 2 * NEEDING_CARE.size());
    }

    // Strict UTF-8 percent-decoding, without URLDecoder's '+' for space (a form encoding, not a URL one).
    private static String percentDecoded(String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importKeepsARelativeLinkAsWrittenAndSaysSoAtItsReadmeLine() {
        Workspace w = new Workspace(dir).write("README.md", "# List\n\n## Vision\n\n### CLIP\n\n"
                + "- **Paper:** [Learning Transferable Visual Models](papers/clip.pdf)\n");
        var run = w.run("import", "README.md");
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isZero();
        org.assertj.core.api.Assertions.assertThat(run.err()).isEqualTo("README.md:5: paper 'CLIP': its title links to"
                + " 'papers/clip.pdf', which is not an http(s) URL; imported without a link, which is kept as written in"
                + " the extra field 'Link'\n");
        org.assertj.core.api.Assertions.assertThat(w.read("papers.yaml")).contains("papers/clip.pdf").doesNotContain("url:");
    }
}
