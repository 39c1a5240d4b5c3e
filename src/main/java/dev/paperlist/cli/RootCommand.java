package dev.paperlist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code paperlist}: the top command, holding what every subcommand shares. Its subcommands are in
 * {@link #SUBCOMMANDS} rather than in the annotation, so that {@link Cli} can build only the one a
 * command line runs.
 */
@Command(name = "paperlist",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
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
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

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

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("render", RenderCommand.class);
        all.put("check", CheckCommand.class);
        all.put("add", AddCommand.class);
        all.put("import", ImportCommand.class);
        all.put("lint", LintCommand.class);
        all.put("hook", HookCommand.class);
        all.put("sections", SectionsCommand.class);
        all.put("completion", CompletionCommand.class);
        all.put("site", SiteCommand.class);
        all.put("export", ExportCommand.class);
        all.put("contribute", ContributeCommand.class);
        all.put("links", LinksCommand.class);
        all.put("refresh", RefreshCommand.class);
        all.put("help", picocli.CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(all);
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
