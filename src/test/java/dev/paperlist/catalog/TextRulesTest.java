package dev.paperlist.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The scan for characters the catalogue refuses: a text is scanned in chunks copied out
 * of it, and must find what a character-by-character scan finds, also where a chunk ends inside a pair.
 */
class TextRulesTest {
    private static final int CHUNK = 8192;

    @Test
    void aForbiddenCharacterIsFoundOnEitherSideOfEachChunkEnd() {
        for (int at : new int[] {0, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK - 1, 3 * CHUNK + 5}) {
            StringBuilder text = new StringBuilder("中文 text\n".repeat(4 * CHUNK / 8));
            text.setCharAt(at, '\u202E');
            Optional<TextRules.Forbidden> found = TextRules.firstForbidden(text.toString(), 0, text.length());
            assertThat(found).as("at %d", at).map(TextRules.Forbidden::offset).contains(at);
            assertThat(found.get().description()).isEqualTo("U+202E (bidirectional formatting character)");
        }
    }

    @Test
    void aPairAcrossAChunkEndIsOneCharacterAndALoneHalfThereIsRefused() {
        StringBuilder text = new StringBuilder("a".repeat(3 * CHUNK));
        text.replace(CHUNK - 1, CHUNK + 1, "😀");
        assertThat(TextRules.firstForbidden(text.toString(), 0, text.length())).isEmpty();

        text.setCharAt(CHUNK, 'a');
        assertThat(TextRules.firstForbidden(text.toString(), 0, text.length()))
                .map(TextRules.Forbidden::offset).contains(CHUNK - 1);

        StringBuilder low = new StringBuilder("a".repeat(3 * CHUNK));
        low.setCharAt(CHUNK, '\uDE00');
        assertThat(TextRules.firstForbidden(low.toString(), 0, low.length()))
                .map(TextRules.Forbidden::offset).contains(CHUNK);
    }

    @Test
    void aScanEndsWhereItIsToldEvenInsideAPair() {
        String text = "a".repeat(2 * CHUNK) + "😀" + "a".repeat(10);
        // The range ends after the high half: a scan of it alone sees a lone surrogate.
        assertThat(TextRules.firstForbidden(text, 5, 2 * CHUNK + 1)).map(TextRules.Forbidden::offset).contains(2 * CHUNK);
        assertThat(TextRules.firstForbidden(text, 5, text.length())).isEmpty();
    }

    @Property(tries = 300)
    void aLongTextIsScannedAsEachOfItsCharactersAlone(@ForAll("longTexts") String text) {
        assertThat(TextRules.firstForbidden(text, 0, text.length()).map(TextRules.Forbidden::offset))
                .isEqualTo(Optional.ofNullable(oneByOne(text)));
    }

    @Property(tries = 500)
    void aShortTextIsScannedAsEachOfItsCharactersAlone(@ForAll("shortTexts") String text) {
        assertThat(TextRules.firstForbidden(text, 0, text.length()).map(TextRules.Forbidden::offset))
                .isEqualTo(Optional.ofNullable(oneByOne(text)));
    }

    @Property(tries = 1000)
    void theOnePassCheckSaysCleanAndCollapsedOnlyOfATextThatIsBoth(@ForAll("valueTexts") String text) {
        boolean both = TextRules.firstForbidden(text, 0, text.length()).isEmpty()
                && TextRules.collapseWhitespace(text).equals(text);
        boolean unusual = text.chars().anyMatch(c -> c < 0x20 || c == 0x7F || Character.isSurrogate((char) c));
        if (unusual) {
            // Controls and surrogates are left to the full checks; "yes" must still be right.
            assertThat(!TextRules.isCleanAndCollapsed(text) || both).isTrue();
        } else {
            assertThat(TextRules.isCleanAndCollapsed(text)).isEqualTo(both);
        }
    }

    @Property(tries = 1000)
    void aWebUrlIsToldAsByItsLowerCaseCopy(@ForAll("urlTexts") String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        int rest = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        boolean expected = rest > 0 && rest < url.length() && "/?#".indexOf(url.charAt(rest)) < 0
                && !Character.isWhitespace(url.charAt(rest));
        assertThat(TextRules.isWebUrl(url)).as(url).isEqualTo(expected);
    }

    @Test
    void aCatalogueUrlHoldsNoWhiteSpaceAndTheReasonSaysWhichItHolds() {
        assertThat(TextRules.isCatalogueUrl("https://example.org/a%20b")).isTrue();
        assertThat(TextRules.isCatalogueUrl("https://example.org/a\u00A0b")).isFalse();
        assertThat(TextRules.isWebUrl("https://example.org/a\u00A0b")).isTrue();
        assertThat(TextRules.whyNotCatalogueUrl("https://example.org/a\u2003b")).isEqualTo("holds white space (U+2003)");
        assertThat(TextRules.whyNotCatalogueUrl("pruning.md")).isEqualTo("is not an http(s) URL");
        assertThat(TextRules.whyNotCatalogueUrl("see https://example.org")).isEqualTo("is not an http(s) URL");
    }

    @Provide
    Arbitrary<String> urlTexts() {
        return Arbitraries.of("h", "H", "t", "T", "p", "P", "s", "S", "ſ", "\u212A", "\u0130", ":", "/", "//", "?", "#",
                " ", "x", "http", "HTTPS", "https://", "Http://").list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Test
    void aPairInAShortTextIsOneCharacterAndALoneHalfIsRefused() {
        assertThat(TextRules.forbiddenCharacter("😀")).isEmpty();
        assertThat(TextRules.forbiddenCharacter("")).isEmpty();
        assertThat(TextRules.firstForbidden("a\uD83D", 0, 2)).map(TextRules.Forbidden::offset).contains(1);
        assertThat(TextRules.firstForbidden("a\uDE00b", 0, 3)).map(TextRules.Forbidden::offset).contains(1);
        assertThat(TextRules.firstForbidden("ab\u200B", 1, 3)).map(TextRules.Forbidden::description)
                .contains("U+200B (zero-width character)");
    }

    // Where the first code point the catalogue refuses, looked at alone, starts.
    private static Integer oneByOne(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (TextRules.forbiddenCharacter(new String(Character.toChars(codePoint))).isPresent()) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    @Provide
    Arbitrary<String> shortTexts() {
        Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.of("a", " ", "中", "\n", "é", "😀"),
                Arbitraries.of("\u202E", "\u200B", "\u0007", "\uD83D", "\uDE00", "\u0085"));
        return one.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> valueTexts() {
        Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.of("a", "Z", " ", "  ", "中", "é", "😀", "\u00A0", "\u3000"),
                Arbitraries.of("\t", "\n", "\r", "\u000B", "\f", "\u202E", "\u200B", "\uFEFF", "\u0007", "\u007F",
                        "\uD83D", "\uDE00", "\u0085", "\u2028"));
        return one.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> longTexts() {
        Arbitrary<Character> mostlyClean = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2000, Arbitraries.of('a', ' ', '中', '\n', 'é')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u202E', '\u200B', '\u0007', '\uD83D', '\uDE00', '\u0085')));
        Arbitrary<String> emoji = Arbitraries.just("😀");
        return Arbitraries.oneOf(mostlyClean.map(String::valueOf), emoji).list().ofMinSize(CHUNK).ofMaxSize(3 * CHUNK)
                .map(parts -> String.join("", parts));
    }
}
