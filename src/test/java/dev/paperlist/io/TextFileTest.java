package dev.paperlist.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Strict UTF-8 decoding: the fast path must accept and refuse exactly what the strict decoder does. */
class TextFileTest {
    @Test
    void decodesTextAndRemembersTheBom() {
        byte[] plain = "a 我 \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TextFile.decode(plain, "f").text()).isEqualTo("a 我 \uD83D\uDE00\n");
        assertThat(TextFile.decode(plain, "f").bom()).isFalse();
        byte[] withBom = TextFile.encode("x\n", true);
        assertThat(TextFile.decode(withBom, "f")).isEqualTo(new TextFile("f", "x\n", true));
        assertThat(TextFile.decodeKnownValid(withBom, "f")).isEqualTo(new TextFile("f", "x\n", true));
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() {
        byte[] bytes = "before \uFFFD after".getBytes(StandardCharsets.UTF_8);
        assertThat(TextFile.decode(bytes, "f").text()).isEqualTo("before \uFFFD after");
    }

    @Test
    void invalidBytesAreReportedWhereTheyAre() {
        byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xC3, '(', '\n'};
        assertThatThrownBy(() -> TextFile.decode(bytes, "papers.yaml"))
                .isInstanceOf(PaperlistException.class)
                .hasMessage("papers.yaml:2:3: invalid UTF-8 byte sequence; save the file as UTF-8")
                .satisfies(e -> assertThat(((PaperlistException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
        // An encoded surrogate is not UTF-8 either, even next to a written U+FFFD.
        byte[] surrogate = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> TextFile.decode(surrogate, "f")).hasMessage("f:1:2: invalid UTF-8 byte sequence; save the file as UTF-8");
    }

    @Test
    void aNulOrAMarkOfBadBytesFarIntoALongFileIsFoundWhereItIs() {
        // Scanned a chunk of 8,192 characters at a time; the file's own U+FFFD before the NUL is no reason to stop.
        String lines = "中文 line\n".repeat(3000);
        String withNul = lines + "\uFFFD own mark\n" + lines + "ab\0";
        assertThatThrownBy(() -> TextFile.decode(withNul.getBytes(StandardCharsets.UTF_8), "f"))
                .hasMessage("f:6002:3: NUL character; the file must be text");
        byte[] bad = (lines + "x").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 1] = (byte) 0xFF;
        assertThatThrownBy(() -> TextFile.decode(bad, "f")).hasMessage("f:3001:1: invalid UTF-8 byte sequence; save the file as UTF-8");
        assertThat(TextFile.decode((lines + "\uFFFD").getBytes(StandardCharsets.UTF_8), "f").text()).endsWith("\uFFFD");
        assertThat(TextFile.decodeIfPlainlyValid(withNul.getBytes(StandardCharsets.UTF_8), 0, 11)).isEqualTo("中文 line");
        assertThat(TextFile.decodeIfPlainlyValid(withNul.getBytes(StandardCharsets.UTF_8), 0, 40_000)).isNull();
    }

    @Test
    void nulAndUtf16AreRefused() {
        assertThatThrownBy(() -> TextFile.decode("ab\ncd\0".getBytes(StandardCharsets.UTF_8), "f"))
                .hasMessage("f:2:3: NUL character; the file must be text");
        assertThatThrownBy(() -> TextFile.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, "f"))
                .hasMessage("f:1:1: the file is UTF-16; save it as UTF-8");
    }

    @Test
    void largeFilesDecodeInSlicesToTheSameText() {
        // Over 4 MiB, with multi-byte characters straddling every slice boundary somewhere.
        String text = "abc 我们 \uD83D\uDE00 é\n".repeat(400_000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(1 << 22);
        assertThat(TextFile.decode(bytes, "f").text()).isEqualTo(text);
        String ascii = "plain ascii line\n".repeat(400_000);
        assertThat(TextFile.decode(ascii.getBytes(StandardCharsets.UTF_8), "f").text()).isEqualTo(ascii);

        bytes[bytes.length - 5] = (byte) 0xFF;
        assertThatThrownBy(() -> TextFile.decode(bytes, "big.yaml"))
                .hasMessage("big.yaml:400000:8: invalid UTF-8 byte sequence; save the file as UTF-8");
    }

    @Property(tries = 2000)
    void acceptsExactlyWhatTheStrictDecoderAccepts(@ForAll("nearlyUtf8") byte[] bytes) {
        String strict;
        try {
            strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            strict = null;
        }
        if (strict == null || strict.indexOf('\0') >= 0) {
            assertThatThrownBy(() -> TextFile.decode(bytes, "f")).isInstanceOf(PaperlistException.class);
            return;
        }
        // A leading U+FEFF is the byte-order mark, kept aside.
        assertThat(TextFile.decode(bytes, "f").text()).isEqualTo(strict.startsWith("\uFEFF") ? strict.substring(1) : strict);
    }

    // Valid UTF-8 of mixed scripts with a few bytes broken, dropped or duplicated.
    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<String> text = Arbitraries.strings().withChars("aZ \n我\uFFFD\uFEFFé\uD83D\uDE00").ofMaxLength(30);
        return text.flatMap(s -> {
            byte[] valid = s.getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, 3).flatMap(edits -> Arbitraries.integers().between(0, 255)
                    .list().ofSize(edits * 2).map(values -> {
                        byte[] out = valid.clone();
                        for (int i = 0; i + 1 < values.size() && out.length > 0; i += 2) {
                            out[values.get(i) % out.length] = (byte) (int) values.get(i + 1);
                        }
                        return out;
                    }));
        });
    }

    @Test
    void aLongTextIsEncodedInSlicesToTheSameBytes() {
        // Over the slicing threshold, with a pair and a lone surrogate across slice ends.
        StringBuilder text = new StringBuilder();
        String[] parts = {"a", "é", "中", "😀", "\uD800", "x\n"};
        for (int i = 0; text.length() <= (1 << 26) + 10; i++) {
            text.append(parts[i % parts.length]);
        }
        String whole = text.toString();
        for (boolean bom : new boolean[] {false, true}) {
            byte[] expected = whole.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] encoded = TextFile.encode(whole, bom);
            int offset = bom ? 3 : 0;
            org.assertj.core.api.Assertions.assertThat(encoded.length).isEqualTo(expected.length + offset);
            org.assertj.core.api.Assertions.assertThat(java.util.Arrays.equals(encoded, offset, encoded.length,
                    expected, 0, expected.length)).isTrue();
        }
    }

    @Test
    void twoPiecesEncodeAsTheirWholeInTheExistingFilesStyle(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path plain = dir.resolve("plain.yaml");
        java.nio.file.Files.writeString(plain, "a: 1\n");
        java.nio.file.Path windows = dir.resolve("windows.yaml");
        java.nio.file.Files.write(windows, "\uFEFFa: 1\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8));
        String head = "sections:\n  - title: 李 \uD83D\uDE00\n";
        String tail = "  - title: lone \uD800 surrogate\n";
        for (java.nio.file.Path existing : java.util.List.of(plain, windows, dir.resolve("new.yaml"))) {
            assertThat(TextFile.encodeLike(existing, head, tail)).as(existing.toString())
                    .isEqualTo(TextFile.encodeLike(existing, head + tail));
            assertThat(TextFile.encodeLike(existing, head, "")).isEqualTo(TextFile.encodeLike(existing, head));
        }
        assertThat(TextFile.encodeLike(windows, head, tail)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void longPiecesEncodeAsTheirWholeAcrossSlices(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // Encoded a slice of 4 Mi characters at a time, here with a pair cut by the slice's end.
        java.nio.file.Path marked = dir.resolve("marked.yaml");
        java.nio.file.Files.write(marked, "\uFEFFa: 1\nb: 2\n".getBytes(StandardCharsets.UTF_8));
        String head = "中".repeat((1 << 22) - 1) + "\uD83D\uDE00" + "a\n".repeat(1000);
        String tail = "é".repeat((1 << 22) + 5) + "\n";
        for (java.nio.file.Path existing : java.util.List.of(marked, dir.resolve("new.yaml"))) {
            byte[] expected = TextFile.encodeLike(existing, head + tail);
            assertThat(java.util.Arrays.equals(TextFile.encodeLike(existing, head, tail), expected))
                    .as(existing.toString()).isTrue();
        }
        assertThat(TextFile.encodeLike(marked, head, tail)).startsWith(0xEF, 0xBB, 0xBF, 0xE4, 0xB8, 0xAD);
    }
}
