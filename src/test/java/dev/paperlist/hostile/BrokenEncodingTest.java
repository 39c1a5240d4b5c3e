package dev.paperlist.hostile;

import dev.paperlist.ExitCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes that are not the UTF-8 text of a YAML file are refused at their exact line and column.
 * Columns count Unicode characters (code points), the unit of SnakeYAML's positions and of most
 * editors' "go to column" (Vim's {@code :call cursor()} with {@code charcol}, Emacs, Sublime): an emoji
 * such as 🚀 is one column, although VS Code, which counts UTF-16 units, shows two, and a family emoji
 * joined by zero-width joiners is as many columns as it has code points. A tab is one column. Guards:
 * {@code TextFile.decode} (UTF-16, invalid UTF-8, NUL) and the YAML scanner's marks.
 */
@DisplayName("tabs, an unterminated quote after an emoji, NUL, invalid UTF-8, UTF-16")
class BrokenEncodingTest {
    static final String HEAD = UnsafeYamlFeaturesTest.HEAD;

    @TempDir Path dir;

    static Stream<Arguments> catalogues() {
        return Stream.of(
                Arguments.of("tab for indentation", utf8("sections:\n\t- title: S\n"),
                        "papers.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                Arguments.of("unterminated quote after an emoji",
                        utf8("sections:\n  - title: S\n    papers:\n      - name: P\n        title: [🚀, \"abc\n"),
                        "papers.yaml:5:20: YAML syntax error: found unexpected end of stream at 6:1 while scanning a quoted scalar that starts here"),
                Arguments.of("a family emoji is five columns",
                        utf8("sections:\n  - title: S\n    papers:\n      - {name: 👨‍👩‍👧, titel: T}\n"),
                        "papers.yaml:4:23: unknown key 'titel' in a paper (did you mean 'title'?)"),
                Arguments.of("NUL byte", utf8("sections:\n  - title: S\0\n"),
                        "papers.yaml:2:13: NUL character; the file must be text"),
                Arguments.of("invalid byte after an emoji", bytes(utf8(HEAD.replace("title: T\n", "title: 🚀")), 0xFF, '\n'),
                        "papers.yaml:5:17: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("an encoded lone surrogate", bytes(utf8(HEAD.replace("title: T\n", "title: \"")), 0xED, 0xA0, 0x80, '"', '\n'),
                        "papers.yaml:5:17: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("an overlong encoding of '/'", bytes(utf8("sections: []\n# a"), 0xC0, 0xAF, '\n'),
                        "papers.yaml:2:4: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("a sequence cut off at the end", bytes(utf8("sections: []\n# 🚀"), 0xF0, 0x9F, 0x9A),
                        "papers.yaml:2:4: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("Latin-1", bytes(utf8(HEAD.replace("title: T\n", "title: Caf")), 0xE9, '\n'),
                        "papers.yaml:5:19: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("UTF-16LE with a byte-order mark", utf16(HEAD, true, false),
                        "papers.yaml:1:1: the file is UTF-16; save it as UTF-8"),
                Arguments.of("UTF-16BE with a byte-order mark", utf16(HEAD, true, true),
                        "papers.yaml:1:1: the file is UTF-16; save it as UTF-8"),
                Arguments.of("UTF-16LE without a byte-order mark", utf16(HEAD, false, false),
                        "papers.yaml:1:1: the file is UTF-16; save it as UTF-8"),
                Arguments.of("UTF-16BE without a byte-order mark", utf16(HEAD, false, true),
                        "papers.yaml:1:1: the file is UTF-16; save it as UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogues")
    void aCatalogueRefusedAtItsExactPosition(String name, byte[] content, String message) {
        Workspace w = Workspace.rendered(dir).write("papers.yaml", content);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
    }

    static Stream<Arguments> readmes() {
        String top = "# A list 🚀\n\n";
        return Stream.of(
                Arguments.of("invalid byte", bytes(utf8(top + "Intro "), 0xFF, '\n'),
                        "README.md:3:7: invalid UTF-8 byte sequence; save the file as UTF-8"),
                Arguments.of("NUL byte", utf8(top + "x\0\n"),
                        "README.md:3:2: NUL character; the file must be text"),
                Arguments.of("UTF-16", utf16(top, true, false),
                        "README.md:1:1: the file is UTF-16; save it as UTF-8"));
    }

    @ParameterizedTest(name = "README: {0}")
    @MethodSource("readmes")
    void aReadmeRefusedAtItsExactPosition(String name, byte[] content, String message) {
        Workspace w = Workspace.rendered(dir).write("README.md", content);
        w.assertRefused(ExitCode.INVALID_INPUT, message, "render");
        w.assertRefused(ExitCode.INVALID_INPUT, message, "check");
        w.assertRefused(ExitCode.INVALID_INPUT, message, "import", "README.md",
                "--output", "new.yaml");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] start, int... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(start);
        for (int b : more) {
            out.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] utf16(String text, boolean bom, boolean bigEndian) {
        byte[] body = text.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        if (!bom) {
            return body;
        }
        return bytes(bigEndian ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE},
                toInts(body));
    }

    private static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
