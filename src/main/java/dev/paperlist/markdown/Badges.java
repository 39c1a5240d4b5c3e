package dev.paperlist.markdown;

import dev.paperlist.markdown.BadgeUrls;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.GitHubRepo;

/** Writes shields.io badges as Markdown image links. */
public final class Badges {
    private Badges() {}

    /** The GitHub star badge: the count of owner/repo, linked to the repository link as given. */
    public static String star(GitHubRepo repo) {
        return "[![Star](" + MarkdownText.url(BadgeUrls.star(repo)) + ")](" + MarkdownText.url(repo.link()) + ")";
    }

    public static String badge(Badge badge) {
        return "[![" + MarkdownText.text(altText(badge)) + "](" + MarkdownText.url(BadgeUrls.image(badge)) + ")]("
                + MarkdownText.url(badge.url()) + ")";
    }

    public static String altText(Badge badge) {
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

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
