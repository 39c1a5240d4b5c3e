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

    /**
     * @param stars the Markdown of a paper's code repository (the star badge, with figures when shown)
     * @param citations the Markdown of its citation count, or the empty string when none is shown
     */
    public EntryTemplates(Settings settings, Function<Paper, String> stars, Function<Paper, String> citations) {
        this.settings = settings;
        this.stars = stars;
        this.citations = citations;
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
        Fit fit = best(sectionTemplates, p, number);
        if (fit == null) {
            fit = best(settings.entries(), p, number);
        }
        return fit == null ? null : fit.entry();
    }

    // The template of the list that fits the paper and shows the most of its fields; the first of those.
    private Fit best(List<EntryTemplate> templates, Paper p, int number) {
        Fit best = null;
        for (EntryTemplate t : templates) {
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
        if (!write(template.pieces(), p, template.extraLabels(), number, out, shown) || !showsWhich(p, shown)) {
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
        if (!write(template.pieces(), p, template.extraLabels(), 0, out, null)) {
            throw new IllegalArgumentException("the template '" + template + "' needs a field paper '" + p.name()
                    + "' does not have");
        }
    }

    // Writes the pieces; false when a slot among them (not in a part of its own) has no value. The fields shown
    // are added to shown, unless it is null (a layout's own template, which may leave fields out).
    private boolean write(List<EntryTemplate.Piece> pieces, Paper p, Set<String> named, int number, StringBuilder out,
                          Set<String> shown) {
        for (EntryTemplate.Piece piece : pieces) {
            if (piece instanceof EntryTemplate.Literal literal) {
                out.append(literal.text());
            } else if (piece instanceof EntryTemplate.Slot slot) {
                String value = slot.name().equals("number") ? (number > 0 ? String.valueOf(number) : null)
                        : value(slot, p, named);
                if (value == null) {
                    return false;
                }
                out.append(value);
                if (shown != null) {
                    shown.addAll(fields(slot, p, named));
                }
            } else if (piece instanceof EntryTemplate.Group group) {
                int mark = out.length();
                Set<String> shownInGroup = shown == null ? null : new HashSet<>();
                if (write(group.pieces(), p, named, number, out, shownInGroup)) {
                    if (shown != null) {
                        shown.addAll(shownInGroup);
                    }
                } else {
                    out.setLength(mark);
                }
            }
        }
        return true;
    }

    /** What a slot without an argument ({@code {title}}, {@code {stars}}) writes of the paper; {@code null} for nothing. */
    public String value(String slot, Paper p) {
        return value(new EntryTemplate.Slot(slot, null, null), p, Set.of());
    }

    /** A slot's Markdown for the paper; {@code null} when the paper has no value for it. */
    private String value(EntryTemplate.Slot slot, Paper p, Set<String> named) {
        String arg = slot.arg();
        return switch (slot.name()) {
            case "name" -> MarkdownText.text(p.name());
            case "alias" -> p.name().equals(p.title()) ? null : MarkdownText.text(p.name());
            case "title" -> MarkdownText.text(p.title());
            case "url" -> p.url() == null ? null : MarkdownText.url(p.url());
            case "link" -> p.url() == null ? MarkdownText.text(p.title())
                    : "[" + MarkdownText.text(p.title()) + "](" + MarkdownText.url(p.url()) + ")";
            case "venue" -> p.venue() == null ? null : MarkdownText.text(p.venue());
            case "date" -> p.submitted() == null ? null
                    : slot.spelling() == null ? p.submitted().toString() : slot.spelling().format(p.submitted()).orElse(null);
            case "authors" -> joined(p.authors().stream().map(MarkdownText::text).toList(),
                    arg != null ? arg : MarkdownText.text(settings.authorSeparator()));
            case "tags" -> joined(p.tags().stream().map(MarkdownText::text).toList(),
                    arg != null ? arg : MarkdownText.text(settings.tagSeparator()));
            case "code" -> p.code() == null ? null : MarkdownText.url(p.code().link());
            case "stars" -> p.code() == null ? null : stars.apply(p);
            case "citations" -> empty(citations.apply(p));
            case "badges" -> joined(p.badges().stream().map(Badges::badge).toList(), arg != null ? arg : " ");
            case "notes" -> joined(p.notes().stream().map(EntryTemplates::note).toList(), arg != null ? arg : " ");
            case "abstract" -> p.abstractText() == null ? null : MarkdownText.inline(p.abstractText());
            case "extra" -> empty(p.extra().get(arg));
            case "extras" -> joined(p.extra().entrySet().stream()
                    .filter(e -> !e.getKey().equals(Paper.WRITTEN) && !named.contains(e.getKey()))
                    .map(e -> MarkdownText.oneLine(e.getValue())).toList(), arg != null ? arg : " ");
            default -> throw new IllegalArgumentException("unknown slot " + slot.name());
        };
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

    private static String note(NoteLink note) {
        return "[\\[" + MarkdownText.text(note.label()) + "\\]](" + MarkdownText.url(note.url()) + ")";
    }

    private static String joined(List<String> values, String separator) {
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private static String empty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
