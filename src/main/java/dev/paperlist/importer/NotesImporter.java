package dev.paperlist.importer;

import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.render.Badges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a hand-written list in the notes layout (a heading per section and per paper, each paper a
 * list of labelled fields) into a catalogue, from commonmark-java's syntax tree. Headings followed by a
 * field list whose first label is "Paper" are papers; other headings are sections. What cannot be
 * mapped is reported as a warning with its line.
 */
public final class NotesImporter {
    private static final Pattern STAR = Pattern.compile(
            "https?://img\\.shields\\.io/github/stars/([^/?#]+)/([^/?#.]+)(?:\\.svg)?(?:\\?.*)?");

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final List<String> warnings = new ArrayList<>();
    private String source;

    /** The result: the catalogue and the warnings about what was not mapped. */
    public record Result(Catalog catalog, List<String> warnings) {}

    public Result read(String markdown, String displayName) {
        this.source = markdown;
        Node document = parser.parse(markdown);
        List<Draft> roots = new ArrayList<>();
        List<Draft> stack = new ArrayList<>();
        int topLevel = 0;
        List<String[]> authorLines = new ArrayList<>();
        List<PaperDraft> paperDrafts = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (!(block instanceof Heading heading)) {
                continue;
            }
            String text = textOf(heading).strip();
            if (block.getNext() instanceof BulletList fields && isPaperFieldList(fields)) {
                Draft parent = deepestBelow(stack, heading.getLevel());
                if (parent == null) {
                    warnings.add(displayName + ":" + line(heading) + ": paper '" + text
                            + "' is outside any section; skipped");
                    continue;
                }
                PaperDraft paper = paper(text, fields, displayName);
                paper.position = new SourcePosition(line(heading), 1);
                paperDrafts.add(paper);
                parent.papers.add(paper);
                block = fields;
                continue;
            }
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level >= heading.getLevel()) {
                stack.remove(stack.size() - 1);
            }
            Draft section = new Draft(text, heading.getLevel());
            if (stack.isEmpty()) {
                if (topLevel == 0) {
                    topLevel = heading.getLevel();
                }
                roots.add(section);
            } else {
                stack.get(stack.size() - 1).children.add(section);
            }
            stack.add(section);
        }
        Settings settings = Settings.DEFAULT;
        if (topLevel > 1) {
            settings = new Settings(settings.notAccepted(), settings.labels(), settings.authorSeparator(),
                    settings.tagSeparator(), settings.toc(), settings.tocPapers(), topLevel, settings.layout(),
                    settings.tableColumns(), settings.emptyCell(), settings.outputs(), settings.lintDisabled());
        }
        List<Section> sections = new ArrayList<>();
        for (Draft root : roots) {
            sections.add(root.build());
        }
        return new Result(new Catalog(settings, crossListed(sections)), List.copyOf(warnings));
    }

    /**
     * The same paper written out in several sections becomes one paper with an id, listed in each:
     * papers.yaml then holds it once and refers to it elsewhere.
     */
    private static List<Section> crossListed(List<Section> sections) {
        java.util.Map<Paper, Integer> counts = new java.util.HashMap<>();
        count(sections, counts);
        java.util.Map<Paper, Paper> shared = new java.util.HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > 1) {
                Paper p = entry.getKey();
                String base = dev.paperlist.render.Slugger.slugify(p.name()).replaceAll("[^A-Za-z0-9._-]", "");
                base = base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0)) ? "paper" + base : base;
                String id = base;
                for (int n = 2; !ids.add(id); n++) {
                    id = base + "-" + n;
                }
                shared.put(p, p.withId(id));
            }
        }
        return shared.isEmpty() ? sections : replace(sections, shared);
    }

    private static void count(List<Section> sections, java.util.Map<Paper, Integer> counts) {
        for (Section s : sections) {
            s.papers().forEach(p -> counts.merge(p, 1, Integer::sum));
            count(s.sections(), counts);
        }
    }

    private static List<Section> replace(List<Section> sections, java.util.Map<Paper, Paper> shared) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Paper> papers = s.papers().stream().map(p -> shared.getOrDefault(p, p)).toList();
            out.add(new Section(s.title(), papers, replace(s.sections(), shared), s.position()));
        }
        return out;
    }

    private static Draft deepestBelow(List<Draft> stack, int level) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).level < level) {
                return stack.get(i);
            }
        }
        return null;
    }

    private static boolean isPaperFieldList(BulletList list) {
        return list.getFirstChild() instanceof ListItem item && "paper".equals(label(item));
    }

    // The label of a field item: the bold text at its start, lower case, without the colon.
    private static String label(ListItem item) {
        if (item.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof StrongEmphasis strong) {
            return textOf(strong).replace(":", "").strip().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private PaperDraft paper(String name, BulletList fields, String displayName) {
        PaperDraft d = new PaperDraft(name);
        for (Node n = fields.getFirstChild(); n != null; n = n.getNext()) {
            ListItem item = (ListItem) n;
            String label = label(item);
            Paragraph p = (Paragraph) item.getFirstChild();
            Node firstValue = p.getFirstChild().getNext();
            String value = valueSource(firstValue, p);
            switch (label == null ? "" : label) {
                case "paper" -> paperLine(d, firstValue);
                case "accepted", "venue" -> d.venue = value.equals(Settings.DEFAULT.notAccepted()) || value.isEmpty()
                        ? null : unescape(value);
                case "submission date", "date" -> d.submitted = PartialDate.parse(value).orElse(null);
                case "authors" -> d.authors = value;
                case "tags" -> d.tags = value;
                case "abstract" -> d.abstractText = value.isEmpty() ? null : value;
                case "personal note", "note", "notes" -> notes(d, firstValue);
                default -> warnings.add(displayName + ":" + line(item) + ": field '" + textOf(item).strip()
                        + "' of paper '" + name + "' is not known; skipped");
            }
        }
        return d;
    }

    private void paperLine(PaperDraft d, Node first) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Link link && link.getFirstChild() instanceof Image image) {
                badge(d, link.getDestination(), image);
            } else if (n instanceof Link link && d.title == null) {
                d.title = textOf(link).strip();
                d.url = link.getDestination();
            } else if (n instanceof Text text && d.title == null && !withoutLeadingColon(text.getLiteral()).isEmpty()) {
                d.title = withoutLeadingColon(text.getLiteral());
            }
        }
    }

    private void badge(PaperDraft d, String href, Image image) {
        String src = image.getDestination();
        String alt = textOf(image);
        Matcher star = STAR.matcher(src);
        if (star.matches()) {
            d.code = GitHubRepo.parse(href).orElseGet(() ->
                    GitHubRepo.parse(star.group(1) + "/" + star.group(2)).orElse(null));
            return;
        }
        // A badge is one of the presets only if the preset renders to exactly the same image and text.
        for (String kind : BadgeKinds.KINDS) {
            BadgeKinds.Preset preset = BadgeKinds.preset(kind);
            String label = preset.required() != null && preset.required().equals("label") ? blogLabel(src) : null;
            Badge candidate = new Badge(kind, href, null, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            if (BadgeKinds.missingPart(candidate) == null && Badges.imageUrl(candidate).equals(src)
                    && alt.equals(preset.alt())) {
                d.badges.add(candidate);
                return;
            }
        }
        d.badges.add(new Badge("custom", href, alt, null, null, null, null, null, src, SourcePosition.UNKNOWN));
    }

    private static String blogLabel(String src) {
        Matcher m = Pattern.compile("https://img\\.shields\\.io/badge/(.+?)-Blog-orange\\.svg").matcher(src);
        return m.matches() ? m.group(1).replace("--", "-").replace("__", "_").replace("%20", " ") : null;
    }

    private static void notes(PaperDraft d, Node first) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Link link) {
                String text = textOf(link).strip();
                if (text.startsWith("[") && text.endsWith("]")) {
                    text = text.substring(1, text.length() - 1);
                }
                d.notes.add(new NoteLink(text, link.getDestination()));
            }
        }
    }

    // The Markdown source of a field's value, so that emphasis in abstracts survives.
    private String valueSource(Node first, Paragraph paragraph) {
        if (first == null) {
            return "";
        }
        List<SourceSpan> spans = paragraph.getSourceSpans();
        SourceSpan last = spans.get(spans.size() - 1);
        int start = first.getSourceSpans().isEmpty() ? last.getInputIndex() : first.getSourceSpans().get(0).getInputIndex();
        return withoutLeadingColon(source.substring(start, last.getInputIndex() + last.getLength())
                .replaceAll("\\s+", " "));
    }

    // "**Label**: value" puts the colon after the bold label, where it is not part of the value.
    private static String withoutLeadingColon(String text) {
        String t = text.strip();
        return (t.startsWith(":") || t.startsWith("：") ? t.substring(1) : t).strip();
    }

    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak softLineBreak) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    /** A section being read: its title, heading level, papers and subsections. */
    private static final class Draft {
        final String title;
        final int level;
        final List<PaperDraft> papers = new ArrayList<>();
        final List<Draft> children = new ArrayList<>();

        Draft(String title, int level) {
            this.title = title;
            this.level = level;
        }

        Section build() {
            List<Paper> out = new ArrayList<>();
            for (PaperDraft d : papers) {
                out.add(d.build());
            }
            List<Section> sections = new ArrayList<>();
            for (Draft child : children) {
                sections.add(child.build());
            }
            return new Section(title, out, sections, SourcePosition.UNKNOWN);
        }
    }

    /** A paper being read; fields stay Markdown source until the whole list is known. */
    private static final class PaperDraft {
        final String name;
        String title;
        String url;
        GitHubRepo code;
        final List<Badge> badges = new ArrayList<>();
        String venue;
        PartialDate submitted;
        String authors;
        String tags;
        String abstractText;
        final List<NoteLink> notes = new ArrayList<>();
        SourcePosition position;

        PaperDraft(String name) {
            this.name = name;
        }

        // Names and titles come from text nodes, already unescaped; the other fields are Markdown source.
        Paper build() {
            Paper.Builder paper = Paper.builder(name, title == null ? name : title)
                    .url(url).code(code).venue(venue).submitted(submitted)
                    .authors(split(authors, ";")).tags(split(tags, ","))
                    .abstractText(abstractText);
            badges.forEach(paper::badge);
            notes.forEach(paper::note);
            return paper.build();
        }

        // Split on the list's separator only; other separators stay inside an item, so nothing is lost.
        private static List<String> split(String value, String separator) {
            List<String> out = new ArrayList<>();
            if (value == null || value.isBlank()) {
                return out;
            }
            for (String part : value.split(Pattern.quote(separator))) {
                String item = unescape(part).strip();
                if (!item.isEmpty()) {
                    out.add(item);
                }
            }
            return out;
        }
    }
}
