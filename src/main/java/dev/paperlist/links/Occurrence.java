package dev.paperlist.links;

import dev.paperlist.model.SourcePosition;

/**
 * One place a link is written: the file as the user named it, the position of the value (or of the
 * Markdown link), and the link as written there.
 */
public record Occurrence(String file, SourcePosition position, String text) {
    /** {@code papers.yaml:12:5}. */
    public String where() {
        return file + ":" + position.line() + ":" + position.column();
    }
}
