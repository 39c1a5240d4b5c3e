package dev.paperlist.cli;

import dev.paperlist.links.LinksOperation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
    static final String DEFAULT_CACHE = LinksOperation.DEFAULT_CACHE;

    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;
    @Mixin LinksOptions options;

    @Override
    public Integer call() {
        Environment env = root.environment;
        var context = new LinksOperation.Context(env::resolve, path -> Paths.display(env, path), env.variables(),
                env.network(), (level, file, line, column, message) -> GitHubAnnotations.line(level,
                        GitHubAnnotations.filePath(env, env.resolve(file), file), line, column, "paperlist links", message));
        return new LinksOperation(options.request(), context)
                .run(spec.commandLine().getOut(), note -> spec.commandLine().getErr().println(note));
    }
}
