package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same paper written out in several sections becomes one paper with an id, listed in each:
 * papers.yaml then holds it once and refers to it elsewhere, instead of failing as a duplicate.
 */
final class CrossListing {
    private CrossListing() {}

    static List<Section> apply(List<Section> sections) {
        List<Paper> listed = inOrder(sections, new ArrayList<>());
        // Only papers whose name is listed more than once can be listed twice; the others are not hashed whole,
        // which for a long list of distinct papers is most of the work (an abstract each).
        Map<String, Integer> names = new HashMap<>();
        for (Paper p : listed) {
            names.merge(p.name(), 1, Integer::sum);
        }
        Map<Paper, Integer> counts = new HashMap<>();
        for (Paper p : listed) {
            if (names.get(p.name()) > 1) {
                counts.merge(p, 1, Integer::sum);
            }
        }
        Map<Paper, Paper> shared = new HashMap<>();
        Set<String> ids = new HashSet<>();
        // In list order, so that ids are stable from run to run.
        for (Paper p : listed) {
            if (names.get(p.name()) > 1 && counts.get(p) > 1 && !shared.containsKey(p)) {
                String id = TextRules.freshId(p.name(), ids::contains);
                ids.add(id);
                shared.put(p, p.withId(id));
            }
        }
        return shared.isEmpty() ? sections : replace(sections, shared);
    }

    private static List<Paper> inOrder(List<Section> sections, List<Paper> out) {
        for (Section s : sections) {
            // Every place a paper is listed, a paper listed twice in one section twice.
            out.addAll(Part.listings(s.content()));
            inOrder(s.sections(), out);
        }
        return out;
    }

    private static List<Section> replace(List<Section> sections, Map<Paper, Paper> shared) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            out.add(s.withContent(Part.map(s.content(), p -> shared.getOrDefault(p, p)), replace(s.sections(), shared)));
        }
        return out;
    }
}
