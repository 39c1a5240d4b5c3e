package dev.paperlist.export;

import dev.paperlist.Escaping;
import dev.paperlist.catalog.PaperFields;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as BibTeX, one entry per paper in catalogue order. An accepted paper is an
 * {@code @inproceedings} with its venue as {@code booktitle}; a paper on arXiv only is an {@code @misc}
 * with {@code eprint} and {@code archivePrefix = {arXiv}}; any other an {@code @misc} with its URL.
 * Text is escaped for TeX, titles keep their capitals inside double braces, and authors who are not a
 * person's "Given Family" name (affiliations, one-word or non-Latin names) are braced whole so that
 * BibTeX does not split them.
 */
public final class BibtexExporter {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    // The BibTeX fields written above with rules of their own; any other a paper field names is its text, escaped.
    private static final java.util.Set<String> WRITTEN_HERE = java.util.Set.of("title", "author", "booktitle", "eprint",
            "url", "keywords");

    private BibtexExporter() {}

    public static String export(Catalog catalog) {
        List<Paper> papers = catalog.distinctPapers();
        Map<Paper, String> keys = BibtexKeys.of(papers);
        StringBuilder out = new StringBuilder(papers.size() * 400);
        for (Paper p : papers) {
            if (out.length() > 0) {
                out.append('\n');
            }
            entry(out, p, keys.get(p));
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, Paper p, String key) {
        boolean accepted = p.venue() != null;
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"title", "{" + escape(p.title()) + "}"});
        if (!p.authors().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String a : p.authors()) {
                names.add(isPersonName(a) ? escape(a) : "{" + escape(a) + "}");
            }
            fields.add(new String[] {"author", String.join(" and ", names)});
        }
        if (accepted) {
            fields.add(new String[] {"booktitle", escape(p.venue())});
        }
        String year = accepted && !BibtexKeys.venueYear(p).isEmpty() ? BibtexKeys.venueYear(p) : BibtexKeys.year(p);
        if (!year.isEmpty()) {
            fields.add(new String[] {"year", year});
        }
        if (p.submitted() != null && p.submitted().hasMonth() && year.equals(String.valueOf(p.submitted().year()))) {
            fields.add(new String[] {"month", null, MONTHS[p.submitted().month() - 1]});
        }
        p.arxivId().ifPresent(id -> {
            fields.add(new String[] {"eprint", id.id()});
            fields.add(new String[] {"archivePrefix", "arXiv"});
        });
        if (p.url() != null) {
            fields.add(new String[] {"url", url(p.url())});
        }
        if (!p.topics().isEmpty()) {
            fields.add(new String[] {"keywords", escape(String.join(", ", p.topics()))});
        }
        for (PaperFields.Field<?> field : PaperFields.ALL) {
            String name = field.exports().bibtex();
            Object value = field.exportedValue(p);
            if (name != null && !WRITTEN_HERE.contains(name) && value != null
                    && !(value instanceof List<?> list && list.isEmpty())) {
                String text = value instanceof List<?> list
                        ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
                fields.add(new String[] {name, escape(text)});
            }
        }
        out.append('@').append(accepted ? "inproceedings" : "misc").append('{').append(key).append(",\n");
        for (String[] f : fields) {
            out.append("  ").append(f[0]).append(" = ");
            // A month is a BibTeX macro (feb), written bare; every other value is braced.
            out.append(f[1] == null ? f[2] : "{" + f[1] + "}").append(",\n");
        }
        out.append("}\n");
    }

    /** "Given Family" of two or three words in Latin script, which BibTeX's name parsing handles. */
    static boolean isPersonName(String author) {
        String[] words = author.strip().split("\\s+");
        if (words.length < 2 || words.length > 3 || author.contains(",")) {
            return false;
        }
        for (int i = 0; i < author.length(); i++) {
            char c = author.charAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return !author.matches("(?i).*\\b(and|university|institute|lab|laboratory|research|team|group|inc|ltd)\\b.*");
    }

    /**
     * Text for a braced BibTeX value: TeX's special characters escaped. BibTeX counts every brace when it
     * looks for the end of a value, escaped or not, so a lone {@code \}} would end the entry early; braces
     * are written as {@code \textbraceleft{}} and {@code \textbraceright{}}, which are balanced in themselves.
     */
    static String escape(String text) {
        return Escaping.replace(text, c -> switch (c) {
            case '\\' -> "\\textbackslash{}";
            case '{' -> "\\textbraceleft{}";
            case '}' -> "\\textbraceright{}";
            case '$', '&', '%', '#', '_' -> "\\" + c;
            case '~' -> "\\textasciitilde{}";
            case '^' -> "\\textasciicircum{}";
            default -> null;
        });
    }

    // URL fields are read verbatim by biblatex and the url package: only what would unbalance the braces
    // or end the value is percent-encoded.
    private static String url(String url) {
        return Escaping.replace(url, c -> switch (c) {
            case '{' -> "%7B";
            case '}' -> "%7D";
            case '\\' -> "%5C";
            case ' ' -> "%20";
            default -> null;
        });
    }
}
