package dev.paperlist.metrics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the last refresh learnt about one GitHub repository. Numbers and dates are {@code null} when the
 * repository is {@link Status#MISSING}.
 *
 * @param renamedTo the repository's new {@code owner/name} when GitHub answered with another one
 * @param starsBefore the star count of the refresh before, when there was one
 * @param pushed the day of the last push (UTC)
 * @param branch the default branch, {@code null} for an empty repository
 * @param fetched when the answer came
 * @param etag the REST answer's entity tag, sent back as {@code If-None-Match} by the next refresh
 */
public record RepoMetrics(Status status, String renamedTo, Integer stars, Integer starsBefore, Boolean archived,
                          LocalDate pushed, String branch, Instant fetched, String etag) {
    /** Whether GitHub still has the repository under the name the catalogue gives. */
    public enum Status {
        OK, RENAMED, MISSING;

        /** The word the data file uses. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RepoMetrics {
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(fetched, "fetched");
    }

    /** Stars gained since the refresh before; 0 when either count is unknown. */
    public int gained() {
        return stars == null || starsBefore == null ? 0 : stars - starsBefore;
    }
}
