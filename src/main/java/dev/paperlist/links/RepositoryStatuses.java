package dev.paperlist.links;

import java.time.Instant;
import java.util.Optional;

/**
 * What a refresh last learnt about GitHub repositories, so that {@code links} need not request their
 * pages: whether each still exists, under which name. Keys are {@code owner/name}, compared in lower case.
 */
public interface RepositoryStatuses {
    /** The state of one repository as last fetched. */
    enum State { OK, RENAMED, MISSING }

    /**
     * One repository's status.
     *
     * @param renamedTo the repository's {@code owner/name} now, when {@link State#RENAMED}
     * @param fetched when the status was fetched
     */
    record Status(State state, String renamedTo, Instant fetched) {}

    /** The status of {@code owner/name}, when known. */
    Optional<Status> status(String ownerAndName);

    /** No data: every github.com link is requested like any other URL. */
    RepositoryStatuses NONE = ownerAndName -> Optional.empty();
}
