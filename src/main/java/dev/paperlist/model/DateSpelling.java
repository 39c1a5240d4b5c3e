package dev.paperlist.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a list spells its dates ({@code yyyy/MM}, {@code MMM. yyyy}, {@code d MMM yyyy}): written and read
 * back with the same pattern, so that a date keeps the list's spelling on the page and is a date for
 * sorting in the catalogue. Letters: {@code yyyy} year, {@code MMMM} month name, {@code MMM} its first three
 * letters, {@code Mon.} those letters and a dot unless the name is that short ({@code May}, {@code Jun.}),
 * {@code MM} two-digit month, {@code M} month, {@code dd} two-digit day, {@code d} day; any other character
 * is written as it is.
 */
public final class DateSpelling {
    private static final String[] NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final List<String> TOKENS = List.of("yyyy", "MMMM", "Mon.", "MMM", "MM", "M", "dd", "d");

    /** The spellings import looks for in an entry, longest first where one contains another. */
    public static final List<String> KNOWN = List.of("MMMM d, yyyy", "Mon. d, yyyy", "MMM. d, yyyy", "MMM d, yyyy",
            "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "MMMM yyyy", "Mon., yyyy", "MMM., yyyy",
            "MMM. yyyy", "MMM yyyy", "yyyy-MM", "yyyy/MM", "yyyy.MM");

    /** The list layout's own spellings: {@code Apr., 2025}, {@code Apr. 19, 2025}. */
    public static final List<String> LIST_LAYOUT = List.of("Mon., yyyy", "Mon. d, yyyy");

    private final String pattern;
    private final List<String> parts;
    private final Pattern regex;
    private final boolean month;
    private final boolean day;

    private DateSpelling(String pattern, List<String> parts) {
        this.pattern = pattern;
        this.parts = parts;
        this.month = parts.stream().anyMatch(p -> p.startsWith("M") && TOKENS.contains(p));
        this.day = parts.stream().anyMatch(p -> p.startsWith("d") && TOKENS.contains(p));
        // Where a date may start (not inside a word or number) is checked by find: a look-behind here would be
        // tried at every character of long texts.
        StringBuilder re = new StringBuilder();
        for (String part : parts) {
            re.append(switch (part) {
                case "yyyy" -> "((?:19|20)\\d\\d)";
                case "MMMM" -> "(" + String.join("|", NAMES) + ")";
                case "MMM" -> "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
                case "Mon." -> "(Jan\\.|Feb\\.|Mar\\.|Apr\\.|May|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)";
                case "MM" -> "(0[1-9]|1[0-2])";
                case "M" -> "(1[0-2]|[1-9])";
                case "dd" -> "(0[1-9]|[12]\\d|3[01])";
                case "d" -> "(3[01]|[12]\\d|[1-9])";
                default -> Pattern.quote(part);
            });
        }
        this.regex = Pattern.compile(re.append("(?![\\p{L}\\p{N}])").toString());
    }

    /** The spelling a pattern gives; {@code yyyy} is required, as a date without its year is no date. */
    public static DateSpelling of(String pattern) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            String token = null;
            for (String t : TOKENS) {
                if (pattern.startsWith(t, i)) {
                    token = t;
                    break;
                }
            }
            if (token == null) {
                int start = i;
                while (i < pattern.length() && "yMd".indexOf(pattern.charAt(i)) < 0) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("'" + pattern.charAt(i) + "' repeated in a way no date letter is"
                            + " (yyyy, MMMM, MMM, MM, M, dd, d)");
                }
                parts.add(pattern.substring(start, i));
            } else {
                parts.add(token);
                i += token.length();
            }
        }
        if (!parts.contains("yyyy")) {
            throw new IllegalArgumentException("a date spelling needs the year, yyyy");
        }
        return new DateSpelling(pattern, parts);
    }

    /** The date spelled this way; empty when the spelling shows more or less of it than it has. */
    public Optional<String> format(PartialDate date) {
        if (date.hasMonth() != month || date.hasDay() != day) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(switch (part) {
                case "yyyy" -> String.format(java.util.Locale.ROOT, "%04d", date.year());
                case "MMMM" -> NAMES[date.month() - 1];
                case "MMM" -> NAMES[date.month() - 1].substring(0, 3);
                case "Mon." -> date.month() == 5 ? "May" : NAMES[date.month() - 1].substring(0, 3) + ".";
                case "MM" -> String.format(java.util.Locale.ROOT, "%02d", date.month());
                case "M" -> String.valueOf(date.month());
                case "dd" -> String.format(java.util.Locale.ROOT, "%02d", date.day());
                case "d" -> String.valueOf(date.day());
                default -> part;
            });
        }
        return Optional.of(out.toString());
    }

    /** The first date in {@code text} spelled this way, with where it starts and ends. */
    public Optional<Found> find(String text, int from) {
        Matcher m = regex.matcher(text);
        while (m.find(from)) {
            if (m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1))) {
                from = m.start() + 1;
                continue;
            }
            int year = 0;
            int monthValue = 0;
            int dayValue = 0;
            int group = 1;
            for (String part : parts) {
                if (!TOKENS.contains(part)) {
                    continue;
                }
                String value = m.group(group++);
                switch (part) {
                    case "yyyy" -> year = Integer.parseInt(value);
                    case "MMMM" -> monthValue = List.of(NAMES).indexOf(value) + 1;
                    case "MMM", "Mon." -> monthValue = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(value.substring(0, 3)) / 3 + 1;
                    case "MM", "M" -> monthValue = Integer.parseInt(value);
                    default -> dayValue = Integer.parseInt(value);
                }
            }
            try {
                return Optional.of(new Found(new PartialDate(year, monthValue, dayValue), m.start(), m.end()));
            } catch (IllegalArgumentException notADate) {
                from = m.start() + 1;
            }
        }
        return Optional.empty();
    }

    /** Whether the text has a year (four digits from 1900 to 2099) that a date could be spelled with. */
    public static boolean mayHoldDate(String text) {
        for (int i = 0; i + 3 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '1' && text.charAt(i + 1) == '9' || c == '2' && text.charAt(i + 1) == '0')
                    && Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    /** A date found in a text, at {@code [start, end)}. */
    public record Found(PartialDate date, int start, int end) {}

    @Override
    public String toString() {
        return pattern;
    }
}
