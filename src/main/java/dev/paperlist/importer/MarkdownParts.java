package dev.paperlist.importer;

import dev.paperlist.Futures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.Parser;

/**
 * The top-level blocks of a README in order, for one pass over them: a long README is parsed in parts,
 * cut before its headings, each part when the reader comes to it (the next ones are parsed on a second
 * thread meanwhile, and by the reader itself where it would wait for that thread), and the blocks the reader
 * has passed are let go. So the tree of a few parts is
 * alive at a time rather than the whole README's, which is several times the README's size and which
 * the collector would otherwise copy again and again.
 *
 * <p>The blocks are the whole README's blocks, source positions included (moved to where the part
 * starts): a cut is made only where no block of the whole README runs across it, before an ATX heading
 * at the start of a line after a blank line. Link reference definitions, which hold for the whole
 * README, and lone carriage returns, which would put the parts' lines out of step, make the README be
 * parsed whole; a fenced code block or an HTML block left open at a part's end (where the next heading is
 * still their text) joins that part to the next. The reader goes from block to block with {@link #next}
 * only, which reads the next part when it is at the end of the ones read so far.
 */
final class MarkdownParts implements AutoCloseable {
    /** READMEs shorter than this many characters are parsed whole: their tree is small, and a thread costs more. */
    static final int PARSE_WHOLE_BELOW = 2 << 20;
    /**
     * Parts are at least this long, so that a list of many short entries is not parsed a heading at a time. Not
     * much longer: the parts parsed ahead are alive at every young collection, which copies them (10,000 papers:
     * collections 680 ms with parts of 64 KiB, 580 ms with 8 KiB; bench/RESULTS.md).
     */
    static final int SMALLEST_PART = 1 << 13;

    private final Parser parser;
    private final String text;
    // Where each part starts: the offset in the text and the index of its first line.
    private final int[] starts;
    private final int[] lines;
    private final Consumer<Node> onPart;
    private final ExecutorService ahead;
    // The parts queued on the other thread or parsed on it, by the index of their first cut. A part is queued
    // before the one before it is known not to run on into it; one that does is parsed again from its start.
    private final Map<Integer, FutureTask<Parsed>> queued = new HashMap<>();
    // The document the blocks read so far are children of (the first part's, once it is read), and the index
    // of the part that comes next (starts.length when none does).
    private Node window;
    private int next;

    private MarkdownParts(Parser parser, String text, int[] starts, int[] lines, Consumer<Node> onPart) {
        this.parser = parser;
        this.text = text;
        this.starts = starts;
        this.lines = lines;
        this.onPart = onPart;
        if (starts.length == 1) {
            this.ahead = null;
            this.next = 1;
            this.window = parser.parse(text);
            onPart.accept(window);
            return;
        }
        this.ahead = Futures.daemonExecutor("paperlist-parse");
        // Even the first part is parsed on the other thread, so that the caller can do other work meanwhile.
        queue(0);
        queue(1);
    }

    /**
     * The blocks of {@code text}, parsed in parts of at least {@code smallestPart} characters when it is
     * {@code partsFrom} characters or longer; {@code onPart} is given each part's document, in order, before
     * its blocks are read (the whole README's when it is not cut).
     */
    static MarkdownParts of(Parser parser, String text, int partsFrom, int smallestPart, Consumer<Node> onPart) {
        int[][] cuts = text.length() < partsFrom ? null : cuts(text, smallestPart);
        return cuts == null ? new MarkdownParts(parser, text, new int[] {0}, new int[] {0}, onPart)
                : new MarkdownParts(parser, text, cuts[0], cuts[1], onPart);
    }

    /** The first block, or null for an empty README. */
    Node first() {
        if (window == null) {
            window = take().document();
            onPart.accept(window);
        }
        return window.getFirstChild() != null ? window.getFirstChild() : next(window);
    }

    /** The block after {@code node} (any node: for a top-level block, reading the next part when it is the last). */
    Node next(Node node) {
        Node following = node == window ? window.getFirstChild() : node.getNext();
        while (following == null && (node == window || node.getParent() == window) && next < starts.length) {
            Parsed parsed = take();
            onPart.accept(parsed.document());
            for (Node block = parsed.document().getFirstChild(); block != null; ) {
                Node after = block.getNext();
                window.appendChild(block);
                block = after;
            }
            following = node == window ? window.getFirstChild() : node.getNext();
        }
        return following;
    }

    /** The block after {@code block}, letting go of it and the blocks before it: the reader is done with them. */
    Node advance(Node block) {
        Node following = next(block);
        while (window.getFirstChild() != null && window.getFirstChild() != following) {
            window.getFirstChild().unlink();
        }
        return following;
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.shutdownNow();
        }
    }

    // The part that comes next. The two after it are queued on the other thread; when that thread has not
    // finished this one, the next one is parsed here meanwhile rather than waited for, since parsing a part
    // takes longer than reading one: so the reader parses about a part in three, and waits for none.
    private Parsed take() {
        int part = next;
        queue(part);
        queue(part + 1);
        queue(part + 2);
        FutureTask<Parsed> task = queued.remove(part);
        // Runs the task here if the other thread has not started it, and does nothing if it has.
        task.run();
        if (!task.isDone() && queued.containsKey(part + 1)) {
            queued.get(part + 1).run();
        }
        Parsed parsed = await(task);
        // Parts started at a cut inside this one (it ran on past them) are not parts of the text.
        for (int i = part + 1; i < parsed.next(); i++) {
            FutureTask<Parsed> wasted = queued.remove(i);
            if (wasted != null) {
                wasted.cancel(false);
            }
        }
        next = parsed.next();
        return parsed;
    }

    private void queue(int part) {
        if (part < starts.length && !queued.containsKey(part)) {
            FutureTask<Parsed> task = new FutureTask<>(() -> part(part));
            queued.put(part, task);
            ahead.execute(task);
        }
    }

    private static Parsed await(Future<Parsed> future) {
        return Futures.await(future, "parsing");
    }

    /** A part's document and the index of the part after it. */
    private record Parsed(Node document, int next) {}

    // The part from cut `first` on, joined to the ones after it while it ends in an open block.
    private Parsed part(int first) {
        int last = first + 1;
        while (true) {
            int end = last < starts.length ? starts[last] : text.length();
            Node document = parser.parse(text.substring(starts[first], end));
            if (last < starts.length && endsOpen(document.getLastChild())) {
                last++;
                continue;
            }
            move(document, starts[first], lines[first]);
            return new Parsed(document, last);
        }
    }

    // A fenced code block or an HTML block that ends at the end of its text only because the text does;
    // in the whole text it goes on past the cut.
    static boolean endsOpen(Node block) {
        if (block instanceof FencedCodeBlock code) {
            return code.getClosingFenceLength() == null;
        }
        if (block instanceof HtmlBlock html) {
            String literal = html.getLiteral().stripLeading().toLowerCase(Locale.ROOT);
            String lastLine = literal.substring(literal.stripTrailing().lastIndexOf('\n') + 1);
            for (String[] kind : HTML_ENDS) {
                if (literal.startsWith(kind[0])) {
                    return !lastLine.contains(kind[1]);
                }
            }
        }
        return false;
    }

    // The HTML blocks that a blank line does not end, by how they start, and what ends them (CommonMark's
    // kinds 1 to 5); kinds 6 and 7 end at the blank line every cut comes after. '<!' and a letter is last,
    // after the comment and CDATA that start the same way.
    private static final String[][] HTML_ENDS = {
        {"<pre", "</pre>"}, {"<script", "</script>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
        {"<!--", "-->"}, {"<?", "?>"}, {"<![cdata[", "]]>"}, {"<!", ">"},
    };

    // Source positions are counted from the part's start; the reader wants them in the whole text.
    private static void move(Node document, int offset, int lineOffset) {
        if (offset == 0 && lineOffset == 0) {
            return;
        }
        // A node copies the list it is given (into an ArrayList of its own, taking the array an ArrayList
        // hands over as it is), so one list serves every node.
        List<SourceSpan> moved = new ArrayList<>();
        Node node = document;
        while (node != null) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (!spans.isEmpty()) {
                moved.clear();
                // By index: an iterator a node is one more object for each of the README's nodes.
                for (int i = 0; i < spans.size(); i++) {
                    SourceSpan s = spans.get(i);
                    moved.add(SourceSpan.of(s.getLineIndex() + lineOffset, s.getColumnIndex(), s.getInputIndex() + offset,
                            s.getLength()));
                }
                node.setSourceSpans(moved);
            }
            // Depth first, without recursion: a deeply nested list must not overflow the stack.
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
            } else {
                while (node != null && node != document && node.getNext() == null) {
                    node = node.getParent();
                }
                node = node == null || node == document ? null : node.getNext();
            }
        }
    }

    // Where the parts start, as offsets and line indexes, or null when the text must be parsed whole.
    private static int[][] cuts(String text, int smallestPart) {
        if (text.contains("]:") || hasLoneCarriageReturn(text)) {
            return null;
        }
        List<int[]> cuts = new ArrayList<>();
        cuts.add(new int[] {0, 0});
        boolean blankBefore = false;
        int line = 0;
        int lastCut = 0;
        for (int start = 0; start < text.length(); line++) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (blankBefore && start - lastCut >= smallestPart && start > 0 && isAtxHeading(text, start, end)) {
                cuts.add(new int[] {start, line});
                lastCut = start;
            }
            blankBefore = isBlank(text, start, end);
            start = end + 1;
        }
        int[][] out = new int[2][cuts.size()];
        for (int i = 0; i < cuts.size(); i++) {
            out[0][i] = cuts.get(i)[0];
            out[1][i] = cuts.get(i)[1];
        }
        return out;
    }

    // Whether the line, unindented, opens an ATX heading.
    private static boolean isAtxHeading(String text, int start, int end) {
        int hashes = 0;
        while (start + hashes < end && text.charAt(start + hashes) == '#') {
            hashes++;
        }
        int after = start + hashes;
        return hashes > 0 && hashes <= 6 && (after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t'
                || text.charAt(after) == '\r');
    }

    // Blank as CommonMark has it: spaces and tabs only (and the carriage return of a CRLF line end).
    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLoneCarriageReturn(String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
        }
        return false;
    }
}
