package dev.paperlist.add;

import dev.paperlist.model.Badge;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.PartialDate;
import java.util.List;

/**
 * What {@code paperlist add} was asked to do, as given on the command line: the values with a syntax of their
 * own as {@link OptionValues} reads them, the others as the option's text, checked by {@link PaperAdder}.
 * Lists are empty and other values {@code null} when not given; callers hand over lists they no longer change.
 *
 * @param arxiv the {@code --arxiv} values, in any form people paste
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
        PartialDate date,
        List<String> authors,
        List<String> tags,
        List<Badge> badges,
        List<NoteLink> notes,
        String abstractText,
        List<String> topics,
        String summary,
        String comment,
        PartialDate added,
        String image,
        Integer position,
        boolean newSection,
        boolean force,
        boolean dryRun,
        boolean render) {}
