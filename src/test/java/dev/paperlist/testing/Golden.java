package dev.paperlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. With {@code -Dgolden.update=true} an expected file that differs from the actual
 * output is rewritten (expectations only, never inputs) and the test fails, naming the file, so an update
 * is never a green run by accident: run again without the flag to see the tests pass. Otherwise a
 * difference fails the test.
 */
public final class Golden {
    private Golden() {}

    public static void assertMatches(Path expectedFile, String actual) {
        try {
            String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : null;
            if (Boolean.getBoolean("golden.update")) {
                if (!actual.equals(expected)) {
                    Files.createDirectories(expectedFile.getParent());
                    Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                    throw new AssertionError("golden file rewritten: " + expectedFile
                            + " (review the change, then run the tests again without -Dgolden.update)");
                }
                return;
            }
            assertThat(expected).as("golden file %s (run with -Dgolden.update=true to create)", expectedFile).isNotNull();
            if (expectedFile.toString().endsWith(".md")) {
                GfmPairs.record(expectedFile.toString(), expected, actual);
            }
            assertThat(actual).as("output against golden file %s", expectedFile).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source folder of test resources, where golden files live (not the copy under target/). */
    public static Path resources() {
        return Path.of("src", "test", "resources");
    }
}
