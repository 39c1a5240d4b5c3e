package dev.paperlist.catalog;

import dev.paperlist.Futures;
import dev.paperlist.catalog.yaml.BlockYamlReader;
import dev.paperlist.catalog.yaml.LineSeparators;
import dev.paperlist.catalog.yaml.YamlNode;
import dev.paperlist.catalog.yaml.YamlReader;
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

    /** Files from this size on are read in two halves at once (about 2,000 papers). */
    static final int READ_IN_HALVES_FROM = 4 << 20;

    public static Catalog load(Path file, String displayName) {
        return parse(TextFile.readBytes(file, displayName, MAX_BYTES), displayName);
    }

    /** Decodes and parses a catalogue file's bytes; {@code displayName} is the file name used in messages. */
    public static Catalog parse(byte[] bytes, String displayName) {
        LineSeparators.refuseIn(bytes, displayName);
        YamlNode root = BlockYamlReader.readInHalves(bytes, READ_IN_HALVES_FROM);
        if (root != null) {
            return new CatalogBinder(displayName).bind(root);
        }
        // The bytes were searched for line separators already; the text need not be again.
        return parseScanned(TextFile.decode(bytes, displayName).text(), displayName);
    }

    /** Parses catalogue text; {@code displayName} is the file name used in messages. */
    public static Catalog parse(String text, String displayName) {
        LineSeparators.refuseIn(text, displayName);
        return parseScanned(text, displayName);
    }

    /**
     * The same as {@link #parse(String, String)} of {@code head + tail}, where {@code tail} starts at an item of
     * the top-level 'sections' list (as {@code CatalogWriter.writeInHalves} cuts it): each piece is searched
     * and read on a thread of its own, {@code side} taking the tail, and the tree bound here. Anything either
     * piece declines or refuses sends the whole text the usual way, which gives every message.
     */
    public static Catalog parse(String head, String tail, String displayName, java.util.concurrent.ExecutorService side) {
        if (tail.isEmpty()) {
            return parse(head, displayName);
        }
        java.util.concurrent.Future<Boolean> tailClean = side.submit(() -> !LineSeparators.isIn(tail));
        LineSeparators.refuseIn(head, displayName);
        YamlNode root = null;
        if (await(tailClean)) {
            root = BlockYamlReader.readInHalves(head, tail, side);
        }
        return root != null ? new CatalogBinder(displayName).bind(root, side) : parse(head + tail, displayName);
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        return Futures.await(future, "loading");
    }

    private static Catalog parseScanned(String text, String displayName) {
        // The fast reader takes the plain block style paperlist writes; SnakeYAML everything else, and
        // every error, with its message.
        YamlNode root = BlockYamlReader.read(text);
        if (root == null) {
            root = new YamlReader(displayName).read(text);
        }
        return new CatalogBinder(displayName).bind(root);
    }
}
