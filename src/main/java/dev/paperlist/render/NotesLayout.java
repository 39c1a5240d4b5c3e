package dev.paperlist.render;

import dev.paperlist.Futures;
import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.Figures;
import dev.paperlist.model.Labels;
import dev.paperlist.markdown.WrittenHeading;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The detailed notes layout: a nested table of contents, then a heading per section and per paper,
 * each paper a list of its fields (paper link and badges, venue, date, authors, tags, abstract, notes),
 * written by the entry template {@link #entryTemplate} makes of the settings' labels, as any list's own
 * entries are.
 */
public final class NotesLayout implements Layout {
    private final Settings settings;
    // Writes the list's entry templates and the layout's own; reads the figures of the catalogue being rendered.
    private final EntryTemplates templates;
    // The layout's own entry under a heading of each level (index), made when a heading of that level is
    // first met, before the body is written on several threads.
    private EntryTemplate[] own = new EntryTemplate[0];

    private final int parallelFrom;
    // The figures of the catalogue being rendered, set before any piece of the body is.
    private Figures figures = Figures.NONE;
    private java.util.Map<String, SectionLayout> sectionWriters = java.util.Map.of();

    public NotesLayout(Settings settings) {
        this(settings, PARALLEL_FROM);
    }

    /** With the number of headings from which the body renders on several threads; tests set it. */
    NotesLayout(Settings settings, int parallelFrom) {
        this.settings = settings;
        this.parallelFrom = parallelFrom;
        this.templates = new EntryTemplates(settings, p -> MetricsText.code(p, settings, figures),
                p -> MetricsText.citations(p, settings, figures));
    }

    @Override
    public void renderTo(Catalog catalog, Slugger slugger, MovedSections moved, StringBuilder out) {
        figures = catalog.figures();
        // Sections with a layout of their own write their papers in it, without a heading per paper.
        sectionWriters = java.util.Map.of("list", SectionLayout.papersIn("list", settings, figures),
                "table", SectionLayout.papersIn("table", settings, figures));
        List<Heading> headings = new ArrayList<>();
        collectHeadings(catalog.sections(), settings.topHeadingLevel(), 0, slugger, moved, templates, headings);
        for (Heading h : headings) {
            if (h.paper != null && h.written == null) {
                ownTemplate(h.entry.level());
            }
        }
        int start = out.length();
        if (settings.toc()) {
            Outline.appendContents(out, headings.stream()
                    .filter(h -> h.entry != null && (h.paper == null || settings.tocPapers())).map(Heading::entry).toList());
        }
        if (headings.size() < parallelFrom) {
            body(headings, out, start);
            return;
        }
        // Most of a large run is spent here, and a paper's text depends on nothing but the paper: the
        // headings (and their anchors) are settled above, so pieces of the body render on every core and
        // are appended in order, the same bytes as one thread writes.
        int pieces = Math.min(headings.size(), Math.max(2, headings.size() / PIECE));
        int threads = Math.min(pieces, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "paperlist-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // A few pieces ahead of the one being appended, each dropped once appended: the pieces never
            // hold more than a sliver of the list besides the buffer itself (100,000 papers are 400 MB).
            java.util.ArrayDeque<java.util.concurrent.Future<StringBuilder>> ahead = new java.util.ArrayDeque<>();
            int hint = Math.max(16, (out.capacity() - out.length()) / pieces);
            // Every heading but the very first follows something, and so a blank line.
            int firstStart = out.length() == start ? 0 : -1;
            int next = 0;
            while (next < pieces || !ahead.isEmpty()) {
                while (next < pieces && ahead.size() < 2 * threads) {
                    List<Heading> piece = headings.subList(next * headings.size() / pieces,
                            (next + 1) * headings.size() / pieces);
                    int pieceStart = next == 0 ? firstStart : -1;
                    ahead.add(pool.submit(() -> {
                        StringBuilder part = new StringBuilder(hint);
                        body(piece, part, pieceStart);
                        return part;
                    }));
                    next++;
                }
                out.append(Futures.await(ahead.poll(), "rendering"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** From how many headings the body renders in pieces on several threads; below, threads cost more than they save. */
    static final int PARALLEL_FROM = 4_000;
    private static final int PIECE = 1_000;

    private void body(List<Heading> headings, StringBuilder out, int start) {
        for (Heading h : headings) {
            String written = h.written;
            if (written != null) {
                // An entry kept as the list wrote it: its heading (if it has one) at the level and with the
                // text written, the blocks under it verbatim. Entries without a heading (bullets) follow each
                // other line by line, as the list had them, so that a tight list stays one list.
                if (out.length() > start && !h.joined) {
                    out.append('\n');
                }
                if (h.entry != null) {
                    out.append("#".repeat(h.entry.level())).append(h.writtenHeading.rest());
                } else {
                    out.append(written);
                }
                out.append('\n');
            } else if (h.paper != null) {
                // The heading is the template's; its text is the one the contents and anchor were made of.
                if (out.length() > start) {
                    out.append('\n');
                }
                templates.renderOwn(own[h.entry.level()], h.paper, out);
                out.append('\n');
            } else {
                Outline.appendHeading(out, h.entry, start);
                if (h.moved != null) {
                    out.append('\n').append(MovedSections.notice(h.moved, h.entry.page()));
                } else {
                    Outline.appendText(out, h.section.text());
                    if (h.section.layout() != null && !h.section.content().isEmpty()) {
                        out.append('\n');
                        sectionWriters.get(h.section.layout()).papers(out, h.section);
                    }
                }
            }
            for (String markdown : h.after) {
                Outline.appendText(out, markdown);
            }
        }
    }

    private static void collectHeadings(List<Section> sections, int level, int depth, Slugger slugger,
                                        MovedSections moved, EntryTemplates templates, List<Heading> out) {
        for (Section section : sections) {
            int written = section.headingLevel(level);
            Outline.Entry entry = Outline.entry(section.title(), written, depth, slugger);
            moved.anchor(section, entry.anchor());
            if (moved.isMoved(section)) {
                out.add(new Heading(entry.movedTo(moved.page(section)), section, null, section, List.of(), false,
                        null, null));
                continue;
            }
            out.add(new Heading(entry, section, null, null, new ArrayList<>(), false, null, null));
            if (section.layout() == null) {
                headings(section.content(), section, written, depth, slugger, templates, out);
            }
            collectHeadings(section.sections(), written + 1, depth + 1, slugger, moved, templates, out);
        }
    }

    // A heading per listed paper (as written when the list wrote it otherwise); what is written between
    // papers (text, list items that are not papers) follows the heading before it, as blocks of their own.
    private static void headings(List<Part> parts, Section section, int level, int depth, Slugger slugger,
                                 EntryTemplates templates, List<Heading> out) {
        int number = 0;
        for (Part part : parts) {
            number = part instanceof Part.Text ? 0 : number + 1;
            if (part instanceof Part.Listed listed) {
                Paper paper = listed.paper();
                String written = templates.written(paper, section.entries(), number);
                WrittenHeading heading = written == null ? null : WrittenHeading.of(written);
                Heading before = out.get(out.size() - 1);
                // Entries written without a heading (bullets) join the one before when nothing came between.
                boolean joined = before.paper != null && before.entry == null && before.after.isEmpty();
                if (written == null) {
                    out.add(new Heading(Outline.entry(paper.name(), level + 1, depth + 1, slugger), section, paper, null,
                            new ArrayList<>(), false, null, null));
                } else if (heading != null) {
                    // Never above its section's papers' level, where it would read as the next section.
                    out.add(new Heading(Outline.entry(heading.text(), Math.max(level + 1, heading.level()), depth + 1,
                            slugger), section, paper, null, new ArrayList<>(), false, heading, written));
                } else {
                    out.add(new Heading(null, section, paper, null, new ArrayList<>(), joined, null, written));
                }
            } else if (part instanceof Part.Text text) {
                out.get(out.size() - 1).after().add(text.markdown());
            } else if (part instanceof Part.Item item) {
                out.get(out.size() - 1).after().add(item.markdown());
                headings(item.parts(), section, level, depth, slugger, templates, out);
            }
        }
    }

    /**
     * This layout's own entries for one settings, heading included, to compare with entries as a list wrote
     * them: the templates of every heading level are read once, and any thread may write with them.
     */
    public static final class OwnEntries {
        private final Settings settings;
        private final EntryTemplates templates;
        private final EntryTemplate[] byLevel = new EntryTemplate[7];

        public OwnEntries(Settings settings) {
            this.settings = settings;
            this.templates = new EntryTemplates(settings, q -> MetricsText.code(q, settings, Figures.NONE),
                    q -> MetricsText.citations(q, settings, Figures.NONE));
            for (int level = 1; level < byLevel.length; level++) {
                byLevel[level] = entryTemplate(settings, level);
            }
        }

        /** The settings the entries are made of. */
        public Settings settings() {
            return settings;
        }

        /** The entry made of a paper's fields under a heading of the given level, without its final line break. */
        public String entry(Paper p, int level) {
            // Sized for the abstract, most of an entry: an import compares every paper's entry with the list's.
            StringBuilder out = new StringBuilder(256 + (p.abstractText() == null ? 0 : p.abstractText().length()));
            templates.renderOwn(level > 0 && level < byLevel.length ? byLevel[level] : entryTemplate(settings, level),
                    p, out);
            return out.toString();
        }
    }

    /**
     * The layout's own entry under a heading of the given level, as an entry template: the short name as the
     * heading, then a list of the fields, each after its label. The badges go under the title, one a line, as
     * continuation lines of the same paragraph: the title's line ends in a hard break and the badge lines in
     * soft ones, so GitHub shows the badges side by side, as hand-written lists do. The break is a backslash,
     * which survives editors that strip trailing spaces, where the two-space break of hand-written lists does
     * not. A paper without a venue is "not accepted" in the settings' words; extra fields are Markdown from the
     * list they were imported from, written back as they were, each on a line of its own.
     */
    public static EntryTemplate entryTemplate(Settings settings, int level) {
        Labels labels = settings.labels();
        return EntryTemplate.parse("#".repeat(level) + " {name}\n\n"
                + "- " + EntryTemplate.literal(labels.paper()) + " {link}{?\\{?\n  {stars}}{?\n  {badges:\n  }}{?\n  {citations}}}"
                + "\n- " + EntryTemplate.literal(labels.accepted()) + " {?{venue}" + EntryTemplate.OR
                + EntryTemplate.literal(MarkdownText.text(settings.notAccepted())) + "}"
                + field(labels.submitted(), "{date}") + field(labels.authors(), "{authors}")
                + field(labels.tags(), "{tags}") + field(labels.abstractText(), "{abstract}")
                + field(labels.notes(), "{notes}") + "{?{extras:\n- **{label}:** {value}}}");
    }

    // A line of the list written only when the paper has the field.
    private static String field(String label, String slot) {
        return "{?\n- " + EntryTemplate.literal(label) + " " + slot + "}";
    }

    private void ownTemplate(int level) {
        if (level >= own.length) {
            own = java.util.Arrays.copyOf(own, level + 1);
        }
        if (own[level] == null) {
            own[level] = entryTemplate(settings, level);
        }
    }

    /**
     * One heading of the body, or ({@code entry} null) an entry kept as written without a heading, which is
     * {@code joined} to the one before it when that is one too; {@code after} holds what the list wrote after it;
     * {@code writtenHeading} is the heading an entry kept as written opens with, read once for both passes;
     * {@code written} is that entry, as written or as the list's entry template writes it.
     */
    private record Heading(Outline.Entry entry, Section section, Paper paper, Section moved, List<String> after,
                           boolean joined, WrittenHeading writtenHeading, String written) {}
}
