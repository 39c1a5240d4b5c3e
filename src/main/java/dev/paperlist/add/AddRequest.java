package dev.paperlist.add;

import java.util.List;

/**
 * What {@code paperlist add} was asked to do, as given on the command line: every value is the option's
 * text, checked by {@link PaperAdder}. Lists are empty and other values {@code null} when not given.
 *
 * @param arxiv the {@code --arxiv} values, in any form people paste
 * @param badges {@code --badge} values as {@code kind=url} or {@code kind:label=url}
 * @param notes {@code --note} values as {@code label=url}
 * @param topics {@code --topic} values, the tag-page topics
 * @param position 1-based place among the section's entries, or {@code null} for the end
 * @param render whether to render the outputs after a successful add
 */
public record AddRequest(
        String section,
        List<String> arxiv,
        String name,
        String title,
        String url,
        String code,
        String venue,
        String date,
        List<String> authors,
        List<String> tags,
        List<String> badges,
        List<String> notes,
        String abstractText,
        List<String> topics,
        String summary,
        String comment,
        String added,
        String image,
        Integer position,
        boolean newSection,
        boolean force,
        boolean dryRun,
        boolean render) {
    public AddRequest {
        arxiv = List.copyOf(arxiv);
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        badges = List.copyOf(badges);
        notes = List.copyOf(notes);
        topics = List.copyOf(topics);
    }
}
