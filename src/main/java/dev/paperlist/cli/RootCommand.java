package dev.paperlist.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code paperlist}: the top command, holding what every subcommand shares. Its subcommands are in
 * {@link #SUBCOMMANDS} rather than in the annotation, so that {@link Cli} can build only the one a
 * command line runs.
 */
@Command(name = "paperlist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps a research-paper list README in sync with its YAML catalogue, papers.yaml.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success; the outputs are up to date",
            "  1  check: an output is out of date",
            "  2  wrong command-line usage",
            "  3  invalid input: papers.yaml or the README markers; add: already listed or a bad issue form",
            "  4  network failure (arXiv, GitHub)",
            "  5  a file could not be read, written or locked",
            " 70  internal error in paperlist"})
public final class RootCommand implements Runnable {
    /**
     * Every subcommand by name, in the order help lists them. picocli reads a command's annotations
     * reflectively when it is added, about 15 ms a command at start-up, so a run adds only what it needs.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = Subcommands.all();

    final Environment environment;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, for bug reports.")
    boolean stacktrace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    RootCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
