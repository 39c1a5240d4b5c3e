package dev.paperlist.render;

import dev.paperlist.Utf8;
import dev.paperlist.markdown.HeadingTexts;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.Markers;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure core of {@code render} and {@code check}: from a catalogue and the README's current text
 * to the README's new text. Same inputs, same bytes.
 */
public final class ReadmeRenderer {
    /**
     * A README and the section pages it links to.
     *
     * @param pages page text by path relative to the README's folder, such as {@code sections/vision.md}
     */
    public record Rendered(String readme, Map<String, String> pages) {
        public Rendered {
            pages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pages));
        }
    }

    private ReadmeRenderer() {}

    /**
     * @param currentText the README as it is (BOM removed), or {@code null} when there is none yet
     * @param catalogName how the start marker names the catalogue, such as {@code papers.yaml}
     */
    public static String render(Catalog catalog, String currentText, String readmeName, String catalogName) {
        return render(catalog, currentText, readmeName, catalogName, MovedSections.NONE);
    }

    /**
     * The README, and when it would exceed the size budget and the settings allow splitting, whole
     * top-level sections moved onto pages of their own: the largest first (the later one of equal
     * size first), until the README fits or every top-level section is moved. A moved section keeps
     * its heading in the README, followed by a link to its page, and the table of contents links to
     * the page; the page links back to that heading.
     */
    public static Rendered renderSplit(Catalog catalog, String currentText, String readmeName, String catalogName) {
        String whole = render(catalog, currentText, readmeName, catalogName);
        Settings settings = catalog.settings();
        if (settings.split() == null || Utf8.length(whole) <= settings.sizeBudget() || catalog.sections().isEmpty()) {
            return new Rendered(whole, Map.of());
        }
        List<Section> top = catalog.sections();
        Map<String, String> files = FileNames.of(top.stream().map(Section::title).toList(), "section");
        List<String> pageNames = new ArrayList<>();
        Map<String, Integer> used = new java.util.HashMap<>();
        for (Section s : top) {
            String base = files.get(s.title());
            int n = used.merge(base, 1, Integer::sum);
            pageNames.add(settings.split().folder() + "/" + (n == 1 ? base : base + "-" + n) + ".md");
        }
        // Each section alone, as its page shows it; its size is what moving it saves, near enough.
        List<String> bodies = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            order.add(i);
            bodies.add(Layout.of(settings).render(new Catalog(settings, List.of(top.get(i)), catalog.figures()),
                    new Slugger()));
        }
        order.sort(Comparator.comparing((Integer i) -> Utf8.length(bodies.get(i))).thenComparing(i -> i).reversed());
        // The fewest of the largest sections whose move makes the README fit. An estimate from the sizes
        // gives a first count, then renders step it down or up: a few renders, not one per moved section.
        long estimate = Utf8.length(whole);
        int count = 0;
        while (count < order.size() && estimate > settings.sizeBudget()) {
            int i = order.get(count++);
            estimate -= Utf8.length(bodies.get(i)) - MovedSections.notice(top.get(i), pageNames.get(i)).length();
        }
        count = Math.max(count, 1);
        Attempt attempt = attempt(catalog, currentText, readmeName, catalogName, order, pageNames, count);
        if (attempt.fits()) {
            while (count > 1) {
                Attempt fewer = attempt(catalog, currentText, readmeName, catalogName, order, pageNames, count - 1);
                if (!fewer.fits()) {
                    break;
                }
                attempt = fewer;
                count--;
            }
        } else {
            while (!attempt.fits() && count < order.size()) {
                attempt = attempt(catalog, currentText, readmeName, catalogName, order, pageNames, ++count);
            }
        }
        MovedSections moved = attempt.moved();
        String readme = attempt.readme();
        Map<String, String> pages = new LinkedHashMap<>();
        String up = "../".repeat(settings.split().folder().split("/").length);
        String readmeFile = java.nio.file.Path.of(readmeName).getFileName().toString();
        for (int i = 0; i < top.size(); i++) {
            Section section = top.get(i);
            if (moved.isMoved(section)) {
                pages.put(pageNames.get(i), sectionPage(bodies.get(i), catalogName,
                        up + readmeFile + "#" + moved.anchorOf(section)));
            }
        }
        return new Rendered(readme, pages);
    }

    private static String render(Catalog catalog, String currentText, String readmeName, String catalogName,
                                 MovedSections moved) {
        Slugger slugger = new Slugger();
        Layout layout = Layout.of(catalog.settings());
        if (currentText == null) {
            return Markers.join(new Markers.Split("", "\n", "\n"), out -> layout.renderTo(catalog, slugger, moved, out),
                    sizeHint(catalog), catalogName);
        }
        Markers.Split split = Markers.split(currentText, readmeName);
        // Headings above the block come first on the page, so they take their anchors first.
        for (String heading : HeadingTexts.of(split.before())) {
            slugger.slug(heading);
        }
        return Markers.join(split, out -> layout.renderTo(catalog, slugger, moved, out), sizeHint(catalog), catalogName);
    }

    /** A README with some sections moved, and whether it is within the budget. */
    private record Attempt(String readme, MovedSections moved, boolean fits) {}

    private static Attempt attempt(Catalog catalog, String currentText, String readmeName, String catalogName,
                                   List<Integer> order, List<String> pageNames, int count) {
        MovedSections moved = new MovedSections();
        for (int k = 0; k < count; k++) {
            moved.move(catalog.sections().get(order.get(k)), pageNames.get(order.get(k)));
        }
        String readme = render(catalog, currentText, readmeName, catalogName, moved);
        return new Attempt(readme, moved, Utf8.length(readme) <= catalog.settings().sizeBudget());
    }

    private static String sectionPage(String body, String catalogName, String back) {
        return GeneratedPages.header(catalogName) + "\n\n[← The whole list](" + MarkdownText.url(back) + ")\n\n"
                + body;
    }

    // About the length of the generated block: the papers' longest texts plus their fixed parts. At
    // 100,000 papers a buffer that doubles as it goes would hold twice the list for a moment.
    static int sizeHint(Catalog catalog) {
        long chars = 0;
        for (Paper paper : catalog.distinctPapers()) {
            chars += 2L * paper.name().length() + paper.title().length() + 320
                    + (paper.abstractText() == null ? 0 : paper.abstractText().length() + paper.abstractText().length() / 16)
                    + (paper.url() == null ? 0 : paper.url().length())
                    + 120L * (paper.badges().size() + paper.notes().size());
            for (String author : paper.authors()) {
                chars += author.length() + 2;
            }
        }
        return (int) Math.min(chars, Integer.MAX_VALUE / 2);
    }
}
