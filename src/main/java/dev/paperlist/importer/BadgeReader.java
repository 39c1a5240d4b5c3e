package dev.paperlist.importer;

import dev.paperlist.markdown.BadgeUrls;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.SourcePosition;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a badge image of a hand-written list into a paper's code repository (GitHub star badges in
 * their several shields.io forms) or a {@link Badge}: a preset kind or a custom badge with its label,
 * message, colour and logo when paperlist renders exactly the same image, else the image kept as it is.
 */
final class BadgeReader {
    // The image each preset kind draws without a label of its own, as the renderer writes it: the same for
    // every badge of that kind, so made once rather than for each badge an import reads.
    private static final Map<String, String> PRESET_IMAGES = BadgeKinds.KINDS.stream().filter(k -> !k.equals("custom"))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(k -> k, k -> MarkdownText.url(BadgeUrls.image(
                    new Badge(k, "https://example.org/", null, null, null, null, null, null, null, SourcePosition.UNKNOWN)))));

    private BadgeReader() {}

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

    /** The badge for a linked image that is not a star badge. */
    static Badge badge(String href, String imageUrl, String alt) {
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
            Badge candidate = new Badge(kind, href, null, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            if (BadgeKinds.missingPart(candidate) == null
                    && (label == null ? PRESET_IMAGES.get(kind).equals(image) : sameImage(candidate, image))) {
                // The same image under its own alt text ("Technical Blog" for a blog badge) keeps that text.
                return alt.equals(preset.alt()) ? candidate
                        : new Badge(kind, href, alt, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            }
        }
        if (parts.isPresent()) {
            Map<String, String> p = parts.get();
            String label = p.get("label");
            String message = p.get("message");
            String defaultAlt = label.isEmpty() ? message : label + " " + message;
            Badge structured = new Badge("custom", href, alt.equals(defaultAlt) ? null : alt,
                    label.isEmpty() ? null : label, message, p.get("color").equals("blue") ? null : p.get("color"),
                    p.get("logo"), p.get("logoColor"), null, SourcePosition.UNKNOWN);
            if (sameImage(structured, image)) {
                return structured;
            }
        }
        return new Badge("custom", href, alt, null, null, null, null, null, imageUrl, SourcePosition.UNKNOWN);
    }

    // The renderer percent-encodes what a link destination cannot hold; compare in that form (the image's
    // own URL is given in it already, made once for all the kinds tried).
    private static boolean sameImage(Badge badge, String image) {
        return MarkdownText.url(BadgeUrls.image(badge)).equals(image);
    }
}
