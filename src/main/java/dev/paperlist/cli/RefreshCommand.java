package dev.paperlist.cli;

import dev.paperlist.refresh.Refresher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist refresh}: fetches stars, venues and citations into the metrics data file. */
@Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch GitHub stars, archived flags and last pushes, venues of preprints (arXiv, Semantic "
                + "Scholar, DBLP) and citation counts (Semantic Scholar) into papers.metrics.yaml beside the catalogue.",
            "Venues are proposed, not trusted: they are printed, and written into papers.yaml only with --apply. "
                + "With a GitHub token (GITHUB_TOKEN, or --token-env) repositories are asked 100 a request through "
                + "GraphQL; without one, one by one through REST with the entity tags of the last refresh. Nothing is "
                + "written when a request fails; when the rate limit runs out, what was fetched is kept."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist refresh                   # GraphQL when GITHUB_TOKEN is set",
            "  paperlist refresh --only stars --section Vision",
            "  paperlist refresh --only venues --apply", "  paperlist refresh --paper 2103.00020 --token-env GH_PAT"})
final class RefreshCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Mixin RefreshOptions options;

    @Override
    public Integer call() {
        Environment env = root.environment;
        Refresher.Outcome outcome = Refresher.of(env.resolve(options.catalog), options.catalog, path -> Paths.display(env, path),
                env.variables(), env.network(), options.tokenEnv, env.lockWait(),
                env.terminal() != null ? spec.commandLine().getErr() : null)
                .refresh(options.request());
        outcome.notes().forEach(spec.commandLine().getErr()::println);
        outcome.out().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
