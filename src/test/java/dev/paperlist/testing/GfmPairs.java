package dev.paperlist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each pair of Markdown texts a test compares by their HTML (or golden file and output) to
 * {@code target/gfm-pairs/NAME.expected.md} and {@code NAME.actual.md} (and what they are in
 * {@code NAME.source}), so that {@code .ci/gfm-witness}
 * can render both with cmark-gfm, GitHub's own renderer, and compare them as GitHub shows them.
 * A pair is written before the test asserts on it, so that a failing comparison is witnessed too.
 */
public final class GfmPairs {
    private static final Path FOLDER = Path.of("target", "gfm-pairs");

    private GfmPairs() {}

    /** Records a pair under a name made of the given parts (paths or words), joined with "__". */
    public static void record(String name, String expected, String actual) {
        String file = name.replace('\\', '/').replaceAll("^src/test/resources/", "").replaceAll("\\.md$", "")
                .replaceAll("[^A-Za-z0-9._-]+", "__");
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve(file + ".expected.md"), expected, StandardCharsets.UTF_8);
            Files.writeString(FOLDER.resolve(file + ".actual.md"), actual, StandardCharsets.UTF_8);
            Files.writeString(FOLDER.resolve(file + ".expected.commonmark.html"), Html.normalisedAsGitHub(expected) + "\n", StandardCharsets.UTF_8);
            Files.writeString(FOLDER.resolve(file + ".actual.commonmark.html"), Html.normalisedAsGitHub(actual) + "\n", StandardCharsets.UTF_8);
            // What the witness names when the pair differs: the golden file or the comparison.
            Files.writeString(FOLDER.resolve(file + ".source"), name + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
