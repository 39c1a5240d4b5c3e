package dev.paperlist.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A partial date prints in the precision it was given, zero-padded, and parses back from what it prints. */
class PartialDateTest {
    @Test
    void aDatePrintsInItsOwnPrecision() {
        assertThat(new PartialDate(2024, 0, 0)).hasToString("2024");
        assertThat(new PartialDate(2024, 2, 0)).hasToString("2024-02");
        assertThat(new PartialDate(2024, 12, 9)).hasToString("2024-12-09");
        assertThat(new PartialDate(1999, 10, 31)).hasToString("1999-10-31");
    }

    @Property(tries = 500)
    void everyDatePrintsAsTheFormatterPrintsItAndParsesBack(@ForAll @IntRange(min = 1000, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 12) int month, @ForAll @IntRange(min = 0, max = 28) int day) {
        int dayOfMonth = month == 0 ? 0 : day;
        PartialDate date = new PartialDate(year, month, dayOfMonth);
        String expected = month == 0 ? String.format(Locale.ROOT, "%04d", year)
                : dayOfMonth == 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, dayOfMonth);
        assertThat(date).hasToString(expected);
        assertThat(PartialDate.parse(date.toString())).contains(date);
    }
}
