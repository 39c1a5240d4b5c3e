package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What one output file is and what it should be. {@code current} is {@code null} when the file does not
 * exist yet; the rendered text keeps the current file's BOM and line endings. A plan proven current by a
 * {@link SyncStamp} decodes the file only if someone asks for its text.
 */
public final class OutputPlan {
    private final Path path;
    private final String displayName;
    private final boolean proven;
    private Supplier<TextFile> load;
    private TextFile current;
    private String renderedText;

    public OutputPlan(Path path, String displayName, TextFile current, String renderedText) {
        this.path = path;
        this.displayName = displayName;
        this.current = current;
        this.renderedText = renderedText;
        this.proven = false;
    }

    private OutputPlan(Path path, String displayName, Supplier<TextFile> load) {
        this.path = path;
        this.displayName = displayName;
        this.load = load;
        this.proven = true;
    }

    /** A plan for a file known to hold exactly what rendering would give; {@code load} reads it on demand. */
    static OutputPlan provenCurrent(Path path, String displayName, Supplier<TextFile> load) {
        return new OutputPlan(path, displayName, load);
    }

    public Path path() {
        return path;
    }

    public String displayName() {
        return displayName;
    }

    public TextFile current() {
        if (load != null) {
            current = load.get();
            renderedText = current.text();
            load = null;
        }
        return current;
    }

    public String renderedText() {
        current();
        return renderedText;
    }

    public boolean upToDate() {
        return proven || (current != null && current.text().equals(renderedText));
    }

    public byte[] renderedBytes() {
        TextFile now = current();
        return TextFile.encode(renderedText, now != null && now.bom());
    }
}
