package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds only the subcommand it names; what a user sees must not tell: names agree with the
 * annotations, and help, typos and completion still see every command.
 */
class LazySubcommandsTest {
    @TempDir Path dir;

    private CommandLine built(String... args) {
        return Cli.create(new Environment(dir, Map.of()), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
    }

    @Test
    void everyNameIsTheOneItsCommandAnnotationGives() {
        RootCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).as(type.getName()).isEqualTo(name));
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAfterRootOptions() {
        assertThat(built("check").getSubcommands()).containsOnlyKeys("check");
        assertThat(built("--stacktrace", "render", "--exit-code").getSubcommands()).containsOnlyKeys("render");
        assertThat(built("hook", "install").getSubcommands().get("hook").getSubcommands())
                .containsOnlyKeys("install", "uninstall");
    }

    @Test
    void helpTyposAndCompletionSeeTheWholeTree() {
        String[][] whole = {{}, {"--help"}, {"help", "check"}, {"completion", "bash"}, {"chek"}, {"--", "check"}};
        for (String[] args : whole) {
            assertThat(built(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(RootCommand.SUBCOMMANDS.keySet());
        }
        CliRun typo = CliRun.in(dir, "chek");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: paperlist check");
        assertThat(CliRun.in(dir, "--help").out()).contains("  render ", "  export ", "  help ");
    }
}
