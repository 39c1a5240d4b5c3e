package dev.paperlist.export;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.LockFile;
import dev.paperlist.model.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code paperlist export} from catalogue to text: to standard output, or to a file written atomically
 * under the catalogue's lock.
 *
 * @param output the file to write, or {@code null} for standard output
 * @param outputName the file as given, for messages
 */
public record ExportRun(Path catalog, String catalogName, Format format, Path output, String outputName,
                        Duration lockWait) {
    /** The formats, as --format spells them. */
    public enum Format { bibtex, json, csv }

    /** Exports; returns the exit code. */
    public int run(PrintWriter out) {
        if (output == null) {
            out.print(export(CatalogLoader.load(catalog, catalogName)));
            return 0;
        }
        // A file written from the catalogue takes its lock, as add does.
        try (LockFile lock = LockFile.acquireForDerived(catalog, catalogName, lockWait)) {
            Catalog loaded = CatalogLoader.load(catalog, catalogName);
            write(export(loaded));
            out.println(outputName + ": exported " + loaded.distinctPapers().size() + " papers as " + format);
        }
        return 0;
    }

    private String export(Catalog loaded) {
        return switch (format) {
            case bibtex -> BibtexExporter.export(loaded);
            case json -> JsonExporter.export(loaded);
            case csv -> CsvExporter.export(loaded);
        };
    }

    private void write(String text) {
        try {
            Files.createDirectories(output.getParent());
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, outputName + ": cannot create its folder: " + IoMessages.describe(e), e);
        }
        AtomicWriter.write(output, text.getBytes(StandardCharsets.UTF_8), outputName);
    }
}
