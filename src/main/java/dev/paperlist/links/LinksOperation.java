package dev.paperlist.links;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.fetch.ServiceAddress;
import dev.paperlist.fetch.Pacing;
import dev.paperlist.links.LinkResult.Verdict;
import dev.paperlist.links.LinksRun.NamedFile;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code paperlist links} from options to exit code: checks the options, places the cache and the metrics
 * beside the catalogue, runs {@link LinksRun} and prints its report in the format asked for.
 */
public final class LinksOperation {
    /** Where the cache goes when no --cache is given, relative to the catalogue's folder. */
    public static final String DEFAULT_CACHE = ".paperlist/links-cache.json";
    static final String DEFAULT_DOI_API = "https://doi.org";

    /**
     * What the operation sees of the world.
     *
     * @param resolve resolves a path given on the command line against the working folder
     * @param display how messages name a file
     * @param annotate a GitHub workflow annotation line: level, file as given, line, column, message
     */
    public record Context(Function<String, Path> resolve, Function<Path, String> display,
                          Map<String, String> variables, Pacing network, Annotator annotate) {}

    /** Writes one GitHub workflow annotation line. */
    @FunctionalInterface
    public interface Annotator {
        String line(String level, String file, int line, int column, String message);
    }

    private final LinksRequest request;
    private final Context context;

    public LinksOperation(LinksRequest request, Context context) {
        this.request = request;
        this.context = context;
    }

    /** Checks, prints the report to {@code out} and notes to {@code notes}; returns the exit code. */
    public int run(PrintWriter out, Consumer<String> notes) {
        LinksRequest r = request;
        if (r.perHost() < 1 || r.perHost() > 4 || r.parallel() < 1 || r.parallel() > 64) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist links: --per-host must be 1 to 4 and --parallel 1 to 64");
        }
        Path catalogPath = context.resolve().apply(r.catalog());
        Path folder = catalogPath.getParent();
        Map<String, String> variables = context.variables();
        URI doiApi = ServiceAddress.of(variables, "PAPERLIST_DOI_API", DEFAULT_DOI_API);
        LinkChecker.Settings settings = new LinkChecker.Settings(r.maxAge(), r.maxAgeBroken(), r.parallel(), r.perHost(),
                r.timeout() != null ? r.timeout() : context.network().timeout(), doiApi);
        if (!r.noCache() && r.cache() == null && Files.isSymbolicLink(folder.resolve(".paperlist"))) {
            // A pull request can add the link; the cache goes only where the user says, or inside the folder.
            throw new PaperlistException(ExitCode.IO, context.display().apply(folder.resolve(".paperlist"))
                    + ": is a symbolic link; paperlist writes only inside the catalogue's folder (give --cache FILE or --no-cache)");
        }
        LinksRun run = new LinksRun(catalogPath, r.catalog(), readmes(catalogPath), r.noCache() ? null
                : named(r.cache() != null ? context.resolve().apply(r.cache()) : folder.resolve(DEFAULT_CACHE)),
                named(r.metrics() != null ? context.resolve().apply(r.metrics()) : folder.resolve(metricsName(catalogPath))),
                settings, () -> new ArxivClient(ServiceAddress.arxiv(null, variables), context.network()),
                Clock.systemUTC());
        LinkReport report = run.run(note -> notes.accept("paperlist links: " + note));
        print(report, out);
        boolean failed = report.count(Verdict.BROKEN) > 0 || r.strict() && report.count(Verdict.MOVED) > 0;
        return failed ? ExitCode.STALE.code() : ExitCode.OK.code();
    }

    private void print(LinkReport report, PrintWriter out) {
        switch (request.format()) {
            case json -> out.print(report.json());
            case github -> {
                for (LinkReport.Entry e : report.with(Verdict.BROKEN, Verdict.MOVED)) {
                    Occurrence first = e.found().first();
                    out.println(context.annotate().line(e.verdict() == Verdict.BROKEN ? "error" : "warning",
                            first.file(), first.position().line(), first.position().column(), e.message()));
                }
                out.println(report.summary());
            }
            default -> out.print(report.text());
        }
    }

    private List<NamedFile> readmes(Path catalogPath) {
        List<NamedFile> files = new ArrayList<>();
        String readme = request.readme();
        if (readme == null) {
            return files;
        }
        if (!readme.isEmpty()) {
            files.add(named(context.resolve().apply(readme)));
            return files;
        }
        var outputs = CatalogLoader.load(catalogPath, request.catalog()).settings().outputs();
        if (outputs.isEmpty()) {
            files.add(named(context.resolve().apply("README.md")));
        }
        outputs.forEach(o -> files.add(named(catalogPath.getParent().resolve(o.file()).normalize())));
        return files;
    }

    private NamedFile named(Path path) {
        return new NamedFile(path, context.display().apply(path));
    }

    // papers.yaml -> papers.metrics.yaml
    private static String metricsName(Path catalogPath) {
        String name = catalogPath.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".metrics.yaml";
    }
}
