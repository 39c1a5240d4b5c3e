package dev.paperlist.add;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.DuplicateFinder;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.catalog.edit.CatalogEditor;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.fetch.ArxivEntry;
import dev.paperlist.fetch.Pacing;
import dev.paperlist.fetch.ServiceAddress;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.LockFile;
import dev.paperlist.io.Terminal;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.sync.OutputPlan;
import dev.paperlist.sync.OutputPlanner;
import dev.paperlist.sync.ReadmeSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code paperlist add} from start to end: checks the options, asks a terminal for what is missing,
 * fetches from arXiv, then, holding the catalogue's lock, edits papers.yaml in place, verifies the edit,
 * renders the outputs in memory and only then writes. Any failure before the writes leaves every file as
 * it was; papers.yaml is written before the outputs, each atomically.
 *
 * @param terminal who answers questions, or {@code null} when nobody can (a missing value is then an error)
 * @param arxiv makes the arXiv client, only when an {@code --arxiv} is given
 */
public record PaperAdder(Path catalogPath, String catalogName, Terminal terminal, Duration lockWait,
                         Supplier<ArxivClient> arxiv) {
    // "AnyGPT: Unified Multimodal LLM…" names itself AnyGPT; longer or multi-word prefixes are left to --name.
    private static final Pattern NAME_PREFIX = Pattern.compile("([^\\s:]{1,30}):\\s+\\S.*");

    /**
     * Makes the arXiv client at the address {@link ServiceAddress#arxiv} gives; a bad URL names where it
     * came from.
     */
    public static Supplier<ArxivClient> arxiv(String option, Map<String, String> variables, Pacing network) {
        return () -> new ArxivClient(ServiceAddress.arxiv(option, variables), network);
    }

    /** What to print: {@code out} on standard output, {@code notes} on standard error. */
    public record Outcome(List<String> out, List<String> notes) {}

    /**
     * Adds the papers. {@code outputs} renders the outputs of a catalogue in memory, as {@code render}
     * would; it is not asked for {@code --dry-run} or without {@code render}.
     */
    public Outcome add(AddRequest request, OutputPlanner outputs) {
        List<String> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ArxivId> ids = arxivIds(request);
        checkSinglePaperOptions(request, ids);
        Overrides given = overrides(request);

        TextFile firstRead = TextFile.read(catalogPath, catalogName, CatalogLoader.MAX_BYTES);
        Catalog before = CatalogLoader.parse(firstRead.text(), catalogName);
        String section = request.section() != null ? request.section()
                : ask("Section", "a path of titles, such as 'Multimodal/Large Multimodal Models'", "--section");
        CatalogEditor.Target target = CatalogEditor.resolve(before, section, request.newSection());
        DuplicateFinder early = new DuplicateFinder(before);
        for (ArxivId id : ids) {
            refuseDuplicate(early, Paper.builder(id.id(), "").arxiv(id).build(), target, request.force());
        }

        List<Paper> papers = new ArrayList<>();
        if (ids.isEmpty()) {
            papers.add(paper(given, null, notes));
        } else {
            Map<ArxivId, ArxivEntry> entries = arxiv.get().fetch(ids);
            for (ArxivId id : ids) {
                ArxivEntry entry = entries.get(id);
                if (ids.size() > 1 && terminal == null && nameFromTitle(clean(entry.title())).isEmpty()) {
                    throw usage("missing --name for " + id + ": its title '" + clean(entry.title()) + "' has no short "
                            + "name before a colon; add that paper on its own with --name");
                }
                papers.add(paper(given, entry, notes));
            }
        }

        if (request.dryRun()) {
            Edit edit = edit(firstRead, before, section, request, papers, notes);
            out.add(edit.inserted.replace("\r\n", "\n").stripTrailing());
            return new Outcome(out, notes);
        }
        try (LockFile lock = LockFile.acquire(catalogPath, catalogName, lockWait)) {
            // Read again under the lock: another add may have written since the first read.
            TextFile file = TextFile.read(catalogPath, catalogName, CatalogLoader.MAX_BYTES);
            Catalog current = file.text().equals(firstRead.text()) ? before : CatalogLoader.parse(file.text(), catalogName);
            Edit edit = edit(file, current, section, request, papers, notes);
            List<OutputPlan> plans = request.render() ? outputs.plan(edit.catalog) : List.of();
            AtomicWriter.write(catalogPath, TextFile.encode(edit.text, file.bom()), catalogName);
            out.addAll(edit.messages);
            try {
                Set<OutputPlan> changed = ReadmeSync.applyAll(plans);
                for (OutputPlan plan : plans) {
                    out.add(plan.displayName() + (plan.orphan() ? ": removed (paperlist no longer produces it)"
                            : changed.contains(plan) ? ": rendered" : ": up to date"));
                }
            } catch (PaperlistException e) {
                throw new PaperlistException(e.exitCode(), e.getMessage() + " (" + catalogName
                        + " already has the new paper; run 'paperlist render' once this is fixed)", e);
            }
        }
        return new Outcome(out, notes);
    }

    private record Edit(String text, Catalog catalog, String inserted, List<String> messages) {}

    // Inserts each paper in turn; each insertion is verified by the editor before the next.
    private Edit edit(TextFile file, Catalog loaded, String section, AddRequest request, List<Paper> papers,
                      List<String> notes) {
        String text = file.text();
        Catalog catalog = loaded;
        StringBuilder inserted = new StringBuilder();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            CatalogEditor.Target target = CatalogEditor.resolve(catalog, section, request.newSection());
            Integer position = position(request, catalog, target, i);
            Optional<DuplicateFinder.Match> match = refuseDuplicate(new DuplicateFinder(catalog), paper, target,
                    request.force());
            CatalogEditor.Result result;
            String added = "added '" + paper.name() + "' to '" + target.path() + "'";
            if (match.isPresent() && match.get().sameId()) {
                Paper existing = match.get().existing();
                String key = refKey(catalog, existing);
                if (existing.id() == null && !key.equals(existing.name())) {
                    CatalogEditor.Result withId = CatalogEditor.addId(text, catalogName, catalog, existing, key);
                    inserted.append(withId.inserted());
                    text = withId.text();
                    catalog = withId.catalog();
                    existing = paperWithId(catalog, key);
                    target = CatalogEditor.resolve(catalog, section, request.newSection());
                }
                result = CatalogEditor.insertRef(text, catalogName, catalog, target, position, existing, key);
                added = "listed '" + existing.name() + "' in '" + target.path() + "' as 'ref: " + key + "'";
                notes.add(catalogName + ":" + existing.position() + ": '" + existing.name() + "' is already in the "
                        + "catalogue (" + match.get().reason() + "); listed in '" + target.path() + "' as 'ref: " + key
                        + "', so the fields given here are not used");
            } else {
                refuseSameName(catalog, target, paper);
                result = CatalogEditor.insertPaper(text, catalogName, catalog, target, position, paper);
            }
            inserted.append(result.inserted());
            text = result.text();
            catalog = result.catalog();
            messages.add(catalogName + ": " + added + " at line " + result.line());
        }
        return new Edit(text, catalog, inserted.toString(), messages);
    }

    // ---- the options ----

    private static List<ArxivId> arxivIds(AddRequest request) {
        List<ArxivId> ids = new ArrayList<>();
        for (String text : request.arxiv()) {
            ArxivId id = ArxivId.parse(text).orElseThrow(() -> usage("--arxiv '" + text + "' is not an arXiv id or "
                    + "URL (such as 2402.12226, arXiv:2402.12226v2, https://arxiv.org/abs/2402.12226 or hep-th/9901001)"));
            if (ids.contains(id)) {
                throw usage("--arxiv " + id + " is given twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static void checkSinglePaperOptions(AddRequest r, List<ArxivId> ids) {
        if (ids.size() < 2) {
            return;
        }
        String[][] single = {{"--name", r.name()}, {"--title", r.title()}, {"--url", r.url()}, {"--code", r.code()},
            {"--venue", r.venue()}, {"--date", r.date() == null ? null : "x"}, {"--abstract", r.abstractText()},
            {"--summary", r.summary()}, {"--comment", r.comment()}, {"--image", r.image()},
            {"--author", r.authors().isEmpty() ? null : "x"}, {"--badge", r.badges().isEmpty() ? null : "x"},
            {"--note", r.notes().isEmpty() ? null : "x"}};
        for (String[] option : single) {
            if (option[1] != null) {
                throw usage(option[0] + " describes one paper, but " + ids.size() + " --arxiv ids are given; add that "
                        + "paper on its own");
            }
        }
    }

    /** The option values, checked and normalised as the loader would read them from papers.yaml. */
    private record Overrides(String name, String title, String url, GitHubRepo code, String venue, PartialDate date,
                             List<String> authors, List<String> tags, List<Badge> badges, List<NoteLink> notes,
                             String abstractText, List<String> topics, String summary, String comment,
                             PartialDate added, String image) {}

    private static Overrides overrides(AddRequest r) {
        String url = text(r.url(), "--url");
        if (url != null && !TextRules.isWebUrl(url)) {
            throw usage("--url must be an http:// or https:// URL, got '" + url + "'");
        }
        GitHubRepo code = null;
        if (r.code() != null) {
            code = GitHubRepo.parse(r.code()).orElseThrow(() -> usage("--code must be a GitHub repository as owner/repo "
                    + "or https://github.com/owner/repo, got '" + r.code() + "'"));
        }
        String image = text(r.image(), "--image");
        if (image != null && !TextRules.isWebUrl(image)) {
            throw usage("--image must be an http:// or https:// URL, got '" + image + "'");
        }
        return new Overrides(text(r.name(), "--name"), text(r.title(), "--title"), url, code, text(r.venue(), "--venue"),
                r.date(), items(r.authors(), "--author"), items(r.tags(), "--tag"), r.badges(), r.notes(),
                text(r.abstractText(), "--abstract"), items(r.topics(), "--topic"), text(r.summary(), "--summary"),
                text(r.comment(), "--comment"), r.added(), image);
    }

    // A text option as the loader reads text: white space folded, empty as absent, invisible characters refused.
    private static String text(String value, String option) {
        if (value == null) {
            return null;
        }
        String text = TextRules.collapseWhitespace(value);
        TextRules.forbiddenCharacter(text).ifPresent(c -> {
            throw usage(option + " contains the invisible character " + c + "; remove it");
        });
        return text.isEmpty() ? null : text;
    }

    private static List<String> items(List<String> values, String option) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String text = text(value, option);
            if (text == null) {
                throw usage(option + " is empty");
            }
            out.add(text);
        }
        return out;
    }

    // ---- the paper ----

    private Paper paper(Overrides given, ArxivEntry entry, List<String> notes) {
        String title = given.title() != null ? given.title()
                : entry != null ? clean(entry.title())
                : ask("Title", "the full title of the paper", "--title");
        String name = given.name() != null ? given.name()
                : nameFromTitle(title).orElseGet(() -> ask("Name for '" + title + "'",
                        "the short heading, such as AnyGPT", "--name"));
        Paper.Builder b = Paper.builder(name, title);
        String url = given.url() != null ? given.url() : entry != null ? entry.absUrl() : null;
        b.url(url);
        if (entry != null && (url == null || !ArxivId.parse(url).equals(Optional.of(entry.id())))) {
            b.arxiv(entry.id());
        }
        b.code(given.code());
        String venue = given.venue();
        if (venue == null && entry != null && entry.venueHint().isPresent()) {
            venue = entry.venueHint().get();
            notes.add(name + ": venue '" + venue + "' read from arXiv's comment or journal reference; "
                    + "give --venue to set another");
        }
        b.venue(venue);
        b.submitted(given.date() != null ? given.date() : entry == null ? null : entry.submitted());
        List<String> authors = given.authors();
        if (authors.isEmpty() && entry != null) {
            authors = new ArrayList<>();
            for (String author : entry.authors()) {
                String clean = clean(author);
                if (!clean.isEmpty()) {
                    authors.add(clean);
                }
            }
        }
        b.authors(authors);
        b.tags(given.tags());
        String abstractText = given.abstractText() != null ? given.abstractText()
                : entry == null || entry.abstractText() == null ? null : clean(entry.abstractText());
        b.abstractText(abstractText == null || abstractText.isEmpty() ? null : abstractText);
        given.badges().forEach(b::badge);
        given.notes().forEach(b::note);
        b.topics(given.topics()).summary(given.summary()).comment(given.comment()).added(given.added()).image(given.image());
        return b.build();
    }

    static Optional<String> nameFromTitle(String title) {
        Matcher m = NAME_PREFIX.matcher(title);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // Text from arXiv, as the loader would read it: invisible characters dropped, white space folded.
    private static String clean(String text) {
        return TextRules.collapseWhitespace(TextRules.withoutForbidden(text));
    }

    // Asks the terminal for a required value; without a terminal, a missing value is a usage error naming it.
    private String ask(String label, String hint, String option) {
        if (terminal == null) {
            throw usage("missing " + option + " (" + hint + ")");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            String answer = terminal.ask(label + " (" + hint + "): ");
            if (answer == null) {
                throw usage("missing " + option + " (" + hint + "): no answer");
            }
            String text = TextRules.collapseWhitespace(answer);
            if (!text.isEmpty() && TextRules.forbiddenCharacter(text).isEmpty()) {
                return text;
            }
        }
        throw usage("missing " + option + " (" + hint + "): no usable answer after 3 questions");
    }

    // ---- duplicates and places ----

    private Optional<DuplicateFinder.Match> refuseDuplicate(DuplicateFinder finder, Paper paper,
                                                            CatalogEditor.Target target, boolean force) {
        Optional<DuplicateFinder.Match> found = finder.find(paper);
        if (found.isEmpty()) {
            return found;
        }
        DuplicateFinder.Match match = found.get();
        Paper existing = match.existing();
        String where = catalogName + ":" + existing.position() + ": '" + existing.name() + "' is already in the catalogue ("
                + match.reason() + "), in '" + String.join("', '", match.sections()) + "'";
        if (match.sameId() && match.sections().contains(target.path()) && target.newTitles().isEmpty()) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, where + "; a section lists a paper once");
        }
        if (!force) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, where + (match.sameId()
                    ? "; use --force to list it in '" + target.path() + "' too (as a ref to that entry)"
                    : "; if it is a different paper, use --force to add it anyway"));
        }
        return found;
    }

    private void refuseSameName(Catalog catalog, CatalogEditor.Target target, Paper paper) {
        Section section = CatalogEditor.section(catalog, target);
        if (section == null) {
            return;
        }
        for (Paper p : section.papers()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(paper.name().toLowerCase(Locale.ROOT))) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, catalogName + ":" + p.position() + ": section '"
                        + target.path() + "' already has a paper named '" + p.name() + "'; give another --name");
            }
        }
    }

    private static Integer position(AddRequest request, Catalog catalog, CatalogEditor.Target target, int offset) {
        if (request.position() == null) {
            return null;
        }
        Section section = CatalogEditor.section(catalog, target);
        // Counted as the items of the section's 'papers' are, text between papers included.
        int count = section == null ? 0 : section.content().size();
        int wanted = request.position() + offset;
        if (request.position() < 1 || wanted > count + 1) {
            throw usage("--position must be from 1 to " + (count + 1 - offset) + " in '" + target.path() + "' (it has "
                    + (count - offset) + " entries), got " + request.position());
        }
        return wanted - 1;
    }

    // The key a ref uses: the paper's id, its name when no other paper has it, or a new id made from the name.
    private static String refKey(Catalog catalog, Paper existing) {
        if (existing.id() != null) {
            return existing.id();
        }
        Set<String> ids = new HashSet<>();
        int sameName = 0;
        for (Paper p : catalog.distinctPapers()) {
            if (p.id() != null) {
                ids.add(p.id());
            }
            if (p.name().equals(existing.name())) {
                sameName++;
            }
        }
        if (sameName == 1 && !ids.contains(existing.name())) {
            return existing.name();
        }
        return TextRules.freshId(existing.name(), ids::contains);
    }

    private static Paper paperWithId(Catalog catalog, String id) {
        for (Paper p : catalog.distinctPapers()) {
            if (id.equals(p.id())) {
                return p;
            }
        }
        throw new PaperlistException(ExitCode.INTERNAL, "the paper with id '" + id + "' is missing after adding the id");
    }

    private static PaperlistException usage(String message) {
        return new PaperlistException(ExitCode.USAGE, "paperlist add: " + message);
    }
}
