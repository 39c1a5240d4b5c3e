package dev.paperlist.io;

import dev.paperlist.Diagnostic;
import dev.paperlist.ExitCode;
import dev.paperlist.Futures;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A UTF-8 text file as read from disk: its text without the byte-order mark, and whether it had one,
 * so that a rewrite can keep the file's BOM. Invalid bytes are reported with line and column.
 */
public record TextFile(String displayName, String text, boolean bom) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SLICE = 1 << 22;
    /** Texts longer than this many characters are encoded in slices (a 10,000-paper README is 20 million). */
    private static final int ENCODE_SLICE = 1 << 26;
    /** Files of up to this many bytes are decoded in one piece (a 10,000-paper catalogue is 20 MB). */
    private static final int DECODE_WHOLE = 1 << 26;

    /** Reads and strictly decodes a file; {@code displayName} is how messages name it. */
    public static TextFile read(Path path, String displayName, long maxBytes) {
        return decode(readBytes(path, displayName, maxBytes), displayName);
    }

    /** Reads a file's bytes with the same size limit and messages as {@link #read}, without decoding them. */
    public static byte[] readBytes(Path path, String displayName, long maxBytes) {
        try {
            // Checked before opening: a FIFO would block the open, and a device such as /dev/zero never ends.
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new PaperlistException(ExitCode.IO, displayName + ": not a regular file");
            }
            long size = attributes.size();
            if (size > maxBytes) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, String.format(java.util.Locale.ROOT,
                        "%s: %,d bytes is over the limit of %,d bytes (%d MiB)", displayName, size, maxBytes,
                        maxBytes >> 20));
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": no such file");
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot read: " + IoMessages.describe(e), e);
        }
    }

    /** Decodes bytes as strict UTF-8, rejecting UTF-16, NUL characters and invalid sequences. */
    public static TextFile decode(byte[] bytes, String displayName) {
        if (looksLikeUtf16(bytes)) {
            throw new PaperlistException(ExitCode.INVALID_INPUT,
                    Diagnostic.at(displayName, 1, 1, "the file is UTF-16; save it as UTF-8"));
        }
        boolean bom = startsWith(bytes, UTF8_BOM);
        int start = bom ? UTF8_BOM.length : 0;
        // The JDK's own decoder is several times faster than a CharsetDecoder; it replaces malformed input
        // with U+FFFD, so text without one was valid. Text with one (rare) takes the strict path, which
        // also finds where the bad bytes are.
        String fast = decodeInSlices(bytes, start, bytes.length);
        if (fast.indexOf('\uFFFD') < 0) {
            return checkedForNul(fast, displayName, bom);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer scratch = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, scratch, true);
            if (result.isError()) {
                String valid = new String(bytes, start, in.position() - start, StandardCharsets.UTF_8);
                throw new PaperlistException(ExitCode.INVALID_INPUT, diagnosticAtEnd(displayName, valid,
                        "invalid UTF-8 byte sequence; save the file as UTF-8"));
            }
            if (result.isUnderflow()) {
                break;
            }
            scratch.clear();
        }
        // Valid after all: the file holds U+FFFD characters of its own.
        return checkedForNul(fast, displayName, bom);
    }

    /**
     * Part of a file's bytes as text when {@link #decode} would surely accept it: no U+FFFD (which marks
     * invalid bytes, or is the file's own and needs the strict check) and no NUL. Null otherwise, and the
     * caller decodes the whole file with {@link #decode}, which says what is wrong and where.
     */
    public static String decodeIfPlainlyValid(byte[] bytes, int from, int to) {
        String text = decodeInSlices(bytes, from, to);
        return text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0 ? text : null;
    }

    // The JDK's decoder first allocates two bytes per input byte for its output: 400 MB at once for a
    // 200 MB catalogue of CJK text. Past DECODE_WHOLE, slices cut before a lead byte decode alike, into
    // one UTF-16 buffer sized from the count of characters; pure ASCII (one byte a character) skips all
    // that. Below it, one piece is fastest: slicing copies the text twice more.
    private static String decodeInSlices(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length <= DECODE_WHOLE) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        long chars = 0;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            int b = bytes[i];
            if (b < 0) {
                ascii = false;
                if ((b & 0xC0) != 0x80) {
                    chars += (b & 0xF8) == 0xF0 ? 2 : 1;
                }
            } else {
                chars++;
            }
        }
        if (ascii || chars > Integer.MAX_VALUE - 16) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        // Starting from a character above Latin-1 makes the buffer UTF-16 before it grows to full size.
        StringBuilder out = new StringBuilder("\u0100");
        out.ensureCapacity((int) chars + 1);
        out.setLength(0);
        for (int from = start; from < end; ) {
            int to = Math.min(end, from + SLICE);
            for (int back = 0; back < 3 && to < end && (bytes[to] & 0xC0) == 0x80; back++) {
                to--;
            }
            out.append(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            from = to;
        }
        return out.toString();
    }

    private static TextFile checkedForNul(String text, String displayName, boolean bom) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, diagnosticAtEnd(displayName, text.substring(0, nul),
                    "NUL character; the file must be text"));
        }
        return new TextFile(displayName, text, bom);
    }

    /**
     * Decodes bytes already known to be valid, such as a file whose digest matches one this program
     * wrote: the JDK's fast decoder, none of {@link #decode}'s checks.
     */
    public static TextFile decodeKnownValid(byte[] bytes, String displayName) {
        boolean bom = startsWith(bytes, UTF8_BOM);
        int start = bom ? UTF8_BOM.length : 0;
        return new TextFile(displayName, decodeInSlices(bytes, start, bytes.length), bom);
    }

    /** Encodes text for writing, with a BOM when the original had one. */
    public static byte[] encode(String text, boolean bom) {
        return encode(text, bom, -1);
    }

    /** The same, for text whose encoded size (BOM included) is known already, or -1. */
    public static byte[] encode(String text, boolean bom, long size) {
        if (text.length() > ENCODE_SLICE) {
            return encodeInSlices(text, bom, size >= 0 ? size : encodedLength(text, bom));
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] all = new byte[body.length + UTF8_BOM.length];
        System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
        return all;
    }

    /**
     * The number of bytes {@link #encode} gives for the text, counted without encoding it; a lone
     * surrogate, which it writes as one '?', counts as three, so the count is never too small.
     */
    public static long encodedLength(String text, boolean bom) {
        return dev.paperlist.Utf8.length(text) + (bom ? UTF8_BOM.length : 0);
    }

    // The JDK's encoder first allocates three bytes per character: 600 MB at once for the README of
    // 100,000 papers, next to the text itself. Counted first, the bytes go into one array of their size.
    private static byte[] encodeInSlices(String text, boolean bom, long size) {
        byte[] all = new byte[Math.toIntExact(size)];
        int[] at = {0};
        encodeSlices(text, bom, part -> {
            System.arraycopy(part, 0, all, at[0], part.length);
            at[0] += part.length;
        });
        // A lone surrogate is counted as three bytes and written as one '?'.
        return at[0] == all.length ? all : java.util.Arrays.copyOf(all, at[0]);
    }

    /**
     * Hands the bytes {@link #encode} gives, in order, to {@code each}: the byte-order mark when asked
     * for, then the text a slice at a time, without the whole in memory at once. A slice ends before a
     * low surrogate, so that a pair is encoded whole.
     */
    public static void encodeSlices(String text, boolean bom, java.util.function.Consumer<byte[]> each) {
        if (bom) {
            each.accept(UTF8_BOM.clone());
        }
        for (int from = 0; from < text.length(); ) {
            int to = Math.min(text.length(), from + SLICE);
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                to--;
            }
            each.accept(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
            from = to;
        }
    }

    /**
     * Text as the bytes of a file that replaces {@code existing}, in its style: with a UTF-8 byte-order
     * mark and CRLF line endings if it had them (judged by its first line), so that rewriting a file from
     * a Windows checkout does not turn every line into a change. Plain UTF-8 with LF when there is no such
     * file or it cannot be read.
     */
    public static byte[] encodeLike(Path existing, String text) {
        boolean[] style = styleOf(existing);
        return encode(style[1] ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text, style[0]);
    }

    /**
     * The same as {@code encodeLike(existing, head + tail)}, without the two joined in memory first: a large
     * catalogue is written in two pieces, each some megabytes. The pieces are encoded at once, the tail on a
     * thread of its own, a slice at a time, and the slices joined once: counting the bytes first to size the
     * array would be one more pass over the text, and with the two cores the encoding takes half the time.
     */
    public static byte[] encodeLike(Path existing, String head, String tail) {
        boolean[] style = styleOf(existing);
        if (style[1] || tail.isEmpty() || head.isEmpty() || Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            return encodeLike(existing, head + tail);
        }
        Future<List<byte[]>> tailSlices = Futures.onDaemonThread("paperlist-encode",
                () -> slices(tail, false));
        List<byte[]> all = slices(head, style[0]);
        all.addAll(Futures.await(tailSlices, "encoding the catalogue"));
        long size = 0;
        for (byte[] slice : all) {
            size += slice.length;
        }
        byte[] joined = new byte[Math.toIntExact(size)];
        int at = 0;
        for (byte[] slice : all) {
            System.arraycopy(slice, 0, joined, at, slice.length);
            at += slice.length;
        }
        return joined;
    }

    private static List<byte[]> slices(String text, boolean bom) {
        List<byte[]> slices = new ArrayList<>();
        encodeSlices(text, bom, slices::add);
        return slices;
    }

    // Whether the file has a byte-order mark and whether its first line ends in CRLF; neither when there is
    // no such file or it cannot be read.
    private static boolean[] styleOf(Path existing) {
        boolean bom = false;
        boolean crlf = false;
        if (!Files.isRegularFile(existing)) {
            return new boolean[] {false, false};
        }
        try (InputStream in = Files.newInputStream(existing)) {
            byte[] head = in.readNBytes(1 << 16);
            bom = startsWith(head, UTF8_BOM);
            for (int i = 0; i < head.length; i++) {
                if (head[i] == '\n') {
                    crlf = i > 0 && head[i - 1] == '\r';
                    break;
                }
            }
        } catch (IOException e) {
            // A new file: plain UTF-8 with LF.
        }
        return new boolean[] {bom, crlf};
    }

    /** Checks that a string encodes to UTF-8 without loss (no lone surrogates). */
    public static boolean isEncodable(CharSequence text) {
        try {
            StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Line and column just after the text. Columns count Unicode characters (code points), as
     * SnakeYAML does for the catalogue's other messages: an emoji is one column, a tab is one.
     */
    /** A diagnostic at the position just after {@code decoded}, the text before the problem. */
    static Diagnostic diagnosticAtEnd(String displayName, CharSequence decoded, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return Diagnostic.at(displayName, line, column, message);
    }

    // With a byte-order mark, or without one when the text starts with ASCII characters: every other byte is 0.
    private static boolean looksLikeUtf16(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return true;
        }
        int pairs = Math.min(bytes.length / 2, 8);
        if (pairs == 0) {
            return false;
        }
        boolean littleEndian = true;
        boolean bigEndian = true;
        for (int i = 0; i < pairs; i++) {
            byte even = bytes[2 * i];
            byte odd = bytes[2 * i + 1];
            littleEndian &= even != 0 && odd == 0;
            bigEndian &= even == 0 && odd != 0;
        }
        return littleEndian || bigEndian;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
