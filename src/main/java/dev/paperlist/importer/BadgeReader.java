package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;
import dev.paperlist.markdown.BadgeUrls;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.markdown.PlainText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.SourcePosition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commonmark.node.Image;

/**
 * Turns a badge image of a hand-written list into a paper's code repository (GitHub star badges in
 * their several shields.io forms) or a {@link Badge}: a preset kind or a custom badge with its label,
 * message, colour and logo when paperlist renders exactly the same image, else the image kept as it is.
 * One reader serves one import: what an image is, apart from where it links, is worked out once for each
 * image and alt text, as lists repeat the same few badges on paper after paper.
 */
final class BadgeReader {
    // Where a badge links plays no part in the image it draws; the images are compared under this link.
    private static final String ANY_LINK = "https://example.org/";
    // The image each preset kind draws without a label of its own, as the renderer writes it: the same for
    // every badge of that kind, so made once rather than for each badge an import reads.
    private static final Map<String, String> PRESET_IMAGES = BadgeKinds.KINDS.stream().filter(k -> !k.equals("custom"))
            .collect(Collectors.toUnmodifiableMap(k -> k, k -> MarkdownText.url(BadgeUrls.image(
                    new Badge(k, ANY_LINK, null, null, null, null, null, null, null, SourcePosition.UNKNOWN)))));

    // For each image and alt text seen, the badge it makes, given where it links.
    private final Map<List<String>, Function<String, Badge>> read = new HashMap<>();

    /** A linked image (or an image, {@code href} null) of a paper: its code, one of its badges, or an extra field. */
    void linkedImage(PaperDraft d, String href, Image image) {
        var repo = starRepository(image.getDestination(), href);
        if (repo.isPresent()) {
            d.code = repo.get();
        } else if (href != null && TextRules.isCatalogueUrl(href) && TextRules.isCatalogueUrl(image.getDestination())) {
            String alt = PlainText.of(image);
            d.badges.add(read.computeIfAbsent(List.of(image.getDestination(), alt), k -> badge(k.get(0), k.get(1)))
                    .apply(href));
        } else if (href != null) {
            // papers.yaml holds absolute links only; the badge stays as the list wrote it.
            d.extra("Image", "[![" + PlainText.of(image) + "](" + image.getDestination() + ")](" + href + ")");
            boolean badLink = !TextRules.isCatalogueUrl(href);
            String badUrl = badLink ? href : image.getDestination();
            d.problems.add("the badge '" + Values.oneLine(PlainText.of(image)) + "' " + (badLink ? "links to" : "shows")
                    + " '" + badUrl + "', which " + TextRules.whyNotCatalogueUrl(badUrl)
                    + "; kept as written in the extra field 'Image'");
        } else {
            d.extra("Image", "![" + PlainText.of(image) + "](" + image.getDestination() + ")");
        }
    }

    /** The repository a star badge counts, preferring the repository it links to. */
    static Optional<GitHubRepo> starRepository(String imageUrl, String href) {
        Optional<String> starred = BadgeUrls.starredSlug(imageUrl);
        if (starred.isEmpty()) {
            return Optional.empty();
        }
        Optional<GitHubRepo> linked = href == null ? Optional.empty() : GitHubRepo.parse(href);
        GitHubRepo counted = GitHubRepo.parse(starred.get()).orElse(null);
        if (linked.isPresent() && counted != null && !linked.get().slug().equalsIgnoreCase(counted.slug())) {
            // The badge counts another repository than it links to; the link is what readers follow.
            return linked;
        }
        return linked.isPresent() ? linked : Optional.ofNullable(counted);
    }

    /** The badge for a linked image that is not a star badge, given where it links. */
    static Function<String, Badge> badge(String imageUrl, String alt) {
        String image = MarkdownText.url(imageUrl);
        // Read once, not for each kind: an import reads every badge of every paper.
        Optional<Map<String, String>> parts = BadgeUrls.staticParts(imageUrl);
        String staticLabel = parts.map(p -> p.get("label")).orElse(null);
        for (String kind : BadgeKinds.KINDS) {
            if (kind.equals("custom")) {
                continue;
            }
            BadgeKinds.Preset preset = BadgeKinds.preset(kind);
            String label = "label".equals(preset.required()) ? staticLabel : null;
            Badge candidate = new Badge(kind, ANY_LINK, null, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            if (BadgeKinds.missingPart(candidate) == null
                    && (label == null ? PRESET_IMAGES.get(kind).equals(image) : sameImage(candidate, image))) {
                // The same image under its own alt text ("Technical Blog" for a blog badge) keeps that text.
                String ownAlt = alt.equals(preset.alt()) ? null : alt;
                return href -> new Badge(kind, href, ownAlt, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            }
        }
        if (parts.isPresent()) {
            Map<String, String> p = parts.get();
            String label = p.get("label");
            String message = p.get("message");
            String defaultAlt = label.isEmpty() ? message : label + " " + message;
            Badge structured = new Badge("custom", ANY_LINK, alt.equals(defaultAlt) ? null : alt,
                    label.isEmpty() ? null : label, message, p.get("color").equals("blue") ? null : p.get("color"),
                    p.get("logo"), p.get("logoColor"), null, SourcePosition.UNKNOWN);
            if (sameImage(structured, image)) {
                return href -> new Badge(structured.kind(), href, structured.alt(), structured.label(),
                        structured.message(), structured.color(), structured.logo(), structured.logoColor(), null,
                        SourcePosition.UNKNOWN);
            }
        }
        return href -> new Badge("custom", href, alt, null, null, null, null, null, imageUrl, SourcePosition.UNKNOWN);
    }

    // The renderer percent-encodes what a link destination cannot hold; compare in that form (the image's
    // own URL is given in it already, made once for all the kinds tried).
    private static boolean sameImage(Badge badge, String image) {
        return MarkdownText.url(BadgeUrls.image(badge)).equals(image);
    }
}
