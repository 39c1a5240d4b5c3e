package dev.paperlist.add;

import dev.paperlist.catalog.DidYouMean;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.model.Badge;
import dev.paperlist.model.BadgeKinds;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.SourcePosition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code add}'s options that have a syntax of their own ({@code --badge}, {@code --note},
 * {@code --date}, {@code --added}), checked and read as the loader reads them from papers.yaml. A value
 * that does not read is an {@link IllegalArgumentException} whose message follows the option's name,
 * such as "must be LABEL=URL …, got 'x'": the command line and the issue form each name the option their way.
 */
public final class OptionValues {
    private static final Pattern BADGE = Pattern.compile("([a-z_]+)(?::([^=]+))?=(.+)");
    private static final Pattern NOTE = Pattern.compile("([^=]+)=(.+)");

    private OptionValues() {}

    /** {@code KIND=URL} or {@code KIND:LABEL=URL}. */
    public static Badge badge(String value) {
        Matcher m = BADGE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be KIND=URL or KIND:LABEL=URL (kinds: "
                    + String.join(", ", BadgeKinds.KINDS) + "), got '" + value + "'");
        }
        String kind = m.group(1);
        if (!BadgeKinds.KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "' is unknown" + DidYouMean.hint(kind, BadgeKinds.KINDS)
                    + " in '" + value + "'; kinds: " + String.join(", ", BadgeKinds.KINDS));
        }
        String label = label(m.group(2));
        String url = m.group(3).strip();
        if (!TextRules.isWebUrl(url)) {
            throw new IllegalArgumentException("URL must be http:// or https://, got '" + url + "'");
        }
        Badge badge = "custom".equals(kind)
                ? new Badge(kind, url, null, null, label, null, null, null, null, SourcePosition.UNKNOWN)
                : new Badge(kind, url, null, label, null, null, null, null, null, SourcePosition.UNKNOWN);
        String missing = BadgeKinds.missingPart(badge);
        if (missing != null) {
            throw new IllegalArgumentException("'" + value + "': a '" + kind + "' badge needs a "
                    + ("label".equals(missing) ? "label" : "message") + ", as in " + kind + ":TEXT=URL");
        }
        return badge;
    }

    /** {@code LABEL=URL}. */
    public static NoteLink note(String value) {
        Matcher m = NOTE.matcher(value.strip());
        String label = m.matches() ? label(m.group(1)) : null;
        String url = m.matches() ? m.group(2).strip() : "";
        if (label == null || !TextRules.isWebUrl(url)) {
            throw new IllegalArgumentException("must be LABEL=URL with an http:// or https:// URL, got '" + value + "'");
        }
        return new NoteLink(label, url);
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, a date that exists. */
    public static PartialDate date(String value) {
        java.util.Optional<PartialDate> date;
        try {
            date = PartialDate.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a real date: " + e.getMessage(), e);
        }
        return date.orElseThrow(() -> new IllegalArgumentException("must be YYYY, YYYY-MM or YYYY-MM-DD, got '"
                + value + "'"));
    }

    // A label as the loader reads text: white space folded, empty as absent, invisible characters refused.
    private static String label(String value) {
        if (value == null) {
            return null;
        }
        String text = TextRules.collapseWhitespace(value);
        TextRules.forbiddenCharacter(text).ifPresent(c -> {
            throw new IllegalArgumentException("label contains the invisible character " + c + "; remove it");
        });
        return text.isEmpty() ? null : text;
    }
}
