package dev.paperlist.catalog.edit;

import dev.paperlist.catalog.PaperFields;
import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogBinder;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.DidYouMean;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.catalog.edit.YamlSource.Mapping;
import dev.paperlist.catalog.edit.YamlSource.Node;
import dev.paperlist.catalog.edit.YamlSource.Tuple;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Adds entries to papers.yaml by inserting text, never by rewriting the file: every byte outside the
 * insertion, comments and blank lines included, stays as it was, and the new text follows the file's own
 * indentation and quoting ({@link YamlStyle}). Each edit is checked by loading the new text again: it must
 * be exactly the old catalogue plus the new entry, or the edit is refused and nothing is returned.
 */
public final class CatalogEditor {
    private CatalogEditor() {}

    /**
     * Where a new paper goes: an existing section, given by its index at each level, and the sections to
     * create below it (none unless {@code --new-section}).
     *
     * @param path the section path as the catalogue spells it, for messages
     */
    public record Target(List<Integer> indices, List<String> newTitles, String path) {
        public Target {
            indices = List.copyOf(indices);
            newTitles = List.copyOf(newTitles);
        }
    }

    /**
     * An edited catalogue.
     *
     * @param text the whole new file text
     * @param inserted the text inserted, as shown by {@code --dry-run}
     * @param line the 1-based line where the inserted text starts
     */
    public record Result(String text, Catalog catalog, String inserted, int line) {}

    // ---- finding sections ----

    /**
     * Finds a section by its path of titles, such as {@code Multimodal/Large Multimodal Models} (a title that
     * itself holds a '/' matches too; case is ignored when that is unambiguous). With {@code create}, the
     * missing tail of the path becomes new sections; without, an unknown path is a usage error with a
     * did-you-mean.
     */
    public static Target resolve(Catalog catalog, String path, boolean create) {
        String wanted = normalisePath(path);
        if (wanted.isEmpty()) {
            throw new PaperlistException(ExitCode.USAGE, "--section is empty; give a section path such as "
                    + "'Multimodal/Large Multimodal Models'");
        }
        List<Integer> indices = new ArrayList<>();
        List<Section> level = catalog.sections();
        String rest = wanted;
        StringBuilder found = new StringBuilder();
        while (!rest.isEmpty()) {
            int match = match(level, rest);
            if (match < 0) {
                break;
            }
            Section section = level.get(match);
            indices.add(match);
            found.append(found.length() == 0 ? "" : "/").append(section.title());
            String title = normalisePath(section.title());
            rest = rest.length() == title.length() ? "" : rest.substring(title.length() + 1);
            level = section.sections();
        }
        if (rest.isEmpty()) {
            return new Target(indices, List.of(), found.toString());
        }
        if (!create) {
            List<String> all = new ArrayList<>();
            paths(catalog.sections(), "", all);
            throw new PaperlistException(ExitCode.USAGE, "unknown section '" + path + "'" + suggestion(path, all)
                    + "; use --new-section to create it");
        }
        List<String> titles = new ArrayList<>();
        for (String part : rest.split("/")) {
            String title = TextRules.collapseWhitespace(part);
            if (title.isEmpty()) {
                throw new PaperlistException(ExitCode.USAGE, "--section '" + path + "' has an empty title");
            }
            TextRules.forbiddenCharacter(title).ifPresent(c -> {
                throw new PaperlistException(ExitCode.USAGE, "--section contains the invisible character " + c);
            });
            titles.add(title);
        }
        int depth = indices.size() + titles.size();
        int level1 = catalog.settings().topHeadingLevel();
        if (depth > CatalogBinder.MAX_SECTION_DEPTH || level1 + depth > 6) {
            throw new PaperlistException(ExitCode.USAGE, "section '" + path + "' would be nested " + depth
                    + " levels deep; at most " + Math.min(CatalogBinder.MAX_SECTION_DEPTH, 6 - level1) + " are possible");
        }
        return new Target(indices, titles, found + (found.length() == 0 ? "" : "/") + String.join("/", titles));
    }

    /** The section a target names, or {@code null} when it is still to be created. */
    public static Section section(Catalog catalog, Target target) {
        if (!target.newTitles().isEmpty()) {
            return null;
        }
        Section section = null;
        List<Section> level = catalog.sections();
        for (int index : target.indices()) {
            section = level.get(index);
            level = section.sections();
        }
        return section;
    }

    // The child whose title is a prefix of the path: exact first, then ignoring case if only one matches.
    private static int match(List<Section> level, String rest) {
        for (boolean ignoreCase : new boolean[] {false, true}) {
            int found = -1;
            for (int i = 0; i < level.size(); i++) {
                String title = normalisePath(level.get(i).title());
                boolean prefix = rest.regionMatches(ignoreCase, 0, title, 0, title.length())
                        && (rest.length() == title.length() || rest.charAt(title.length()) == '/');
                if (prefix && !title.isEmpty()) {
                    if (found >= 0 && ignoreCase) {
                        return -1;
                    }
                    if (found < 0 || title.length() > normalisePath(level.get(found).title()).length()) {
                        found = i;
                    }
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    private static String normalisePath(String path) {
        String s = TextRules.collapseWhitespace(path).replaceAll("\\s*/\\s*", "/");
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Every section's path, in page order: {@code Top}, {@code Top/Sub}, …, as {@code --section} takes it. */
    public static List<String> sectionPaths(Catalog catalog) {
        List<String> out = new ArrayList<>();
        paths(catalog.sections(), "", out);
        return out;
    }

    private static void paths(List<Section> sections, String parent, List<String> out) {
        for (Section s : sections) {
            String path = parent.isEmpty() ? s.title() : parent + "/" + s.title();
            out.add(path);
            paths(s.sections(), path, out);
        }
    }

    private static String suggestion(String path, List<String> all) {
        String hint = DidYouMean.hint(path, all);
        if (!hint.isEmpty()) {
            return hint;
        }
        String last = normalisePath(path);
        last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> byTitle = new ArrayList<>();
        for (String candidate : all) {
            String title = candidate.substring(candidate.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (title.equals(last) || DidYouMean.closest(last, List.of(title)).isPresent()) {
                byTitle.add(candidate);
            }
        }
        return byTitle.size() == 1 ? " (did you mean '" + byTitle.get(0) + "'?)" : "";
    }

    // ---- edits ----

    /**
     * Inserts a paper into a section, at {@code position} (0-based among the section's entries) or at the end
     * when {@code position} is null.
     */
    public static Result insertPaper(String text, String fileName, Catalog catalog, Target target, Integer position,
                                     Paper paper) {
        return insert(text, fileName, catalog, target, position, new EntryWriter.Full(paper), paper, "'" + paper.name() + "'");
    }

    /**
     * Inserts {@code - ref: key} for a paper that is already written out elsewhere in the catalogue;
     * {@code key} must be its id, or its name when no other paper has that name.
     */
    public static Result insertRef(String text, String fileName, Catalog catalog, Target target, Integer position,
                                   Paper existing, String key) {
        return insert(text, fileName, catalog, target, position, new EntryWriter.Ref(key), existing,
                "a reference to '" + existing.name() + "'");
    }

    /** A paper's mapping in the catalogue's text, and the style the text is written in. */
    private record Located(YamlSource source, YamlStyle style, Mapping node) {}

    private static Located locate(String text, String fileName, Catalog catalog, Paper paper) {
        YamlSource source = new YamlSource(text, fileName);
        Mapping node = paperNode(source.root, catalog.sections(), paper);
        if (node == null) {
            throw new PaperlistException(ExitCode.INTERNAL, fileName + ": cannot find '" + paper.name() + "' in the text");
        }
        return new Located(source, YamlStyle.of(source), node);
    }

    /** Gives a paper that has none an {@code id}, inserted right after its first key, so others can refer to it. */
    public static Result addId(String text, String fileName, Catalog catalog, Paper paper, String id) {
        Located located = locate(text, fileName, catalog, paper);
        YamlSource source = located.source();
        YamlStyle style = located.style();
        EntryWriter writer = new EntryWriter(style);
        Mapping node = located.node();
        Tuple first = node.tuples().get(0);
        int at;
        String inserted;
        if (YamlSource.isFlow(node)) {
            at = first.value().end();
            inserted = ", id: " + writer.scalar("id", id, true);
        } else {
            at = source.nextLineStart(source.contentEnd(first.value()));
            int keyColumn = source.column(first.key().start());
            inserted = " ".repeat(keyColumn) + "id: " + writer.scalar("id", id, false) + style.eol;
        }
        Map<Paper, Paper> replaced = new IdentityHashMap<>();
        replaced.put(paper, paper.withId(id));
        return apply(source, style, fileName, at, inserted, c -> replacePapers(c, replaced), catalog,
                "an id for '" + paper.name() + "'");
    }

    /**
     * Sets the venue of a paper that has none: a {@code venue:} line after the paper's keys that come before
     * it in the usual order, followed by the comment {@code # mark} (where the venue came from). Only a paper
     * written as a block mapping can take a comment; a flow mapping is refused (exit 3) for a hand edit.
     */
    public static Result setVenue(String text, String fileName, Catalog catalog, Paper paper, String venue,
                                  String mark) {
        Located located = locate(text, fileName, catalog, paper);
        YamlSource source = located.source();
        YamlStyle style = located.style();
        EntryWriter writer = new EntryWriter(style);
        Mapping node = located.node();
        String where = fileName + ":" + paper.position() + ": '" + paper.name() + "'";
        if (YamlSource.isFlow(node)) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, where + " is written on one line (a flow mapping), "
                    + "where a venue cannot carry its source as a comment; set its venue by hand");
        }
        if (YamlSource.tuple(node, "venue") != null) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, where + " already has a venue");
        }
        int venueRank = CatalogBinder.PAPER_KEYS.indexOf("venue");
        Tuple after = null;
        for (Tuple t : node.tuples()) {
            int rank = CatalogBinder.PAPER_KEYS.indexOf(t.key().key());
            if (rank >= 0 && rank < venueRank) {
                after = t;
            }
        }
        if (after == null) {
            after = node.tuples().get(node.tuples().size() - 1);
        }
        int at = source.nextLineStart(source.contentEnd(after.value()));
        int keyColumn = source.column(node.tuples().get(0).key().start());
        String inserted = " ".repeat(keyColumn) + "venue: " + writer.scalar("venue", venue, false)
                + (mark == null ? "" : "  # " + mark) + style.eol;
        Map<Paper, Paper> replaced = new IdentityHashMap<>();
        replaced.put(paper, withVenue(paper, venue));
        return apply(source, style, fileName, at, inserted, c -> replacePapers(c, replaced), catalog,
                "a venue for '" + paper.name() + "'");
    }

    private static Paper withVenue(Paper p, String venue) {
        return PaperFields.with(p, Map.of("venue", venue), p.position());
    }

    private static Result insert(String text, String fileName, Catalog catalog, Target target, Integer asked,
                                 EntryWriter.Item item, Paper modelPaper, String what) {
        Integer position = asked == null && target.newTitles().isEmpty() ? afterLastEntry(catalog, target) : asked;
        YamlSource source = new YamlSource(text, fileName);
        YamlStyle style = YamlStyle.of(source);
        EntryWriter writer = new EntryWriter(style);
        Mapping parent = source.root;
        for (int index : target.indices()) {
            parent = (Mapping) YamlSource.items(YamlSource.value(parent, "sections")).get(index);
        }
        Placement placement = target.newTitles().isEmpty()
                ? intoSection(source, style, writer, parent, position, item, fileName)
                : newSections(source, style, writer, parent, target.newTitles(), item, fileName);
        UnaryOperator<Catalog> expected = c -> withEntry(c, target, position, modelPaper);
        return apply(source, style, fileName, placement.offset, placement.text, expected, catalog, what);
    }

    private record Placement(int offset, String text) {}

    // A new paper joins the section's entries: after its last paper or list item, before text written after
    // them (a "back to top" line), or at the end when the section lists nothing; null for the end.
    private static Integer afterLastEntry(Catalog catalog, Target target) {
        List<Section> level = catalog.sections();
        Section section = null;
        for (int index : target.indices()) {
            section = level.get(index);
            level = section.sections();
        }
        List<Part> content = section.content();
        for (int i = content.size() - 1; i >= 0; i--) {
            if (!(content.get(i) instanceof Part.Text)) {
                return i == content.size() - 1 ? null : i + 1;
            }
        }
        return null;
    }

    private static Placement intoSection(YamlSource source, YamlStyle style, EntryWriter writer, Mapping section,
                                         Integer position, EntryWriter.Item item, String fileName) {
        Node papers = YamlSource.value(section, "papers");
        if (papers == null) {
            Tuple title = YamlSource.tuple(section, "title");
            if (YamlSource.isFlow(section)) {
                return new Placement(title.value().end(), ", papers: [" + writer.flowItem(item) + "]");
            }
            int keyColumn = source.column(section.tuples().get(0).key().start());
            return new Placement(source.nextLineStart(source.contentEnd(title.value())),
                    writer.blockPapersKey(item, keyColumn));
        }
        List<Node> items = YamlSource.items(papers);
        int at = position == null ? items.size() : position;
        if (YamlSource.isFlow(papers)) {
            return flowListPlacement(source, papers, items, at, writer.flowItem(item));
        }
        int dash = source.dashBefore(items.get(0));
        if (dash < 0) {
            throw unusualLayout(source, items.get(0), fileName);
        }
        int dashColumn = source.column(dash);
        // The list's own first item says best how this list is written.
        int gap = items.get(0) instanceof Mapping first && !YamlSource.isFlow(first)
                ? source.column(first.start()) - dashColumn : style.paperGap;
        boolean blank = items.size() >= 2 ? blankSeparated(source, items) : style.blankBetweenPapers;
        String block = writer.blockItem(item, dashColumn, gap > 0 ? gap : style.paperGap);
        if (at < items.size()) {
            int itemDash = source.dashBefore(items.get(at));
            if (itemDash < 0) {
                throw unusualLayout(source, items.get(at), fileName);
            }
            return new Placement(source.startWithComments(itemDash, dashColumn), block + (blank ? style.eol : ""));
        }
        return new Placement(source.nextLineStart(source.contentEnd(items.get(items.size() - 1))),
                (blank ? style.eol : "") + block);
    }

    private static Placement newSections(YamlSource source, YamlStyle style, EntryWriter writer, Mapping parent,
                                         List<String> titles, EntryWriter.Item item, String fileName) {
        Node sections = YamlSource.value(parent, "sections");
        if (sections == null) {
            if (YamlSource.isFlow(parent)) {
                Node last = parent.tuples().get(parent.tuples().size() - 1).value();
                return new Placement(last.end(), ", sections: [" + writer.flowSections(titles, item) + "]");
            }
            int keyColumn = source.column(parent.tuples().get(0).key().start());
            return new Placement(source.nextLineStart(source.contentEnd(parent)),
                    writer.blockSectionsKey(titles, item, keyColumn));
        }
        List<Node> items = YamlSource.items(sections);
        if (YamlSource.isFlow(sections)) {
            return flowListPlacement(source, sections, items, items.size(), writer.flowSections(titles, item));
        }
        int dash = source.dashBefore(items.get(0));
        if (dash < 0) {
            throw unusualLayout(source, items.get(0), fileName);
        }
        boolean blank = items.size() >= 2 ? blankSeparated(source, items) : style.blankBetweenSections;
        return new Placement(source.nextLineStart(source.contentEnd(items.get(items.size() - 1))),
                (blank ? style.eol : "") + writer.blockSections(titles, item, source.column(dash)));
    }

    private static Placement flowListPlacement(YamlSource source, Node list, List<Node> items, int at, String entry) {
        if (items.isEmpty()) {
            return new Placement(list.start() + 1, entry);
        }
        if (at < items.size()) {
            return new Placement(items.get(at).start(), entry + ", ");
        }
        return new Placement(items.get(items.size() - 1).end(), ", " + entry);
    }

    private static boolean blankSeparated(YamlSource source, List<Node> items) {
        int blank = 0;
        int dashes = 0;
        for (int i = 1; i < items.size(); i++) {
            int dash = source.dashBefore(items.get(i));
            if (dash >= 0) {
                dashes++;
                blank += source.blankLineBefore(dash) ? 1 : 0;
            }
        }
        return blank * 2 > dashes;
    }

    private static PaperlistException unusualLayout(YamlSource source, Node item, String fileName) {
        int offset = item.start();
        int line = source.line(offset);
        return new PaperlistException(ExitCode.INVALID_INPUT, Diagnostic.at(fileName, line, source.column(offset) + 1,
                "this list item's '-' is not on the line of its first key, so paperlist cannot insert next to it; "
                + "add the paper by hand"));
    }

    // Splices the text in, then checks that the new text loads as exactly the expected catalogue.
    private static Result apply(YamlSource source, YamlStyle style, String fileName, int offset, String inserted,
                                UnaryOperator<Catalog> expectedEdit, Catalog before, String what) {
        String text = source.text;
        String prefix = offset == text.length() && !text.isEmpty() && !text.endsWith("\n") && inserted.endsWith(style.eol)
                ? style.eol : "";
        String insertedText = prefix + inserted;
        String after = text.substring(0, offset) + insertedText + text.substring(offset);
        Catalog reloaded;
        try {
            reloaded = CatalogLoader.parse(after, fileName);
        } catch (PaperlistException e) {
            throw new PaperlistException(e.exitCode(), fileName + ": adding " + what
                    + " would make the catalogue invalid, so nothing was written: " + e.getMessage()
                    .replaceFirst("^" + java.util.regex.Pattern.quote(fileName) + ":", "at edited line "), e);
        }
        Catalog expected = expectedEdit.apply(before);
        if (!withoutPositions(expected).equals(withoutPositions(reloaded))) {
            throw new PaperlistException(ExitCode.INTERNAL, fileName + ": the edited file would not read back as the "
                    + "catalogue plus " + what + ", so nothing was written; please report this with the file");
        }
        // The line where the inserted text's first non-blank line will be.
        int line = source.line(offset);
        for (int i = 0; i < insertedText.length() && Character.isWhitespace(insertedText.charAt(i)); i++) {
            if (insertedText.charAt(i) == '\n') {
                line++;
            }
        }
        return new Result(after, reloaded, insertedText, line);
    }

    // ---- the model side of an edit ----

    /** The catalogue with {@code paper} added where {@code target} and {@code position} say. */
    static Catalog withEntry(Catalog catalog, Target target, Integer position, Paper paper) {
        return new Catalog(catalog.settings(), withEntry(catalog.sections(), target, 0, position, paper));
    }

    private static List<Section> withEntry(List<Section> level, Target target, int depth, Integer position, Paper paper) {
        List<Section> out = new ArrayList<>(level);
        if (depth == target.indices().size()) {
            out.add(newSection(target.newTitles(), 0, paper));
            return out;
        }
        int index = target.indices().get(depth);
        Section s = level.get(index);
        if (depth == target.indices().size() - 1 && target.newTitles().isEmpty()) {
            // The position counts the items of the section's 'papers', text between papers included.
            List<Part> content = new ArrayList<>(s.content());
            content.add(position == null ? content.size() : position, new Part.Listed(paper));
            out.set(index, s.withContent(content, s.sections()));
        } else {
            out.set(index, s.withContent(s.content(), withEntry(s.sections(), target, depth + 1, position, paper)));
        }
        return out;
    }

    private static Section newSection(List<String> titles, int i, Paper paper) {
        if (i == titles.size() - 1) {
            return new Section(titles.get(i), List.of(paper), List.of(), SourcePosition.UNKNOWN);
        }
        return new Section(titles.get(i), List.of(), List.of(newSection(titles, i + 1, paper)), SourcePosition.UNKNOWN);
    }

    private static Catalog replacePapers(Catalog catalog, Map<Paper, Paper> replaced) {
        return new Catalog(catalog.settings(), mapPapers(catalog.sections(), p -> replaced.getOrDefault(p, p), true));
    }

    /** The catalogue with every source position cleared, so that two catalogues compare by content alone. */
    static Catalog withoutPositions(Catalog catalog) {
        Map<Paper, Paper> copies = new IdentityHashMap<>();
        return new Catalog(catalog.settings(),
                mapPapers(catalog.sections(), p -> copies.computeIfAbsent(p, CatalogEditor::strip), false));
    }

    // The sections, at every depth, with each paper as {@code paper} makes it; with or without their positions.
    private static List<Section> mapPapers(List<Section> sections, UnaryOperator<Paper> paper, boolean keepPositions) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Section> subsections = mapPapers(s.sections(), paper, keepPositions);
            out.add(Section.of(s.title(), s.text(), s.columns(), Part.map(s.content(), paper), subsections,
                    keepPositions ? s.position() : SourcePosition.UNKNOWN, s.headingLevel(), s.layout()));
        }
        return out;
    }

    private static Paper strip(Paper p) {
        List<Badge> badges = new ArrayList<>();
        for (Badge b : p.badges()) {
            badges.add(new Badge(b.kind(), b.url(), b.alt(), b.label(), b.message(), b.color(), b.logo(), b.logoColor(),
                    b.image(), SourcePosition.UNKNOWN));
        }
        return PaperFields.with(p, Map.of("badges", badges), SourcePosition.UNKNOWN);
    }

    // The item of a 'papers' list (or of one nested in its items) where the paper is written in full.
    private static Mapping listedNode(Mapping parent, List<Part> parts, Paper paper) {
        Node papers = YamlSource.value(parent, "papers");
        if (papers == null) {
            return null;
        }
        List<Node> nodes = YamlSource.items(papers);
        for (int j = 0; j < nodes.size(); j++) {
            Mapping node = (Mapping) nodes.get(j);
            if (parts.get(j) instanceof Part.Listed listed && listed.paper() == paper && YamlSource.tuple(node, "ref") == null) {
                return node;
            }
            if (parts.get(j) instanceof Part.Item item) {
                Mapping nested = listedNode(node, item.parts(), paper);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    // The YAML mapping where a paper is written in full: walks the text's tree and the model side by side.
    private static Mapping paperNode(Mapping parent, List<Section> sections, Paper paper) {
        Node list = YamlSource.value(parent, "sections");
        if (list == null) {
            return null;
        }
        List<Node> items = YamlSource.items(list);
        for (int i = 0; i < sections.size(); i++) {
            Mapping sectionNode = (Mapping) items.get(i);
            Section section = sections.get(i);
            Mapping found = listedNode(sectionNode, section.content(), paper);
            if (found != null) {
                return found;
            }
            Mapping inner = paperNode(sectionNode, section.sections(), paper);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
