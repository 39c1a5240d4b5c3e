package dev.paperlist.model;

/**
 * The Markdown written before each field of a paper in the notes layout. The defaults are those of
 * the list this layout comes from, including its {@code **Personal Note**:} with the colon outside.
 */
public record Labels(
        String paper,
        String accepted,
        String submitted,
        String authors,
        String tags,
        String abstractText,
        String notes) {

    public static final Labels DEFAULT = new Labels(
            "**Paper:**",
            "**Accepted:**",
            "**Submission Date:**",
            "**Authors:**",
            "**Tags:**",
            "**Abstract:**",
            "**Personal Note**:");
}
