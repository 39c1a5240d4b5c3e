package dev.paperlist.links;

import java.time.Duration;

/**
 * The options of {@code paperlist links} as given on the command line, before any path is resolved.
 *
 * @param readme a README to check too, {@code ""} for the catalogue's outputs, or {@code null} for none
 * @param cache the cache file, or {@code null} for the default beside the catalogue
 * @param metrics the repository statuses, or {@code null} for the default beside the catalogue
 * @param timeout how long one request may take, or {@code null} for the network's default
 */
public record LinksRequest(String catalog, String readme, Format format, boolean strict, Duration maxAge,
                           Duration maxAgeBroken, String cache, boolean noCache, String metrics, Duration timeout,
                           int perHost, int parallel) {
    /** How the results are printed. */
    public enum Format { text, json, github }
}
