package dev.paperlist.links;

import dev.paperlist.catalog.yaml.SourceIndex;
import dev.paperlist.markdown.Markers;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the links to check, grouped by what is checked: every URL of the catalogue (papers' url, code,
 * image, badge links and images, note links, links inside Markdown fields and section text, the
 * {@code arxiv} ids) and, for a README, the links written outside its generated block.
 */
public final class LinkSources {
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private final Map<String, LinkTarget> targets = new LinkedHashMap<>();
    private final Map<String, List<Occurrence>> occurrences = new LinkedHashMap<>();

    /** A target and every place it is written, in the order found. */
    public record Found(LinkTarget target, List<Occurrence> occurrences) {
        public Found {
            occurrences = List.copyOf(occurrences);
        }

        public Occurrence first() {
            return occurrences.get(0);
        }
    }

    /** Every link of a loaded catalogue, with positions from its YAML tree. */
    public void addCatalogue(Catalog catalog, SourceIndex index, String file) {
        addSections(catalog.sections(), index, file);
        for (Paper p : catalog.distinctPapers()) {
            addPaper(p, index, file);
        }
    }

    private void addSections(List<Section> sections, SourceIndex index, String file) {
        for (Section s : sections) {
            if (s.text() != null) {
                addMarkdown(s.text(), file, index.at(s.position(), "text").orElse(s.position()));
            }
            addSections(s.sections(), index, file);
        }
    }

    private void addPaper(Paper p, SourceIndex index, String file) {
        url(p.url(), file, at(index, p, "url"));
        if (p.code() != null) {
            url(p.code().link(), file, at(index, p, "code"));
        }
        if (p.arxiv() != null) {
            add(LinkTarget.arxiv(p.arxiv()), new Occurrence(file, at(index, p, "arxiv"), "arXiv:" + p.arxiv().id()));
        }
        url(p.image(), file, at(index, p, "image"));
        for (int i = 0; i < p.badges().size(); i++) {
            Badge b = p.badges().get(i);
            url(b.url(), file, at(index, p, "badges", i, "url"));
            url(b.image(), file, at(index, p, "badges", i, "image"));
        }
        for (int i = 0; i < p.notes().size(); i++) {
            url(p.notes().get(i).url(), file, at(index, p, "notes", i, "url"));
        }
        markdown(p.abstractText(), file, at(index, p, "abstract"));
        markdown(p.summary(), file, at(index, p, "summary"));
        markdown(p.comment(), file, at(index, p, "comment"));
        for (Map.Entry<String, String> extra : p.extra().entrySet()) {
            markdown(extra.getValue(), file, index.at(p.position(), "extra", extra.getKey())
                    .orElse(at(index, p, "extra")));
        }
    }

    private static SourcePosition at(SourceIndex index, Paper p, Object... path) {
        return index.at(p.position(), path).orElse(p.position());
    }

    private void markdown(String text, String file, SourcePosition at) {
        if (text != null && text.contains("://")) {
            addMarkdown(text, file, at);
        }
    }

    // Links inside a catalogue value are reported at the value: its text may be quoted or folded, so a
    // position inside it would not be a position in the file.
    private void addMarkdown(String text, String file, SourcePosition at) {
        for (Destination d : destinations(MARKDOWN.parse(text))) {
            url(d.url(), file, at);
        }
    }

    /**
     * The links of a README outside its generated block (all of them when it has no markers), at their own
     * line and column. The block's lines
     * are blanked rather than cut out, so that every position stays the README's and reference
     * definitions anywhere in the file still resolve.
     */
    public void addReadme(String text, String file) {
        if (!text.contains(Markers.START_PREFIX) && !text.contains(Markers.END_PREFIX)) {
            // A README paperlist does not render into (CONTRIBUTING.md, say): every link is its own.
            for (Destination d : destinations(MARKDOWN.parse(text))) {
                url(d.url(), file, d.position());
            }
            return;
        }
        Markers.Split split = Markers.split(text, file);
        int afterStart = text.length() - split.after().length();
        StringBuilder blanked = new StringBuilder(text.length());
        blanked.append(split.before());
        for (int i = split.before().length(); i < afterStart; i++) {
            if (text.charAt(i) == '\n') {
                blanked.append('\n');
            }
        }
        blanked.append(split.after());
        for (Destination d : destinations(MARKDOWN.parse(blanked.toString()))) {
            url(d.url(), file, d.position());
        }
    }

    private record Destination(String url, SourcePosition position) {}

    private static List<Destination> destinations(Node document) {
        List<Destination> out = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                out.add(new Destination(link.getDestination(), start(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                out.add(new Destination(image.getDestination(), start(image)));
                visitChildren(image);
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                visitChildren(node);
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock node) {
                visitChildren(node);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                // Its uses are Link nodes already; an unused definition is still a link in the file.
                out.add(new Destination(definition.getDestination(), start(definition)));
            }
        });
        return out;
    }

    private static SourcePosition start(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return SourcePosition.UNKNOWN;
        }
        return new SourcePosition(spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
    }

    private void url(String text, String file, SourcePosition at) {
        if (text == null) {
            return;
        }
        LinkTarget.of(text).ifPresent(t -> add(t, new Occurrence(file, at, text.strip())));
    }

    private void add(LinkTarget target, Occurrence where) {
        targets.putIfAbsent(target.key(), target);
        occurrences.computeIfAbsent(target.key(), k -> new ArrayList<>()).add(where);
    }

    /** Every target once, with its places sorted by file order (catalogue first) then line and column. */
    public List<Found> found() {
        List<Found> out = new ArrayList<>();
        List<String> files = new ArrayList<>();
        occurrences.values().forEach(list -> list.forEach(o -> {
            if (!files.contains(o.file())) {
                files.add(o.file());
            }
        }));
        java.util.Comparator<Occurrence> order = java.util.Comparator
                .comparingInt((Occurrence o) -> files.indexOf(o.file()))
                .thenComparingInt(o -> o.position().line())
                .thenComparingInt(o -> o.position().column());
        for (Map.Entry<String, List<Occurrence>> e : occurrences.entrySet()) {
            List<Occurrence> places = new ArrayList<>(e.getValue());
            places.sort(order);
            out.add(new Found(targets.get(e.getKey()), places.stream().distinct().toList()));
        }
        out.sort(java.util.Comparator.comparing(Found::first, order));
        return out;
    }
}
