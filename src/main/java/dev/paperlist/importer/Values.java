package dev.paperlist.importer;

import dev.paperlist.markdown.PlainText;
import dev.paperlist.model.PartialDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** How hand-written lists spell values: text of nodes, list separators, dates in their many forms. */
final class Values {
    /** The separators lists are written with, in the order they are tried: ';' before ',' keeps "Li, Wei" whole. */
    static final List<String> SEPARATORS = List.of(";", "；", "、", "，", ",");

    private static final Pattern HARD_BREAK = Pattern.compile("\\\\\\r?\\n");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final Pattern INLINE_ESCAPE = Pattern.compile("\\\\([!-)+-/:-@\\[\\]^`{-~])");
    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})(?:[-./](\\d{1,2})(?:[-./](\\d{1,2}))?)?");
    private static final Pattern WORDY = Pattern.compile("([A-Za-z]{3,9})\\.?,?\\s*(?:(\\d{1,2}),?\\s+)?(\\d{4})");

    private Values() {}

    /** The Markdown source from the start of {@code first} to the end of {@code last}, on one line. */
    static String source(String markdown, Node first, Node last) {
        if (first == null) {
            return "";
        }
        List<SourceSpan> from = first.getSourceSpans();
        List<SourceSpan> to = last.getSourceSpans();
        if (from.isEmpty() || to.isEmpty()) {
            return oneLine(PlainText.of(first));
        }
        SourceSpan end = to.get(to.size() - 1);
        return oneLine(markdown, from.get(0).getInputIndex(), end.getInputIndex() + end.getLength());
    }

    /** White space runs folded, hard-break backslashes and the ends trimmed. */
    static String oneLine(String text) {
        return oneLine(text, 0, text.length());
    }

    // The same of text[from, to): most values are one line already, and are cut from the README once, ends trimmed.
    // Looked at in a copy: the launcher's compiler (C1) does not inline charAt, and a paper's abstract is read here.
    private static String oneLine(String text, int from, int to) {
        char[] chars = new char[to - from];
        text.getChars(from, to, chars, 0);
        boolean plain = true;
        for (int i = 0; i < chars.length && plain; i++) {
            char c = chars[i];
            plain = c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B
                    && !(c == ' ' && i + 1 < chars.length && chars[i + 1] == ' ');
        }
        if (!plain) {
            String value = text.substring(from, to);
            return SPACE.matcher(HARD_BREAK.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
        }
        // As String.strip: white space by Character.isWhitespace, which no surrogate is.
        int start = 0;
        int end = chars.length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return text.substring(from + start, from + end);
    }

    /** Markdown source to the text it shows, for values written without inline markup. */
    static String unescape(String markdown) {
        return markdown.indexOf('\\') < 0 ? markdown : ESCAPE.matcher(markdown).replaceAll("$1");
    }

    /**
     * An abstract's Markdown with the escapes paperlist's renderer adds removed, except those that keep a
     * literal {@code *} or {@code _} from reading as emphasis.
     */
    static String unescapeInline(String markdown) {
        return markdown.indexOf('\\') < 0 ? markdown : INLINE_ESCAPE.matcher(markdown).replaceAll("$1");
    }

    /** "**Label**: value" puts the colon after the bold label, where it is not part of the value. */
    static String withoutLeadingColon(String text) {
        String t = text.strip();
        return (t.startsWith(":") || t.startsWith("：") ? t.substring(1) : t).strip();
    }

    /** The separator a list value is written with, or {@code null} for a single item. */
    static String separatorOf(String value) {
        for (String separator : SEPARATORS) {
            if (value.contains(separator)) {
                return separator;
            }
        }
        return null;
    }

    /**
     * The items of a list value, split on the separator the list uses throughout; a value written with
     * another separator stays one item, so that it renders back exactly as written. Empty items dropped.
     */
    static List<String> split(String value, String usual) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        String separator = usual == null || usual.isBlank() ? null : usual.strip();
        for (String part : separator == null ? new String[] {value} : value.split(Pattern.quote(separator))) {
            String item = part.strip();
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * A date as lists write it: {@code 2024-02-19}, {@code 2024-02}, {@code 2024}, {@code 2024.06},
     * {@code 2024/6/1}, {@code Apr., 2025}, {@code April 2025}, {@code Feb 19, 2024}.
     */
    static Optional<PartialDate> date(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        try {
            Matcher n = NUMERIC.matcher(t);
            if (n.matches()) {
                int year = Integer.parseInt(n.group(1));
                int month = n.group(2) == null ? 0 : Integer.parseInt(n.group(2));
                int day = n.group(3) == null ? 0 : Integer.parseInt(n.group(3));
                return Optional.of(new PartialDate(year, month, day));
            }
            Matcher w = WORDY.matcher(t);
            if (w.matches()) {
                Integer month = MONTHS.get(w.group(1).toLowerCase(Locale.ROOT));
                if (month != null) {
                    int day = w.group(2) == null ? 0 : Integer.parseInt(w.group(2));
                    return Optional.of(new PartialDate(Integer.parseInt(w.group(3)), month, day));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<String, Integer> months() {
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], i + 1);
            out.put(names[i].substring(0, 3), i + 1);
        }
        out.put("sept", 9);
        return Map.copyOf(out);
    }
}
