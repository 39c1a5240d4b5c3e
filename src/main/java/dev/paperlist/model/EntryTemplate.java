package dev.paperlist.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a list writes one paper's entry: Markdown with a slot for each field ({@code - [{date:yyyy/MM}]
 * **{title}.** [[paper]({url})]}), so that a hand-written list's bullets, separators, line breaks and
 * date spelling are the catalogue's description of its entries rather than copies kept paper by paper.
 * {@code {?...}} is a part written only when every slot in it has a value, or, when it holds no slot of its own,
 * when a part nested in it is written; {@code {?A{|}B}} is A, or B where A does not fit; {@code {{} and
 * {@code }}} are the braces themselves. {@code {extras:\n- **{label}:** {value}}} writes each extra field
 * with a pattern of its own. A template opening with {@code |} is a table row ({@link #tableRow}).
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
     * extras, or the label of an extra field; {@code null} when not given. {@code each} is, for
     * {@code {extras:...}} with {@code {label}} or {@code {value}} in it, the pattern each extra field is
     * written with (literals and the slots {@code label} and {@code value}); otherwise {@code null}.
     */
    public record Slot(String name, String arg, DateSpelling spelling, List<Piece> each, Kind kind) implements Piece {
        public Slot(String name, String arg, DateSpelling spelling, List<Piece> each) {
            this(name, arg, spelling, each, Kind.of(name));
        }

        public Slot(String name, String arg, DateSpelling spelling) {
            this(name, arg, spelling, null);
        }
    }

    /**
     * The slot's name as a constant, read once, so that writing an entry picks the field without comparing
     * names: {@link #SLOTS} in order, then {@code label} and {@code value} of an {@code {extras:...}} pattern.
     */
    public enum Kind {
        NAME, ALIAS, TITLE, URL, LINK, VENUE, DATE, AUTHORS, TAGS, CODE, STARS, CITATIONS, BADGES, NOTES, ABSTRACT,
        EXTRA, EXTRAS, NUMBER, LABEL, VALUE;

        static Kind of(String name) {
            try {
                return valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown slot " + name, e);
            }
        }
    }

    /**
     * A part: the first of its alternatives that fits (every slot directly in it has a value and, when it has
     * no slot of its own but parts, one of those is written); nothing when none does.
     */
    public record Group(List<List<Piece>> alternatives) implements Piece {
        public Group {
            alternatives = List.copyOf(alternatives.stream().map(List::copyOf).toList());
        }
    }

    /** Separates the alternatives of a part: {@code {?{venue}{|}Not accepted}}. */
    public static final String OR = "{|}";

    private final String source;
    private final List<Piece> pieces;
    private final List<Slot> slots;
    private final Set<String> extraLabels;
    private final boolean tableRow;

    private EntryTemplate(String source, List<Piece> pieces) {
        this.source = source;
        this.tableRow = source.startsWith("|");
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
        List<Piece> pieces = pieces(source, at, 0);
        if (pieces.stream().noneMatch(p -> !(p instanceof Literal))) {
            throw new IllegalArgumentException("an entry template needs at least one slot, such as {title}");
        }
        return new EntryTemplate(source, pieces);
    }

    /**
     * A template made of its pieces rather than read, for a layout that builds one from names it cannot
     * spell in a slot (an extra field whose label holds a brace); its source is the pieces written back,
     * which read back as the same template unless a label holds a brace.
     */
    public static EntryTemplate of(List<Piece> pieces) {
        StringBuilder source = new StringBuilder();
        write(pieces, source);
        return new EntryTemplate(source.toString(), pieces);
    }

    private static void write(List<Piece> pieces, StringBuilder out) {
        for (Piece p : pieces) {
            if (p instanceof Literal l) {
                out.append(literal(l.text()));
            } else if (p instanceof Slot s) {
                out.append('{').append(s.name()).append(s.arg() == null ? "" : ":" + s.arg()).append('}');
            } else if (p instanceof Group g) {
                out.append("{?");
                for (int i = 0; i < g.alternatives().size(); i++) {
                    out.append(i > 0 ? OR : "");
                    write(g.alternatives().get(i), out);
                }
                out.append('}');
            }
        }
    }

    // The pieces up to the end of the template or, in the depth-th part, up to the '}' closing the part or the
    // '{|}' starting its next alternative, which is left at at[0]. A run of '}' is read as braces ("}}") and
    // closes: as many closes as there are parts open that leave the rest pairs, so that "{?A{?{b}}}" ends both
    // parts while "{?{b}}}}" (one part open) is the slot, a brace and the close, as it always was.
    private static List<Piece> pieces(String s, int[] at, int depth) {
        List<Piece> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]);
            if (c == '{' && s.startsWith("{{", at[0])) {
                literal.append('{');
                at[0] += 2;
            } else if (c == '}') {
                int run = 0;
                while (at[0] + run < s.length() && s.charAt(at[0] + run) == '}') {
                    run++;
                }
                int closes = Math.min(depth, run);
                if (closes % 2 != run % 2) {
                    closes--;
                }
                for (int i = 0; i < (run - closes) / 2; i++) {
                    literal.append('}');
                }
                at[0] += run - closes;
                if (closes > 0) {
                    flush(literal, out);
                    return out;
                }
                if (run % 2 != 0) {
                    throw new IllegalArgumentException("a '}' at offset " + (at[0] - 1) + " closes nothing (write }} for the brace)");
                }
            } else if (c == '{' && s.startsWith(OR, at[0])) {
                if (depth == 0) {
                    throw new IllegalArgumentException("the '" + OR + "' at offset " + at[0] + " is outside a part '{?...}'");
                }
                flush(literal, out);
                return out;
            } else if (c == '{' && s.startsWith("{?", at[0])) {
                flush(literal, out);
                out.add(group(s, at, depth + 1));
            } else if (c == '{') {
                flush(literal, out);
                out.add(slot(s, at));
            } else {
                literal.append(c);
                at[0]++;
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException("a part '{?' is not closed by '}'");
        }
        flush(literal, out);
        return out;
    }

    private static Group group(String s, int[] at, int depth) {
        int start = at[0];
        at[0] += 2;
        List<List<Piece>> alternatives = new ArrayList<>();
        while (true) {
            int from = at[0];
            List<Piece> alternative = pieces(s, at, depth);
            alternatives.add(alternative);
            boolean or = s.startsWith(OR, at[0]);
            // Only the last of several alternatives may be text alone: the one written when no other fits.
            if (!hasSlot(alternative) && (or || alternatives.size() == 1)) {
                throw new IllegalArgumentException(alternatives.size() == 1 && !or
                        ? "the part '{?' at offset " + start + " has no slot of its own"
                        : "the alternative at offset " + from + " of the part '{?' at offset " + start
                        + " has no slot: only the last alternative may be text alone");
            }
            at[0] += or ? OR.length() : 1;
            if (!or) {
                return new Group(alternatives);
            }
        }
    }

    private static boolean hasSlot(List<Piece> pieces) {
        for (Piece p : pieces) {
            if (p instanceof Slot || p instanceof Group) {
                return true;
            }
        }
        return false;
    }

    private static Slot slot(String s, int[] at) {
        int start = at[0];
        if (s.startsWith("{extras:", start)) {
            return extras(s, at);
        }
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

    // {extras:SEP}, or {extras:PATTERN} with {label} and {value} in it: each extra field written with the
    // pattern, one after another. The first '}' not closing {label} or {value} closes the slot, as it closes
    // any other slot, so that "{? {extras:; }}" still reads as it did.
    private static Slot extras(String s, int[] at) {
        int start = at[0];
        int i = start + "{extras:".length();
        List<Piece> each = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean pattern = false;
        while (i < s.length() && s.charAt(i) != '}') {
            if (s.startsWith("{label}", i) || s.startsWith("{value}", i)) {
                flush(literal, each);
                each.add(new Slot(s.substring(i + 1, i + 6), null, null));
                pattern = true;
                i += "{label}".length();
            } else {
                literal.append(s.charAt(i++));
            }
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("the slot at offset " + start + " is not closed by '}'");
        }
        at[0] = i + 1;
        if (!pattern) {
            // A separator, as written.
            return new Slot("extras", s.substring(start + "{extras:".length(), i), null);
        }
        flush(literal, each);
        return new Slot("extras", s.substring(start + "{extras:".length(), i), null, List.copyOf(each));
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
                g.alternatives().forEach(a -> collect(a, out));
            }
        }
    }

    /**
     * Whether the template writes a table row (it opens with {@code |}): it fits only in a table, where each
     * value is escaped for its cell, and an extra field kept empty is a cell the list left empty.
     */
    public boolean tableRow() {
        return tableRow;
    }

    /**
     * How many cells a table-row template writes, counted from the unescaped {@code |} of its text outside
     * parts, as GitHub splits a row; -1 when it is no table row or a part holds a {@code |}, so that the
     * count depends on the paper.
     */
    public int cells() {
        if (!tableRow) {
            return -1;
        }
        int pipes = 0;
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece instanceof Literal literal) {
                text.append(literal.text());
            } else if (piece instanceof Group group && pipes(group)) {
                return -1;
            } else {
                // A value is escaped for its cell and never splits it.
                text.append('x');
            }
        }
        String row = text.toString().strip();
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        // The opening pipe starts the first cell; a closing one ends the last without starting another.
        return row.endsWith("|") && !row.endsWith("\\|") ? pipes - 1 : pipes;
    }

    private static boolean pipes(Group group) {
        for (List<Piece> alternative : group.alternatives()) {
            for (Piece piece : alternative) {
                if (piece instanceof Literal literal && literal.text().replace("\\|", "").contains("|")
                        || piece instanceof Group inner && pipes(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The labels of the extra fields the template names with {@code {extra:Label}}. */
    public Set<String> extraLabels() {
        return extraLabels;
    }

    /** Text written as a template's literal: its braces doubled, so that no text can open a slot or a part. */
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
