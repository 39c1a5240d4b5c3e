package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import java.nio.file.Path;

/**
 * What one output file is and what it should be. {@code current} is {@code null} when the file does not
 * exist yet; the rendered text keeps the current file's BOM and line endings. {@code renderedText} is
 * {@code null} for an orphan: a page paperlist generated earlier that nothing produces any more, which
 * {@code render} removes.
 */
public record OutputPlan(Path path, String displayName, TextFile current, String renderedText) {
    /** A generated page that should no longer exist. */
    public static OutputPlan orphan(Path path, String displayName, TextFile current) {
        return new OutputPlan(path, displayName, current, null);
    }

    public boolean orphan() {
        return renderedText == null;
    }

    public boolean upToDate() {
        return current != null && renderedText != null && current.text().equals(renderedText);
    }

    public byte[] renderedBytes() {
        if (renderedText == null) {
            throw new IllegalStateException(displayName + " is an orphan and has no rendered bytes");
        }
        return TextFile.encode(renderedText, current != null && current.bom());
    }
}
