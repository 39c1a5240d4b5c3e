package dev.paperlist.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a list writes one paper's entry: Markdown with a slot for each field ({@code - [{date:yyyy/MM}]
 * **{title}.** [[paper]({url})]}), so that a hand-written list's bullets, separators, line breaks and
 * date spelling are the catalogue's description of its entries rather than copies kept paper by paper.
 * {@code {?...}} is a part written only when every slot in it has a value; {@code {{} and {@code }}} are
 * the braces themselves.
 */
public final class EntryTemplate {
    /** The slots an entry can have, each a field of the paper or a way of writing one. */
    public static final List<String> SLOTS = List.of("name", "alias", "title", "url", "link", "venue", "date",
            "authors", "tags", "code", "stars", "citations", "badges", "notes", "abstract", "extra", "extras", "number");

    /** One piece of a template. */
    public sealed interface Piece permits Literal, Slot, Group {}

    /** Text written as it is. */
    public record Literal(String text) implements Piece {}

    /**
     * A field's value: {@code arg} is the date's spelling, the separator of authors, tags, badges, notes and
     * extras, or the label of an extra field; {@code null} when not given.
     */
    public record Slot(String name, String arg, DateSpelling spelling) implements Piece {}

    /** A part written only when every slot directly in it has a value. */
    public record Group(List<Piece> pieces) implements Piece {}

    private final String source;
    private final List<Piece> pieces;
    private final List<Slot> slots;
    private final Set<String> extraLabels;

    private EntryTemplate(String source, List<Piece> pieces) {
        this.source = source;
        this.pieces = List.copyOf(pieces);
        List<Slot> all = new ArrayList<>();
        collect(this.pieces, all);
        this.slots = List.copyOf(all);
        Set<String> labels = new LinkedHashSet<>();
        for (Slot s : all) {
            if (s.name().equals("extra")) {
                labels.add(s.arg());
            }
        }
        this.extraLabels = java.util.Collections.unmodifiableSet(labels);
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException with the offset of the problem in its message, for an unknown slot,
     *     an extra without its label, a bad date spelling or a brace left open or closed alone
     */
    public static EntryTemplate parse(String source) {
        int[] at = {0};
        List<Piece> pieces = pieces(source, at, false);
        if (pieces.stream().noneMatch(p -> !(p instanceof Literal))) {
            throw new IllegalArgumentException("an entry template needs at least one slot, such as {title}");
        }
        return new EntryTemplate(source, pieces);
    }

    private static List<Piece> pieces(String s, int[] at, boolean inGroup) {
        List<Piece> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]);
            if (c == '{' && s.startsWith("{{", at[0])) {
                literal.append('{');
                at[0] += 2;
            } else if (c == '}' && s.startsWith("}}", at[0])) {
                literal.append('}');
                at[0] += 2;
            } else if (c == '}') {
                if (!inGroup) {
                    throw new IllegalArgumentException("a '}' at offset " + at[0] + " closes nothing (write }} for the brace)");
                }
                at[0]++;
                flush(literal, out);
                return out;
            } else if (c == '{' && s.startsWith("{?", at[0])) {
                flush(literal, out);
                int start = at[0];
                at[0] += 2;
                List<Piece> inner = pieces(s, at, true);
                if (at[0] > s.length() || s.charAt(at[0] - 1) != '}') {
                    throw new IllegalArgumentException("the part '{?' at offset " + start + " is not closed by '}'");
                }
                if (inner.stream().noneMatch(p -> p instanceof Slot)) {
                    throw new IllegalArgumentException("the part '{?' at offset " + start + " has no slot of its own");
                }
                out.add(new Group(inner));
            } else if (c == '{') {
                flush(literal, out);
                out.add(slot(s, at));
            } else {
                literal.append(c);
                at[0]++;
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("a part '{?' is not closed by '}'");
        }
        flush(literal, out);
        return out;
    }

    private static Slot slot(String s, int[] at) {
        int start = at[0];
        int end = s.indexOf('}', start);
        if (end < 0) {
            throw new IllegalArgumentException("the slot at offset " + start + " is not closed by '}'");
        }
        String body = s.substring(start + 1, end);
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String arg = colon < 0 ? null : body.substring(colon + 1);
        if (!SLOTS.contains(name)) {
            throw new IllegalArgumentException("unknown slot '{" + name + "}' at offset " + start + "; slots: "
                    + String.join(", ", SLOTS));
        }
        if (name.equals("extra") && (arg == null || arg.isEmpty())) {
            throw new IllegalArgumentException("the slot at offset " + start + " needs the extra field's label:"
                    + " {extra:Label}");
        }
        DateSpelling spelling = null;
        if (name.equals("date") && arg != null) {
            try {
                spelling = DateSpelling.of(arg);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the date spelling '" + arg + "' at offset " + start + ": "
                        + e.getMessage());
            }
        }
        at[0] = end + 1;
        return new Slot(name, arg, spelling);
    }

    private static void flush(StringBuilder literal, List<Piece> out) {
        if (literal.length() > 0) {
            out.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** The template as written in papers.yaml. */
    public String source() {
        return source;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    /** Every slot of the template, parts included, in order. */
    public List<Slot> slots() {
        return slots;
    }

    private static void collect(List<Piece> pieces, List<Slot> out) {
        for (Piece p : pieces) {
            if (p instanceof Slot s) {
                out.add(s);
            } else if (p instanceof Group g) {
                collect(g.pieces(), out);
            }
        }
    }

    /** The labels of the extra fields the template names with {@code {extra:Label}}. */
    public Set<String> extraLabels() {
        return extraLabels;
    }

    /** Text written as a template's literal: its braces doubled. */
    public static String literal(String text) {
        return text.replace("{", "{{").replace("}", "}}");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryTemplate t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
