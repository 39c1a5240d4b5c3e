package dev.paperlist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code paperlist}: the top command, holding what every subcommand shares. */
@Command(name = "paperlist",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Keeps a research-paper list README in sync with its YAML catalogue, papers.yaml.",
        subcommands = {RenderCommand.class, CheckCommand.class, AddCommand.class, ImportCommand.class, LintCommand.class,
            HookCommand.class, SectionsCommand.class, CompletionCommand.class, SiteCommand.class, ExportCommand.class,
            picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success; the outputs are up to date",
            "  1  check: an output is out of date",
            "  2  wrong command-line usage",
            "  3  invalid input: papers.yaml or the README markers; add: already listed",
            "  4  network failure (arXiv, GitHub)",
            "  5  a file could not be read, written or locked",
            " 70  internal error in paperlist"})
public final class RootCommand implements Runnable {
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

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("/dev/paperlist/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"paperlist " + p.getProperty("version", "unknown")};
        }
    }
}
