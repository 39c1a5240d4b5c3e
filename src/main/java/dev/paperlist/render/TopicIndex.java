package dev.paperlist.render;

import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of a catalogue and their papers, as tag pages and the site show them: topics by number of
 * papers (most first), then by name; each topic's papers newest first by {@link #date}, papers without
 * a date last, ties in catalogue order. Each topic also has its safe file name ({@link FileNames}).
 */
public final class TopicIndex {
    /** One topic: its name, its file name without extension, and its papers newest first. */
    public record Topic(String name, String fileName, List<Paper> papers) {
        public Topic {
            papers = List.copyOf(papers);
        }
    }

    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final List<Topic> topics;
    private final Map<String, Topic> byName = new LinkedHashMap<>();

    private TopicIndex(List<Topic> topics) {
        this.topics = List.copyOf(topics);
        for (Topic t : this.topics) {
            byName.put(t.name(), t);
        }
    }

    public static TopicIndex of(Catalog catalog) {
        Map<String, List<Paper>> papersByTopic = new LinkedHashMap<>();
        for (Paper paper : catalog.distinctPapers()) {
            for (String topic : new java.util.LinkedHashSet<>(paper.topics())) {
                papersByTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(paper);
            }
        }
        List<String> names = new ArrayList<>(papersByTopic.keySet());
        names.sort(Comparator.comparingInt((String n) -> papersByTopic.get(n).size()).reversed().thenComparing(BY_NAME));
        Map<String, String> files = FileNames.of(names.stream().sorted(BY_NAME).toList(), "topic");
        List<Topic> topics = new ArrayList<>();
        for (String name : names) {
            List<Paper> papers = new ArrayList<>(papersByTopic.get(name));
            papers.sort(NEWEST_FIRST);
            topics.add(new Topic(name, files.get(name), papers));
        }
        return new TopicIndex(topics);
    }

    /** Newest first; a stable sort keeps catalogue order among equal dates. */
    public static final Comparator<Paper> NEWEST_FIRST = Comparator.comparing(TopicIndex::date,
            Comparator.nullsLast(Comparator.<PartialDate>reverseOrder()));

    /** Topics, most papers first, then by name. */
    public List<Topic> topics() {
        return topics;
    }

    public Topic topic(String name) {
        return byName.get(name);
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    /** When the paper joined the list, else when it was submitted; {@code null} when neither is known. */
    public static PartialDate date(Paper paper) {
        return paper.added() != null ? paper.added() : paper.submitted();
    }

    /** The first author, with {@code +} when there are more ({@code Xinyuan Chen+}); empty when none. */
    public static String shortAuthors(Paper paper) {
        List<String> authors = paper.authors();
        if (authors.isEmpty()) {
            return "";
        }
        return authors.size() == 1 ? authors.get(0) : authors.get(0) + "+";
    }

    /** The venue, or {@code arXiv} for a paper that is only on arXiv; empty when neither. */
    public static String venue(Paper paper) {
        if (paper.venue() != null) {
            return paper.venue();
        }
        return paper.arxivId().isPresent() ? "arXiv" : "";
    }
}
