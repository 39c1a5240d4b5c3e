package dev.paperlist.sync;

import dev.paperlist.io.TextFile;
import java.nio.file.Path;

/**
 * What one output file is and what it should be. {@code current} is {@code null} when the file does not
 * exist yet; the rendered text keeps the current file's BOM and line endings. {@code renderedText} is
 * {@code null} for an orphan: a page paperlist generated earlier that nothing produces any more, which
 * {@code render} removes.
 */
public final class OutputPlan {
    // The stamp's digest, the size budget and the writer all need the encoded bytes; up to this many
    // characters (a README of some 30,000 papers) they are encoded once and kept. Longer texts are
    // encoded each time in slices, so that the text and its bytes are never in memory together.
    private static final int KEEP_BYTES_UP_TO = 1 << 25;

    private final Path path;
    private final String displayName;
    private final TextFile current;
    private final String renderedText;
    private byte[] renderedBytes;
    // The size of the rendered bytes once known: for a text too long to keep its bytes, the stamp's pass
    // over it counts them, and the budget and the writer need not count them again.
    private long renderedSize = -1;

    public OutputPlan(Path path, String displayName, TextFile current, String renderedText) {
        this.path = path;
        this.displayName = displayName;
        this.current = current;
        this.renderedText = renderedText;
    }

    /** A generated page that should no longer exist. */
    public static OutputPlan orphan(Path path, String displayName, TextFile current) {
        return new OutputPlan(path, displayName, current, null);
    }

    public Path path() {
        return path;
    }

    public String displayName() {
        return displayName;
    }

    public TextFile current() {
        return current;
    }

    public String renderedText() {
        return renderedText;
    }

    public boolean orphan() {
        return renderedText == null;
    }

    public boolean upToDate() {
        return current != null && renderedText != null && current.text().equals(renderedText);
    }

    /** Whether the bytes are written with a byte-order mark: when the file had one. */
    public boolean bom() {
        return current != null && current.bom();
    }

    /** The file's new bytes, byte-order mark included. */
    public byte[] renderedBytes() {
        if (renderedText == null) {
            throw new IllegalStateException(displayName + " is an orphan and has no rendered bytes");
        }
        if (renderedBytes != null) {
            return renderedBytes;
        }
        byte[] bytes = renderedSize >= 0 ? TextFile.encode(renderedText, bom(), renderedSize)
                : TextFile.encode(renderedText, bom());
        if (renderedText.length() <= KEEP_BYTES_UP_TO) {
            renderedBytes = bytes;
        }
        renderedSize = bytes.length;
        return bytes;
    }

    /** Whether {@link #renderedBytes} costs nothing more: they are kept, or the text is short. */
    boolean bytesAtHand() {
        return renderedText != null && (renderedBytes != null || renderedText.length() <= KEEP_BYTES_UP_TO);
    }

    /** The size in bytes of the rendered file, byte-order mark included. */
    public long renderedSize() {
        if (renderedSize < 0) {
            renderedSize = bytesAtHand() ? renderedBytes().length : TextFile.encodedLength(renderedText, bom());
        }
        return renderedSize;
    }

    /** Records the size of the rendered bytes as a pass that encoded them (the stamp's digest) counted it. */
    void sizeCounted(long size) {
        renderedSize = size;
    }

    @Override
    public String toString() {
        return "OutputPlan[" + displayName + (orphan() ? ", orphan" : "") + "]";
    }
}
