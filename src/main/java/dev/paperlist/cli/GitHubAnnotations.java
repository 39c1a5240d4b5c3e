package dev.paperlist.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), which GitHub shows as
 * annotations on the pull request's diff. Values are escaped as the Actions toolkit escapes them, so a
 * message with a newline, colon or comma cannot end the command early or forge another property.
 */
final class GitHubAnnotations {
    /** GitHub shows at most 10 annotations of a kind per step; more only fill the log. */
    static final int MAX_PER_FILE = 10;

    private GitHubAnnotations() {}

    /**
     * One annotation line.
     *
     * @param level {@code error}, {@code warning} or {@code notice}
     * @param line 1-based, or 0 when the annotation is about the whole file
     * @param column 1-based, or 0 when unknown
     * @param title a short title, or {@code null}
     */
    static String line(String level, String file, int line, int column, String title, String message) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file", file);
        if (line > 0) {
            properties.put("line", Integer.toString(line));
        }
        if (column > 0) {
            properties.put("col", Integer.toString(column));
        }
        if (title != null) {
            properties.put("title", title);
        }
        StringBuilder out = new StringBuilder("::").append(level).append(' ');
        String separator = "";
        for (Map.Entry<String, String> p : properties.entrySet()) {
            out.append(separator).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
            separator = ",";
        }
        return out.append("::").append(escapeData(message)).toString();
    }

    /**
     * The file as GitHub places annotations: relative to the repository root ({@code GITHUB_WORKSPACE}),
     * which may not be the working folder; {@code displayName} outside Actions or outside the workspace.
     */
    static String filePath(Environment environment, java.nio.file.Path file, String displayName) {
        String workspace = environment.variables().get("GITHUB_WORKSPACE");
        if (workspace != null && !workspace.isBlank()) {
            java.nio.file.Path base = environment.resolve(workspace);
            java.nio.file.Path absolute = environment.resolve(file.toString());
            if (absolute.startsWith(base)) {
                return base.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return displayName;
    }

    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
