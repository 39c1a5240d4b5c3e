package dev.paperlist.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One paper of the catalogue. A paper listed in several sections is one instance referenced from
 * each, so that it is written once in papers.yaml. Optional text fields are {@code null} when absent.
 *
 * @param name the short name used as its heading, such as {@code AnyGPT}
 * @param venue where it was accepted; {@code null} while it is not
 * @param abstractText the abstract, inline Markdown (emphasis and code only)
 * @param extra fields the built-in ones do not cover, label to Markdown, in the order written; kept
 *     verbatim from an imported list and shown by the notes layout and by table columns that name them
 */
public record Paper(
        String id,
        String name,
        String title,
        String url,
        GitHubRepo code,
        List<Badge> badges,
        String venue,
        PartialDate submitted,
        List<String> authors,
        List<String> tags,
        String abstractText,
        List<NoteLink> notes,
        ArxivId arxiv,
        List<String> topics,
        String summary,
        String comment,
        PartialDate added,
        String image,
        java.util.Map<String, String> extra,
        SourcePosition position) {

    /**
     * The extra field holding a paper's entry as the list wrote it, lines and all, which a layout that
     * writes entries (the list layout) writes in place of the entry it would make of the fields.
     */
    public static final String WRITTEN = "As written";

    public Paper {
        badges = List.copyOf(badges);
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
        topics = List.copyOf(topics);
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    /** The same paper under an id, so that other sections can refer to it. */
    public Paper withId(String newId) {
        return new Paper(newId, name, title, url, code, badges, venue, submitted, authors, tags, abstractText, notes,
                arxiv, topics, summary, comment, added, image, extra, position);
    }

    /** The same paper with other extra fields. */
    public Paper withExtra(java.util.Map<String, String> newExtra) {
        return new Paper(id, name, title, url, code, badges, venue, submitted, authors, tags, abstractText, notes,
                arxiv, topics, summary, comment, added, image, newExtra, position);
    }

    /** The arXiv id given explicitly or implied by the paper's URL. */
    public Optional<ArxivId> arxivId() {
        if (arxiv != null) {
            return Optional.of(arxiv);
        }
        return url == null ? Optional.empty() : ArxivId.parse(url);
    }

    /** Builds papers in code and tests; the loader fills every field the same way. */
    public static final class Builder {
        private String id;
        private String name;
        private String title;
        private String url;
        private GitHubRepo code;
        private final List<Badge> badges = new ArrayList<>();
        private String venue;
        private PartialDate submitted;
        private final List<String> authors = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private String abstractText;
        private final List<NoteLink> notes = new ArrayList<>();
        private ArxivId arxiv;
        private final List<String> topics = new ArrayList<>();
        private String summary;
        private String comment;
        private PartialDate added;
        private String image;
        private final java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
        private SourcePosition position = SourcePosition.UNKNOWN;

        private Builder(String name, String title) {
            this.name = name;
            this.title = title;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder id(String id) { this.id = id; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder code(GitHubRepo code) { this.code = code; return this; }
        public Builder badge(Badge badge) { badges.add(badge); return this; }
        public Builder venue(String venue) { this.venue = venue; return this; }
        public Builder submitted(PartialDate submitted) { this.submitted = submitted; return this; }
        public Builder authors(List<String> values) { authors.addAll(values); return this; }
        public Builder tags(List<String> values) { tags.addAll(values); return this; }
        public Builder abstractText(String abstractText) { this.abstractText = abstractText; return this; }
        public Builder note(NoteLink note) { notes.add(note); return this; }
        public Builder arxiv(ArxivId arxiv) { this.arxiv = arxiv; return this; }
        public Builder topics(List<String> values) { topics.addAll(values); return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder comment(String comment) { this.comment = comment; return this; }
        public Builder added(PartialDate added) { this.added = added; return this; }
        public Builder image(String image) { this.image = image; return this; }
        public Builder extra(String key, String markdown) { extra.put(key, markdown); return this; }
        public Builder position(SourcePosition position) { this.position = position; return this; }

        public Paper build() {
            return new Paper(id, name, title, url, code, badges, venue, submitted, authors, tags,
                    abstractText, notes, arxiv, topics, summary, comment, added, image, extra, position);
        }
    }
}
