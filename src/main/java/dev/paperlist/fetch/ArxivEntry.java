package dev.paperlist.fetch;

import dev.paperlist.model.ArxivId;
import dev.paperlist.model.PartialDate;
import java.util.List;
import java.util.Optional;

/**
 * What the arXiv API says about one paper, with white space normalised and LaTeX left as written.
 *
 * @param submitted the day version 1 was submitted ({@code published} in the API), in UTC
 * @param comment the authors' comment ({@code arxiv:comment}), or {@code null}
 * @param journalRef the journal reference ({@code arxiv:journal_ref}), or {@code null}
 * @param doi the DOI of the published version ({@code arxiv:doi}), or {@code null}
 */
public record ArxivEntry(ArxivId id, String title, List<String> authors, String abstractText, PartialDate submitted,
                         String comment, String journalRef, String doi) {
    public ArxivEntry {
        authors = List.copyOf(authors);
    }

    /** The abs page without a version, so the link always shows the latest version. */
    public String absUrl() {
        return id.absUrl();
    }

    /** The venue the comment or journal reference names, when they name exactly one. */
    public Optional<String> venueHint() {
        return VenueHint.from(comment, journalRef);
    }
}
