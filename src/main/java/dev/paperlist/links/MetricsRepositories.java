package dev.paperlist.links;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.TextFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the repository statuses from the metrics file {@code refresh} writes beside the catalogue: only
 * its top-level {@code repos:} mapping, keyed by {@code owner/name}, each value a mapping with
 * {@code status: ok|renamed|missing}, {@code renamed_to: owner/name} when renamed, and {@code fetched:}
 * an ISO instant. Everything else in the file is left to the renderer that owns it.
 */
public final class MetricsRepositories implements RepositoryStatuses {
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, Status> byName;

    private MetricsRepositories(Map<String, Status> byName) {
        this.byName = byName;
    }

    /** The statuses in {@code file}; {@link RepositoryStatuses#NONE} when there is no such file. */
    public static RepositoryStatuses read(Path file, String displayName) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        String text = TextFile.read(file, displayName, MAX_BYTES).text();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = "";
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                where = ":" + (marked.getProblemMark().getLine() + 1) + ":" + (marked.getProblemMark().getColumn() + 1);
                problem = marked.getProblem();
            } else if (e.getLocation() != null) {
                JsonLocation at = e.getLocation();
                where = ":" + at.getLineNr() + ":" + at.getColumnNr();
            }
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + where + ": not readable YAML: " + problem);
        }
        Map<String, Status> statuses = new HashMap<>();
        JsonNode repos = root == null ? null : root.get("repos");
        if (repos == null || !repos.isObject()) {
            return new MetricsRepositories(statuses);
        }
        repos.fields().forEachRemaining(e -> parse(e.getValue()).ifPresent(
                s -> statuses.put(e.getKey().toLowerCase(Locale.ROOT), s)));
        return new MetricsRepositories(statuses);
    }

    // An entry this reader does not understand (a newer status, no time of fetch) is as good as none:
    // the link is then requested.
    private static Optional<Status> parse(JsonNode entry) {
        String status = entry.path("status").asText("");
        Instant fetched;
        try {
            fetched = Instant.parse(entry.path("fetched").asText(""));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String renamedTo = entry.path("renamed_to").asText("");
        return switch (status) {
            case "ok" -> Optional.of(new Status(State.OK, null, fetched));
            case "missing" -> Optional.of(new Status(State.MISSING, null, fetched));
            case "renamed" -> renamedTo.matches("[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
                    ? Optional.of(new Status(State.RENAMED, renamedTo, fetched)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Status> status(String ownerAndName) {
        return Optional.ofNullable(byName.get(ownerAndName.toLowerCase(Locale.ROOT)));
    }
}
