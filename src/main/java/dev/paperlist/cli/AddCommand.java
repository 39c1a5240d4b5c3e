package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.AddRequest;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.contribute.IssueComment;
import dev.paperlist.contribute.IssueSubmission;
import dev.paperlist.fetch.ArxivClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
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
            "  paperlist add --section Audio --new-section --arxiv 2212.04356 --dry-run",
            "  paperlist add --from-issue issue-body.md --format github-comment > comment.md"})
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
    @Option(names = "--from-issue", paramLabel = "FILE",
            description = "Take the paper from a submitted issue form: the issue body, or the JSON of an 'issues' "
                    + "event; - reads standard input. A wrong or listed paper exits 3.")
    String fromIssue;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            completionCandidates = Formats.class,
            description = "text, or github-comment: with --from-issue, Markdown on standard output for a comment on "
                    + "the issue or the pull request; default: ${DEFAULT-VALUE}.")
    Format format;
    @Option(names = "--arxiv-api", paramLabel = "URL",
            description = "The arXiv API (default: $PAPERLIST_ARXIV_API, else " + ArxivClient.DEFAULT_API + ").")
    String arxivApi;

    /** How the outcome is printed. */
    enum Format {
        TEXT("text"), GITHUB_COMMENT("github-comment");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Reads {@code --format} by the names help shows, which have a hyphen. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected one of text, github-comment but was '" + value + "'");
        }
    }

    /** The values of {@code --format}, for help and completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("text", "github-comment").iterator();
        }
    }

    @Override
    public Integer call() {
        Environment env = root.environment;
        String fromEnv = env.variables().get("PAPERLIST_ARXIV_API");
        String api = arxivApi != null ? arxivApi : fromEnv != null ? fromEnv : ArxivClient.DEFAULT_API;
        String source = arxivApi != null ? "--arxiv-api" : fromEnv != null ? "PAPERLIST_ARXIV_API" : "the default API";
        // A submitted form is complete as it is: what it lacks is for the submitter to fix, not for a terminal to ask.
        PaperAdder adder = new PaperAdder(env.resolve(files.catalog), files.catalog,
                fromIssue != null ? null : env.terminal(), env.lockWait(),
                () -> new ArxivClient(ArxivClient.baseUri(api, source), env.network()));
        AddRequest request = new AddRequest(section, arxiv, name, title, url, code, venue, date, authors, tags, badges,
                notes, abstractText, topics, summary, comment, added, image, position, newSection, force, dryRun, !noRender);
        if (fromIssue != null) {
            return fromIssue(adder, request, env);
        }
        if (format != Format.TEXT) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist add: --format github-comment needs --from-issue");
        }
        PaperAdder.Outcome outcome = adder.add(request, catalog -> files.planOutputs(env, catalog));
        outcome.notes().forEach(spec.commandLine().getErr()::println);
        outcome.out().forEach(spec.commandLine().getOut()::println);
        return 0;
    }

    // With github-comment, standard output is the comment alone, on failure too; the usual lines go to stderr.
    private Integer fromIssue(PaperAdder adder, AddRequest options, Environment env) {
        if (!options.equals(IssueSubmission.noPaperOptions(dryRun, !noRender))) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist add: --from-issue takes the paper from the issue; "
                    + "give no other option about the paper");
        }
        boolean comment = format == Format.GITHUB_COMMENT;
        PrintWriter out = spec.commandLine().getOut();
        try {
            IssueSubmission submission = fromIssue.equals("-") ? IssueSubmission.read(env.stdin(), "standard input")
                    : IssueSubmission.read(env.resolve(fromIssue), fromIssue);
            PaperAdder.Outcome outcome = submission.add(adder, dryRun, !noRender, catalog -> files.planOutputs(env, catalog));
            outcome.notes().forEach(spec.commandLine().getErr()::println);
            outcome.out().forEach((comment ? spec.commandLine().getErr() : out)::println);
            if (comment) {
                out.print(IssueComment.success(outcome));
            }
            return 0;
        } catch (PaperlistException e) {
            if (comment) {
                out.print(IssueComment.failure(e));
            }
            throw e;
        }
    }
}
