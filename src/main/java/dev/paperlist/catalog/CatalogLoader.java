package dev.paperlist.catalog;

import dev.paperlist.io.TextFile;
import dev.paperlist.model.Catalog;
import java.nio.file.Path;

/**
 * Loads papers.yaml into a validated {@link Catalog}. Any problem is a {@code PaperlistException}
 * with exit code 3 and a {@code file:line:column: message} text.
 */
public final class CatalogLoader {
    /**
     * The largest catalogue accepted, 512 MiB: about 250,000 papers of 2 KB (a 600-character abstract
     * each). The size is checked before anything is read, so a larger file is refused at once instead
     * of exhausting memory; loading a file near the limit needs a Java heap of about 9 times its size.
     */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private CatalogLoader() {}

    public static Catalog load(Path file, String displayName) {
        return parse(TextFile.read(file, displayName, MAX_BYTES).text(), displayName);
    }

    /** Parses catalogue text; {@code displayName} is the file name used in messages. */
    public static Catalog parse(String text, String displayName) {
        // The fast reader takes the plain block style paperlist writes; SnakeYAML everything else, and
        // every error, with its message.
        YamlNode root = BlockYamlReader.read(text);
        if (root == null) {
            root = new YamlReader(displayName).read(text);
        }
        return new CatalogBinder(displayName).bind(root);
    }
}
