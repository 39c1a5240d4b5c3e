package dev.paperlist.metrics;

import dev.paperlist.Escaping;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.TextFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and writes the metrics data file, {@code papers.metrics.yaml} beside {@code papers.yaml}. The
 * file is written by {@code refresh} alone, sorted, one flow mapping a line, so that a weekly refresh is a
 * diff of the lines that changed. Reading is strict about what it uses (a bad value is file:line:col,
 * exit 3) and ignores keys it does not know, so a newer paperlist's file still reads.
 */
public final class MetricsFile {
    /** Larger than any list's data: 100,000 repositories at 200 bytes a line is 20 MB. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    static final String HEADER = "# Written by 'paperlist refresh'; do not edit by hand.\n";

    private MetricsFile() {}

    /** The data file of a catalogue: {@code papers.yaml} has {@code papers.metrics.yaml} beside it. */
    public static Path besides(Path catalog) {
        String name = catalog.getFileName().toString();
        String stem = name.replaceFirst("\\.(ya?ml)$", "");
        return catalog.resolveSibling(stem + ".metrics.yaml");
    }

    /** The file's data; {@link Metrics#EMPTY} when there is no such file. */
    public static Metrics read(Path path) {
        return read(path, path.getFileName().toString());
    }

    /** The same, with {@code displayName} naming the file in messages. */
    public static Metrics read(Path path, String displayName) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Metrics.EMPTY;
        }
        return parse(TextFile.read(path, displayName, MAX_BYTES).text(), displayName);
    }

    /** Reads a data file's bytes, as {@link #read} reads the file. */
    public static Metrics parse(byte[] bytes, String displayName) {
        return parse(TextFile.decode(bytes, displayName).text(), displayName);
    }

    /** Reads the text of a data file. */
    public static Metrics parse(String text, String displayName) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE);
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + where(mark) + ": not valid YAML: "
                    + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ":1:1: not valid YAML: "
                    + oneLine(e.getMessage()));
        }
        Metrics.Builder out = new Metrics.Builder(Metrics.EMPTY);
        if (root == null) {
            return out.build();
        }
        Reader r = new Reader(displayName);
        MappingNode top = r.mapping(root, "the file");
        for (NodeTuple t : top.getValue()) {
            String section = r.text(t.getKeyNode(), "a key");
            switch (section) {
                case "repos" -> r.entries(t.getValueNode(), "'repos'", (key, fields) -> {
                    if (!key.matches("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")) {
                        throw r.error(fields.node, "'" + key + "' is not a repository as owner/name");
                    }
                    if (out.hasRepo(key)) {
                        throw r.error(fields.node, "repository '" + key + "' is listed twice");
                    }
                    out.repo(key, r.repo(fields));
                });
                case "papers" -> r.entries(t.getValueNode(), "'papers'", (key, fields) -> out.paper(key, r.paper(fields)));
                default -> {
                    // A later version's section: kept out of the model, harmless to this one.
                }
            }
        }
        return out.build();
    }

    /** Writes the data atomically; files are compared first, so an unchanged file is not touched. */
    public static boolean save(Path path, String displayName, Metrics metrics) {
        return AtomicWriter.writeIfChanged(path, format(metrics).getBytes(StandardCharsets.UTF_8), displayName);
    }

    /** The file's text: header, then {@code repos:} and {@code papers:}, each sorted, one entry a line. */
    public static String format(Metrics metrics) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("repos:");
        boolean any = false;
        for (Metrics.Keyed<RepoMetrics> e : metrics.repos()) {
            out.append(any ? "" : "\n");
            any = true;
            RepoMetrics m = e.value();
            out.append("  ").append(quote(e.key())).append(": {status: ").append(m.status().word());
            field(out, "renamed_to", m.renamedTo(), MetricsFile::quote);
            field(out, "stars", m.stars(), String::valueOf);
            field(out, "stars_before", m.starsBefore(), String::valueOf);
            field(out, "archived", m.archived(), String::valueOf);
            field(out, "pushed", m.pushed(), d -> quote(d.toString()));
            field(out, "branch", m.branch(), MetricsFile::quote);
            field(out, "fetched", m.fetched(), MetricsFile::instant);
            field(out, "etag", m.etag(), MetricsFile::quote);
            out.append("}\n");
        }
        out.append(any ? "" : " {}\n");
        out.append("papers:");
        any = false;
        for (Map.Entry<String, PaperMetrics> e : metrics.papers().entrySet()) {
            out.append(any ? "" : "\n");
            any = true;
            PaperMetrics m = e.getValue();
            out.append("  ").append(quote(e.getKey())).append(": {");
            int start = out.length();
            field(out, "citations", m.citations(), String::valueOf);
            field(out, "citations_before", m.citationsBefore(), String::valueOf);
            field(out, "venue", m.venue(), MetricsFile::quote);
            field(out, "venue_source", m.venueSource(), String::valueOf);
            field(out, "fetched", m.fetched(), MetricsFile::instant);
            out.delete(start, start + 2).append("}\n");
        }
        out.append(any ? "" : " {}\n");
        return out.toString();
    }

    private static <T> void field(StringBuilder out, String name, T value, Function<T, String> show) {
        if (value != null) {
            out.append(", ").append(name).append(": ").append(show.apply(value));
        }
    }

    private static String instant(Instant i) {
        return quote(i.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** A YAML double-quoted scalar, escaped as JSON escapes it (YAML reads JSON's escapes alike). */
    static String quote(String s) {
        return '"' + Escaping.replace(s, c -> switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
        }) + '"';
    }

    private static String where(Mark mark) {
        return mark == null ? ":1:1" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private static String oneLine(String s) {
        String t = String.valueOf(s).replaceAll("\\s+", " ").strip();
        return t.length() <= 200 ? t : t.substring(0, 197) + "...";
    }

    /** One entry's fields by name, and the node for messages. */
    private record Fields(MappingNode node, Map<String, ScalarNode> values) {}

    private interface EntryConsumer {
        void accept(String key, Fields fields);
    }

    /** The checks of one read, naming the file in each message. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        void entries(Node node, String what, EntryConsumer each) {
            if (node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null"))) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : mapping(node, what).getValue()) {
                String key = text(t.getKeyNode(), "a key of " + what);
                if (!seen.add(key)) {
                    throw error(t.getKeyNode(), "'" + key + "' is listed twice");
                }
                MappingNode entry = mapping(t.getValueNode(), "'" + key + "'");
                Map<String, ScalarNode> values = new java.util.LinkedHashMap<>();
                for (NodeTuple f : entry.getValue()) {
                    values.put(text(f.getKeyNode(), "a field name"), scalar(f.getValueNode(), "a field of '" + key + "'"));
                }
                each.accept(key, new Fields(entry, values));
            }
        }

        RepoMetrics repo(Fields f) {
            ScalarNode statusNode = f.values.get("status");
            if (statusNode == null) {
                throw error(f.node, "missing 'status' (ok, renamed or missing)");
            }
            RepoMetrics.Status status;
            try {
                status = RepoMetrics.Status.valueOf(statusNode.getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(statusNode, "'status' must be ok, renamed or missing, got '" + statusNode.getValue() + "'");
            }
            return new RepoMetrics(status, string(f, "renamed_to"), count(f, "stars"), count(f, "stars_before"),
                    bool(f, "archived"), date(f, "pushed"), string(f, "branch"), fetched(f), string(f, "etag"));
        }

        PaperMetrics paper(Fields f) {
            return new PaperMetrics(count(f, "citations"), count(f, "citations_before"), string(f, "venue"),
                    string(f, "venue_source"), fetched(f));
        }

        private Instant fetched(Fields f) {
            ScalarNode n = f.values.get("fetched");
            if (n == null) {
                throw error(f.node, "missing 'fetched' (the time of the fetch, such as 2026-01-31T12:00:00Z)");
            }
            try {
                return Instant.parse(n.getValue());
            } catch (DateTimeParseException e) {
                throw error(n, "'fetched' must be a UTC time such as 2026-01-31T12:00:00Z, got '" + n.getValue() + "'");
            }
        }

        private String string(Fields f, String name) {
            ScalarNode n = f.values.get(name);
            return n == null ? null : n.getValue();
        }

        private Integer count(Fields f, String name) {
            ScalarNode n = f.values.get(name);
            if (n == null) {
                return null;
            }
            if (!n.getValue().matches("[0-9]{1,9}")) {
                throw error(n, "'" + name + "' must be a whole number, got '" + n.getValue() + "'");
            }
            return Integer.valueOf(n.getValue());
        }

        private Boolean bool(Fields f, String name) {
            ScalarNode n = f.values.get(name);
            if (n == null) {
                return null;
            }
            return switch (n.getValue()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(n, "'" + name + "' must be true or false, got '" + n.getValue() + "'");
            };
        }

        private LocalDate date(Fields f, String name) {
            ScalarNode n = f.values.get(name);
            if (n == null) {
                return null;
            }
            try {
                return LocalDate.parse(n.getValue());
            } catch (DateTimeParseException e) {
                throw error(n, "'" + name + "' must be a date as YYYY-MM-DD, got '" + n.getValue() + "'");
            }
        }

        MappingNode mapping(Node node, String what) {
            if (node instanceof MappingNode m) {
                return m;
            }
            throw error(node, what + " must be a mapping");
        }

        ScalarNode scalar(Node node, String what) {
            if (node instanceof ScalarNode s) {
                return s;
            }
            throw error(node, what + " must be a single value");
        }

        String text(Node node, String what) {
            return scalar(node, what).getValue();
        }

        PaperlistException error(Node node, String message) {
            return new PaperlistException(ExitCode.INVALID_INPUT, file + where(node.getStartMark()) + ": " + message);
        }
    }
}
