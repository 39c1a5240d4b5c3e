package dev.paperlist.cli;

import picocli.CommandLine.Option;

/** The {@code -c/--catalog} option most commands share, mixed into each (and inherited by {@link FileOptions}). */
class CatalogOption {
    static final String DEFAULT_CATALOG = "papers.yaml";

    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE", defaultValue = DEFAULT_CATALOG,
            description = "The catalogue (default: ${DEFAULT-VALUE}).")
    String catalog;
}
