package dev.paperlist.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One thing a section lists, in the order the list wrote it: a paper, Markdown written at that place
 * between papers, or an item of the papers' list that is not a paper, with the parts nested under it.
 */
public sealed interface Part permits Part.Listed, Part.Text, Part.Item {

    /** A paper listed here; the same paper may be listed at several places (a {@code ref}). */
    record Listed(Paper paper) implements Part {
        public Listed {
            java.util.Objects.requireNonNull(paper, "paper");
        }
    }

    /**
     * Markdown blocks written as they are; they end the list or table of the papers before them, and
     * papers after them start a new one.
     */
    record Text(String markdown) implements Part {
        public Text {
            java.util.Objects.requireNonNull(markdown, "markdown");
        }
    }

    /**
     * An item of the papers' list that is not a paper, written as it is, with its lines ending the same
     * way as a paper's entry written as it is ({@link Paper#WRITTEN}); the parts under it are the items of
     * the list nested in it (a category item grouping papers), indented under it.
     */
    record Item(String markdown, List<Part> parts) implements Part {
        public Item {
            java.util.Objects.requireNonNull(markdown, "markdown");
            parts = List.copyOf(parts);
        }
    }

    /** Each paper of the parts once, nested ones included, in the order first listed. */
    static List<Paper> papers(List<Part> parts) {
        List<Paper> out = new ArrayList<>();
        collect(parts, Collections.newSetFromMap(new IdentityHashMap<>()), out);
        return out;
    }

    private static void collect(List<Part> parts, Set<Paper> seen, List<Paper> out) {
        for (Part part : parts) {
            if (part instanceof Listed listed) {
                if (seen.add(listed.paper())) {
                    out.add(listed.paper());
                }
            } else if (part instanceof Item item) {
                collect(item.parts(), seen, out);
            }
        }
    }

    /** Each listing of a paper in the parts, nested ones included, in order: a paper listed twice is there twice. */
    static List<Paper> listings(List<Part> parts) {
        List<Paper> out = new ArrayList<>();
        addListings(parts, out);
        return out;
    }

    private static void addListings(List<Part> parts, List<Paper> out) {
        for (Part part : parts) {
            if (part instanceof Listed listed) {
                out.add(listed.paper());
            } else if (part instanceof Item item) {
                addListings(item.parts(), out);
            }
        }
    }

    /** The parts as listed papers. */
    static List<Part> of(List<Paper> papers) {
        List<Part> out = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            out.add(new Listed(p));
        }
        return out;
    }

    /** The parts with each paper replaced by what {@code replace} gives for it; the rest as it is. */
    static List<Part> map(List<Part> parts, java.util.function.UnaryOperator<Paper> replace) {
        List<Part> out = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part instanceof Listed listed) {
                out.add(new Listed(replace.apply(listed.paper())));
            } else if (part instanceof Item item) {
                out.add(new Item(item.markdown(), map(item.parts(), replace)));
            } else {
                out.add(part);
            }
        }
        return out;
    }
}
