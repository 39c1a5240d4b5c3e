package dev.paperlist.metrics;

import java.time.Instant;

/**
 * What the last refresh learnt about one paper: its citation count and, for a preprint, the venue a
 * bibliographic service proposes (a proposal only: papers.yaml changes with {@code refresh --apply}).
 *
 * @param citationsBefore the count of the refresh before, when there was one
 * @param venue the proposed venue, such as {@code ICLR 2024}, or {@code null}
 * @param venueSource where the venue came from: {@code arxiv}, {@code semantic_scholar} or {@code dblp}
 */
public record PaperMetrics(Integer citations, Integer citationsBefore, String venue, String venueSource,
                           Instant fetched) {
    public PaperMetrics {
        java.util.Objects.requireNonNull(fetched, "fetched");
    }

    /** How a venue source is named in messages and in the comment {@code --apply} writes. */
    public static String sourceName(String source) {
        return switch (source == null ? "" : source) {
            case "arxiv" -> "arXiv";
            case "semantic_scholar" -> "Semantic Scholar";
            case "dblp" -> "DBLP";
            default -> String.valueOf(source);
        };
    }
}
