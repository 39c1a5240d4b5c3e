package dev.paperlist.site;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
final class HtmlEscape {
    private HtmlEscape() {}

    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A URL for an {@code href} or {@code src}: characters that HTML or URL syntax would misread are
     * percent-encoded, then the whole is escaped as an attribute value.
     */
    static String url(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || "<>\"'`\\".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append(c);
            }
        }
        return text(out.toString());
    }
}
