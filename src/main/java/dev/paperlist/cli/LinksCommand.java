package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.links.LinkChecker;
import dev.paperlist.links.LinkReport;
import dev.paperlist.links.LinkResult.Verdict;
import dev.paperlist.links.LinksRun;
import dev.paperlist.links.LinksRun.NamedFile;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code paperlist links}: checks every link of the catalogue (and of the README) and reports the dead ones. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Check every link of papers.yaml (and with --readme, of the README outside the generated "
                + "block) and print each broken one once: 'papers.yaml:LINE:COL: URL: REASON', with every other "
                + "place it is written. arXiv ids go to the arXiv API, DOIs to the doi.org handle API, github.com "
                + "repositories to the statuses 'refresh' stored in papers.metrics.yaml; other links get a "
                + "one-byte GET (HEAD when refused). Results are cached in .paperlist/links-cache.json beside the "
                + "catalogue, so a daily run re-checks only what is due. Never writes papers.yaml or a README.",
            "Exit 1 when a link is broken (--strict: or moved), 4 when no host answered at all."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist links", "  paperlist links --readme --format github",
            "  paperlist links --max-age 0 --format json > links.json   # re-check everything"})
final class LinksCommand implements Callable<Integer> {
    /** How the results are printed. */
    enum Format { text, json, github }

    static final String DEFAULT_CACHE = ".paperlist/links-cache.json";
    static final String DEFAULT_DOI_API = "https://doi.org";

    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = FileOptions.DEFAULT_CATALOG,
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = "--readme", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Also check the links of this README outside the generated block (alone: the "
                    + "catalogue's outputs, or README.md).")
    String readme;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or github (workflow annotations); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--strict", description = "Exit 1 on moved links too.")
    boolean strict;

    @Option(names = "--max-age", paramLabel = "AGE", defaultValue = "7d", converter = AgeConverter.class,
            description = "Trust a link found alive or moved this long (30m, 12h, 7d; 0 re-checks all); default: ${DEFAULT-VALUE}.")
    Duration maxAge;

    @Option(names = "--max-age-broken", paramLabel = "AGE", defaultValue = "1d", converter = AgeConverter.class,
            description = "Trust a link found broken this long; default: ${DEFAULT-VALUE}.")
    Duration maxAgeBroken;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "The cache of results (default: " + DEFAULT_CACHE + " beside the catalogue).")
    String cache;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "Repository statuses from 'refresh' (default: NAME.metrics.yaml beside the catalogue NAME.yaml).")
    String metrics;

    @Option(names = "--timeout", paramLabel = "AGE", converter = AgeConverter.class,
            description = "How long one request may take (default: 10s).")
    Duration timeout;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "2",
            description = "Requests at once to one host, 1 to 4; default: ${DEFAULT-VALUE}.")
    int perHost;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "16",
            description = "Requests at once in all, 1 to 64; default: ${DEFAULT-VALUE}.")
    int parallel;

    @Override
    public Integer call() {
        Environment env = root.environment;
        if (perHost < 1 || perHost > 4 || parallel < 1 || parallel > 64) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist links: --per-host must be 1 to 4 and --parallel 1 to 64");
        }
        Path catalogPath = env.resolve(catalog);
        Path folder = catalogPath.getParent();
        String arxivApi = env.variables().getOrDefault("PAPERLIST_ARXIV_API", ArxivClient.DEFAULT_API);
        URI doiApi = ArxivClient.baseUri(env.variables().getOrDefault("PAPERLIST_DOI_API", DEFAULT_DOI_API),
                "PAPERLIST_DOI_API");
        LinkChecker.Settings settings = new LinkChecker.Settings(maxAge, maxAgeBroken, parallel, perHost,
                timeout != null ? timeout : env.network().timeout(), doiApi);
        if (!noCache && cache == null && java.nio.file.Files.isSymbolicLink(folder.resolve(".paperlist"))) {
            // A pull request can add the link; the cache goes only where the user says, or inside the folder.
            throw new PaperlistException(ExitCode.IO, Paths.display(env, folder.resolve(".paperlist"))
                    + ": is a symbolic link; paperlist writes only inside the catalogue's folder (give --cache FILE or --no-cache)");
        }
        LinksRun run = new LinksRun(catalogPath, catalog, readmes(env, catalogPath), noCache ? null
                : named(env, cache != null ? env.resolve(cache) : folder.resolve(DEFAULT_CACHE)),
                named(env, metrics != null ? env.resolve(metrics) : folder.resolve(metricsName(catalogPath))), settings,
                () -> new ArxivClient(ArxivClient.baseUri(arxivApi, "PAPERLIST_ARXIV_API"), env.network()),
                Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        LinkReport report = run.run(note -> spec.commandLine().getErr().println("paperlist links: " + note));
        switch (format) {
            case json -> out.print(report.json());
            case github -> {
                for (LinkReport.Entry e : report.with(Verdict.BROKEN, Verdict.MOVED)) {
                    String file = e.found().first().file();
                    out.println(GitHubAnnotations.line(e.verdict() == Verdict.BROKEN ? "error" : "warning",
                            GitHubAnnotations.filePath(env, env.resolve(file), file), e.found().first().position().line(),
                            e.found().first().position().column(), "paperlist links", e.message()));
                }
                out.println(report.summary());
            }
            default -> out.print(report.text());
        }
        boolean failed = report.count(Verdict.BROKEN) > 0 || strict && report.count(Verdict.MOVED) > 0;
        return failed ? ExitCode.STALE.code() : ExitCode.OK.code();
    }

    private List<NamedFile> readmes(Environment env, Path catalogPath) {
        List<NamedFile> files = new ArrayList<>();
        if (readme == null) {
            return files;
        }
        if (!readme.isEmpty()) {
            files.add(named(env, env.resolve(readme)));
            return files;
        }
        var outputs = CatalogLoader.load(catalogPath, catalog).settings().outputs();
        if (outputs.isEmpty()) {
            files.add(named(env, env.resolve("README.md")));
        }
        outputs.forEach(o -> files.add(named(env, catalogPath.getParent().resolve(o.file()).normalize())));
        return files;
    }

    private static NamedFile named(Environment env, Path path) {
        return new NamedFile(path, Paths.display(env, path));
    }

    // papers.yaml -> papers.metrics.yaml
    private static String metricsName(Path catalogPath) {
        String name = catalogPath.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".metrics.yaml";
    }

    /** Reads an age as {@code 500ms}, {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d} or {@code 0}. */
    static final class AgeConverter implements ITypeConverter<Duration> {
        private static final Pattern AGE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

        @Override
        public Duration convert(String value) {
            Matcher m = AGE.matcher(value.strip());
            if (!m.matches() || m.group(2) == null && !m.group(1).equals("0")) {
                throw new TypeConversionException("'" + value + "' is not an age such as 30m, 12h or 7d");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
