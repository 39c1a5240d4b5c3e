package dev.paperlist.markdown;

import dev.paperlist.Escaping;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * shields.io badge image URLs both ways: built from a badge's parts for the renderer, and read back into
 * those parts for the importer, so that what one writes the other recognises.
 */
public final class BadgeUrls {
    private static final String SHIELDS = "https://img.shields.io/";
    private static final Pattern STAR = Pattern.compile(
            "https?://img\\.shields\\.io/github/stars/([^/?#]+)/([^/?#]+?)(?:\\.svg)?(?:\\?.*)?");
    private static final Pattern STATIC = Pattern.compile("https://img\\.shields\\.io/badge/([^?#]+?)(\\.svg)?(\\?[^#]*)?");
    // "--" is a literal dash and a single '-' ends a part; the colour has no dash. As in shields.io,
    // a path like "a---b" can split two ways that draw the same badge; the first one found is taken.
    private static final Pattern THREE_PARTS = Pattern.compile("((?:[^-]|--)*)-((?:[^-]|--)*)-([^-]+)");
    private static final Pattern TWO_PARTS = Pattern.compile("((?:[^-]|--)*)-([^-]+)");

    private BadgeUrls() {}

    /** The GitHub star count badge of a repository, in shields.io's social style. */
    public static String star(GitHubRepo repo) {
        return SHIELDS + "github/stars/" + repo.owner() + "/" + repo.name() + ".svg?style=social&label=Star";
    }

    /** The {@code owner/name} a star badge counts, in any of its shields.io forms, or empty for another image. */
    public static Optional<String> starredSlug(String imageUrl) {
        Matcher star = STAR.matcher(imageUrl);
        return star.matches() ? Optional.of(star.group(1) + "/" + star.group(2)) : Optional.empty();
    }

    /** The badge's image: its own {@code image}, or a static shields.io badge built from its parts. */
    public static String image(Badge badge) {
        if (badge.image() != null) {
            return badge.image();
        }
        BadgeKinds.Preset preset = BadgeKinds.preset(badge.kind());
        StringBuilder url = new StringBuilder(SHIELDS).append("badge/")
                .append(part(or(badge.label(), preset.label()))).append('-')
                .append(part(or(badge.message(), preset.message()))).append('-')
                .append(part(or(badge.color(), preset.color())));
        if (preset.svgSuffix()) {
            url.append(".svg");
        }
        String logo = or(badge.logo(), preset.logo());
        String logoColor = or(badge.logoColor(), preset.logoColor());
        char separator = '?';
        if (logo != null) {
            url.append(separator).append("logo=").append(query(logo));
            separator = '&';
        }
        if (logoColor != null) {
            url.append(separator).append("logoColor=").append(query(logoColor));
        }
        return url.toString();
    }

    /**
     * The label, message, color, and logo and logoColor when given, of a static shields.io badge URL; empty
     * for another image.
     */
    public static Optional<Map<String, String>> staticParts(String imageUrl) {
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
                    try {
                        out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // A '%' that starts no escape ("?logo=100%"): not parts paperlist could write back.
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(out);
    }

    // shields.io path parts: '-' and '_' are doubled, spaces and URL syntax percent-encoded;
    // other characters (知乎) stay as written, as hand-made badges have them.
    private static String part(String text) {
        if (text == null) {
            return "";
        }
        return Escaping.replace(text, c -> switch (c) {
            case '-' -> "--";
            case '_' -> "__";
            case ' ' -> "%20";
            case '/', '?', '#', '%', '&' -> query(String.valueOf(c));
            default -> null;
        });
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

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
