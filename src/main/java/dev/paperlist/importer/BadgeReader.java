package dev.paperlist.importer;

import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.render.Badges;
import dev.paperlist.markdown.MarkdownText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a badge image of a hand-written list into a paper's code repository (GitHub star badges in
 * their several shields.io forms) or a {@link Badge}: a preset kind or a custom badge with its label,
 * message, colour and logo when paperlist renders exactly the same image, else the image kept as it is.
 */
final class BadgeReader {
    private static final Pattern STAR = Pattern.compile(
            "https?://img\\.shields\\.io/github/stars/([^/?#]+)/([^/?#]+?)(?:\\.svg)?(?:\\?.*)?");
    private static final Pattern STATIC = Pattern.compile("https://img\\.shields\\.io/badge/([^?#]+?)(\\.svg)?(\\?[^#]*)?");

    private BadgeReader() {}

    /** The repository a star badge counts, preferring the repository it links to. */
    static Optional<GitHubRepo> starRepository(String imageUrl, String href) {
        Matcher star = STAR.matcher(imageUrl);
        if (!star.matches()) {
            return Optional.empty();
        }
        Optional<GitHubRepo> linked = href == null ? Optional.empty() : GitHubRepo.parse(href);
        GitHubRepo counted = GitHubRepo.parse(star.group(1) + "/" + star.group(2)).orElse(null);
        if (linked.isPresent() && counted != null && !linked.get().slug().equalsIgnoreCase(counted.slug())) {
            // The badge counts another repository than it links to; the link is what readers follow.
            return linked;
        }
        return linked.isPresent() ? linked : Optional.ofNullable(counted);
    }

    /** The badge for a linked image that is not a star badge. */
    static Badge badge(String href, String imageUrl, String alt) {
        for (String kind : BadgeKinds.KINDS) {
            if (kind.equals("custom")) {
                continue;
            }
            BadgeKinds.Preset preset = BadgeKinds.preset(kind);
            String label = "label".equals(preset.required()) ? staticParts(imageUrl).map(p -> p.get("label")).orElse(null) : null;
            Badge candidate = new Badge(kind, href, null, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            if (BadgeKinds.missingPart(candidate) == null && sameImage(candidate, imageUrl)) {
                // The same image under its own alt text ("Technical Blog" for a blog badge) keeps that text.
                return alt.equals(preset.alt()) ? candidate
                        : new Badge(kind, href, alt, label, null, null, null, null, null, SourcePosition.UNKNOWN);
            }
        }
        Optional<Map<String, String>> parts = staticParts(imageUrl);
        if (parts.isPresent()) {
            Map<String, String> p = parts.get();
            String label = p.get("label");
            String message = p.get("message");
            String defaultAlt = label.isEmpty() ? message : label + " " + message;
            Badge structured = new Badge("custom", href, alt.equals(defaultAlt) ? null : alt,
                    label.isEmpty() ? null : label, message, p.get("color").equals("blue") ? null : p.get("color"),
                    p.get("logo"), p.get("logoColor"), null, SourcePosition.UNKNOWN);
            if (sameImage(structured, imageUrl)) {
                return structured;
            }
        }
        return new Badge("custom", href, alt, null, null, null, null, null, imageUrl, SourcePosition.UNKNOWN);
    }

    // The renderer percent-encodes what a link destination cannot hold; compare in that form.
    private static boolean sameImage(Badge badge, String imageUrl) {
        return MarkdownText.url(Badges.imageUrl(badge)).equals(MarkdownText.url(imageUrl));
    }

    // label, message, color, logo, logoColor of a static shields.io badge URL.
    private static Optional<Map<String, String>> staticParts(String imageUrl) {
        Matcher m = STATIC.matcher(imageUrl);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> parts = parts(m.group(1));
        if (parts.size() == 2) {
            parts.add(0, "");
        }
        if (parts.size() != 3) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("label", decode(parts.get(0)));
        out.put("message", decode(parts.get(1)));
        out.put("color", decode(parts.get(2)));
        if (m.group(3) != null) {
            for (String pair : m.group(3).substring(1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.of(out);
    }

    // "--" is a literal dash and a single '-' ends a part; the colour has no dash. As in shields.io,
    // a path like "a---b" can split two ways that draw the same badge; the first one found is taken.
    private static final Pattern THREE_PARTS = Pattern.compile("((?:[^-]|--)*)-((?:[^-]|--)*)-([^-]+)");
    private static final Pattern TWO_PARTS = Pattern.compile("((?:[^-]|--)*)-([^-]+)");

    private static List<String> parts(String path) {
        Matcher three = THREE_PARTS.matcher(path);
        if (three.matches()) {
            return new ArrayList<>(List.of(three.group(1), three.group(2), three.group(3)));
        }
        Matcher two = TWO_PARTS.matcher(path);
        return two.matches() ? new ArrayList<>(List.of(two.group(1), two.group(2))) : List.of();
    }

    private static String decode(String part) {
        String unescaped = part.replace("--", "\u0000").replace("__", "\u0001").replace('_', ' ')
                .replace('\u0000', '-').replace('\u0001', '_');
        try {
            return URLDecoder.decode(unescaped.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unescaped;
        }
    }
}
