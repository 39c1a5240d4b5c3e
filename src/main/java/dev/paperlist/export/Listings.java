package dev.paperlist.export;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Where each paper is listed: the title paths of its sections, in catalogue order. */
final class Listings {
    private final Map<Paper, List<List<String>>> paths = new IdentityHashMap<>();

    Listings(Catalog catalog) {
        walk(catalog.sections(), List.of());
    }

    private void walk(List<Section> sections, List<String> parent) {
        for (Section s : sections) {
            List<String> path = new ArrayList<>(parent);
            path.add(s.title());
            for (Paper p : s.papers()) {
                paths.computeIfAbsent(p, k -> new ArrayList<>()).add(List.copyOf(path));
            }
            walk(s.sections(), path);
        }
    }

    List<List<String>> of(Paper paper) {
        return paths.getOrDefault(paper, List.of());
    }
}
