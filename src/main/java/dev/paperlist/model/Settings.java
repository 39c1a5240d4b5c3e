package dev.paperlist.model;

/**
 * How the list is rendered: everything that is a matter of taste rather than data.
 *
 * @param notAccepted what the Accepted line says for a paper with no venue
 * @param topHeadingLevel the Markdown heading level of top-level sections (1 = {@code #})
 * @param tocPapers whether the table of contents lists papers as well as sections
 */
public record Settings(
        String notAccepted,
        Labels labels,
        String authorSeparator,
        String tagSeparator,
        boolean toc,
        boolean tocPapers,
        int topHeadingLevel) {

    public static final Settings DEFAULT =
            new Settings("None (temporal)", Labels.DEFAULT, "; ", ", ", true, true, 1);
}
