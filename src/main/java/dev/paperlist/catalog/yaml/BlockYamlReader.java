package dev.paperlist.catalog.yaml;

import dev.paperlist.Futures;
import dev.paperlist.io.TextFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain block style that papers.yaml is written in (indented mappings and {@code - } lists,
 * one-line plain and quoted scalars, one-line {@code [a, b]} and {@code {k: v}} collections, comments)
 * into the same {@link YamlNode} tree as {@link YamlReader}, about ten times faster. It never reports
 * an error: on anything outside that style, valid or not, it declines by returning {@code null}, and
 * {@link YamlReader} (SnakeYAML) reads the file and gives the message. A differential test holds the
 * two readers to the same tree on every file this one accepts.
 */
public final class BlockYamlReader {
    /** Declining is a normal outcome, thrown as one preallocated object from deep in the recursion. */
    private static final RuntimeException DECLINE = new RuntimeException("outside the block subset", null, false, false) {};

    // Below YamlReader's limit, so that a file deep enough for its error always goes to it.
    private static final int MAX_DEPTH = YamlReader.MAX_DEPTH - 5;
    // SnakeYAML refuses a plain key longer than 1,024 characters; short keys keep this reader clear of it.
    private static final int MAX_KEY = 200;

    private final String text;
    private final Map<String, String> keys = new HashMap<>();
    private char[] line = new char[512];
    private int length;
    private boolean surrogates;
    private int countedTo;
    private int countedColumn = 1;
    private int lineNumber;
    private int next;
    private int indent;
    private boolean atEnd;

    private BlockYamlReader(String text) {
        this.text = text;
    }

    // A reader of the part of a file that starts after `linesBefore` lines.
    private BlockYamlReader(String text, int linesBefore) {
        this.text = text;
        this.lineNumber = linesBefore;
    }

    /** The file's tree, or {@code null} when the file is outside the block subset or not valid YAML. */
    public static YamlNode read(String text) {
        BlockYamlReader reader = new BlockYamlReader(text);
        try {
            reader.advance();
            if (reader.atEnd || reader.indent != 0) {
                return null;
            }
            YamlNode root = reader.mapping(0, 0, 0);
            return reader.atEnd ? root : null;
        } catch (RuntimeException e) {
            if (e == DECLINE) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The tree of a large catalogue read in two halves at once, one on another thread: the file is cut
     * at a top-level section in its middle, each half decoded and read by itself, and the second half's
     * sections appended to the first's. Null when the file is smaller than {@code minBytes}, has a
     * byte-order mark, holds anything after its top-level 'sections' list, or either half is not clean
     * UTF-8 in the block subset: the caller then decodes and reads the whole file as usual, which gives
     * every message.
     */
    public static YamlNode readInHalves(byte[] bytes, int minBytes) {
        int cut = bytes.length < minBytes || bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? -1 : cut(bytes);
        if (cut < 0) {
            return null;
        }
        java.util.concurrent.CompletableFuture<YamlNode.Sequence> second = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                second.complete(readSecondHalf(bytes, cut));
            } catch (Throwable t) {
                second.completeExceptionally(t);
            }
        }, "paperlist-read");
        worker.setDaemon(true);
        worker.start();
        String head = TextFile.decodeIfPlainlyValid(bytes, 0, cut);
        YamlNode first = head == null ? null : read(head);
        YamlNode.Sequence rest;
        try {
            rest = second.join();
        } catch (java.util.concurrent.CompletionException e) {
            // What went wrong on the other thread, out of memory included, is reported as if it happened here.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
        return joined(first, rest);
    }

    /**
     * The tree of a catalogue whose text is {@code head + tail}, {@code tail} starting at an item of its
     * top-level 'sections' list: the tail is read on {@code side} while this thread reads the head. Null
     * when either piece is outside the block subset, as {@link #read} of the whole would be, or the tail
     * does not start at such an item; the caller then reads the whole text as usual.
     */
    public static YamlNode readInHalves(String head, String tail, java.util.concurrent.ExecutorService side) {
        java.util.concurrent.Future<YamlNode.Sequence> second = side.submit(() -> {
            int linesBefore = 0;
            for (int i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) {
                linesBefore++;
            }
            return readItems(tail, linesBefore);
        });
        YamlNode first = read(head);
        YamlNode.Sequence rest = Futures.await(second, "reading");
        return head.endsWith("\n") ? joined(first, rest) : null;
    }

    // The first half's tree with the second half's sections appended to its top-level 'sections' list.
    private static YamlNode joined(YamlNode first, YamlNode.Sequence rest) {
        if (!(first instanceof YamlNode.Mapping root) || rest == null || !lastKey(root).equals("sections")) {
            return null;
        }
        YamlNode.Entry sections = root.entries().get("sections");
        if (!(sections.value() instanceof YamlNode.Sequence list)) {
            return null;
        }
        List<YamlNode> items = new ArrayList<>(list.items().size() + rest.items().size());
        items.addAll(list.items());
        items.addAll(rest.items());
        SmallMap<YamlNode.Entry> entries = new SmallMap<>();
        for (YamlNode.Entry entry : root.entries().values()) {
            entries.put(entry.key(), entry != sections ? entry : new YamlNode.Entry(entry.key(), entry.line(),
                    entry.column(), new YamlNode.Sequence(items, list.line(), list.column())));
        }
        return new YamlNode.Mapping(entries, root.line(), root.column());
    }

    private static String lastKey(YamlNode.Mapping mapping) {
        String last = "";
        for (String key : mapping.entries().keySet()) {
            last = key;
        }
        return last;
    }

    // Where the second half starts: the first line after the middle that is an item of the top-level
    // 'sections' list, at its indentation; -1 when there is none.
    private static int cut(byte[] bytes) {
        int sections = 0;
        while (!startsWith(bytes, sections, "sections:")) {
            sections = indexOf(bytes, (byte) '\n', sections) + 1;
            if (sections == 0) {
                return -1;
            }
        }
        int item = indexOf(bytes, (byte) '\n', sections) + 1;
        int indent = 0;
        while (item > 0 && item + indent < bytes.length && bytes[item + indent] == ' ') {
            indent++;
        }
        if (item == 0 || item + indent + 1 >= bytes.length || bytes[item + indent] != '-' || bytes[item + indent + 1] != ' ') {
            return -1;
        }
        // The item nearest the middle: the first after it, or the last before it, whichever is closer.
        int middle = bytes.length / 2;
        int after = -1;
        for (int line = indexOf(bytes, (byte) '\n', middle) + 1; line > 0; line = indexOf(bytes, (byte) '\n', line) + 1) {
            if (isItemAt(bytes, line, indent)) {
                after = line;
                break;
            }
        }
        for (int i = middle; i > item && (after < 0 || middle - i < after - middle); i--) {
            if (bytes[i - 1] == '\n' && isItemAt(bytes, i, indent)) {
                return i;
            }
        }
        return after;
    }

    // Whether the line starting at `line` is "- " after exactly `indent` spaces.
    private static boolean isItemAt(byte[] bytes, int line, int indent) {
        if (line + indent + 1 >= bytes.length || bytes[line + indent] != '-' || bytes[line + indent + 1] != ' ') {
            return false;
        }
        for (int i = line; i < line + indent; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static YamlNode.Sequence readSecondHalf(byte[] bytes, int cut) {
        String tail = TextFile.decodeIfPlainlyValid(bytes, cut, bytes.length);
        if (tail == null) {
            return null;
        }
        int linesBefore = 0;
        for (int i = 0; i < cut; i++) {
            if (bytes[i] == '\n') {
                linesBefore++;
            }
        }
        return readItems(tail, linesBefore);
    }

    // The items of a list that starts the text, which comes after `linesBefore` lines of the file.
    private static YamlNode.Sequence readItems(String tail, int linesBefore) {
        BlockYamlReader reader = new BlockYamlReader(tail, linesBefore);
        try {
            reader.advance();
            if (reader.atEnd || !reader.isListItem(reader.indent)) {
                return null;
            }
            YamlNode.Sequence list = reader.list(reader.indent, 1);
            return reader.atEnd ? list : null;
        } catch (RuntimeException e) {
            if (e == DECLINE) {
                return null;
            }
            throw e;
        }
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        if (at + ascii.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    // Moves to the next line with content, skipping blank and comment lines, and checks every character
    // the way SnakeYAML does: a character it would refuse, a tab or a line break other than \n or \r\n
    // sends the file to it.
    private void advance() {
        while (next < text.length()) {
            int end = text.indexOf('\n', next);
            if (end < 0) {
                end = text.length();
            }
            int chars = end - next;
            if (chars > line.length) {
                line = new char[Math.max(chars, line.length * 2)];
            }
            text.getChars(next, end, line, 0);
            next = end + 1;
            lineNumber++;
            if (chars > 0 && line[chars - 1] == '\r') {
                chars--;
            }
            length = chars;
            surrogates = false;
            countedTo = 0;
            countedColumn = 1;
            int firstContent = -1;
            for (int i = 0; i < chars; i++) {
                char c = line[i];
                if (c >= 0x20 && c <= 0x7E) {
                    if (firstContent < 0 && c != ' ') {
                        firstContent = i;
                    }
                    continue;
                }
                if (firstContent < 0) {
                    firstContent = i;
                }
                if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(line[i + 1])) {
                    surrogates = true;
                    i++;
                } else if (c < 0xA0 || c >= 0xD800 && c < 0xE000 || c == 0x2028 || c == 0x2029 || c >= 0xFEFF
                        && (c == 0xFEFF || c > 0xFFFD)) {
                    throw DECLINE;
                }
            }
            if (firstContent >= 0 && line[firstContent] != '#') {
                indent = firstContent;
                return;
            }
        }
        atEnd = true;
        indent = -1;
    }

    // Columns count code points, as SnakeYAML's do. Positions are asked for left to right, so each count
    // goes on from the last: a long line of emoji and many values stays linear.
    private int column(int index) {
        if (!surrogates) {
            return index + 1;
        }
        if (index < countedTo) {
            countedTo = 0;
            countedColumn = 1;
        }
        for (; countedTo < index; countedTo++) {
            if (!Character.isLowSurrogate(line[countedTo])) {
                countedColumn++;
            }
        }
        return countedColumn;
    }

    // A block mapping whose keys sit at column `at`; its first key starts at `start` of the current line
    // (after "- " for a mapping inside a list item, otherwise at the indentation).
    private YamlNode.Mapping mapping(int at, int start, int depth) {
        if (depth >= MAX_DEPTH) {
            throw DECLINE;
        }
        SmallMap<YamlNode.Entry> entries = new SmallMap<>();
        int mappingLine = lineNumber;
        int mappingColumn = column(start);
        while (true) {
            int colon = keyEnd(start);
            String key = keys.computeIfAbsent(new String(line, start, colon - start), k -> k);
            if (entries.containsKey(key)) {
                throw DECLINE;
            }
            int keyLine = lineNumber;
            int keyColumn = column(start);
            int value = skipSpaces(colon + 1);
            YamlNode node;
            if (value == length || line[value] == '#') {
                advance();
                if (indent > at) {
                    node = block(depth + 1);
                } else if (indent == at && isListItem(indent)) {
                    node = list(at, depth + 1);
                } else {
                    throw DECLINE; // an empty value: SnakeYAML decides where its null sits
                }
            } else {
                node = inline(value, depth + 1);
                advance();
                if (indent > at) {
                    throw DECLINE; // a scalar continued on the next lines, or an indentation error
                }
            }
            entries.put(key, new YamlNode.Entry(key, keyLine, keyColumn, node));
            if (indent != at || atEnd) {
                return new YamlNode.Mapping(entries, mappingLine, mappingColumn);
            }
            if (isListItem(indent)) {
                // A list at the keys' column ends the mapping only when it is the value of the last key.
                throw DECLINE;
            }
            start = indent;
        }
    }

    // The value that starts on the current line, deeper than its key or list item.
    private YamlNode block(int depth) {
        int at = indent;
        return isListItem(at) ? list(at, depth) : mapping(at, at, depth);
    }

    private boolean isListItem(int at) {
        return line[at] == '-' && (at + 1 == length || line[at + 1] == ' ');
    }

    private YamlNode.Sequence list(int at, int depth) {
        if (depth >= MAX_DEPTH) {
            throw DECLINE;
        }
        List<YamlNode> items = new ArrayList<>(4);
        int listLine = lineNumber;
        int listColumn = column(at);
        while (indent == at && !atEnd && isListItem(at)) {
            int value = skipSpaces(at + 1);
            if (value == length || line[value] == '#' || line[value] == '-' && isListItem(value)) {
                throw DECLINE; // an item on the next lines, or a list in a list: rare, left to SnakeYAML
            }
            if (keyColon(value) >= 0) {
                items.add(mapping(value, value, depth + 1));
                if (indent > at) {
                    throw DECLINE;
                }
            } else {
                items.add(inline(value, depth + 1));
                advance();
                if (indent > at) {
                    throw DECLINE;
                }
            }
        }
        if (indent > at) {
            throw DECLINE;
        }
        return new YamlNode.Sequence(items, listLine, listColumn);
    }

    // The index of the colon after a key made of plain identifier characters (so never a merge key
    // '<<'), or -1 when the line does not start a key there.
    private int keyColon(int start) {
        if (!isKeyStart(line[start])) {
            return -1;
        }
        for (int i = start + 1; i < length && i - start <= MAX_KEY; i++) {
            char c = line[i];
            if (c == ':') {
                boolean spaced = line[i - 1] != ' ' && (i + 1 == length || line[i + 1] == ' ');
                return spaced ? i : -1;
            }
            if (!isKeyPart(c)) {
                return -1;
            }
        }
        return -1;
    }

    private int keyEnd(int start) {
        int colon = keyColon(start);
        if (colon < 0) {
            throw DECLINE;
        }
        return colon;
    }

    private static boolean isKeyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isKeyPart(char c) {
        return isKeyStart(c) || c == '-' || c == '.' || c == ' ';
    }

    private int skipSpaces(int from) {
        while (from < length && line[from] == ' ') {
            from++;
        }
        return from;
    }

    // A value written after "key: " or "- ", which must end the line (a comment may follow).
    private YamlNode inline(int start, int depth) {
        char first = line[start];
        int[] end = {0};
        YamlNode node;
        if (first == '"' || first == '\'') {
            node = quoted(start, end);
        } else if (first == '[' || first == '{') {
            if (depth >= MAX_DEPTH) {
                throw DECLINE;
            }
            node = first == '[' ? flowList(start, end) : flowMapping(start, end);
        } else {
            return plain(start);
        }
        int after = end[0];
        if (after < length && line[after] != ' ') {
            throw DECLINE;
        }
        after = skipSpaces(after);
        if (after < length && line[after] != '#') {
            throw DECLINE;
        }
        return node;
    }

    // A plain scalar running to the end of the line or to a comment.
    private YamlNode.Scalar plain(int start) {
        if (isIndicator(line[start])) {
            throw DECLINE;
        }
        int stop = length;
        for (int i = start + 1; i < length; i++) {
            char c = line[i];
            if (c == ':' && (i + 1 == length || line[i + 1] == ' ')) {
                throw DECLINE;
            }
            if (c == '#' && line[i - 1] == ' ') {
                stop = i;
                break;
            }
        }
        while (line[stop - 1] == ' ') {
            stop--;
        }
        return scalar(new String(line, start, stop - start), start, true);
    }

    private YamlNode.Scalar scalar(String value, int start, boolean plain) {
        boolean isNull = plain && (value.equals("null") || value.equals("Null") || value.equals("NULL") || value.equals("~"));
        return new YamlNode.Scalar(value, isNull, lineNumber, column(start));
    }

    private static boolean isIndicator(char c) {
        return "-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0;
    }

    // A quoted scalar that closes on its own line; end[0] is set to the index after the closing quote.
    private YamlNode.Scalar quoted(int start, int[] end) {
        char quote = line[start];
        StringBuilder out = null;
        int from = start + 1;
        for (int i = start + 1; i < length; i++) {
            char c = line[i];
            if (quote == '\'' && c == '\'') {
                if (i + 1 < length && line[i + 1] == '\'') {
                    out = appendTo(out, from, i + 1);
                    from = ++i + 1;
                    continue;
                }
            } else if (quote == '"' && c == '\\') {
                out = appendTo(out, from, i);
                i = escape(i, out);
                from = i + 1;
                continue;
            } else if (c != quote) {
                continue;
            }
            end[0] = i + 1;
            String value = out == null ? new String(line, from, i - from) : appendTo(out, from, i).toString();
            return scalar(value, start, false);
        }
        throw DECLINE; // closes on a later line
    }

    private StringBuilder appendTo(StringBuilder out, int from, int to) {
        if (out == null) {
            out = new StringBuilder(Math.max(16, to - from + 16));
        }
        return out.append(line, from, to - from);
    }

    // The escape at `at` (a backslash) appended to out; returns the index of its last character.
    private int escape(int at, StringBuilder out) {
        if (at + 1 >= length) {
            throw DECLINE;
        }
        char c = line[at + 1];
        switch (c) {
            case '\\', '"', ' ' -> out.append(c);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'v' -> out.append('\u000B');
            case 'f' -> out.append('\f');
            case 'e' -> out.append('\u001B');
            case 'N' -> out.append('\u0085');
            case '_' -> out.append('\u00A0');
            case 'L' -> out.append('\u2028');
            case 'P' -> out.append('\u2029');
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                int code = hex(at + 2, digits);
                if (code > Character.MAX_CODE_POINT || code >= 0xD800 && code < 0xE000) {
                    throw DECLINE;
                }
                out.appendCodePoint(code);
                return at + 1 + digits;
            }
            default -> throw DECLINE;
        }
        return at + 1;
    }

    private int hex(int from, int digits) {
        if (from + digits > length) {
            throw DECLINE;
        }
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0 || line[i] > 'f') {
                throw DECLINE;
            }
            value = value * 16 + digit;
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private YamlNode.Sequence flowList(int start, int[] end) {
        List<YamlNode> items = new ArrayList<>(4);
        int listColumn = column(start);
        for (int i = firstItem(start, ']', end); i >= 0; i = nextItem(end[0], ']', end)) {
            items.add(flowScalar(i, ']', end));
        }
        return new YamlNode.Sequence(items, lineNumber, listColumn);
    }

    private YamlNode.Mapping flowMapping(int start, int[] end) {
        SmallMap<YamlNode.Entry> entries = new SmallMap<>();
        int mappingColumn = column(start);
        for (int i = firstItem(start, '}', end); i >= 0; i = nextItem(end[0], '}', end)) {
            int colon = keyEnd(i);
            String key = keys.computeIfAbsent(new String(line, i, colon - i), k -> k);
            if (entries.containsKey(key) || colon + 1 >= length) {
                throw DECLINE;
            }
            int keyColumn = column(i);
            entries.put(key, new YamlNode.Entry(key, lineNumber, keyColumn, flowScalar(skipSpaces(colon + 1), '}', end)));
        }
        return new YamlNode.Mapping(entries, lineNumber, mappingColumn);
    }

    // The first item after the opening bracket at `open`, or -1 when the bracket closes at once.
    private int firstItem(int open, char close, int[] end) {
        int i = skipSpaces(open + 1);
        if (i < length && line[i] == close) {
            end[0] = i + 1;
            return -1;
        }
        return i;
    }

    // After an item that ends at `after`: the next item past the comma, or -1 at the closing bracket
    // (end[0] then set past it).
    private int nextItem(int after, char close, int[] end) {
        int i = skipSpaces(after);
        if (i < length && line[i] == close) {
            end[0] = i + 1;
            return -1;
        }
        if (i >= length || line[i] != ',') {
            throw DECLINE;
        }
        return skipSpaces(i + 1);
    }

    // A quoted or plain scalar inside [ ] or { }; end[0] is set to the index after it.
    private YamlNode.Scalar flowScalar(int start, char close, int[] end) {
        if (start >= length) {
            throw DECLINE;
        }
        char first = line[start];
        if (first == '"' || first == '\'') {
            return quoted(start, end);
        }
        if (isIndicator(first)) {
            throw DECLINE;
        }
        int stop = start + 1;
        for (; stop < length; stop++) {
            char c = line[stop];
            if (c == ',' || c == close) {
                break;
            }
            if ("[]{}?".indexOf(c) >= 0 || c == '#' && line[stop - 1] == ' ' || c == ':' && (stop + 1 == length || " ,[]{}".indexOf(line[stop + 1]) >= 0)) {
                throw DECLINE;
            }
        }
        end[0] = stop;
        int trimmed = stop;
        while (line[trimmed - 1] == ' ') {
            trimmed--;
        }
        return scalar(new String(line, start, trimmed - start), start, true);
    }
}
