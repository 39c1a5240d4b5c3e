package dev.paperlist.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README.md's table of packages names every package of src/main/java, and no other. */
class PackageTableTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.paperlist[a-z.]*)` \\|");

    @Test
    void theReadmeTableNamesExactlyThePackagesOfTheSourceTree() throws IOException {
        assertThat(new TreeSet<>(tableRows())).as("README.md's package table")
                .isEqualTo(packages()).hasSizeGreaterThan(10);
        assertThat(tableRows()).as("each package once").doesNotHaveDuplicates();
    }

    private static List<String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int header = lines.indexOf("| Package | Role |");
        assertThat(header).as("the table's header line").isNotNegative();
        return lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> {
                    Matcher row = ROW.matcher(line);
                    assertThat(row.find()).as("a row naming a package: %s", line).isTrue();
                    return row.group(1);
                })
                .toList();
    }

    // The folders that hold Java sources, as package names.
    private static TreeSet<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .map(f -> SOURCES.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }
}
