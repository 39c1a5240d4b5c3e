package dev.paperlist.render;

import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Writes shields.io badges as Markdown image links. */
public final class Badges {
    private static final String SHIELDS = "https://img.shields.io/";

    private Badges() {}

    /** The GitHub star badge: the count of owner/repo, linked to the repository link as given. */
    public static String star(GitHubRepo repo) {
        return "[![Star](" + SHIELDS + "github/stars/" + MarkdownText.url(repo.owner()) + "/"
                + MarkdownText.url(repo.name()) + ".svg?style=social&label=Star)](" + MarkdownText.url(repo.link()) + ")";
    }

    public static String badge(Badge badge) {
        return "[![" + MarkdownText.text(altText(badge)) + "](" + MarkdownText.url(imageUrl(badge)) + ")]("
                + MarkdownText.url(badge.url()) + ")";
    }

    static String altText(Badge badge) {
        if (badge.alt() != null) {
            return badge.alt();
        }
        BadgeKinds.Preset preset = BadgeKinds.preset(badge.kind());
        if (preset.alt() != null) {
            return preset.alt();
        }
        String label = or(badge.label(), preset.label());
        String message = or(badge.message(), preset.message());
        // A custom badge with its own image may have neither: then the alternative text is empty.
        if (message == null) {
            return label == null ? "" : label;
        }
        return label == null || label.isEmpty() ? message : label + " " + message;
    }

    /** The badge's image: its own {@code image}, or a static shields.io badge built from its parts. */
    public static String imageUrl(Badge badge) {
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

    // shields.io path parts: '-' and '_' are doubled, spaces and URL syntax percent-encoded;
    // other characters (知乎) stay as written, as hand-made badges have them.
    private static String part(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '-' -> out.append("--");
                case '_' -> out.append("__");
                case ' ' -> out.append("%20");
                case '/', '?', '#', '%', '&' -> out.append(query(String.valueOf(c)));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
