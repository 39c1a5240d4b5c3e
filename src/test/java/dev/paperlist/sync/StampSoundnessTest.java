package dev.paperlist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits made on purpose to fool the stamp: each leaves the outputs stale (or unsafe) for the full check,
 * and the stamped check must say exactly what the full check says.
 */
class StampSoundnessTest {
    private static final String CATALOG = """
            settings:
              toc: true
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
                    code: OpenMOSS/AnyGPT
                    topics: [Multimodal]
              - title: Dialogue
                papers:
                  - name: NExT-GPT
                    title: "NExT-GPT: Any-to-Any Multimodal LLM"
                    url: https://arxiv.org/abs/2309.05519
                    topics: [Dialogue]
            """;

    @TempDir Path dir;
    @TempDir Path cache;
    @TempDir Path elsewhere;
    private Map<String, String> stamps;

    @BeforeEach
    void files() throws IOException {
        stamps = Map.of("PAPERLIST_CACHE_DIR", cache.toString());
        write("papers.yaml", CATALOG);
        write("README.md", "# List\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\n"
                + "After the list there is a long paragraph of plain letters that render keeps as it is, so that "
                + "flipping the case of some of them changes bytes the full check does not compare at all but a "
                + "checksum does see and can be steered by.\n");
    }

    @Test
    void anEditThatKeepsTheSizeAndBothCrcsIsNotProvenCurrent() throws IOException {
        assertThat(run(stamps, "render").exitCode()).isZero();
        byte[] readme = Files.readAllBytes(dir.resolve("README.md"));
        byte[] forged = keepingCrcs(readme, "arxiv.org/abs/2402", "evilx.org/abs/2402");
        assertThat(forged).hasSameSizeAs(readme).isNotEqualTo(readme);
        assertThat(crcs(forged)).isEqualTo(crcs(readme));
        Files.write(dir.resolve("README.md"), forged);

        CliRun full = run(Map.of(), "check");
        CliRun stamped = run(stamps, "check");

        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(stamped).isEqualTo(full);
    }

    @Test
    void aSectionPageBroughtBackAfterItsRemovalIsAnOrphanForTheStampedCheckToo() throws IOException {
        write("papers.yaml", CATALOG.replace("  toc: true\n", "  toc: true\n  size_budget: 600\n  split_sections: true\n"));
        CliRun split = run(stamps, "render");
        assertThat(split.out()).as(split.toString()).contains("sections/");
        Path page;
        try (var pages = Files.list(dir.resolve("sections"))) {
            page = pages.findFirst().orElseThrow();
        }
        byte[] pageBytes = Files.readAllBytes(page);
        write("papers.yaml", CATALOG.replace("  toc: true\n", "  toc: true\n  size_budget: 1 MB\n  split_sections: true\n"));
        assertThat(run(stamps, "render").out()).contains("removed");
        assertThat(run(stamps, "check").exitCode()).isZero();
        Files.write(page, pageBytes); // as a pull of an older commit would

        CliRun full = run(Map.of(), "check");
        CliRun stamped = run(stamps, "check");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.err()).contains("is orphaned");
        assertThat(stamped).isEqualTo(full);
        assertThat(run(stamps, "render").out()).contains("removed");
        assertThat(page).doesNotExist();
    }

    @Test
    void aTagFolderReplacedByASymbolicLinkOutOfTheFolderIsNotProvenCurrent() throws IOException {
        write("papers.yaml", CATALOG.replace("  toc: true\n", "  toc: true\n  tag_pages: true\n"));
        assertThat(run(stamps, "render").exitCode()).isZero();
        assertThat(run(stamps, "check").exitCode()).isZero();
        Path moved = elsewhere.resolve("tags");
        Files.move(dir.resolve("tags"), moved);
        Files.createSymbolicLink(dir.resolve("tags"), moved);

        CliRun full = run(Map.of(), "check");
        CliRun stamped = run(stamps, "check");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(5);
        assertThat(stamped).isEqualTo(full);
    }

    @Test
    void aReadmeReplacedByASymbolicLinkIsNotProvenCurrent() throws IOException {
        assertThat(run(stamps, "render").exitCode()).isZero();
        Path moved = elsewhere.resolve("README.md");
        Files.move(dir.resolve("README.md"), moved);
        Files.createSymbolicLink(dir.resolve("README.md"), moved);

        assertThat(run(stamps, "check")).isEqualTo(run(Map.of(), "check"));
    }

    /**
     * Another build of paperlist (one label changed) at the same path, its files with the same sizes and
     * modification times, in a JVM of its own: the stamp the first build wrote proves nothing to it.
     */
    @Test
    void anotherBuildWithTheSamePathSizesAndTimesIsNotTrusted(@TempDir Path builds) throws Exception {
        Path classes = Path.of(SyncStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path build = builds.resolve("build");
        Path other = builds.resolve("other");
        copyTree(classes, build);
        copyTree(classes, other);
        Path labels = other.resolve("dev/paperlist/model/Labels.class");
        byte[] bytes = Files.readAllBytes(labels);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(latin).contains("**Paper:**");
        var time = Files.getLastModifiedTime(labels);
        Files.write(labels, latin.replace("**Paper:**", "**Pap3r:**").getBytes(StandardCharsets.ISO_8859_1));
        Files.setLastModifiedTime(labels, time);
        String classpath = build + java.io.File.pathSeparator + java.util.Arrays.stream(
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                                .split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())
                        && !entry.endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Dfile.encoding=UTF-8",
                "-cp", classpath, "dev.paperlist.cli.Main", "check");
        List<String> render = new ArrayList<>(command);
        render.set(render.size() - 1, "render");
        assertThat(Processes.run(dir, stamps, render).exitCode()).isZero();
        assertThat(Processes.run(dir, stamps, command).exitCode()).isZero();
        deleteTree(build);
        Files.move(other, build);

        Processes.Result full = Processes.run(dir, Map.of("PAPERLIST_CACHE_DIR", ""), command);
        Processes.Result stamped = Processes.run(dir, stamps, command);

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.out()).contains("**Pap3r:**");
        assertThat(stamped).isEqualTo(full);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The bytes with {@code from} replaced by {@code to} and the case of letters after the list flipped to keep both CRCs. */
    static byte[] keepingCrcs(byte[] original, String from, String to) {
        String text = new String(original, StandardCharsets.UTF_8);
        byte[] edited = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        long target = crcs(edited) ^ crcs(original);
        int after = text.indexOf("<!-- paperlist:end -->");
        List<Integer> letters = new ArrayList<>();
        for (int i = after + 22; i < edited.length; i++) {
            if (Character.isLetter(edited[i])) {
                letters.add(i);
            }
        }
        // Gaussian elimination over GF(2): each flip changes both CRCs by a fixed 64-bit vector.
        long base = crcs(edited);
        int n = letters.size();
        long[] rows = new long[n];
        BitSet[] combos = new BitSet[n];
        for (int k = 0; k < n; k++) {
            edited[letters.get(k)] ^= 0x20;
            rows[k] = crcs(edited) ^ base;
            edited[letters.get(k)] ^= 0x20;
            combos[k] = new BitSet();
            combos[k].set(k);
        }
        long[] pivotRow = new long[64];
        BitSet[] pivotCombo = new BitSet[64];
        for (int k = 0; k < n; k++) {
            long row = rows[k];
            BitSet combo = combos[k];
            for (int bit = 63; bit >= 0 && row != 0; bit--) {
                if ((row >>> bit & 1) == 0) {
                    continue;
                }
                if (pivotCombo[bit] == null) {
                    pivotRow[bit] = row;
                    pivotCombo[bit] = combo;
                    break;
                }
                row ^= pivotRow[bit];
                combo = (BitSet) combo.clone();
                combo.xor(pivotCombo[bit]);
            }
        }
        BitSet flips = new BitSet();
        long rest = target;
        for (int bit = 63; bit >= 0 && rest != 0; bit--) {
            if ((rest >>> bit & 1) != 0) {
                assertThat(pivotCombo[bit]).as("enough letters to steer bit " + bit).isNotNull();
                rest ^= pivotRow[bit];
                flips.xor(pivotCombo[bit]);
            }
        }
        flips.stream().forEach(k -> edited[letters.get(k)] ^= 0x20);
        return edited;
    }

    static long crcs(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        CRC32 ieee = new CRC32();
        castagnoli.update(bytes);
        ieee.update(bytes);
        return castagnoli.getValue() << 32 | ieee.getValue();
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(dir, env, args);
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
