package dev.paperlist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tries to make the stamp lie: random sequences of edits of a list with tag pages, section pages and
 * several outputs (bytes changed with size and modification time kept; pages added, removed and brought
 * back; tag pages, split sections, budgets and outputs toggled; folders replaced by symbolic links; a
 * stamp left by another build of paperlist that renders differently), with renders in between. After
 * every step, {@code check} with stamps must print and exit exactly as {@code check} without them, twice
 * in a row (the first may record a stamp, the second may answer from it).
 *
 * <p>{@value #TRIES} sequences of {@code -Dpaperlist.stampSteps=N} steps in all, {@value #DEFAULT_STEPS} by
 * default; {@code -Dpaperlist.stampSteps=20000} for the long run.
 */
class StampDifferentialTest {
    static final int TRIES = 12;
    static final int DEFAULT_STEPS = 300;

    /** One edit of the workspace; {@code choice} picks a file, a page or a value where the edit needs one. */
    enum Kind {
        RENDER, CHANGE_BYTE_KEEP_SIZE_AND_TIME, REMOVE_PAGE, RESTORE_PAGE, ADD_FOREIGN_PAGE, ADD_OTHER_FILE,
        TOGGLE_TAG_PAGES, TOGGLE_SPLIT, SET_BUDGET, TOGGLE_OUTPUTS, EDIT_TITLE, FOLDER_TO_LINK, LINK_TO_FOLDER,
        ANOTHER_BUILDS_STAMP
    }

    record Step(Kind kind, int choice) {}

    @Property(tries = TRIES, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void aStampedCheckSaysWhatTheFullCheckSays(@ForAll("sequences") List<Step> steps) throws IOException {
        Path root = Files.createTempDirectory("stamp-differential");
        try {
            new Run(root).play(steps);
        } finally {
            delete(root);
        }
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        int steps = Integer.getInteger("paperlist.stampSteps", DEFAULT_STEPS);
        Arbitrary<Step> step = Arbitraries.of(Kind.class).flatMap(kind ->
                Arbitraries.integers().between(0, 1_000_000).map(choice -> new Step(kind, choice)));
        return step.list().ofSize(Math.max(1, (steps + TRIES - 1) / TRIES));
    }

    private static final class Run {
        final Path dir;
        final Path elsewhere;
        final Path cache;
        final Map<String, String> stamps;
        boolean tagPages = true;
        boolean split;
        int budget;
        boolean twoOutputs;
        int titleVariant;
        final List<byte[]> savedPages = new ArrayList<>();
        final List<String> savedNames = new ArrayList<>();
        int linkCount;
        int current;
        int proven;

        Run(Path root) throws IOException {
            dir = Files.createDirectories(root.resolve("list"));
            elsewhere = Files.createDirectories(root.resolve("elsewhere"));
            cache = Files.createDirectories(root.resolve("cache"));
            stamps = Map.of("PAPERLIST_CACHE_DIR", cache.toString());
        }

        void play(List<Step> steps) throws IOException {
            writeCatalogue();
            Files.writeString(dir.resolve("README.md"), "# List\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n\n"
                    + "After the list.\n");
            CliRun.in(dir, stamps, "render");
            List<String> done = new ArrayList<>();
            for (Step step : steps) {
                apply(step);
                done.add(step.toString());
                CliRun full = CliRun.in(dir, Map.of(), "check");
                CliRun first = CliRun.in(dir, stamps, "check");
                CliRun second = CliRun.in(dir, stamps, "check");
                assertThat(first).as("after %s", done).isEqualTo(full);
                assertThat(second).as("again after %s", done).isEqualTo(full);
                if (full.exitCode() == 0) {
                    current++;
                    byte[] catalogue = Files.readAllBytes(dir.resolve("papers.yaml"));
                    if (SyncStamp.of(stamps, dir.resolve("papers.yaml"), null, dir, catalogue, () -> null).provenCurrent().isPresent()) {
                        proven++;
                    }
                }
            }
            System.out.printf("StampDifferentialTest: %d steps, %d with every output current, %d of those proven by the"
                    + " stamp%n", steps.size(), current, proven);
        }

        void apply(Step step) throws IOException {
            int c = step.choice();
            switch (step.kind()) {
                case RENDER -> CliRun.in(dir, stamps, "render");
                case CHANGE_BYTE_KEEP_SIZE_AND_TIME -> changeByte(c);
                case REMOVE_PAGE -> {
                    List<Path> pages = pages();
                    if (!pages.isEmpty()) {
                        Path page = pages.get(c % pages.size());
                        savedNames.add(dir.relativize(page).toString());
                        savedPages.add(Files.readAllBytes(page));
                        Files.delete(page);
                    }
                }
                case RESTORE_PAGE -> {
                    if (!savedPages.isEmpty()) {
                        int k = c % savedPages.size();
                        Path page = dir.resolve(savedNames.get(k));
                        if (Files.isDirectory(page.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                            Files.write(page, savedPages.get(k));
                        }
                    }
                }
                case ADD_FOREIGN_PAGE -> {
                    Path folder = dir.resolve(c % 2 == 0 ? "tags" : "sections");
                    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                        Files.writeString(folder.resolve("Notes" + c % 3 + ".md"), "# Someone's own notes\n");
                    }
                }
                case ADD_OTHER_FILE -> {
                    Path folder = dir.resolve(c % 2 == 0 ? "tags" : "sections");
                    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                        Path file = folder.resolve(".gitkeep" + c % 2);
                        if (Files.exists(file)) {
                            Files.delete(file);
                        } else {
                            Files.writeString(file, "");
                        }
                    }
                }
                case TOGGLE_TAG_PAGES -> {
                    tagPages = !tagPages;
                    writeCatalogue();
                }
                case TOGGLE_SPLIT -> {
                    split = !split;
                    writeCatalogue();
                }
                case SET_BUDGET -> {
                    budget = c % 3;
                    writeCatalogue();
                }
                case TOGGLE_OUTPUTS -> {
                    twoOutputs = !twoOutputs;
                    writeCatalogue();
                }
                case EDIT_TITLE -> {
                    titleVariant = c % 3;
                    writeCatalogue();
                }
                case FOLDER_TO_LINK -> {
                    Path folder = dir.resolve(c % 2 == 0 ? "tags" : "sections");
                    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                        Path moved = elsewhere.resolve("moved" + linkCount++);
                        Files.move(folder, moved);
                        Files.createSymbolicLink(folder, moved);
                    }
                }
                case LINK_TO_FOLDER -> {
                    for (String name : List.of("tags", "sections")) {
                        Path folder = dir.resolve(name);
                        if (Files.isSymbolicLink(folder)) {
                            Path target = Files.readSymbolicLink(folder);
                            Files.delete(folder);
                            Files.move(target, folder);
                        }
                    }
                }
                case ANOTHER_BUILDS_STAMP -> anotherBuildsStamp();
            }
        }

        // Keeps the file's size and modification time: only its bytes tell.
        void changeByte(int c) throws IOException {
            List<Path> files = new ArrayList<>(pages());
            files.add(dir.resolve("README.md"));
            files.add(dir.resolve("papers.yaml"));
            Path file = files.get(c % files.size());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            Random random = new Random(c);
            for (int attempt = 0; attempt < 50 && bytes.length > 0; attempt++) {
                int at = random.nextInt(bytes.length);
                if (Character.isLetterOrDigit(bytes[at])) {
                    bytes[at] = (byte) (bytes[at] == 'x' ? 'y' : 'x');
                    FileTime time = Files.getLastModifiedTime(file);
                    Files.write(file, bytes);
                    Files.setLastModifiedTime(file, time);
                    return;
                }
            }
        }

        /**
         * A stamp as another build would leave it, one whose README differs (another label): it claims the
         * README current with that build's bytes. This build must not believe it.
         */
        void anotherBuildsStamp() throws IOException {
            Path readme = dir.resolve("README.md");
            if (!Files.isRegularFile(readme, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            String other = Files.readString(readme).replace("**Paper:**", "**Pap3r:**");
            byte[] otherBytes = other.getBytes(StandardCharsets.UTF_8);
            String path = "\t" + readme.toAbsolutePath().normalize() + "\t";
            try (Stream<Path> files = Files.list(cache)) {
                for (Path stamp : files.filter(p -> p.toString().endsWith(".stamp")).toList()) {
                    // Latin-1 keeps the bytes kept after the header as they are.
                    String text = Files.readString(stamp, StandardCharsets.ISO_8859_1);
                    StringBuilder forged = new StringBuilder();
                    boolean header = true;
                    for (String line : text.split("\n", -1)) {
                        header &= !line.equals("end");
                        if (!header) {
                            forged.append(line).append('\n');
                            continue;
                        }
                        if (line.startsWith("code ")) {
                            line = "code jar " + "1".repeat(64);
                        } else if (line.startsWith("output\t") && line.contains(path)) {
                            line = "output\t" + otherBytes.length + "\t" + SyncStamp.digest(otherBytes)
                                    + line.substring(line.indexOf(path));
                        }
                        forged.append(line).append('\n');
                    }
                    forged.setLength(forged.length() - 1);
                    Files.writeString(stamp, forged, StandardCharsets.ISO_8859_1);
                }
            }
            Files.write(readme, otherBytes);
        }

        List<Path> pages() throws IOException {
            List<Path> pages = new ArrayList<>();
            for (String name : List.of("tags", "sections", "docs/sections")) {
                Path folder = dir.resolve(name);
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
                    }
                }
            }
            return pages;
        }

        void writeCatalogue() throws IOException {
            StringBuilder yaml = new StringBuilder("settings:\n  toc: true\n");
            if (tagPages) {
                yaml.append("  tag_pages: true\n");
            }
            if (split) {
                yaml.append("  split_sections: true\n");
            }
            yaml.append("  size_budget: ").append(List.of("1 MB", "700", "1800").get(budget)).append('\n');
            if (twoOutputs) {
                yaml.append("  outputs:\n    - {file: README.md, layout: notes}\n    - {file: docs/NOTES.md, layout: table}\n");
            }
            String title = List.of("AnyGPT: Unified Multimodal LLM", "AnyGPT: Unified Multimodal LLM, revised",
                    "AnyGPT").get(titleVariant);
            yaml.append("sections:\n");
            String[][] sections = {{"Multimodal", "AnyGPT", "2402.12226", "Vision"}, {"Dialogue", "NExT-GPT", "2309.05519", "Speech"},
                {"Retrieval", "RAG", "2005.11401", "Vision"}};
            for (String[] section : sections) {
                yaml.append("  - title: ").append(section[0]).append("\n    papers:\n")
                        .append("      - name: ").append(section[1]).append('\n')
                        .append("        title: \"").append(section[1].equals("AnyGPT") ? title : section[1] + ": a paper")
                        .append("\"\n")
                        .append("        url: https://arxiv.org/abs/").append(section[2]).append('\n')
                        .append("        topics: [").append(section[3]).append("]\n");
            }
            Files.writeString(dir.resolve("papers.yaml"), yaml);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
