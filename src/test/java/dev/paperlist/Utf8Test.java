package dev.paperlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Property(tries = 2000)
    void countsWhatTheEncoderWrites(@ForAll("text") String text) {
        assertThat(Utf8.length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Utf8.length(new StringBuilder(text))).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void countsAcrossChunkBordersAndLoneSurrogatesAsThree() {
        // A pair split by the 8,192-character chunk border is still one four-byte character.
        String pairOnBorder = "a".repeat(8191) + "\uD83D\uDE00" + "é";
        assertThat(Utf8.length(pairOnBorder)).isEqualTo(8191 + 4 + 2);
        // The JDK's encoder writes a lone surrogate as '?'; counted as three it is never too small.
        assertThat(Utf8.length("\uD83D")).isEqualTo(3);
        assertThat(Utf8.length("\uDE00\uD83D")).isEqualTo(6);
        assertThat(Utf8.length("\uD83D\uD83D\uDE00")).isEqualTo(7);
        assertThat(Utf8.length("")).isZero();
    }

    // Mixed widths, pairs and long runs, so that chunks of 8,192 characters end in every kind of place.
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.strings().withChars("a\n\u00e9\u07ff\u0800\u4e2d\uffff\uD83D\uDE00")
                .ofMaxLength(20)
                .map(s -> s.replace("\uD83D", "").replace("\uDE00", "\uD83D\uDE00"));
        Arbitrary<Integer> run = Arbitraries.integers().between(0, 9000);
        return piece.list().ofMaxSize(4).flatMap(pieces -> run.map(n -> "x".repeat(n) + String.join("", pieces)));
    }
}
