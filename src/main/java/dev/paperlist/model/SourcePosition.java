package dev.paperlist.model;

/** A 1-based line and column in a source file, kept on model objects so errors can point at them. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
