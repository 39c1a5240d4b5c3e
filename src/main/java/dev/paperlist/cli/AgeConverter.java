package dev.paperlist.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an age as {@code 500ms}, {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d} or {@code 0}. */
final class AgeConverter implements ITypeConverter<Duration> {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    @Override
    public Duration convert(String value) {
        Matcher m = AGE.matcher(value.strip());
        if (!m.matches() || m.group(2) == null && !m.group(1).equals("0")) {
            throw new TypeConversionException("'" + value + "' is not an age such as 30m, 12h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
