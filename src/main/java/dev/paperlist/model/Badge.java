package dev.paperlist.model;

/**
 * A link badge shown under a paper's title, other than the star badge: a project page, a zhihu
 * article, a blog, or any shields.io badge. Unset parts take the defaults of the badge's kind.
 *
 * @param kind the preset it starts from ({@code project}, {@code zhihu}, {@code blog}, {@code custom}, …)
 * @param image a complete image URL; when set, label, message, color and logo are not used
 */
public record Badge(
        String kind,
        String url,
        String alt,
        String label,
        String message,
        String color,
        String logo,
        String logoColor,
        String image,
        SourcePosition position) {}
