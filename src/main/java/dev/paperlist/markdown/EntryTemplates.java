package dev.paperlist.markdown;

import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a paper's entry the way its list writes entries: the entry kept as written, or else, of the
 * section's entry templates (or, when none fits, the list's), the one that fits the paper and shows the most
 * of its fields, the first of those. A template fits when every slot outside a {@code {?...}} part has a
 * value and the entry shows the paper's title, link and short name; fields it has no slot for stay in the
 * catalogue. A paper no template fits is written by the layout itself. The renderer and the linter share it, so that
 * both see the same entry (and the heading it may open with).
 */
public final class EntryTemplates {
    private final Settings settings;
    private final Function<Paper, String> stars;
    private final Function<Paper, String> citations;
    // The settings' separators as Markdown, made once rather than for every entry.
    private final String authorSeparator;
    private final String tagSeparator;

    /**
     * @param stars the Markdown of a paper's code repository (the star badge, with figures when shown)
     * @param citations the Markdown of its citation count, or the empty string when none is shown
     */
    public EntryTemplates(Settings settings, Function<Paper, String> stars, Function<Paper, String> citations) {
        this.settings = settings;
        this.stars = stars;
        this.citations = citations;
        this.authorSeparator = MarkdownText.text(settings.authorSeparator());
        this.tagSeparator = MarkdownText.text(settings.tagSeparator());
    }

    /** Without figures: the star badge alone and no citation counts. */
    public EntryTemplates(Settings settings) {
        this(settings, p -> Badges.star(p.code()), p -> "");
    }

    /**
     * The paper's entry as its list writes it, without a final line break ({@code null} for the layout's own), as the {@code number}-th entry of a numbered list (its place among
     * the entries and items written one after another: 1 after the section's heading or after text); 0 where
     * the place is not known, which no {@code {number}} slot then fits.
     */
    public String written(Paper p, List<EntryTemplate> sectionTemplates, int number) {
        String written = p.extra().get(Paper.WRITTEN);
        if (written != null) {
            return written;
        }
        return chosen(p, sectionTemplates, number, false);
    }

    /**
     * The paper's table row as its list writes it, without a final line break: of the table-row templates
     * (those opening with {@code |}), the section's or else the list's, the one that fits and shows the most;
     * {@code null} for the layout's own. A table row is never kept as written: its cells are.
     */
    public String row(Paper p, List<EntryTemplate> sectionTemplates) {
        return chosen(p, sectionTemplates, 0, true);
    }

    private String chosen(Paper p, List<EntryTemplate> sectionTemplates, int number, boolean rows) {
        if (sectionTemplates.isEmpty() && settings.entries().isEmpty()) {
            return null;
        }
        Fit fit = best(sectionTemplates, p, number, rows);
        if (fit == null) {
            fit = best(settings.entries(), p, number, rows);
        }
        return fit == null ? null : fit.entry();
    }

    // The template of the list that fits the paper and shows the most of its fields; the first of those. A
    // table row fits only in a table, and only a table row does.
    private Fit best(List<EntryTemplate> templates, Paper p, int number, boolean rows) {
        Fit best = null;
        for (EntryTemplate t : templates) {
            if (t.tableRow() != rows) {
                continue;
            }
            Fit fit = fit(t, p, number);
            if (fit != null && (best == null || fit.shown() > best.shown())) {
                best = fit;
            }
        }
        return best;
    }

    /** The entry a template makes of the paper as the {@code number}-th of its list; empty when it does not fit. */
    public Optional<String> render(EntryTemplate template, Paper p, int number) {
        return Optional.ofNullable(fit(template, p, number)).map(Fit::entry);
    }

    /**
     * The entry a template makes of a paper, and how many of the paper's fields it shows (of its extra fields,
     * each counts).
     */
    public record Fit(String entry, int shown) {}

    /**
     * The entry a template makes of the paper as the {@code number}-th of its list; {@code null} when it does
     * not fit: a slot outside a part has no value, or the paper's title, link or short name would not show.
     */
    public Fit fit(EntryTemplate template, Paper p, int number) {
        StringBuilder out = new StringBuilder();
        Set<String> shown = new HashSet<>();
        if (!write(template.pieces(), p, template.extraLabels(), number, out, shown, false, template.tableRow())
                || !showsWhich(p, shown)) {
            return null;
        }
        return new Fit(out.toString(), shown.size());
    }

    /**
     * Appends the entry a layout's own template makes of any paper: the fields the layout does not show are
     * left out, as the layout leaves them out.
     *
     * @throws IllegalArgumentException when a slot outside a {@code {?...}} part has no value
     */
    public void renderOwn(EntryTemplate template, Paper p, StringBuilder out) {
        int mark = out.length();
        if (!write(template.pieces(), p, template.extraLabels(), 0, out, null, false, template.tableRow())) {
            out.setLength(mark);
            throw new IllegalArgumentException("the template '" + template + "' needs a field paper '" + p.name()
                    + "' does not have");
        }
    }

    // Writes the pieces; false when a slot among them (not in a part of its own) has no value, or, in a part
    // without a slot of its own, when none of its parts is written. The fields shown are added to shown,
    // unless it is null (a layout's own template, which may leave fields out). Values are appended straight
    // to out and taken back when the part they are in does not fit: a large list writes many entries.
    private boolean write(List<EntryTemplate.Piece> pieces, Paper p, Set<String> named, int number, StringBuilder out,
                          Set<String> shown, boolean part, boolean table) {
        boolean ownSlot = false;
        boolean parts = false;
        boolean partWritten = false;
        // Indexed loops: no iterator for each of the many entries and parts written.
        for (int i = 0; i < pieces.size(); i++) {
            EntryTemplate.Piece piece = pieces.get(i);
            if (piece instanceof EntryTemplate.Literal literal) {
                out.append(literal.text());
            } else if (piece instanceof EntryTemplate.Slot slot) {
                ownSlot = true;
                int mark = out.length();
                if (!append(slot, p, named, number, out, table)) {
                    return false;
                }
                // Every other value is text, a URL or a badge, whose '|' is escaped or encoded already.
                if (table && (slot.kind() == EntryTemplate.Kind.EXTRA || slot.kind() == EntryTemplate.Kind.EXTRAS)) {
                    escapeBars(out, mark);
                }
                if (shown != null) {
                    shown.addAll(fields(slot, p, named));
                }
            } else if (piece instanceof EntryTemplate.Group group) {
                parts = true;
                partWritten |= writeGroup(group, p, named, number, out, shown, table);
            }
        }
        return !part || ownSlot || !parts || partWritten;
    }

    // The first alternative of the part that fits; false, with nothing written, when none does.
    private boolean writeGroup(EntryTemplate.Group group, Paper p, Set<String> named, int number, StringBuilder out,
                               Set<String> shown, boolean table) {
        int mark = out.length();
        List<List<EntryTemplate.Piece>> alternatives = group.alternatives();
        for (int i = 0; i < alternatives.size(); i++) {
            List<EntryTemplate.Piece> alternative = alternatives.get(i);
            Set<String> shownInGroup = shown == null ? null : new HashSet<>();
            if (write(alternative, p, named, number, out, shownInGroup, true, table)) {
                if (shown != null) {
                    shown.addAll(shownInGroup);
                }
                return true;
            }
            out.setLength(mark);
        }
        return false;
    }

    /** What a slot without an argument ({@code {title}}, {@code {stars}}) writes of the paper; {@code null} for nothing. */
    public String value(String slot, Paper p) {
        StringBuilder out = new StringBuilder();
        return append(new EntryTemplate.Slot(slot, null, null), p, Set.of(), 0, out, false) ? out.toString() : null;
    }

    /** Appends a slot's Markdown for the paper; false, with nothing appended, when the paper has no value for it. */
    private boolean append(EntryTemplate.Slot slot, Paper p, Set<String> named, int number, StringBuilder out,
                           boolean table) {
        String arg = slot.arg();
        switch (slot.kind()) {
            case NAME -> MarkdownText.appendPlain(out, p.name());
            case ALIAS -> {
                if (p.name().equals(p.title())) {
                    return false;
                }
                MarkdownText.appendPlain(out, p.name());
            }
            case TITLE -> MarkdownText.appendPlain(out, p.title());
            case URL -> {
                if (p.url() == null) {
                    return false;
                }
                out.append(MarkdownText.url(p.url()));
            }
            case LINK -> {
                if (p.url() == null) {
                    MarkdownText.appendPlain(out, p.title());
                } else {
                    out.append('[');
                    MarkdownText.appendPlain(out, p.title());
                    out.append("](").append(MarkdownText.url(p.url())).append(')');
                }
            }
            case VENUE -> {
                if (p.venue() == null) {
                    return false;
                }
                MarkdownText.appendPlain(out, p.venue());
            }
            case DATE -> {
                if (p.submitted() == null) {
                    return false;
                }
                if (slot.spelling() == null) {
                    out.append(p.submitted());
                } else {
                    String date = slot.spelling().format(p.submitted()).orElse(null);
                    if (date == null) {
                        return false;
                    }
                    out.append(date);
                }
            }
            case AUTHORS -> {
                return appendTexts(p.authors(), arg != null ? arg : authorSeparator, out);
            }
            case TAGS -> {
                return appendTexts(p.tags(), arg != null ? arg : tagSeparator, out);
            }
            case CODE -> {
                if (p.code() == null) {
                    return false;
                }
                out.append(MarkdownText.url(p.code().link()));
            }
            case STARS -> {
                String badge = p.code() == null ? null : stars.apply(p);
                if (badge == null) {
                    return false;
                }
                out.append(badge);
            }
            case CITATIONS -> {
                return appendNonEmpty(citations.apply(p), out);
            }
            case BADGES -> {
                if (p.badges().isEmpty()) {
                    return false;
                }
                String separator = arg != null ? arg : " ";
                for (int i = 0; i < p.badges().size(); i++) {
                    if (i > 0) {
                        out.append(separator);
                    }
                    out.append(Badges.badge(p.badges().get(i)));
                }
            }
            case NOTES -> {
                if (p.notes().isEmpty()) {
                    return false;
                }
                String separator = arg != null ? arg : " ";
                for (int i = 0; i < p.notes().size(); i++) {
                    if (i > 0) {
                        out.append(separator);
                    }
                    appendNote(p.notes().get(i), out);
                }
            }
            case ABSTRACT -> {
                if (p.abstractText() == null) {
                    return false;
                }
                MarkdownText.appendInline(out, p.abstractText());
            }
            case EXTRA -> {
                String value = p.extra().get(arg);
                if (table && value != null) {
                    // A cell the list left empty is kept as '' and written empty.
                    out.append(MarkdownText.oneLine(value));
                    return true;
                }
                return appendNonEmpty(value, out);
            }
            case EXTRAS -> {
                return appendExtras(slot, p, named, out);
            }
            case NUMBER -> {
                if (number <= 0) {
                    return false;
                }
                out.append(number);
            }
            case LABEL, VALUE -> throw new IllegalArgumentException("{" + slot.name() + "} is a slot of an {extras:...} pattern");
        }
        return true;
    }

    // Each of the paper's extra fields no other slot names, by the slot's pattern or joined by its separator.
    private static boolean appendExtras(EntryTemplate.Slot slot, Paper p, Set<String> named, StringBuilder out) {
        boolean any = false;
        for (var e : p.extra().entrySet()) {
            if (e.getKey().equals(Paper.WRITTEN) || named.contains(e.getKey())) {
                continue;
            }
            if (slot.each() != null) {
                for (EntryTemplate.Piece piece : slot.each()) {
                    if (piece instanceof EntryTemplate.Literal literal) {
                        out.append(literal.text());
                    } else if (((EntryTemplate.Slot) piece).kind() == EntryTemplate.Kind.LABEL) {
                        MarkdownText.appendPlain(out, e.getKey());
                    } else {
                        out.append(MarkdownText.oneLine(e.getValue()));
                    }
                }
            } else {
                if (any) {
                    out.append(slot.arg() != null ? slot.arg() : " ");
                }
                out.append(MarkdownText.oneLine(e.getValue()));
            }
            any = true;
        }
        return any;
    }

    // Inside a table row a bare '|' would end the cell early: it gets a backslash, as one with a backslash
    // before it already has.
    private static void escapeBars(StringBuilder out, int from) {
        for (int i = from; i < out.length(); i++) {
            if (out.charAt(i) == '|' && (i == from || out.charAt(i - 1) != '\\')) {
                out.insert(i, '\\');
                i++;
            }
        }
    }

    private static boolean appendTexts(List<String> texts, String separator, StringBuilder out) {
        if (texts.isEmpty()) {
            return false;
        }
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            MarkdownText.appendPlain(out, texts.get(i));
        }
        return true;
    }

    private static boolean appendNonEmpty(String value, StringBuilder out) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        out.append(value);
        return true;
    }

    // The fields of the paper a slot shows, by the names showsWhich asks for and the count of a fit counts.
    private static List<String> fields(EntryTemplate.Slot slot, Paper p, Set<String> named) {
        return switch (slot.name()) {
            case "alias" -> List.of("name");
            case "link" -> List.of("title", "url");
            case "date" -> List.of("submitted");
            case "stars" -> List.of("code");
            case "extra" -> List.of("extra:" + slot.arg());
            case "extras" -> p.extra().keySet().stream().filter(k -> !named.contains(k)).map(k -> "extra:" + k).toList();
            case "number" -> List.of();
            default -> List.of(slot.name());
        };
    }

    // Whether the entry shows which paper it is: its title, its link and its short name. The other fields a
    // template has no slot for stay in papers.yaml, off the page.
    private static boolean showsWhich(Paper p, Set<String> shown) {
        return shown.contains("title")
                && (p.name().equals(p.title()) || shown.contains("name"))
                && (p.url() == null || shown.contains("url"));
    }

    private static void appendNote(NoteLink note, StringBuilder out) {
        out.append("[\\[");
        MarkdownText.appendPlain(out, note.label());
        out.append("\\]](").append(MarkdownText.url(note.url())).append(')');
    }
}
