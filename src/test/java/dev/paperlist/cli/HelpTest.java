package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help that teaches: every command, present and future, has a description and examples in its --help. */
class HelpTest {
    @TempDir Path dir;

    @Test
    void everyCommandHasADescriptionAndExamples() {
        CommandLine root = Cli.create(new Environment(dir, Map.of()), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("check", "lint", "hook install", "completion");

        SoftAssertions softly = new SoftAssertions();
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun help = CliRun.in(dir, args.toArray(String[]::new));
            String name = String.join(" ", path);
            softly.assertThat(help.exitCode()).as("%s --help exit code", name).isZero();
            softly.assertThat(help.out()).as("%s --help", name).startsWith("Usage: paperlist " + name)
                    .contains("\nExamples:\n  paperlist " + name);
            // picocli wraps at 80 columns, which breaks an example command in two; a long example goes
            // on indented lines after a backslash instead.
            softly.assertThat(help.out().substring(help.out().indexOf("\nExamples:\n")).lines())
                    .as("%s examples fit in 80 columns", name).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80))
                    .allSatisfy(l -> assertThat(l).matches("(|Examples:|  \\S.*|      \\S.*)"));
            String description = help.out().lines().skip(1).dropWhile(l -> l.startsWith(" ") || l.isEmpty())
                    .findFirst().orElse("");
            softly.assertThat(description).as("%s has a description after its synopsis", name).isNotBlank()
                    .doesNotStartWith("Options").doesNotStartWith("Commands");
        }
        softly.assertAll();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        command.getSubcommands().forEach((name, child) -> {
            if (child.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return;
            }
            List<String> childPath = new ArrayList<>(path);
            childPath.add(name);
            out.add(childPath);
            collect(child, childPath, out);
        });
    }
}
