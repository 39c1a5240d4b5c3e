package dev.paperlist.site;

import dev.paperlist.Escaping;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
final class HtmlEscape {
    private HtmlEscape() {}

    static String text(String s) {
        return Escaping.replace(s, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        });
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
