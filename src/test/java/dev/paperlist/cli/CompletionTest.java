package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The completion scripts, sourced into real shells. bash is required; zsh and fish are tried when they are
 * installed. Section paths complete through a stand-in {@code add --section} built on {@link SectionCandidates},
 * the way a real command declares it, and a {@code paperlist} shell function that runs paperlist from the test
 * classpath.
 */
class CompletionTest {
    private static final String CATALOG = """
            sections:
              - title: Multimodal
                sections:
                  - title: Large Multimodal Models
                  - title: Multimodal Dialogue
              - title: Speech
            """;

    @TempDir Path dir;

    @BeforeEach
    void catalogue() throws IOException {
        Files.writeString(dir.resolve("papers.yaml"), CATALOG);
        Files.writeString(dir.resolve("other.yaml"), "sections:\n  - title: Other one\n");
    }

    @Test
    void bashCompletesEveryCommandFromItsFirstTwoLetters() throws IOException {
        Path script = script("bash");
        CommandSpec root = Cli.create(new Environment(dir, Map.of()), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getCommandSpec();
        assertThat(root.subcommands().keySet()).contains("check", "hook", "lint", "completion");
        for (String command : root.subcommands().keySet()) {
            String prefix = command.substring(0, 2);
            assertThat(bashComplete(script, "paperlist", prefix)).as("paperlist %s<TAB>", prefix).contains(command);
        }
        assertThat(bashComplete(script, "paperlist", "ch")).containsExactly("check");
        assertThat(bashComplete(script, "paperlist", "ho")).containsExactly("hook");
        assertThat(bashComplete(script, "paperlist", "hook", "un")).containsExactly("uninstall");
        assertThat(bashComplete(script, "paperlist", "check", "--form")).containsExactly("--format");
        assertThat(bashComplete(script, "paperlist", "lint", "--format", "j")).containsExactly("json");
    }

    /** A stand-in for a command with a section option, declared as real commands declare one. */
    @Command(name = "add")
    static final class AddStandIn implements Runnable {
        @Option(names = {"-c", "--catalog"}) String catalog;
        @Option(names = {"-s", "--section"}, completionCandidates = SectionCandidates.class) String section;

        @Override
        public void run() {}
    }

    @Command(name = "paperlist", subcommands = AddStandIn.class)
    static final class RootStandIn implements Runnable {
        @Override
        public void run() {}
    }

    @Test
    void bashCompletesSectionPathsFromTheCatalogueAtCompletionTime() throws IOException {
        Path script = dir.resolve("standin.bash");
        Files.writeString(script, CompletionScripts.bash(new CommandLine(new RootStandIn()).getCommandSpec()));

        assertThat(bashComplete(script, "paperlist", "add", "--section", ""))
                .containsExactly("Multimodal", "Multimodal/Large\\ Multimodal\\ Models",
                        "Multimodal/Multimodal\\ Dialogue", "Speech");
        assertThat(bashComplete(script, "paperlist", "add", "--section", "Multimodal/L"))
                .containsExactly("Multimodal/Large\\ Multimodal\\ Models");
        assertThat(bashComplete(script, "paperlist", "add", "--catalog", "other.yaml", "-s", ""))
                .containsExactly("Other\\ one");
    }

    @Test
    void sectionsPrintsEveryPathInPageOrder() {
        CliRun sections = CliRun.in(dir, "sections");
        assertThat(sections.exitCode()).isZero();
        assertThat(sections.out()).isEqualTo("Multimodal\nMultimodal/Large Multimodal Models\nMultimodal/Multimodal Dialogue\n"
                + "Speech\n");
        assertThat(CliRun.in(dir, "sections", "--catalog", "missing.yaml").exitCode()).isEqualTo(5);
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() throws IOException {
        assumeThat(installed("zsh")).as("zsh is installed").isTrue();
        Path script = script("zsh");
        Processes.Result zsh = Processes.run(dir, Map.of(), List.of("zsh", "-f", "-c",
                "autoload -U +X compinit && compinit -u -D; source " + quote(script) + " && print -r -- $_comps[paperlist]"));
        assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
        assertThat(zsh.out()).contains("_complete_paperlist");
        assertThat(zsh.err()).isEmpty();
    }

    @Test
    void fishCompletesCommandsOptionsAndSectionPaths() throws IOException {
        assumeThat(installed("fish")).as("fish is installed").isTrue();
        Path script = script("fish");
        assertThat(fishComplete(script, "paperlist ch")).containsExactly("check");
        assertThat(fishComplete(script, "paperlist hook un")).containsExactly("uninstall");
        assertThat(fishComplete(script, "paperlist lint --format j")).containsExactly("json");

        Path standIn = dir.resolve("standin.fish");
        Files.writeString(standIn, CompletionScripts.fish(new CommandLine(new RootStandIn()).getCommandSpec()));
        assertThat(fishComplete(standIn, "paperlist add --section Multimodal/"))
                .containsExactly("Multimodal/Large Multimodal Models", "Multimodal/Multimodal Dialogue");
        assertThat(fishComplete(standIn, "paperlist add --catalog other.yaml --section "))
                .containsExactly("Other one");
    }

    private Path script(String shell) throws IOException {
        CliRun completion = CliRun.in(dir, "completion", shell);
        assertThat(completion.exitCode()).as(completion.toString()).isZero();
        assertThat(completion.err()).isEmpty();
        Path script = dir.resolve("paperlist." + shell);
        Files.writeString(script, completion.out(), StandardCharsets.UTF_8);
        return script;
    }

    /** What bash's completion function for paperlist offers for the last word, as bash would call it. */
    private List<String> bashComplete(Path script, String... words) {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(quote(word)).append(' ');
        }
        String program = "paperlist() { " + Processes.paperlistShellCommand() + " \"$@\"; }\n"
                + "source " + quote(script) + "\n"
                // compopt only works inside completion that readline started; here it would only complain.
                + "compopt() { :; }\n"
                + "fn=$(complete -p paperlist | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "COMPREPLY=()\n\"$fn\" paperlist \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Processes.Result bash = Processes.run(dir, Map.of(), List.of("bash", "--norc", "--noprofile", "-c", program));
        assertThat(bash.exitCode()).as(bash.toString()).isZero();
        assertThat(bash.err()).as(bash.toString()).isEmpty();
        return bash.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    /** What fish offers for the command line, by its own {@code complete -C}, without descriptions. */
    private List<String> fishComplete(Path script, String commandLine) {
        String program = "function paperlist; " + Processes.paperlistShellCommand() + " $argv; end; "
                + "source " + quote(script) + "; complete -C " + quote(commandLine);
        Processes.Result fish = Processes.run(dir, Map.of(), List.of("fish", "--no-config", "-c", program));
        assertThat(fish.exitCode()).as(fish.toString()).isZero();
        return fish.out().lines().map(l -> l.split("\t", 2)[0]).toList();
    }

    private static boolean installed(String shell) {
        try {
            return Processes.run(Path.of("."), Map.of(), List.of(shell, "-c", "exit 0")).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String quote(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }
}
