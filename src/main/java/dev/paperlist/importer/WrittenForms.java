package dev.paperlist.importer;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Decides whether an entry as a list wrote it shows the same as the entry a layout makes of its fields:
 * both are compared as the HTML they render to, so that spacing, escapes and blank lines that change
 * nothing on the page do not make an entry "written otherwise".
 */
final class WrittenForms {
    private static final List<org.commonmark.Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(TABLES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(TABLES).build();
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_KEY = Pattern.compile("More(?: \\(\\d+\\))?");

    private WrittenForms() {}

    static boolean sameHtml(String a, String b) {
        // The same text renders the same: a list paperlist wrote itself skips two parses and renders per entry.
        // Blank lines before a block and whitespace after its last line change nothing on the page. Compared in
        // place: an entry with its abstract is kilobytes, and every paper of a list is compared.
        int aStart = afterNewlines(a);
        int aEnd = beforeTrailingWhitespace(a, aStart, a.length());
        int bStart = afterNewlines(b);
        int bEnd = beforeTrailingWhitespace(b, bStart, b.length());
        if (aEnd - aStart == bEnd - bStart && a.regionMatches(aStart, b, bStart, aEnd - aStart)) {
            return true;
        }
        return html(a).equals(html(b));
    }

    private static int afterNewlines(String markdown) {
        int start = 0;
        while (start < markdown.length() && markdown.charAt(start) == '\n') {
            start++;
        }
        return start;
    }

    /**
     * Where String.stripTrailing would end {@code markdown[start, end)} (white space by code point), without
     * cutting it out first.
     */
    static int beforeTrailingWhitespace(String markdown, int start, int end) {
        while (end > start) {
            int c = markdown.codePointBefore(end);
            if (!Character.isWhitespace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return end;
    }

    private static String html(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return BETWEEN_TAGS.matcher(COMMENT.matcher(html).replaceAll("")).replaceAll("><").strip();
    }

    /** Whether an extra field holds a block read under a paper's heading, which its written form holds too. */
    static boolean isBlockKey(String key) {
        return BLOCK_KEY.matcher(key).matches();
    }
}
