package dev.paperlist.importer;

import dev.paperlist.ExitCode;
import dev.paperlist.Futures;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.MarkdownBlocks;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.Markers;
import dev.paperlist.markdown.PlainText;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Labels;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.model.TableColumn;
import dev.paperlist.render.ListLayout;
import dev.paperlist.render.NotesLayout;
import dev.paperlist.render.TableLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a hand-written paper list into a catalogue from commonmark-java's syntax tree: sections from
 * the headings, papers from per-paper field lists (notes layout), table rows (table layout) or
 * one-link bullet items, and the layout settings the list uses. It also finds where the list starts
 * and ends in the README, so that the text around it can stay as it is. Whatever it cannot map is kept
 * as extra fields or section text, or reported as a warning with its line.
 */
public final class ListImporter {
    // A heading over news or updates: "📢 News", "Latest Updates", "Changelog", "What's new".
    private static final java.util.regex.Pattern NEWS = java.util.regex.Pattern.compile(
            "(?iU)[^\\p{L}\\p{N}]*(?:latest |recent )?(?:news|updates?|update log|change ?log|what's new|announcements?)[^\\p{L}\\p{N}]*");
    // A label opening a link line under a bold title: "Paper:", "Paper(Oral):", "Code:", "Homepage:".
    private static final java.util.regex.Pattern FIELD_LABEL =
            java.util.regex.Pattern.compile("(?i)(paper|code|github|homepage|project page|project|demo|dataset|video|blog)\\s*(?:\\([^)]*\\))?\\s*[:：]");
    private static final java.util.regex.Pattern NOT_ACCEPTED =
            java.util.regex.Pattern.compile("(?i)none\\b.*|n/a|tbd|-|—|not accepted.*");
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    // From what length a README is parsed in parts, and how long a part is at least (MarkdownParts).
    private final int partsFrom;
    private final int smallestPart;

    // From how many papers the entries are compared with the layout's on two threads.
    private final int sideFrom;

    public ListImporter() {
        this(MarkdownParts.PARSE_WHOLE_BELOW, MarkdownParts.SMALLEST_PART, SIDE_FROM);
    }

    /** An importer that parses READMEs of {@code partsFrom} characters or more in parts, for tests. */
    ListImporter(int partsFrom, int smallestPart) {
        this(partsFrom, smallestPart, SIDE_FROM);
    }

    /** The same, comparing entries on two threads from {@code sideFrom} papers on, for tests. */
    ListImporter(int partsFrom, int smallestPart, int sideFrom) {
        this.partsFrom = partsFrom;
        this.smallestPart = smallestPart;
        this.sideFrom = sideFrom;
    }

    /**
     * The result of reading a README.
     *
     * @param listStart offset in the README where the list (its table of contents or first heading) starts
     * @param listEnd offset where the text after the list starts
     * @param hasMarkers whether the README already has paperlist's markers around the list
     */
    public record Result(Catalog catalog, List<String> warnings, int listStart, int listEnd, boolean hasMarkers) {
        /** The README with the list replaced by an empty pair of markers, ready for {@code render}. */
        public String withMarkers(String readme) {
            if (hasMarkers) {
                return readme;
            }
            String before = readme.substring(0, listStart);
            String after = readme.substring(listEnd);
            // In the README's own line endings, which the rendered block then takes from the start marker.
            int newline = readme.indexOf('\n');
            String eol = newline > 0 && readme.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
            return before + Markers.START_PREFIX + " -->" + eol + Markers.END_LINE + eol
                    + (after.isEmpty() ? "" : eol + after);
        }
    }

    public Result read(String readme, String displayName) {
        int regionStart = 0;
        int regionEnd = readme.length();
        boolean hasMarkers = hasMarkers(readme);
        if (hasMarkers) {
            Markers.Split split = Markers.split(readme, displayName);
            regionStart = split.before().length();
            regionEnd = readme.length() - split.after().length();
        }
        // Whether the list can hold a character the catalogue refuses at all, which is rarely so, and then only
        // where the list is, which is known once it is read. A README long enough to be parsed in parts has its
        // second half scanned on another thread meanwhile: until the parts are cut, the second core is idle.
        int middle = regionEnd;
        if (regionEnd - regionStart >= partsFrom) {
            middle = regionStart + (regionEnd - regionStart) / 2;
            middle += Character.isLowSurrogate(readme.charAt(middle)) ? 1 : 0;
        }
        int secondHalf = middle;
        int end = regionEnd;
        Future<Boolean> secondHalfClean = middle == regionEnd ? null : Futures.onDaemonThread("paperlist-scan",
                () -> TextRules.firstForbidden(readme, secondHalf, end).isEmpty());
        String text = readme.substring(regionStart, regionEnd);
        int lineOffset = (int) readme.substring(0, regionStart).chars().filter(c -> c == '\n').count();
        Reading reading = new Reading(text, displayName, lineOffset, sideFrom);
        boolean clean;
        try (MarkdownParts parts = MarkdownParts.of(parser, text, partsFrom, smallestPart, reading::anchors)) {
            // While the first part is parsed.
            boolean firstHalfClean = TextRules.firstForbidden(readme, regionStart, middle).isEmpty();
            clean = (secondHalfClean == null || Futures.await(secondHalfClean, "scanning the README")) && firstHalfClean;
            reading.walk(parts);
        }
        Result result = reading.result(hasMarkers);
        int listStart = regionStart + result.listStart();
        int listEnd = regionStart + result.listEnd();
        // A clean region means a clean list, unless the list's ends cut a character pair the scan read whole.
        boolean knownClean = clean && !Character.isLowSurrogate(charAt(readme, listStart))
                && !Character.isLowSurrogate(charAt(readme, listEnd));
        if (!knownClean) {
            // The loader refuses these characters; say so here, where the user can find them.
            TextRules.firstForbidden(readme, listStart, listEnd).ifPresent(bad -> {
                throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ":" + lineColumn(readme, bad.offset())
                        + ": the invisible character " + bad.description()
                        + " would be copied into the catalogue, which refuses it; remove it");
            });
        }
        return new Result(result.catalog(), result.warnings(), listStart, listEnd, hasMarkers);
    }

    private static char charAt(String text, int offset) {
        return offset < text.length() ? text.charAt(offset) : 0;
    }

    // Columns count code points, as every position paperlist prints does.
    private static String lineColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return line + ":" + (text.codePointCount(lineStart, offset) + 1);
    }

    private static boolean hasMarkers(String readme) {
        return readme.startsWith(Markers.START_PREFIX) || readme.contains("\n" + Markers.START_PREFIX)
                || readme.startsWith(Markers.END_PREFIX) || readme.contains("\n" + Markers.END_PREFIX);
    }

    static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /** From how many papers a list's entries are compared with the layout's on two threads. */
    static final int SIDE_FROM = 1_000;

    /** A paper of the notes layout to compare with the layout's entry, and where its warning goes. */
    private record Compared(PaperDraft draft, Paper paper, int warningsBefore) {}

    /** One pass over one README. */
    private static final class Reading implements NotesFields.Labels {
        final String markdown;
        final String where;
        final int lineOffset;
        final List<String> warnings = new ArrayList<>();
        final List<SectionDraft> roots = new ArrayList<>();
        final List<SectionDraft> stack = new ArrayList<>();
        // One for the README: its badges are read once for each image they show.
        final BadgeReader badges = new BadgeReader();
        final NotesFields notes;
        final TableReader tables;
        final RepeatedWarnings repeated;
        final Map<String, Map<String, Integer>> labelSpellings = new HashMap<>();
        final Map<String, Integer> layouts = new java.util.LinkedHashMap<>();
        final Map<List<TableColumn>, Integer> columnSets = new java.util.LinkedHashMap<>();
        final Map<String, Integer> emptyCells = new java.util.LinkedHashMap<>();
        final Map<String, Integer> notAccepted = new java.util.LinkedHashMap<>();
        Node toc;
        boolean tocListsPapers;
        // The anchors of every heading of the page, in the list or not.
        final Set<String> pageAnchors = new HashSet<>();
        private final Slugger anchorSlugger = new Slugger();
        // The README's blocks, read part by part as the walk comes to them.
        private MarkdownParts parts;
        // A second thread that compares half of each section's entries with the layout's, from sideFrom papers on.
        private final int sideFrom;
        private ExecutorService side;
        private NotesLayout.OwnEntries ownEntries;

        /**
         * For each paper, whether the entry the list wrote shows the same as the one the notes layout writes of
         * it at {@code level}: the costliest step of building a long list in the layout's own form, and one that
         * depends on the paper alone, so the second half is compared on the side thread.
         */
        boolean[] sameAsLayout(List<Compared> compared, Settings settings, int level) {
            boolean[] same = new boolean[compared.size()];
            int half = side == null ? compared.size() : compared.size() / 2;
            NotesLayout.OwnEntries own = ownEntries(settings);
            Future<?> rest = half == compared.size() ? null
                    : side.submit(() -> compare(compared, half, compared.size(), own, level, same));
            compare(compared, 0, half, own, level, same);
            if (rest != null) {
                Futures.await(rest, "comparing entries");
            }
            return same;
        }

        private static void compare(List<Compared> compared, int from, int to, NotesLayout.OwnEntries own, int level,
                                    boolean[] same) {
            for (int i = from; i < to; i++) {
                Compared c = compared.get(i);
                same[i] = WrittenForms.sameHtml(c.draft().block, own.entry(c.paper(), level));
            }
        }

        // The notes layout's own entries for the settings being built, made once: reading their templates costs
        // more than writing one entry.
        NotesLayout.OwnEntries ownEntries(Settings settings) {
            if (ownEntries == null || ownEntries.settings() != settings) {
                ownEntries = new NotesLayout.OwnEntries(settings);
            }
            return ownEntries;
        }

        Reading(String markdown, String where, int lineOffset, int sideFrom) {
            this.sideFrom = sideFrom;
            this.markdown = markdown;
            this.where = where;
            this.lineOffset = lineOffset;
            this.notes = new NotesFields(markdown, this, badges);
            this.tables = new TableReader(markdown, lineOffset, badges);
            this.repeated = new RepeatedWarnings();
        }

        @Override
        public void seen(String field, String written) {
            labelSpellings.computeIfAbsent(field, k -> new java.util.LinkedHashMap<>()).merge(written, 1, Integer::sum);
        }

        int lineOf(Node node) {
            return line(node) + lineOffset;
        }

        // The anchors of the headings of a document, the whole README's or, in turn, each part's.
        void anchors(Node document) {
            for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
                if (block instanceof Heading heading) {
                    pageAnchors.add(anchorSlugger.slug(Values.oneLine(PlainText.of(heading))));
                }
            }
        }

        // The block after a top-level block: the README is read a part at a time, so the walk and what it looks
        // ahead at go from block to block through the parts, never by getNext() alone.
        private Node next(Node block) {
            return parts.next(block);
        }

        void walk(MarkdownParts parts) {
            this.parts = parts;
            for (Node block = parts.first(); block != null; block = parts.advance(block)) {
                if (block instanceof Heading heading && PlainText.of(heading).isBlank() && !stack.isEmpty()) {
                    // An empty heading over empty fields is a template's stub: left out. Alone, it is a rule
                    // between parts of the page, which stays where it is, as text of the section it is in.
                    boolean fields = NotesFields.isFieldList(next(heading)) && NotesFields.isEmpty((BulletList) next(heading));
                    if (fields) {
                        warnings.add(where + ":" + lineOf(heading) + ": an empty heading and the empty fields under it"
                                + " (a template stub) are left out");
                        block = next(heading);
                    } else {
                        SectionDraft current = stack.get(stack.size() - 1);
                        warnings.add(where + ":" + lineOf(heading) + ": an empty heading is kept as written, as text of"
                                + " section '" + current.title + "'");
                        current.text(heading, markdown);
                    }
                    continue;
                }
                if (block instanceof Heading heading) {
                    if (NotesFields.isFieldList(next(heading), headingLink(heading) != null)) {
                        block = notesPaper(heading, (BulletList) next(heading));
                    } else if (isPaperHeading(heading)) {
                        block = headingPaper(heading);
                    } else {
                        section(heading);
                    }
                    continue;
                }
                SectionDraft current = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                if (isToc(block)) {
                    if (toc == null) {
                        toc = block;
                    }
                    if (current != null) {
                        // Contents inside a section are that section's text unless they turn out to be the list's own.
                        current.text(block, markdown);
                    }
                } else if (current == null) {
                    // The page's preamble, before any heading: it stays as written.
                } else if (block instanceof TableBlock table && TableReader.isPaperTable(table)) {
                    table(current, table);
                } else if (block instanceof ListBlock list && BulletPapers.isPaperList(list)) {
                    bulletPapers(current, list, current.content);
                } else if (block instanceof Paragraph p && isPaperParagraph(p)) {
                    PaperDraft d = new PaperDraft(lineOf(p));
                    LinkedEntries.read(d, p, markdown);
                    d.listItem = written(p, p);
                    current.add(d, "list");
                    layouts.merge("list", 1, Integer::sum);
                } else if (block instanceof Paragraph p && next(block) instanceof ListBlock fields && titleOverFields(p, fields)) {
                    PaperDraft d = new PaperDraft(lineOf(p));
                    d.title = LinkedEntries.clean(PlainText.of(p));
                    Link link = LinkedEntries.paperLink(fields);
                    d.url = link != null ? link.getDestination() : LinkedEntries.barePaperUrl(Values.source(markdown, fields, fields));
                    d.extra("More", Values.source(markdown, fields, fields));
                    d.listItem = written(p, fields);
                    current.add(d, "list");
                    layouts.merge("list", 1, Integer::sum);
                    block = fields;
                } else if (isMarker(block)) {
                    // paperlist's own markers
                } else {
                    paperLikeText(current, block);
                    current.text(block, markdown);
                }
            }
        }

        // The blocks from first to last as written with the blank line that ends them, or null when they are
        // indented (inside another block).
        private String written(Node first, Node last) {
            if (first.getSourceSpans().isEmpty() || first.getSourceSpans().get(0).getColumnIndex() != 0) {
                return null;
            }
            return markdown.substring(start(first), end(last)).replace("\r\n", "\n") + "\n";
        }

        // paperlist's own markers, which end the list.
        private static boolean isMarker(Node block) {
            return block instanceof HtmlBlock html && html.getLiteral().strip().startsWith(Markers.START_PREFIX.substring(0, 14));
        }

        // A paper heading and the blocks under it as written, without the final line break; null for a setext
        // heading, whose text is not its first line.
        private String writtenBlock(Heading heading, Node last) {
            // From the heading's hashes on: the up to three spaces before them change nothing. Cut once, ends
            // trimmed first: a paper's block with its abstract is kilobytes, and every paper has one.
            int from = start(heading);
            int to = end(last);
            for (int spaces = 0; spaces < 3 && from < to && markdown.charAt(from) == ' '; spaces++) {
                from++;
            }
            if (from >= to || markdown.charAt(from) != '#') {
                return null;
            }
            String written = markdown.substring(from, WrittenForms.beforeTrailingWhitespace(markdown, from, to));
            return written.indexOf('\r') < 0 ? written : written.replace("\r\n", "\n");
        }

        // A paper link or a star badge left in a section's text is a paper import did not recognise: say so,
        // so that --strict fails on it.
        private void paperLikeText(SectionDraft current, Node block) {
            if (NEWS.matcher(current.title).matches()) {
                // News link the papers they announce.
                return;
            }
            String source = Values.source(markdown, block, block);
            if (LinkedEntries.paperLink(block) != null || LinkedEntries.barePaperUrl(source) != null
                    || source.contains("img.shields.io/github/stars/")) {
                warnings.add(where + ":" + lineOf(block) + ": paper-like content (a paper link or a star badge) is kept as"
                        + " text of section '" + current.title + "', not as a paper");
            }
        }

        // The web link a heading consists of ("### [Title](url)", maybe after an emoji), or null.
        private static Link headingLink(Heading heading) {
            Link found = null;
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Link l && TextRules.isWebUrl(l.getDestination()) && found == null) {
                    found = l;
                } else if (!(n instanceof Text t && (t.getLiteral().isBlank()
                        || found == null && t.getLiteral().codePoints().noneMatch(Character::isLetterOrDigit)))) {
                    return null;
                }
            }
            return found;
        }

        // "**Title** \ *Authors* \ venue [[Paper](arxiv)]": a paragraph that opens with its title and links to a paper.
        private boolean isPaperParagraph(Paragraph p) {
            Node first = p.getFirstChild();
            boolean label = first instanceof StrongEmphasis strong && (PlainText.of(strong).strip().endsWith(":")
                    || strong.getNext() instanceof Text t && t.getLiteral().startsWith(":"));
            return (first instanceof StrongEmphasis && !label && !LinkedEntries.GENERIC.matcher(PlainText.of(first)).matches()
                    || first instanceof Link l && !(l.getFirstChild() instanceof Image) && !LinkedEntries.GENERIC.matcher(PlainText.of(l)).matches())
                    && LinkedEntries.paperLink(p) != null;
        }

        // "**Title**" alone, then a list of its links ("- Paper: https://arxiv.org/abs/…", written bare or linked).
        private boolean titleOverFields(Paragraph p, ListBlock fields) {
            return p.getFirstChild() instanceof StrongEmphasis strong
                    && (strong.getNext() == null || strong.getNext() instanceof Text t && t.getLiteral().isBlank() && t.getNext() == null)
                    && !BulletPapers.isPaperList(fields) && (LinkedEntries.paperLink(fields) != null
                            || LinkedEntries.barePaperUrl(Values.source(markdown, fields, fields)) != null
                            || labelledLinks(fields));
        }

        // "- Paper: None" / "- Code: None": every item a label and its value, one of them the paper's, even when
        // the paper has no link (yet) or a broken one; the entry is a paper all the same.
        private static boolean labelledLinks(ListBlock fields) {
            boolean paper = false;
            for (Node item = fields.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item.getFirstChild() instanceof Paragraph p) || item.getFirstChild().getNext() != null
                        || !(p.getFirstChild() instanceof Text t)) {
                    return false;
                }
                java.util.regex.Matcher m = FIELD_LABEL.matcher(t.getLiteral());
                if (!m.lookingAt()) {
                    return false;
                }
                paper |= m.group(1).equalsIgnoreCase("paper");
            }
            return paper;
        }

        /**
         * A heading that is a paper: a heading linking to a web page, or one whose blocks (up to the next
         * heading) give a paper link labelled only "Paper" or "PDF" or written bare, with no list or table of
         * papers among them.
         */
        private boolean isPaperHeading(Heading heading) {
            if (NEWS.matcher(PlainText.of(heading)).matches()) {
                // The page's news link the papers they announce; they are text, not a paper.
                return false;
            }
            boolean linked = false;
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                linked |= n instanceof Link l && TextRules.isWebUrl(l.getDestination());
            }
            boolean paperLink = false;
            boolean blocks = false;
            for (Node b = next(heading); b != null && !(b instanceof Heading); b = next(b)) {
                blocks = true;
                if (b instanceof TableBlock t && TableReader.isPaperTable(t) || b instanceof ListBlock l && BulletPapers.isPaperList(l)
                        || b instanceof Paragraph p && (isPaperParagraph(p) || next(b) instanceof ListBlock f && titleOverFields(p, f))) {
                    return false;
                }
                paperLink |= genericPaperLink(b);
            }
            return blocks && (linked || paperLink);
        }

        // A deeper heading under a paper heading that is no paper and heads no papers ("#### 7.1 Unofficial
        // implementation" under "### 7. Title") is part of that paper's entry.
        private boolean partOfPaper(Heading paper, Heading h) {
            if (h.getLevel() <= paper.getLevel() || PlainText.of(h).isBlank() || NotesFields.isFieldList(next(h), true)
                    || isPaperHeading(h)) {
                return false;
            }
            Node b = next(h);
            if (b == null || b instanceof Heading) {
                // A heading over nothing but headings heads sections.
                return false;
            }
            for (; b != null && !(b instanceof Heading); b = next(b)) {
                if (b instanceof TableBlock t && TableReader.isPaperTable(t) || b instanceof ListBlock l && BulletPapers.isPaperList(l)
                        || b instanceof Paragraph p && isPaperParagraph(p)) {
                    return false;
                }
            }
            // Nor is one with deeper headings under it.
            return !(b instanceof Heading next && next.getLevel() > h.getLevel());
        }

        private boolean genericPaperLink(Node block) {
            Link link = LinkedEntries.paperLink(block);
            if (link != null) {
                return LinkedEntries.GENERIC.matcher(PlainText.of(link)).matches();
            }
            if (LinkedEntries.schemelessPaperLink(block) != null) {
                return true;
            }
            return block instanceof Paragraph && LinkedEntries.barePaperUrl(Values.source(markdown, block, block)) != null;
        }

        private Node headingPaper(Heading heading) {
            SectionDraft parent = deepestBelow(heading.getLevel());
            PaperDraft d = new PaperDraft(lineOf(heading));
            d.title = LinkedEntries.clean(PlainText.of(heading));
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Link l && TextRules.isWebUrl(l.getDestination()) && d.url == null) {
                    d.url = l.getDestination();
                }
            }
            Node last = heading;
            for (Node b = next(heading); b != null && !(b instanceof Heading h && (parent == null || !partOfPaper(heading, h)))
                    && !isMarker(b);
                    b = next(b)) {
                last = b;
                if (d.url == null) {
                    Link link = LinkedEntries.paperLink(b);
                    d.url = link != null ? link.getDestination() : LinkedEntries.barePaperUrl(Values.source(markdown, b, b));
                }
                d.extra("More", Values.source(markdown, b, b));
            }
            if (parent == null) {
                // Before any section: the page's preamble, as written.
                return last;
            }
            d.headingText = Values.oneLine(PlainText.of(heading));
            d.block = writtenBlock(heading, last);
            parent.add(d, "notes");
            layouts.merge("notes", 1, Integer::sum);
            return last;
        }

        // The list's items in order: papers, items that are not papers (kept as written, in their place), and
        // items that group the papers nested under them (kept as written, with those papers under them).
        private void bulletPapers(SectionDraft current, ListBlock list, List<Object> into) {
            BulletPapers.read(list, markdown, lineOffset, badges, new BulletPapers.Items() {
                @Override
                public void paper(PaperDraft d) {
                    current.add(d, "list", into);
                    layouts.merge("list", 1, Integer::sum);
                }

                @Override
                public void group(String written, ListBlock nested, Node item) {
                    ItemDraft group = new ItemDraft(written, lineOf(item));
                    into.add(group);
                    bulletPapers(current, nested, group.parts);
                }

                @Override
                public void other(Node item, String written) {
                    warnings.add(where + ":" + lineOf(item) + ": a list item without a title link or paper link in a"
                            + " list of papers is kept as written in its place, not as a paper");
                    into.add(new ItemDraft(written, lineOf(item)));
                }
            });
        }

        private static boolean hasLinkOrImage(Node node) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Link || n instanceof Image || hasLinkOrImage(n)) {
                    return true;
                }
            }
            return false;
        }

        private Node notesPaper(Heading heading, BulletList fields) {
            SectionDraft parent = deepestBelow(heading.getLevel());
            PaperDraft d = new PaperDraft(lineOf(heading));
            d.name = Values.oneLine(PlainText.of(heading));
            notes.read(d, fields, warnings, where);
            Link link = headingLink(heading);
            if (link != null && d.url == null) {
                // "### [Title](url)" over fields of any labels: the heading's link is the paper's.
                d.url = link.getDestination();
                d.title = d.title != null ? d.title : Values.oneLine(PlainText.of(link));
            }
            countNotAccepted(d);
            layouts.merge("notes", 1, Integer::sum);
            if (parent == null) {
                // A paper before any section heading: the list has papers at its top; give them a section.
                // A level-1 paper heading still needs a section of level 1, the highest Markdown has.
                SectionDraft section = new SectionDraft("Papers", Math.max(1, heading.getLevel() - 1), start(heading));
                roots.add(section);
                stack.add(section);
                parent = section;
                warnings.add(where + ":" + d.line + ": paper '" + d.name + "' comes before any section; "
                        + "imported into a section 'Papers'");
            }
            if (heading.getLevel() != parent.level + 1) {
                warnings.add(where + ":" + d.line + ": paper '" + d.name + "' is a level-" + heading.getLevel()
                        + " heading under a level-" + parent.level + " section; it will be rendered at level " + (parent.level + 1));
            }
            d.headingText = d.name;
            parent.add(d, "notes");
            // Blocks between this paper and the next heading belong to the paper.
            Node last = fields;
            while (next(last) != null && !(next(last) instanceof Heading) && !isMarker(next(last))) {
                last = next(last);
                if (!(last instanceof HtmlBlock h && h.getLiteral().strip().startsWith("<!--"))) {
                    warnings.add(where + ":" + lineOf(last) + ": text after the fields of paper '" + d.name
                            + "' is kept as its extra field 'More'");
                    d.extra("More", Values.source(markdown, last, last));
                }
            }
            d.block = writtenBlock(heading, last);
            return last;
        }

        // The columns of two tables that differ only where one reads a note after the title and the other does
        // not, the first's with the second's title notes; null when they differ otherwise.
        private static List<TableColumn> withTitleNotes(List<TableColumn> first, List<TableColumn> second) {
            if (first.size() != second.size()) {
                return null;
            }
            List<TableColumn> merged = new ArrayList<>(first.size());
            for (int i = 0; i < first.size(); i++) {
                TableColumn a = first.get(i);
                TableColumn b = second.get(i);
                if (a.equals(b)) {
                    merged.add(a);
                } else if (a.field().equals("title") && withoutSuffix(a).equals(withoutSuffix(b))
                        && (a.suffix() == null || b.suffix() == null)) {
                    merged.add(a.suffix() != null ? a : b);
                } else {
                    return null;
                }
            }
            return merged;
        }

        private static TableColumn withoutSuffix(TableColumn c) {
            return new TableColumn(c.field(), c.header(), c.alignment(), c.key(), null, c.headerMarkdown());
        }

        private void section(Heading heading) {
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level >= heading.getLevel()) {
                stack.remove(stack.size() - 1);
            }
            SectionDraft section = new SectionDraft(Values.oneLine(PlainText.of(heading)), heading.getLevel(), start(heading));
            section.line = lineOf(heading);
            section.richHeading = hasLinkOrImage(heading);
            if (stack.isEmpty()) {
                roots.add(section);
            } else {
                stack.get(stack.size() - 1).children.add(section);
            }
            stack.add(section);
        }

        private void table(SectionDraft current, TableBlock block) {
            TableReader.Table table = tables.read(block, warnings, where, current, current.title, repeated);
            if (current.columns == null) {
                current.columns = table.columns();
            } else if (!current.columns.equals(table.columns())) {
                List<TableColumn> merged = withTitleNotes(current.columns, table.columns());
                if (merged == null) {
                    warnings.add(where + ":" + table.line() + ": a second table in section '" + current.title
                            + "' with other columns; its rows are shown with the first table's columns");
                } else {
                    // The same header, one table's titles with notes after them and the other's without: the
                    // columns that read notes read both, and the rows of either are compared with them.
                    List<TableColumn> before = current.columns;
                    current.columns = merged;
                    current.entries.stream().filter(e -> e.tableColumns == before).forEach(e -> e.tableColumns = merged);
                    table.papers().forEach(e -> e.tableColumns = merged);
                }
            }
            columnSets.merge(table.columns(), 1, Integer::sum);
            if (table.emptyCell() != null) {
                emptyCells.merge(table.emptyCell(), table.papers().size(), Integer::sum);
            }
            for (PaperDraft d : table.papers()) {
                current.add(d, "table");
                countNotAccepted(d);
            }
            layouts.merge("table", table.papers().size(), Integer::sum);
        }

        // "None (temporal)" and the like say a paper is not accepted yet; they are a setting, not a venue.
        private void countNotAccepted(PaperDraft d) {
            if (d.venue != null && NOT_ACCEPTED.matcher(d.venue).matches()) {
                notAccepted.merge(d.venue, 1, Integer::sum);
                d.venue = null;
            }
        }

        private SectionDraft deepestBelow(int level) {
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (stack.get(i).level < level) {
                    return stack.get(i);
                }
            }
            return null;
        }

        // A table of contents: a list whose items are all links to anchors on the page.
        private boolean isToc(Node block) {
            if (!(block instanceof BulletList list) || list.getFirstChild() == null) {
                return false;
            }
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Node first = item.getFirstChild();
                if (!(first instanceof Paragraph p) || !(p.getFirstChild() instanceof Link link)
                        || !link.getDestination().startsWith("#") || link.getNext() != null) {
                    return false;
                }
                for (Node nested = first.getNext(); nested != null; nested = nested.getNext()) {
                    if (!isToc(nested)) {
                        return false;
                    }
                }
            }
            return true;
        }

        Result result(boolean hasMarkers) {
            List<SectionDraft> list = roots;
            while (!hasMarkers && list.size() == 1 && isDocumentTitle(list.get(0))) {
                list = list.get(0).children;
            }
            int first = -1;
            int last = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).hasPapers()) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0) {
                throw new dev.paperlist.PaperlistException(dev.paperlist.ExitCode.INVALID_INPUT, where
                        + ": found no papers: no heading followed by a field list ('- **Paper:** …'), no table with a"
                        + " Title column and no list of linked titles");
            }
            if (hasMarkers) {
                first = 0;
                last = list.size() - 1;
            }
            List<SectionDraft> kept = list.subList(first, last + 1);
            int listStart = kept.get(0).start;
            boolean tocKept = false;
            Boolean tocPapers = toc == null ? null : contentsAsRendered(kept);
            if (toc != null && start(toc) < listStart && (hasMarkers || onlySpaceBetween(end(toc), listStart)) && tocPapers != null) {
                listStart = start(toc);
                tocKept = true;
            } else if (toc != null && start(toc) < listStart && (hasMarkers || onlySpaceBetween(end(toc), listStart))) {
                warnings.add(where + ":" + lineOf(toc) + ": the table of contents links to other headings than the"
                        + " list's sections; it is left as written (and not updated) and the list is rendered without one");
            } else if (toc != null) {
                warnings.add(where + ":" + lineOf(toc) + ": the table of contents is not right before the list;"
                        + " it is left as written and the list is rendered without one");
            }
            int listEnd = last + 1 < list.size() ? list.get(last + 1).start : markdown.length();
            if (hasMarkers) {
                listStart = 0;
                listEnd = markdown.length();
            }
            int topLevel = kept.get(0).level;
            int tocLinks = tocKept ? linkCount(toc) : 0;
            if (tocKept) {
                staleContents(kept);
            }
            Map<PaperDraft, Boolean> all = new IdentityHashMap<>();
            kept.forEach(s -> s.collect(all));
            Settings settings = settings(kept, topLevel, tocKept, all.keySet(), tocLinks);
            List<Section> sections = new ArrayList<>();
            side = all.size() < sideFrom ? null : Futures.daemonExecutor("paperlist-compare");
            try {
                for (SectionDraft s : kept) {
                    if (s.level != topLevel) {
                        warnings.add(where + ":" + s.line + ": top-level section '" + s.title + "' is a level-" + s.level
                                + " heading; it will be rendered at level " + topLevel);
                    }
                    s.renderedLevel = topLevel;
                    s.naturalLevel = topLevel;
                    sections.add(s.build(settings, this));
                }
            } finally {
                if (side != null) {
                    side.shutdownNow();
                }
            }
            Catalog catalog = TableRowInference.apply(EntryInference.apply(new Catalog(settings, CrossListing.apply(sections))));
            return new Result(catalog, List.copyOf(warnings), listStart, listEnd, hasMarkers);
        }

        /**
         * Whether the only top heading is the page's title rather than a section of the list: it has an
         * introduction under it, its contents link to its subsections rather than to it, or its first or
         * last subsection has no papers (a "Contents" or "License" heading).
         */
        private boolean isDocumentTitle(SectionDraft root) {
            // Headings linking a paper right under the page's title, before its first section (the paper the
            // page is about), are the page's top, not papers of the list; they have no field list, and so no
            // name before they are built.
            int firstChild = root.children.isEmpty() ? Integer.MAX_VALUE : root.children.get(0).line;
            if (root.children.isEmpty() || !root.entries.stream().allMatch(d -> d.headingText != null && d.name == null && d.line < firstChild)) {
                return false;
            }
            if (root.textBefore.length() > 0) {
                return true;
            }
            if (toc != null) {
                Link first = firstLink(toc);
                if (first != null && !first.getDestination().equals("#" + Slugger.slugify(root.title))) {
                    return true;
                }
            }
            List<SectionDraft> children = root.children;
            return !children.get(0).hasPapers() || !children.get(children.size() - 1).hasPapers();
        }

        private static Link firstLink(Node node) {
            if (node instanceof Link link) {
                return link;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                Link found = firstLink(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private Settings settings(List<SectionDraft> kept, int topLevel, boolean toc, Set<PaperDraft> papers,
                                  int tocLinks) {
            Settings d = Settings.DEFAULT;
            String layout = layouts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("notes");
            boolean tocPapers = d.tocPapers();
            if (toc && layout.equals("notes")) {
                // Contents that list papers have more entries than there are sections.
                int sections = kept.stream().mapToInt(SectionDraft::count).sum();
                tocPapers = tocLinks > sections;
            }
            List<TableColumn> columns = columnSets.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(d.tableColumns());
            String empty = emptyCells.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> e.getKey().equals(d.emptyCell()) ? 1 : 0)).map(Map.Entry::getKey).orElse(d.emptyCell());
            String notAcceptedText = notAccepted.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(d.notAccepted());
            String authorSeparator = separator(papers.stream().map(p -> p.authors).toList(), d.authorSeparator());
            String tagSeparator = separator(papers.stream().map(p -> p.tags).toList(), d.tagSeparator());
            return new Settings(notAcceptedText, labels(), authorSeparator, tagSeparator, toc, tocPapers, topLevel,
                    layout, columns, empty, List.of());
        }

        // The words of the notes labels the list used, for messages.
        List<String> labelWords() {
            List<String> out = new ArrayList<>();
            labelSpellings.values().forEach(m -> m.keySet().forEach(l -> out.add(l.replaceAll("[*:：]", "").strip())));
            return out;
        }

        private Labels labels() {
            Labels d = Labels.DEFAULT;
            return new Labels(label("paper", d.paper()), label("venue", d.accepted()), label("submitted", d.submitted()),
                    label("authors", d.authors()), label("tags", d.tags()), label("abstract", d.abstractText()),
                    label("notes", d.notes()));
        }

        private String label(String field, String fallback) {
            Map<String, Integer> spellings = labelSpellings.get(field);
            if (spellings == null) {
                return fallback;
            }
            // Ties go to the spelling seen first (maxBy keeps the first of equals; the map keeps order).
            return spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> e.getKey().equals(fallback) ? 1 : 0)).map(Map.Entry::getKey).orElse(fallback);
        }

        // The separator most values use, written with the spacing they use.
        private static String separator(List<String> values, String fallback) {
            Map<String, Integer> counts = new HashMap<>();
            for (String v : values) {
                if (v == null) {
                    continue;
                }
                String s = Values.separatorOf(v);
                if (s != null) {
                    boolean spaced = v.contains(s + " ");
                    counts.merge(spaced ? s + " " : s, 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> e.getKey().equals(fallback) ? 1 : 0)
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(fallback);
        }

        /**
         * Whether the contents are the ones render writes for these sections: {@code true} when they list the
         * sections and their papers' headings, {@code false} when the sections alone, {@code null} when
         * anything else (other headings, another order), which render would not write again.
         */
        private Boolean contentsAsRendered(List<SectionDraft> kept) {
            List<String> links = new ArrayList<>();
            toc.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(link.getDestination());
                }
            });
            for (boolean papers : new boolean[] {false, true}) {
                List<String> anchors = new ArrayList<>();
                Slugger slugger = new Slugger();
                kept.forEach(s -> s.anchors(slugger, papers, anchors));
                if (anchors.equals(links)) {
                    return papers;
                }
            }
            // Entries whose heading is gone are stale and render leaves them out (with a warning); an entry for a
            // heading outside the list, or a link elsewhere, makes the contents the page's rather than the list's.
            Set<String> own = new HashSet<>();
            kept.forEach(s -> s.headingSlugs(new Slugger(), own));
            boolean foreign = links.stream().anyMatch(l -> !l.startsWith("#")
                    || !own.contains(l.substring(1)) && pageAnchors.contains(l.substring(1)));
            return foreign ? null : Boolean.FALSE;
        }

        // Contents entries whose heading is gone are not rendered again; say which.
        private void staleContents(List<SectionDraft> kept) {
            Set<String> headings = new HashSet<>();
            Slugger slugger = new Slugger();
            kept.forEach(s -> s.headingSlugs(slugger, headings));
            toc.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    String anchor = link.getDestination().substring(1);
                    if (!headings.contains(anchor)) {
                        warnings.add(where + ":" + lineOf(link.getParent()) + ": the contents link '"
                                + Values.oneLine(PlainText.of(link)) + "' (" + link.getDestination()
                                + ") leads to no heading of the list; the rendered contents leave it out");
                    }
                }
            });
        }

        private static int linkCount(Node list) {
            int[] count = {0};
            list.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    count[0]++;
                }
            });
            return count[0];
        }

        private boolean onlySpaceBetween(int from, int to) {
            String between = markdown.substring(Math.min(from, to), to);
            return between.replaceAll("<!--[\\s\\S]*?-->", "").isBlank();
        }

        static int start(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(0).getInputIndex();
        }

        static int end(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            SourceSpan last = spans.get(spans.size() - 1);
            return last.getInputIndex() + last.getLength();
        }
    }

    /** Markdown blocks of a section between or after its papers, as offsets into the README's list. */
    private static final class TextDraft {
        final int start;
        int end;
        final int line;

        TextDraft(int start, int end, int line) {
            this.start = start;
            this.end = end;
            this.line = line;
        }
    }

    /** A list item that is not a paper, as written, with the parts of the list nested in it. */
    private static final class ItemDraft {
        final String markdown;
        final int line;
        final List<Object> parts = new ArrayList<>();

        ItemDraft(String markdown, int line) {
            this.markdown = markdown;
            this.line = line;
        }
    }

    /** A section being read. */
    private static final class SectionDraft {
        final String title;
        final int level;
        final int start;
        int line;
        final List<PaperDraft> entries = new ArrayList<>();
        final List<SectionDraft> children = new ArrayList<>();
        final StringBuilder textBefore = new StringBuilder();
        // What the section lists from its first paper on, in order: papers (drafts), text and list items.
        final List<Object> content = new ArrayList<>();
        // A second listing of a paper, written otherwise than the first, kept as written in its place.
        final Map<PaperDraft, String> writtenInstead = new IdentityHashMap<>();
        List<TableColumn> columns;
        final Map<String, Integer> layoutsUsed = new java.util.LinkedHashMap<>();
        // Whether the heading has links or images, which a section's title (text) does not keep.
        boolean richHeading;
        // The level render gives the section's heading, known once the list's top level is, and the one its
        // nesting gives it (its parent's plus one), which papers.yaml need not say.
        int renderedLevel;
        int naturalLevel;

        SectionDraft(String title, int level, int start) {
            this.title = title;
            this.level = level;
            this.start = start;
        }

        void add(PaperDraft d, String layout) {
            add(d, layout, content);
        }

        /**
         * The layout the section's papers are written in: the one they all are in when that differs from the
         * list's and a section may choose it (a table of datasets in a list of bullets), so that the page stays
         * as it was; null for the list's.
         */
        String ownLayout(Settings settings) {
            if (layoutsUsed.size() != 1) {
                return null;
            }
            String used = layoutsUsed.keySet().iterator().next();
            return !used.equals(settings.layout()) && Section.LAYOUTS.contains(used) ? used : null;
        }

        // The layout render writes the section's papers in.
        String layout(Settings settings) {
            String own = ownLayout(settings);
            return own != null ? own : settings.layout();
        }

        void add(PaperDraft d, String layout, List<Object> into) {
            entries.add(d);
            into.add(d);
            layoutsUsed.merge(layout, 1, Integer::sum);
        }

        // The anchors of the headings render writes, in order: the section, its papers' headings, its subsections.
        void anchors(Slugger slugger, boolean papers, List<String> out) {
            out.add("#" + slugger.slug(title));
            for (PaperDraft d : entries) {
                if (d.headingText != null) {
                    String slug = slugger.slug(d.headingText);
                    if (papers) {
                        out.add("#" + slug);
                    }
                }
            }
            children.forEach(c -> c.anchors(slugger, papers, out));
        }

        void headingSlugs(Slugger slugger, Set<String> out) {
            out.add(slugger.slug(title));
            for (PaperDraft d : entries) {
                if (d.headingText != null) {
                    out.add(slugger.slug(d.headingText));
                }
            }
            children.forEach(c -> c.headingSlugs(slugger, out));
        }

        // Blocks before the first paper are the section's text; later ones are text in their place, one part
        // for blocks that follow one another, with what is between them as written.
        void text(Node block, String markdown) {
            if (content.isEmpty()) {
                if (textBefore.length() > 0) {
                    textBefore.append("\n\n");
                }
                textBefore.append(markdown, Reading.start(block), Reading.end(block));
            } else if (content.get(content.size() - 1) instanceof TextDraft last) {
                last.end = Reading.end(block);
            } else {
                content.add(new TextDraft(Reading.start(block), Reading.end(block), ListImporter.line(block)));
            }
        }

        int count() {
            return 1 + children.stream().mapToInt(SectionDraft::count).sum();
        }

        boolean hasPapers() {
            return !entries.isEmpty() || children.stream().anyMatch(SectionDraft::hasPapers);
        }

        void collect(Map<PaperDraft, Boolean> out) {
            entries.forEach(p -> out.put(p, Boolean.TRUE));
            children.forEach(c -> c.collect(out));
        }

        /**
         * The section's papers as the loader accepts them, by draft: a paper listed twice (the same title and
         * link) is one paper, listed at both places where it was written the same way both times and the
         * papers are not headings, a paper of its own where a table writes it in a row that differs in another
         * cell, and read once otherwise; a second paper of one name gets a numbered name
         * where names are headings, and links papers.yaml cannot hold are kept as written in extra fields;
         * each with a warning at its line. A draft left out has no paper.
         */
        private Map<PaperDraft, Paper> papers(Settings settings, Reading reading) {
            boolean headed = layout(settings).equals("notes");
            Map<PaperDraft, Paper> papers = new IdentityHashMap<>();
            Map<String, PaperDraft> seen = new HashMap<>();
            Set<String> names = new HashSet<>();
            List<Compared> compared = new ArrayList<>();
            for (PaperDraft d : entries) {
                String shown = d.title != null ? d.title : d.name;
                if (shown == null || shown.isBlank() || d.name != null && d.name.isBlank()) {
                    reading.warnings.add(reading.where + ":" + d.line + ": an entry without a name or title (a template"
                            + " stub?) is left out; give it a heading or a linked title to import it");
                    continue;
                }
                if (d.name == null) {
                    d.name = shown;
                }
                webLinksOnly(d);
                String title = "\n" + TextRules.collapseWhitespace(shown).strip().toLowerCase(java.util.Locale.ROOT);
                List<String> keys = new ArrayList<>();
                if (d.url != null) {
                    keys.add("url\n" + TextRules.normalisedUrl(d.url) + title);
                    dev.paperlist.model.ArxivId.parse(d.url).ifPresent(id -> keys.add("arXiv id\n" + id.id() + title));
                } else {
                    // Without a link, only a paper written twice to the letter is the same paper.
                    keys.add("no link\n" + d.build(settings.authorSeparator(), settings.tagSeparator()) + "\n" + d.listItem);
                }
                PaperDraft first = keys.stream().map(seen::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (first != null) {
                    boolean again = !headed && Objects.equals(d.listItem, first.listItem)
                            && Objects.equals(d.cells, first.cells) && papers.containsKey(first);
                    // Written otherwise the second time, in a list that writes entries as they are: that listing
                    // stays as written, as an entry that is not a paper of the catalogue.
                    boolean asWritten = !headed && !again && d.listItem != null && layout(settings).equals("list")
                            && MarkdownBlocks.problem(d.listItem.strip()).isEmpty();
                    // A row that differs in its other cells (one paper for two datasets, a row each) is a row of
                    // its own: a table has no anchors, so the second row is a second paper of the catalogue.
                    boolean ownRow = !headed && !again && d.cells != null && first.cells != null
                            && layout(settings).equals("table") && !d.cells.equals(first.cells);
                    reading.warnings.add(reading.where + ":" + d.line + ": '" + d.name + "' is listed twice in section '"
                            + this.title + "' (the same title and link as at line " + first.line + "); "
                            + (again ? "the catalogue holds it once, listed at both places"
                                    : asWritten ? "the catalogue holds it once, and this listing, written otherwise, is"
                                            + " kept as written in its place"
                                    : ownRow ? "this row, written otherwise, is kept in its place as a second paper"
                                    : "imported once"));
                    if (again) {
                        papers.put(d, papers.get(first));
                    } else if (asWritten) {
                        writtenInstead.put(d, d.listItem);
                    }
                    if (!ownRow) {
                        continue;
                    }
                }
                keys.forEach(k -> seen.putIfAbsent(k, d));
                if (headed && !names.add(d.name.toLowerCase(java.util.Locale.ROOT))) {
                    String base = d.name;
                    for (int n = 2; !names.add(d.name.toLowerCase(java.util.Locale.ROOT)); n++) {
                        d.name = base + " (" + n + ")";
                    }
                    reading.warnings.add(reading.where + ":" + d.line + ": a second paper named '" + base
                            + "' in section '" + this.title + "' is named '" + d.name + "', so that its heading differs");
                }
                d.problems.forEach(p -> reading.warnings.add(reading.where + ":" + d.line + ": paper '" + d.name + "': " + p));
                Paper paper = d.build(settings.authorSeparator(), settings.tagSeparator());
                if (headed && d.block != null) {
                    // Compared with the layout's entry below, all at once, with the warning (if any) put where
                    // it falls in this order.
                    compared.add(new Compared(d, paper, reading.warnings.size()));
                } else {
                    papers.put(d, asWritten(d, paper, settings, reading));
                }
            }
            boolean[] same = reading.sameAsLayout(compared, settings, renderedLevel + 1);
            int inserted = 0;
            for (int i = 0; i < compared.size(); i++) {
                Compared c = compared.get(i);
                int before = reading.warnings.size();
                papers.put(c.draft(), notesAsWritten(c.draft(), c.paper(), settings, reading, same[i]));
                if (reading.warnings.size() > before) {
                    reading.warnings.add(c.warningsBefore() + inserted, reading.warnings.remove(before));
                    inserted++;
                }
            }
            return papers;
        }

        // The content with each draft as its paper (those left out left out) and text as written.
        private List<Part> parts(List<Object> drafts, Map<PaperDraft, Paper> papers, Reading reading) {
            List<Part> out = new ArrayList<>(drafts.size());
            for (Object draft : drafts) {
                if (draft instanceof PaperDraft d) {
                    Paper paper = papers.get(d);
                    if (paper != null) {
                        out.add(new Part.Listed(paper));
                    } else if (writtenInstead.containsKey(d)) {
                        out.add(new Part.Item(writtenInstead.get(d), List.of()));
                    }
                } else if (draft instanceof TextDraft t) {
                    // Surrounding blank lines and trailing spaces are the layout's to write, as the loader reads them.
                    String text = reading.markdown.substring(t.start, t.end).replaceAll("^(?:[ \\t]*\\n)+", "").stripTrailing();
                    wellFormed(text, t.line + reading.lineOffset, reading);
                    out.add(new Part.Text(text));
                } else {
                    ItemDraft item = (ItemDraft) draft;
                    wellFormed(item.markdown.strip(), item.line, reading);
                    out.add(new Part.Item(item.markdown, parts(item.parts, papers, reading)));
                }
            }
            return out;
        }

        // Text that one piece opens and a later one closes (an HTML block around a paper) cannot be written in
        // pieces: it is kept together as the section's text, written before the papers, as it was before
        // papers were read in their place.
        private void keepTextTogether(Reading reading) {
            List<TextDraft> pieces = new ArrayList<>();
            content.forEach(o -> {
                if (o instanceof TextDraft t) {
                    pieces.add(t);
                }
            });
            if (pieces.isEmpty() || MarkdownBlocks.problem(textBefore.toString().strip()).isEmpty()
                    && pieces.stream().allMatch(t -> MarkdownBlocks.problem(reading.markdown.substring(t.start, t.end).strip()).isEmpty())) {
                return;
            }
            for (TextDraft t : pieces) {
                if (textBefore.length() > 0) {
                    textBefore.append("\n\n");
                }
                textBefore.append(reading.markdown, t.start, t.end);
            }
            content.removeAll(pieces);
            reading.warnings.add(reading.where + ":" + (pieces.get(0).line + reading.lineOffset) + ": text after the papers of"
                    + " section '" + title + "' closes what text before them opens; it is kept with the section's text,"
                    + " which is rendered before its papers");
        }

        // The loader would refuse Markdown that opens what it does not close; say so here, at its line.
        private void wellFormed(String text, int line, Reading reading) {
            MarkdownBlocks.problem(text).ifPresent(problem -> {
                throw new PaperlistException(ExitCode.INVALID_INPUT, reading.where + ":" + line
                        + ": the text in section '" + title + "' " + problem);
            });
        }

        /**
         * The paper with each table cell that the table layout would write otherwise kept as written: an
         * extra field under the column's header, which the layout writes in place of the field.
         */
        private Paper asWritten(PaperDraft d, Paper paper, Settings settings, Reading reading) {
            String layout = layout(settings);
            if (layout.equals("notes") && (d.block != null || d.listItem != null)) {
                return notesAsWritten(d, paper, settings, reading, d.block != null
                        && WrittenForms.sameHtml(d.block, reading.ownEntries(settings).entry(paper, renderedLevel + 1)));
            }
            if (d.listItem != null && layout.equals("list")) {
                // A bullet the list wrote otherwise than the list layout writes it is kept as written.
                if (!Values.unescape(ListLayout.entry(paper)).equals(Values.unescape(d.listItem))) {
                    // Text that opens a block it does not close would swallow the rest of the page when written
                    // back as it is; such an entry is written from its fields instead, with a warning.
                    var problem = MarkdownBlocks.problem(d.listItem.strip());
                    if (problem.isPresent()) {
                        reading.warnings.add(reading.where + ":" + d.line + ": paper '" + d.name
                                + "' is written from its fields, not as the list wrote it: the entry " + problem.get());
                        return paper;
                    }
                    d.extra.put(Paper.WRITTEN, d.listItem);
                    return d.build(settings.authorSeparator(), settings.tagSeparator());
                }
                return paper;
            }
            List<TableColumn> shown = columns == null ? settings.tableColumns() : columns;
            if (d.cells == null || !layout.equals("table") || !d.tableColumns.equals(shown)) {
                return paper;
            }
            TableLayout table = new TableLayout(settings);
            String empty = MarkdownText.text(settings.emptyCell());
            boolean changed = false;
            Set<String> kept = new HashSet<>();
            for (int i = 0; i < shown.size(); i++) {
                TableColumn column = shown.get(i);
                String written = d.cells.get(i);
                if (column.field().equals("extra")) {
                    // The cell is the extra field itself, read as written unless it reads as empty: a cell left
                    // empty among '-' cells, or '—' among empty ones, is kept as written, or it would come back
                    // as the list's empty cell.
                    if (!paper.extra().containsKey(column.key()) && !Values.unescape(written).equals(Values.unescape(empty))) {
                        d.extra.put(column.key(), written);
                        kept.add(column.key());
                        changed = true;
                    }
                    continue;
                }
                String rendered = table.cell(column, paper);
                if (written.isEmpty()) {
                    // A cell left empty where the layout writes the list's empty cell ('-'): kept empty.
                    if (rendered.isEmpty() && !empty.isEmpty()) {
                        d.extra.put(TableLayout.writtenKey(column), "");
                        kept.add(TableLayout.writtenKey(column));
                        changed = true;
                    }
                    continue;
                }
                // Compared without backslash escapes, which change nothing GitHub shows ("\\[GPTQ\\]" is "[GPTQ]").
                if (!Values.unescape(rendered).equals(Values.unescape(written)) && !(rendered.isEmpty() && written.equals(empty))) {
                    // Kept once: under the column's header rather than also as the extra field it was read into.
                    // Another column's cell kept as written may read the same ('-'), and stays.
                    d.extra.entrySet().removeIf(e -> !kept.contains(e.getKey()) && e.getValue().equals(written));
                    d.extra.put(TableLayout.writtenKey(column), written);
                    kept.add(TableLayout.writtenKey(column));
                    changed = true;
                }
            }
            return changed ? d.build(settings.authorSeparator(), settings.tagSeparator()) : paper;
        }

        /**
         * In the notes layout, a paper heading whose entry the layout would write otherwise (other labels, no
         * field list, blocks under it, another heading level) is kept whole, heading and all, in the extra field
         * {@code As written}; so is a bullet or paragraph entry, which the layout never writes. The blocks kept
         * as the extra fields {@code More} are in it already.
         */
        private Paper notesAsWritten(PaperDraft d, Paper paper, Settings settings, Reading reading, boolean sameAsLayout) {
            String written = d.block != null ? d.block : d.listItem;
            if (sameAsLayout) {
                return paper;
            }
            if (d.block == null && d.headingText != null) {
                // A setext heading: written from the fields, as before.
                return paper;
            }
            var problem = MarkdownBlocks.problem(written.strip());
            if (problem.isPresent()) {
                reading.warnings.add(reading.where + ":" + d.line + ": paper '" + d.name
                        + "' is written from its fields, not as the list wrote it: the entry " + problem.get());
                return paper;
            }
            if (d.block != null) {
                d.extra.keySet().removeIf(WrittenForms::isBlockKey);
            }
            d.extra.put(Paper.WRITTEN, written);
            return d.build(settings.authorSeparator(), settings.tagSeparator());
        }

        // papers.yaml holds only absolute http(s) links; a title link it cannot hold stays as written.
        private static void webLinksOnly(PaperDraft d) {
            if (d.url != null && d.url.isBlank()) {
                d.problems.add("its title links to nothing; imported without a link");
                d.url = null;
            } else if (d.url != null && !TextRules.isCatalogueUrl(d.url)) {
                d.problems.add("its title links to '" + d.url + "', which " + TextRules.whyNotCatalogueUrl(d.url)
                        + "; imported without a link, which is kept as written in the extra field 'Link'");
                d.extra("Link", "[" + d.url.replace("]", "\\]") + "](" + d.url + ")");
                d.url = null;
            }
        }

        Section build(Settings settings, Reading reading) {
            String own = ownLayout(settings);
            for (String used : layoutsUsed.keySet()) {
                if (!used.equals(settings.layout()) && !used.equals(own)) {
                    reading.warnings.add(reading.where + ":" + line + ": section '" + title + "' has papers in the "
                            + used + " layout; the list's layout is " + settings.layout() + ", so they will be rendered "
                            + (used.equals("notes") ? "without their field labels"
                                    + (reading.labelWords().isEmpty() ? "" : " (" + String.join(", ", reading.labelWords()) + ")")
                                    : "in the " + settings.layout() + " layout"));
                }
            }
            if (richHeading) {
                reading.warnings.add(reading.where + ":" + line + ": the links and images of the heading of section '"
                        + title + "' are not kept; it is rendered as its text");
            }
            if (title.isBlank()) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, reading.where + ":" + line
                        + ": a heading without text cannot be a section of the list; give it a title");
            }
            keepTextTogether(reading);
            List<Part> parts = parts(content, papers(settings, reading), reading);
            List<Section> sections = new ArrayList<>();
            for (SectionDraft child : children) {
                // A heading a level or more below the one its nesting gives keeps its level (heading_level), as
                // long as it stays below this one's and the papers a notes section heads stay within Markdown's six.
                int deepest = child.layout(settings).equals("notes") ? 5 : 6;
                child.naturalLevel = renderedLevel + 1;
                if (child.level > renderedLevel && child.level <= deepest) {
                    child.renderedLevel = child.level;
                } else {
                    child.renderedLevel = renderedLevel + 1;
                    if (child.level != child.renderedLevel) {
                        reading.warnings.add(reading.where + ":" + child.line + ": section '" + child.title
                                + "' is a level-" + child.level + " heading under a level-" + renderedLevel
                                + " one; it will be rendered at level " + child.renderedLevel);
                    }
                }
                sections.add(child.build(settings, reading));
            }
            List<TableColumn> ownColumns = columns == null || columns.equals(settings.tableColumns()) ? List.of() : columns;
            String text = textBefore.length() == 0 ? null : textBefore.toString();
            if (text != null) {
                // The loader would refuse this text in papers.yaml; say so here, at the section's heading.
                MarkdownBlocks.problem(text.strip()).ifPresent(problem -> {
                    throw new PaperlistException(ExitCode.INVALID_INPUT, reading.where + ":" + line
                            + ": the text under section '" + title + "' " + problem);
                });
            }
            return Section.of(title, text, ownColumns, parts, sections, SourcePosition.UNKNOWN,
                    renderedLevel == naturalLevel ? 0 : renderedLevel, own);
        }
    }
}
