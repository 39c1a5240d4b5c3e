package dev.paperlist.cli;

import dev.paperlist.refresh.Refresher;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options of {@code paperlist refresh}, mixed into {@link RefreshCommand}. */
final class RefreshOptions {
    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = "papers.yaml",
            description = "The catalogue (default: ${DEFAULT-VALUE}); the data file is FILE's name with .metrics.yaml.")
    String catalog;
    @Option(names = "--section", paramLabel = "PATH", completionCandidates = SectionCandidates.class,
            description = "Only the papers of this section and its subsections.")
    String section;
    @Option(names = "--paper", paramLabel = "ID", description = "Only this paper: its id, name or arXiv id.")
    String paper;
    @Option(names = "--only", paramLabel = "WHAT", split = ",",
            description = "Only some of stars, venues, citations (comma-separated or repeated).")
    Set<Refresher.Part> only = EnumSet.noneOf(Refresher.Part.class);
    @Option(names = "--apply", description = "Write the proposed venues into the catalogue, each with a comment "
            + "naming its source.")
    boolean apply;
    @Option(names = "--token-env", paramLabel = "NAME",
            description = "The environment variable holding the GitHub token (default: GITHUB_TOKEN).")
    String tokenEnv;

    Refresher.Request request() {
        return new Refresher.Request(section, paper, only, apply);
    }
}
