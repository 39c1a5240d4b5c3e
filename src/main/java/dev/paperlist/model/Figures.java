package dev.paperlist.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Numbers about papers that live outside the catalogue, in the data file {@code refresh} writes: star
 * counts and activity of code repositories, citation counts. Rendering reads them, never the network;
 * {@link #NONE} is a list without a data file.
 */
public interface Figures {
    /** No figures at all. */
    Figures NONE = new Figures() {
        @Override
        public Optional<Repo> repoFigures(String ownerName) {
            return Optional.empty();
        }

        @Override
        public OptionalInt citations(String key) {
            return OptionalInt.empty();
        }
    };

    /**
     * A repository as of its last refresh.
     *
     * @param stars the star count, or {@code null} when GitHub no longer has the repository
     * @param gained stars gained since the refresh before (0 when unknown)
     * @param pushed the day of the last push, or {@code null}
     * @param asOf the day the figures were fetched, against which "no push for N months" is measured
     */
    record Repo(Integer stars, int gained, boolean archived, LocalDate pushed, LocalDate asOf) {}

    /** The repository {@code owner/name}, in any case. */
    Optional<Repo> repoFigures(String ownerName);

    /** The citation count of the paper under an arXiv id or paper id. */
    OptionalInt citations(String key);
}
