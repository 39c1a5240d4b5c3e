package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import java.nio.file.Path;

/**
 * What one output file is and what it should be. {@code current} is {@code null} when the file does not
 * exist yet; the rendered text keeps the current file's BOM and line endings.
 */
public record OutputPlan(Path path, String displayName, TextFile current, String renderedText) {
    public boolean upToDate() {
        return current != null && current.text().equals(renderedText);
    }

    public byte[] renderedBytes() {
        return TextFile.encode(renderedText, current != null && current.bom());
    }
}
