package dev.paperlist.catalog;

import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import java.nio.file.Path;

/**
 * Loads papers.yaml into a validated {@link Catalog}. Any problem is a {@code PaperlistException}
 * with exit code 3 and a {@code file:line:column: message} text.
 */
public final class CatalogLoader {
    /** The largest catalogue accepted: about 180,000 papers with long abstracts. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private CatalogLoader() {}

    public static Catalog load(Path file, String displayName) {
        return parse(TextFile.read(file, displayName, MAX_BYTES).text(), displayName);
    }

    /** Parses catalogue text; {@code displayName} is the file name used in messages. */
    public static Catalog parse(String text, String displayName) {
        YamlNode root = new YamlReader(displayName).read(text);
        return new CatalogBinder(displayName).bind(root);
    }
}
