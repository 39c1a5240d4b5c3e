package dev.paperlist.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.TextFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The results of earlier checks, so that a daily run re-checks only what is due: a link found alive (or
 * moved) is trusted for {@code maxAge}, a broken one for {@code maxAgeBroken}; links not judged (403,
 * 429, a failed API) are never kept. The file is JSON, one link a line, sorted by key, and holds only the
 * links of the last run. A cache that cannot be read is ignored: it only saves time.
 */
public final class LinkCache {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LinkResult> entries;

    private LinkCache(Map<String, LinkResult> entries) {
        this.entries = entries;
    }

    public static LinkCache empty() {
        return new LinkCache(new TreeMap<>());
    }

    /** The cache in {@code file}; empty when there is none or it is not one this version wrote. */
    public static LinkCache read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Map<String, LinkResult> entries = new TreeMap<>();
        try {
            JsonNode root = JSON.readTree(TextFile.read(file, file.toString(), 256L << 20).text());
            if (root == null || root.path("version").asInt() != VERSION) {
                return empty();
            }
            root.path("links").fields().forEachRemaining(e -> parse(e.getValue()).ifPresent(r -> entries.put(e.getKey(), r)));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
        return new LinkCache(entries);
    }

    private static Optional<LinkResult> parse(JsonNode node) {
        try {
            Instant checked = Instant.parse(node.path("checked").asText());
            String reason = node.path("reason").isTextual() ? node.path("reason").asText() : null;
            return switch (node.path("verdict").asText()) {
                case "alive" -> Optional.of(LinkResult.alive(checked));
                case "moved" -> node.path("moved_to").isTextual()
                        ? Optional.of(LinkResult.moved(node.path("moved_to").asText(), checked)) : Optional.empty();
                case "broken" -> reason == null ? Optional.empty() : Optional.of(LinkResult.broken(reason, checked));
                default -> Optional.empty();
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The cached result for {@code key} when it is younger than its time to live at {@code now}. */
    public Optional<LinkResult> fresh(String key, Instant now, Duration maxAge, Duration maxAgeBroken) {
        LinkResult r = entries.get(key);
        if (r == null || r.checked().isAfter(now)) {
            return Optional.empty();
        }
        Duration ttl = r.verdict() == LinkResult.Verdict.BROKEN ? maxAgeBroken : maxAge;
        return r.checked().plus(ttl).isAfter(now) ? Optional.of(r) : Optional.empty();
    }

    /** Records a result; one not judged removes the key instead. */
    public void put(String key, LinkResult result) {
        if (result.verdict() == LinkResult.Verdict.UNKNOWN) {
            entries.remove(key);
        } else {
            entries.put(key, result);
        }
    }

    /** Forgets every link not in {@code keys}, so the file follows the catalogue. */
    public void retainOnly(Set<String> keys) {
        entries.keySet().retainAll(keys);
    }

    /** The file's text: sorted, one link a line, {@code \n} line ends. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"version\": ").append(VERSION).append(",\n  \"links\": {");
        String separator = "\n";
        for (Map.Entry<String, LinkResult> e : entries.entrySet()) {
            LinkResult r = e.getValue();
            out.append(separator).append("    ").append(quote(e.getKey())).append(": {\"checked\": ")
                    .append(quote(r.checked().toString())).append(", \"verdict\": ")
                    .append(quote(r.verdict().name().toLowerCase(Locale.ROOT)));
            if (r.verdict() == LinkResult.Verdict.MOVED) {
                out.append(", \"moved_to\": ").append(quote(r.movedTo()));
            } else if (r.reason() != null) {
                out.append(", \"reason\": ").append(quote(r.reason()));
            }
            out.append('}');
            separator = ",\n";
        }
        out.append(entries.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        return out.toString();
    }

    /** Writes the cache atomically, creating its folder. */
    public void write(Path file, String displayName) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": " + IoMessages.describe(e));
        }
        AtomicWriter.write(file, text().getBytes(StandardCharsets.UTF_8), displayName);
    }

    int size() {
        return entries.size();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
