package dev.paperlist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * cmark-gfm, the renderer GitHub runs, with GitHub's extensions. A test that needs it is skipped with a
 * message where it is not installed, unless the environment variable PAPERLIST_REQUIRE_CMARK_GFM is set
 * (as {@code .ci/run} does, after installing it), where it fails instead.
 */
public final class CmarkGfm {
    private CmarkGfm() {}

    /** Skips (or, where it is required, fails) the calling test when cmark-gfm is not on the PATH. */
    public static void assumeInstalled() {
        boolean installed = Processes.onPath("cmark-gfm");
        if (!installed && System.getenv("PAPERLIST_REQUIRE_CMARK_GFM") != null) {
            throw new AssertionError("cmark-gfm is required (PAPERLIST_REQUIRE_CMARK_GFM is set) but is not on the PATH;"
                    + " .ci/gfm-witness --install installs it");
        }
        Assumptions.assumeTrue(installed, "cmark-gfm is not installed: GitHub's renderer is not consulted"
                + " (apt-get install cmark-gfm, or .ci/gfm-witness --install)");
    }

    /**
     * The HTML GitHub's renderer makes of a Markdown file. --unsafe: GitHub hands raw HTML on to its
     * sanitiser rather than dropping it, so an element the text makes must show here.
     */
    public static String html(Path markdown) {
        Processes.Result result = Processes.run(markdown.toAbsolutePath().getParent(), Map.of(), List.of("cmark-gfm",
                "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter",
                markdown.toAbsolutePath().toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("cmark-gfm failed on " + markdown + ": " + result);
        }
        return result.out();
    }

    /** The HTML of a Markdown text, through a temporary file. */
    public static String html(String markdown) {
        try {
            Path file = Files.createTempFile("cmark-gfm", ".md");
            try {
                Files.writeString(file, markdown);
                return html(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
