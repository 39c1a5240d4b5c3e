package dev.paperlist.markdown;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Writes catalogue text into Markdown so that it shows as written on GitHub and cannot change the
 * page around it: no links, HTML, headings, lists, tables, math or emoji codes it did not ask for,
 * as commonmark-java and as GitHub's renderer (cmark-gfm with its autolink extension) read it.
 * Callers pass single-line text (the loader folds line breaks) and never place it at a line start.
 */
public final class MarkdownText {
    // Characters that start inline syntax in CommonMark or in GitHub's extensions (tables, strikethrough, math).
    private static final String ALWAYS_ESCAPED = "\\`*_[]<>#|~$";
    // The same and the characters a URL must not hold raw, as bit sets over ASCII: a rendered list is
    // tens of megabytes of text, and a lookup in a string for every character is most of its cost.
    private static final long[] ESCAPED = asciiSet(ALWAYS_ESCAPED);
    private static final long[] URL_ENCODED = asciiSet("()<>\"\\`|\u007F");
    // What sends text to the Markdown parser: emphasis, backslash escapes, and line breaks to fold.
    private static final long[] PARSED = asciiSet("*_\\\n\r");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)");
    private static final Pattern EMOJI_CODE = Pattern.compile(":([a-z0-9_+-]+):");

    // Only paragraphs: abstract text must never become a heading, list, quote or HTML block.
    private static final Parser INLINE_PARSER = Parser.builder()
            .enabledBlockTypes(Set.of())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownText() {}

    /** Plain text: every character is shown literally. */
    public static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        appendPlain(out, plain);
        return out.toString();
    }

    /** Appends what {@link #text} returns, without the intermediate string. */
    public static void appendPlain(StringBuilder out, String plain) {
        appendText(out, oneLine(plain));
    }

    /**
     * Text that may use inline emphasis ({@code *a*}, {@code _a_}, {@code **b**}); everything else,
     * code spans, links and HTML included, is shown literally.
     */
    public static String inline(String markdown) {
        return inline(markdown, false);
    }

    /**
     * Appends what {@link #inline(String)} returns; text without markup (most abstracts) is escaped
     * straight into {@code out}, with no string made on the way.
     */
    public static void appendInline(StringBuilder out, String markdown) {
        // Looked at in a copy, which appendText reads too: the launcher's compiler (C1) does not inline charAt.
        char[] chars = markdown.toCharArray();
        for (char c : chars) {
            if (in(PARSED, c)) {
                out.append(inline(markdown, false));
                return;
            }
        }
        appendText(out, markdown, chars);
    }

    /**
     * Like {@link #inline(String)}, and links to http and https URLs stay links; other links, images
     * and everything else are shown literally.
     */
    public static String inlineWithLinks(String markdown) {
        return inline(markdown, true);
    }

    private static String inline(String markdown, boolean links) {
        markdown = oneLine(markdown);
        if (!mayContainMarkup(markdown) && !(links && markdown.indexOf('[') >= 0)) {
            return text(markdown);
        }
        Node document = INLINE_PARSER.parse(markdown);
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block != document.getFirstChild()) {
                out.append(' ');
            }
            if (block instanceof Paragraph) {
                appendInlines(out, block, markdown, links);
            } else {
                appendText(out, sourceOf(block, markdown));
            }
        }
        return out.toString();
    }

    /** A link destination: characters that would end or break it are percent-encoded. */
    public static String url(String url) {
        int first = 0;
        while (first < url.length() && !mustEncode(url.charAt(first))) {
            first++;
        }
        if (first == url.length()) {
            // Nearly every URL: returned as it is rather than copied.
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 8).append(url, 0, first);
        for (int i = first; i < url.length(); i++) {
            char c = url.charAt(i);
            if (mustEncode(c)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean mustEncode(char c) {
        return c <= 0x20 || in(URL_ENCODED, c);
    }

    // The loader folds line breaks already; this keeps the renderer safe for models built elsewhere.
    public static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replaceAll("[\r\n]+", " ");
    }

    // A backslash escape means the same with or without emphasis around it, so it takes the parser too.
    private static boolean mayContainMarkup(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('_') >= 0 || s.indexOf('\\') >= 0;
    }

    private static void appendInlines(StringBuilder out, Node parent, String source, boolean links) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                appendText(out, text.getLiteral());
            } else if (node instanceof Emphasis emphasis) {
                out.append(emphasis.getOpeningDelimiter());
                appendInlines(out, node, source, links);
                out.append(emphasis.getClosingDelimiter());
            } else if (node instanceof StrongEmphasis strong) {
                out.append(strong.getOpeningDelimiter());
                appendInlines(out, node, source, links);
                out.append(strong.getClosingDelimiter());
            } else if (links && node instanceof Link link && isWebUrl(link.getDestination())) {
                out.append('[');
                appendInlines(out, node, source, links);
                out.append("](").append(url(link.getDestination())).append(')');
            } else {
                appendText(out, sourceOf(node, source));
            }
        }
    }

    /** True for an absolute http or https URL with a host, the only links catalogue text may make. */
    public static boolean isWebUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        int rest = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        return rest > 0 && rest < url.length() && "/?#".indexOf(url.charAt(rest)) < 0
                && !Character.isWhitespace(url.charAt(rest));
    }

    private static String sourceOf(Node node, String source) {
        StringBuilder text = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            text.append(source, span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
        return text.toString();
    }

    private static long[] asciiSet(String characters) {
        long[] set = new long[2];
        characters.chars().forEach(c -> set[c >> 6] |= 1L << (c & 63));
        return set;
    }

    private static boolean in(long[] set, char c) {
        return c < 128 && (set[c >> 6] & 1L << (c & 63)) != 0;
    }

    private static void appendText(StringBuilder out, String plain) {
        appendText(out, plain, plain.toCharArray());
    }

    // The same, with the text's characters copied out already.
    private static void appendText(StringBuilder out, String plain, char[] chars) {
        int start = out.length();
        int from = 0;
        // The patterns need an '&' before a ';', or two colons: most text has neither, and skips the copies.
        boolean ampersand = false;
        boolean entity = false;
        int colons = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 128) {
                continue;
            }
            if (in(ESCAPED, c) || c == '.' && startsWww(plain, i) || c == ':' && startsSchemeSlashes(plain, i)) {
                out.append(plain, from, i).append('\\');
                from = i;
            } else if (c == '&') {
                ampersand = true;
            } else if (c == ';') {
                entity |= ampersand;
            } else if (c == ':') {
                colons++;
            }
        }
        out.append(plain, from, plain.length());
        if (entity || colons > 1) {
            escapeContextual(out, start);
        }
    }

    // GitHub's autolink extension makes a link of "www." or "scheme://" and everything after it up to a
    // space or '<', read from the Markdown source: the backslash of a following "\<" becomes part of the
    // link and the '<' starts raw HTML, and every other escape in the run shows as a backslash. Catalogue
    // text never links by itself, so the autolink is stopped before it starts: the '.' of "www." and the
    // ':' of "scheme://" are escaped, which no renderer shows and after which the extension sees no link.
    private static boolean startsWww(String s, int dot) {
        return dot >= 3 && s.regionMatches(true, dot - 3, "www", 0, 3);
    }

    private static boolean startsSchemeSlashes(String s, int colon) {
        return colon > 0 && colon + 2 < s.length() && s.charAt(colon + 1) == '/' && s.charAt(colon + 2) == '/'
                && (s.charAt(colon - 1) | 0x20) >= 'a' && (s.charAt(colon - 1) | 0x20) <= 'z';
    }

    // '&' only before something that reads as an entity, ':' only around an emoji shortcode.
    private static void escapeContextual(StringBuilder out, int start) {
        String written = out.substring(start);
        Matcher entity = ENTITY.matcher(written);
        StringBuilder fixed = new StringBuilder(written.length() + 8);
        int last = 0;
        while (entity.find()) {
            fixed.append(written, last, entity.start()).append("\\&");
            last = entity.start() + 1;
        }
        fixed.append(written.substring(last));
        Matcher emoji = EMOJI_CODE.matcher(fixed);
        StringBuilder result = new StringBuilder(fixed.length() + 4);
        last = 0;
        while (emoji.find()) {
            result.append(fixed, last, emoji.start()).append("\\:");
            last = emoji.start() + 1;
        }
        result.append(fixed.substring(last));
        out.setLength(start);
        out.append(result);
    }
}
