package dev.paperlist.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heading that opens an entry kept as the list wrote it ({@code ### 1. Title} then the blocks under
 * it): its level, the text GitHub makes its anchor of, and what follows the opening hashes.
 *
 * @param rest the entry from the space after the heading's hashes on, lines and all
 */
public record WrittenHeading(int level, String text, String rest) {
    // An ATX heading line: a setext heading would need the line under it, and is not kept as written.
    private static final Pattern ATX = Pattern.compile("#{1,6}(?=[ \\t]|$)");

    /** The heading opening {@code written}, or {@code null} when it does not open with one. */
    public static WrittenHeading of(String written) {
        Matcher m = ATX.matcher(written);
        if (!m.lookingAt()) {
            return null;
        }
        int lineEnd = written.indexOf('\n');
        String line = lineEnd < 0 ? written : written.substring(0, lineEnd);
        var texts = HeadingTexts.of(line);
        String text = texts.isEmpty() ? "" : texts.get(0);
        return new WrittenHeading(m.end(), text, written.substring(m.end()));
    }
}
