package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.nio.charset.StandardCharsets;
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
        if (settings.split() == null || bytes(whole) <= settings.sizeBudget() || catalog.sections().isEmpty()) {
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
        List<Integer> order = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            order.add(i);
            sizes.add(bytes(Layout.of(settings).render(new Catalog(settings, List.of(top.get(i))), new Slugger())));
        }
        order.sort(Comparator.comparing((Integer i) -> sizes.get(i)).thenComparing(i -> i).reversed());
        MovedSections moved = new MovedSections();
        String readme = whole;
        for (int i : order) {
            moved.move(top.get(i), pageNames.get(i));
            moved = copyOf(moved, top);
            readme = render(catalog, currentText, readmeName, catalogName, moved);
            if (bytes(readme) <= settings.sizeBudget()) {
                break;
            }
        }
        Map<String, String> pages = new LinkedHashMap<>();
        String up = "../".repeat(settings.split().folder().split("/").length);
        String readmeFile = java.nio.file.Path.of(readmeName).getFileName().toString();
        for (int i = 0; i < top.size(); i++) {
            Section section = top.get(i);
            if (moved.isMoved(section)) {
                pages.put(pageNames.get(i), sectionPage(settings, section, catalogName,
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
            return Markers.newDocument(layout.render(catalog, slugger, moved), catalogName);
        }
        Markers.Split split = Markers.split(currentText, readmeName);
        // Headings above the block come first on the page, so they take their anchors first.
        for (String heading : HeadingTexts.of(split.before())) {
            slugger.slug(heading);
        }
        return Markers.join(split, layout.render(catalog, slugger, moved), catalogName);
    }

    // Anchors are recorded afresh on each render, so each attempt starts from the moves alone.
    private static MovedSections copyOf(MovedSections moved, List<Section> top) {
        MovedSections copy = new MovedSections();
        for (Section s : top) {
            if (moved.isMoved(s)) {
                copy.move(s, moved.page(s));
            }
        }
        return copy;
    }

    private static String sectionPage(Settings settings, Section section, String catalogName, String back) {
        String body = Layout.of(settings).render(new Catalog(settings, List.of(section)), new Slugger());
        return GeneratedPages.header(catalogName) + "\n\n[← The whole list](" + MarkdownText.url(back) + ")\n\n"
                + body;
    }

    static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
