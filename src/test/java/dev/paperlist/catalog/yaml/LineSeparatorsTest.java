package dev.paperlist.catalog.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.PaperlistException;
import org.junit.jupiter.api.Test;

/**
 * A catalogue is scanned for the three line separators in chunks copied out of it: one on either side of a
 * chunk's end is found, at its line and column.
 */
class LineSeparatorsTest {
    private static final int CHUNK = 8192;

    @Test
    void aSeparatorOnEitherSideOfAChunkEndIsFoundAtItsLineAndColumn() {
        String line = "title: 中文 text\n";
        for (int at : new int[] {0, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 3}) {
            StringBuilder text = new StringBuilder(line.repeat(3 * CHUNK / line.length()));
            text.setCharAt(at, '\u2029');
            int lineStart = text.lastIndexOf("\n", at - 1) + 1;
            String expected = "papers.yaml:" + (at / line.length() + 1) + ":" + (at - lineStart + 1) + ": U+2029";
            assertThat(LineSeparators.isIn(text.toString())).isTrue();
            assertThatThrownBy(() -> LineSeparators.refuseIn(text.toString(), "papers.yaml"))
                    .isInstanceOf(PaperlistException.class).hasMessageStartingWith(expected);
        }
    }

    @Test
    void aLongCleanCatalogueAndAnEmptyOneHoldNone() {
        assertThat(LineSeparators.isIn("a: 中文 text\u00A0\n".repeat(2 * CHUNK))).isFalse();
        assertThat(LineSeparators.isIn("")).isFalse();
        assertThat(LineSeparators.isIn("a\u0085")).isTrue();
    }
}
