package dev.paperlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. With {@code -Dgolden.update=true} the expected file is rewritten from the
 * actual output (expectations only, never inputs); otherwise a difference fails the test.
 */
public final class Golden {
    private Golden() {}

    public static void assertMatches(Path expectedFile, String actual) {
        boolean update = Boolean.getBoolean("golden.update");
        try {
            if (update) {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(expectedFile).as("golden file %s (run with -Dgolden.update=true to create)", expectedFile).exists();
            if (expectedFile.toString().endsWith(".md")) {
                GfmPairs.record(expectedFile.toString(), Files.readString(expectedFile, StandardCharsets.UTF_8), actual);
            }
            assertThat(actual).as("output against golden file %s", expectedFile)
                    .isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source folder of test resources, where golden files live (not the copy under target/). */
    public static Path resources() {
        return Path.of("src", "test", "resources");
    }
}
