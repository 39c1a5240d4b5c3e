package dev.paperlist.cli;

import dev.paperlist.add.AddRequest;
import dev.paperlist.add.OptionValues;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.model.Badge;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.PartialDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code paperlist add}, mixed into {@link AddCommand}; the paper's become an {@link AddRequest}. */
final class AddOptions {
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
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The submission date.")
    PartialDate date;
    @Option(names = "--author", paramLabel = "NAME", description = "An author or affiliation; repeatable.")
    List<String> authors = new ArrayList<>();
    @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeatable.")
    List<String> tags = new ArrayList<>();
    @Option(names = "--badge", paramLabel = "KIND=URL", converter = BadgeConverter.class,
            description = "A badge (KIND:LABEL=URL for blog); repeatable.")
    List<Badge> badges = new ArrayList<>();
    @Option(names = "--note", paramLabel = "LABEL=URL", converter = NoteConverter.class,
            description = "A link to your notes; repeatable.")
    List<NoteLink> notes = new ArrayList<>();
    @Option(names = "--abstract", paramLabel = "TEXT", description = "The abstract.")
    String abstractText;
    @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic for the tag pages and the site; repeatable.")
    List<String> topics = new ArrayList<>();
    @Option(names = "--summary", paramLabel = "TEXT", description = "A line in your own words.")
    String summary;
    @Option(names = "--comment", paramLabel = "TEXT", description = "A remark, such as what to read it with.")
    String comment;
    @Option(names = "--added", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "When the paper joined the list.")
    PartialDate added;
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

    /** Reads {@code --badge} as {@link OptionValues#badge}; a value it refuses is a usage error naming the option. */
    static final class BadgeConverter implements ITypeConverter<Badge> {
        @Override
        public Badge convert(String value) {
            return read(OptionValues::badge, value);
        }
    }

    /** Reads {@code --note} as {@link OptionValues#note}. */
    static final class NoteConverter implements ITypeConverter<NoteLink> {
        @Override
        public NoteLink convert(String value) {
            return read(OptionValues::note, value);
        }
    }

    /** Reads {@code --date} and {@code --added} as {@link OptionValues#date}. */
    static final class DateConverter implements ITypeConverter<PartialDate> {
        @Override
        public PartialDate convert(String value) {
            return read(OptionValues::date, value);
        }
    }

    private static <T> T read(Function<String, T> reader, String value) {
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The values of {@code --format}, for help and completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("text", "github-comment").iterator();
        }
    }

    AddRequest request() {
        return new AddRequest(section, List.copyOf(arxiv), name, title, url, code, venue, date, List.copyOf(authors),
                List.copyOf(tags), List.copyOf(badges), List.copyOf(notes), abstractText, List.copyOf(topics), summary,
                comment, added, image, position, newSection, force, dryRun, !noRender);
    }
}
