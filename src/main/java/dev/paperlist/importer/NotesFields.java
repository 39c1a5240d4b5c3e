package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;

import dev.paperlist.markdown.PlainText;
import dev.paperlist.model.NoteLink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.BulletList;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Reads the field list of one paper in the notes layout ({@code - **Paper:** [Title](url)},
 * {@code - **Accepted:** …}) with the label spellings lists really use.
 */
final class NotesFields {
    /** Label spellings (lower case, colon removed) to the field they fill. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("paper", "paper"), Map.entry("title", "paper"), Map.entry("link", "paper"),
            Map.entry("accepted", "venue"), Map.entry("venue", "venue"), Map.entry("conference", "venue"),
            Map.entry("publication", "venue"), Map.entry("published in", "venue"),
            Map.entry("submission date", "submitted"), Map.entry("submitted", "submitted"),
            Map.entry("date", "submitted"), Map.entry("authors", "authors"), Map.entry("author", "authors"),
            Map.entry("tags", "tags"), Map.entry("tag", "tags"), Map.entry("keywords", "tags"),
            Map.entry("abstract", "abstract"), Map.entry("personal note", "notes"), Map.entry("note", "notes"),
            Map.entry("notes", "notes"), Map.entry("code", "code"), Map.entry("github", "code"));

    private final String markdown;
    private final Labels labels;
    private final BadgeReader badges;

    /** Counts each label spelling as written, so the list's own spelling becomes the catalogue's setting. */
    interface Labels {
        void seen(String field, String written);
    }

    NotesFields(String markdown, Labels labels, BadgeReader badges) {
        this.markdown = markdown;
        this.labels = labels;
        this.badges = badges;
    }

    /** Whether a list is a paper's fields: most items start with a bold label and one is a known field. */
    static boolean isFieldList(Node node) {
        return isFieldList(node, false);
    }

    /** The same, with any labels when {@code anyLabels}: under a heading that links to the paper. */
    static boolean isFieldList(Node node, boolean anyLabels) {
        if (!(node instanceof BulletList list)) {
            return false;
        }
        int items = 0;
        int labelled = 0;
        boolean known = false;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            items++;
            String label = label((ListItem) n);
            if (label != null) {
                labelled++;
                known |= FIELDS.containsKey(label);
            }
        }
        return (known || anyLabels) && labelled * 2 > items;
    }

    /** Whether every field of the list is empty or an empty link ("- **Paper:**", "- **Notes:** [Note]()"). */
    static boolean isEmpty(BulletList list) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof StrongEmphasis strong) {
                for (Node v = strong.getNext(); v != null; v = v.getNext()) {
                    if (!(v instanceof Text t && t.getLiteral().replace(":", "").isBlank()
                            || v instanceof Link l && l.getDestination().isBlank()
                            || v instanceof org.commonmark.node.SoftLineBreak || v instanceof org.commonmark.node.HardLineBreak)) {
                        return false;
                    }
                }
            } else {
                return false;
            }
        }
        return true;
    }

    // The label of a field item: the bold text at its start, lower case, without the colon.
    static String label(ListItem item) {
        if (item.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof StrongEmphasis strong) {
            return PlainText.of(strong).replace(":", "").replace("：", "").strip().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** Fills the draft from the field items; unknown fields are kept as extra fields. */
    void read(PaperDraft d, BulletList fields, List<String> warnings, String where) {
        for (Node n = fields.getFirstChild(); n != null; n = n.getNext()) {
            ListItem item = (ListItem) n;
            String label = label(item);
            if (label == null || !(item.getFirstChild() instanceof Paragraph p)) {
                d.extra("Note", Values.source(markdown, item.getFirstChild(), item.getLastChild()));
                continue;
            }
            StrongEmphasis strong = (StrongEmphasis) p.getFirstChild();
            Node first = strong.getNext();
            String field = FIELDS.getOrDefault(label, "");
            // The paper line is read from its nodes (the title link and the badges), never from its text, which
            // is the longest of an entry's values and the one that spans lines.
            String value = field.equals("paper") ? ""
                    : Values.withoutLeadingColon(Values.source(markdown, first, p.getLastChild()));
            if (first instanceof Text t && Values.withoutLeadingColon(t.getLiteral()).isEmpty()) {
                first = first.getNext();
            }
            if (!field.isEmpty()) {
                labels.seen(field, writtenLabel(strong));
            }
            if (item.getLastChild() != p) {
                warnings.add(where + ":" + ListImporter.line(item.getLastChild())
                        + ": nested content under field '" + PlainText.of(strong).strip() + "' is kept as its text");
                value = Values.withoutLeadingColon(Values.source(markdown, first == null ? p : first, item.getLastChild()));
            }
            switch (field) {
                case "paper" -> paperLine(d, first, !writtenLabel(strong).endsWith("**"));
                case "venue" -> d.venue = value.isEmpty() ? null : Values.unescape(value);
                case "submitted" -> {
                    if (!value.isEmpty()) {
                        d.submitted = Values.date(Values.unescape(value)).orElse(null);
                        if (d.submitted == null) {
                            warnings.add(where + ":" + ListImporter.line(item) + ": date '" + value
                                    + "' is not a date paperlist reads; kept as an extra field");
                            d.extra(PlainText.of(strong).replace(":", "").strip(), value);
                        }
                    }
                }
                case "authors" -> d.authors = Values.unescape(value);
                case "tags" -> d.tags = Values.unescape(value);
                case "abstract" -> d.abstractText = value.isEmpty() ? null : Values.unescapeInline(value);
                case "notes" -> notes(d, first, value);
                case "code" -> code(d, first, value, strong);
                default -> {
                    if (!value.isEmpty()) {
                        d.extra(PlainText.of(strong).replace(":", "").replace("：", "").strip(), value);
                    }
                }
            }
        }
    }

    // The label as written, colon included wherever it stands: "**Paper:**" or "**Personal Note**:".
    private String writtenLabel(StrongEmphasis strong) {
        String bold = Values.source(markdown, strong, strong);
        Node next = strong.getNext();
        if (next instanceof Text t && (t.getLiteral().startsWith(":") || t.getLiteral().startsWith("："))) {
            return bold + t.getLiteral().charAt(0);
        }
        return bold;
    }

    /**
     * The title link and the badges after it (hard breaks, spaces or nothing between them).
     *
     * @param colonOutside whether the label is written "**Paper**:", leaving its colon in the text
     */
    void paperLine(PaperDraft d, Node first, boolean colonOutside) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Link link && link.getFirstChild() instanceof Image image && link.getFirstChild().getNext() == null) {
                badges.linkedImage(d, link.getDestination(), image);
            } else if (n instanceof Image image) {
                badges.linkedImage(d, null, image);
            } else if (n instanceof Link link && d.title == null) {
                d.title = Values.oneLine(PlainText.of(link));
                d.url = link.getDestination();
            } else if (n instanceof Text text && d.title == null) {
                String literal = text.getLiteral().strip();
                if (colonOutside && n == first && (literal.startsWith(":") || literal.startsWith("："))) {
                    literal = literal.substring(1).strip();
                }
                if (!literal.isEmpty()) {
                    d.title = Values.oneLine(literal);
                }
            }
        }
    }

    /** Note links ({@code [[HTML]](url)}) become note links; a value without any is kept as the extra field {@code Note}. */
    static void notes(PaperDraft d, Node first, String value) {
        boolean any = false;
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Link link) {
                String text = Values.oneLine(PlainText.of(link));
                if (text.startsWith("[") && text.endsWith("]")) {
                    text = text.substring(1, text.length() - 1);
                }
                String url = link.getDestination();
                if (url.isBlank()) {
                    // A template's "[Note]()" placeholder.
                    d.problems.add("the note link '" + text + "' links to nothing; left out");
                } else if (!TextRules.isCatalogueUrl(url)) {
                    d.extra("Note", "[" + PlainText.of(link) + "](" + url + ")");
                    d.problems.add("the note link '" + text + "' links to '" + url
                            + "', which " + TextRules.whyNotCatalogueUrl(url) + "; kept as written in the extra field 'Note'");
                } else {
                    d.notes.add(new NoteLink(text, url));
                }
                any = true;
            }
        }
        if (!any && !value.isEmpty()) {
            d.extra("Note", value);
        }
    }

    private void code(PaperDraft d, Node first, String value, StrongEmphasis strong) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Link link && link.getFirstChild() instanceof Image image) {
                badges.linkedImage(d, link.getDestination(), image);
            } else if (n instanceof Link link) {
                var repo = dev.paperlist.model.GitHubRepo.parse(link.getDestination());
                if (repo.isPresent() && d.code == null) {
                    d.code = repo.get();
                } else {
                    d.extra(PlainText.of(strong).replace(":", "").strip(), value);
                    return;
                }
            }
        }
    }
}
