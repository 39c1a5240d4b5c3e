package dev.paperlist.cli;

import dev.paperlist.add.AddRequest;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.fetch.ArxivClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperlist add}: inserts a paper into papers.yaml, filled in from arXiv, then renders the outputs. */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add a paper to papers.yaml, filled in from arXiv when --arxiv is given, then render the "
                + "outputs as 'render' does.",
            "The entry is inserted as text at the end of its section (or at --position), in the file's own style; "
                + "nothing else in papers.yaml changes. On a terminal, missing values are asked for."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist add --section \"Multimodal/Large Multimodal Models\" \\",
            "      --arxiv 2402.12226 --code OpenMOSS/AnyGPT",
            "  paperlist add --section Vision --arxiv 2103.00020 --arxiv 2102.03334",
            "  paperlist add --section Vision --name DETR --url https://example.org/detr \\",
            "      --title \"End-to-End Object Detection with Transformers\" \\",
            "      --venue \"ECCV 2020\"",
            "  paperlist add --section Audio --new-section --arxiv 2212.04356 --dry-run"})
final class AddCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Mixin FileOptions files;
    @Spec CommandSpec spec;

    @Option(names = "--section", paramLabel = "PATH", completionCandidates = SectionCandidates.class, description = "The section, as a path of titles: \"A/B\".")
    String section;
    @Option(names = "--arxiv", paramLabel = "ID", description = "An arXiv id or URL; repeat for several papers.")
    List<String> arxiv = new ArrayList<>();
    @Option(names = "--name", paramLabel = "NAME", description = "The short name used as the heading, such as AnyGPT.")
    String name;
    @Option(names = "--title", paramLabel = "TITLE", description = "The full title.")
    String title;
    @Option(names = "--url", paramLabel = "URL", description = "The paper's page (default: its arXiv abs page).")
    String url;
    @Option(names = "--code", paramLabel = "OWNER/REPO", description = "The GitHub repository.")
    String code;
    @Option(names = "--venue", paramLabel = "VENUE", description = "Where it was accepted, such as \"ICLR 2024\".")
    String venue;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The submission date.")
    String date;
    @Option(names = "--author", paramLabel = "NAME", description = "An author or affiliation; repeatable.")
    List<String> authors = new ArrayList<>();
    @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeatable.")
    List<String> tags = new ArrayList<>();
    @Option(names = "--badge", paramLabel = "KIND=URL", description = "A badge (KIND:LABEL=URL for blog); repeatable.")
    List<String> badges = new ArrayList<>();
    @Option(names = "--note", paramLabel = "LABEL=URL", description = "A link to your notes; repeatable.")
    List<String> notes = new ArrayList<>();
    @Option(names = "--abstract", paramLabel = "TEXT", description = "The abstract.")
    String abstractText;
    @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic for the tag pages and the site; repeatable.")
    List<String> topics = new ArrayList<>();
    @Option(names = "--summary", paramLabel = "TEXT", description = "A line in your own words.")
    String summary;
    @Option(names = "--comment", paramLabel = "TEXT", description = "A remark, such as what to read it with.")
    String comment;
    @Option(names = "--added", paramLabel = "YYYY-MM-DD", description = "When the paper joined the list.")
    String added;
    @Option(names = "--image", paramLabel = "URL", description = "A picture for the paper, such as its teaser figure.")
    String image;
    @Option(names = "--position", paramLabel = "N", description = "Insert as the N-th entry of the section.")
    Integer position;
    @Option(names = "--new-section", description = "Create the section if it does not exist.")
    boolean newSection;
    @Option(names = "--force", description = "Add even if the paper is already in the catalogue.")
    boolean force;
    @Option(names = "--dry-run", description = "Print the YAML that would be inserted; write nothing.")
    boolean dryRun;
    @Option(names = "--no-render", description = "Do not render the outputs after adding.")
    boolean noRender;
    @Option(names = "--arxiv-api", paramLabel = "URL",
            description = "The arXiv API (default: $PAPERLIST_ARXIV_API, else " + ArxivClient.DEFAULT_API + ").")
    String arxivApi;

    @Override
    public Integer call() {
        Environment env = root.environment;
        String fromEnv = env.variables().get("PAPERLIST_ARXIV_API");
        String api = arxivApi != null ? arxivApi : fromEnv != null ? fromEnv : ArxivClient.DEFAULT_API;
        String source = arxivApi != null ? "--arxiv-api" : fromEnv != null ? "PAPERLIST_ARXIV_API" : "the default API";
        PaperAdder adder = new PaperAdder(env.resolve(files.catalog), files.catalog, env.terminal(), env.lockWait(),
                () -> new ArxivClient(ArxivClient.baseUri(api, source), env.network()));
        PaperAdder.Outcome outcome = adder.add(new AddRequest(section, arxiv, name, title, url, code, venue, date, authors,
                tags, badges, notes, abstractText, topics, summary, comment, added, image, position, newSection, force,
                dryRun, !noRender),
                catalog -> files.planOutputs(env, catalog));
        outcome.notes().forEach(spec.commandLine().getErr()::println);
        outcome.out().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
