package dev.paperlist.importer;

import dev.paperlist.catalog.MarkdownBlocks;
import dev.paperlist.catalog.TextRules;
import dev.paperlist.markdown.BadgeUrls;
import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.DateSpelling;
import dev.paperlist.model.EntryTemplate;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds how a list writes its entries: each entry kept as written is turned into a template by putting a
 * slot where the paper's fields appear in it (its title, link, venue, date in the list's spelling, code
 * link, extra fields); entries of one shape that differ in some text get that text as extra fields; a
 * template that two entries or more share becomes one of the list's entry templates, and those papers keep
 * their fields alone; then, for the entries those leave as written, a section's own templates where its entries
 * share a shape. Every entry is written back exactly as the list wrote it, or it stays as written.
 */
final class EntryInference {
    static final int MOST_TEMPLATES = 100;

    // The slots import looks for in an entry, by the fields they write; the link first, as it holds the title.
    private static final List<String> FIELD_SLOTS = List.of("link", "title", "alias", "url", "venue", "authors",
            "stars", "code", "badges");

    // Read once: each is a regular expression.
    private static final List<DateSpelling> SPELLINGS = DateSpelling.KNOWN.stream().map(DateSpelling::of).toList();

    private EntryInference() {}

    /**
     * A paper's entry cut into text and slots, the paper as the slots show it (with a date the entry spells,
     * without the extra fields the text holds anyway), and the fields its slots show.
     */
    record Candidate(List<Object> pieces, Paper.Builder paper, Paper original) {
        EntryTemplate template() {
            return EntryTemplate.parse(source(pieces));
        }

        // The slots in order: entries that have them alike differ only in their text.
        String shape() {
            StringBuilder out = new StringBuilder();
            for (Object piece : pieces) {
                out.append(piece instanceof Slot slot ? slot.text() : "\n".equals(piece) ? "¶" : "·");
            }
            // The bullet (the marks before the first word or slot) is part of the shape: entries of another bullet
            // differ; the words after it may be text the entries differ in.
            return (pieces.get(0) instanceof String first ? bullet(first) : "") + "\u0000" + out;
        }
    }

    // The marks a text starts with, up to its first letter or digit.
    static String bullet(String text) {
        int end = 0;
        while (end < text.length() && !Character.isLetterOrDigit(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return text.substring(0, end);
    }

    static Catalog apply(Catalog catalog) {
        if (catalog.settings().tableLayout()) {
            return catalog;
        }
        Settings settings = catalog.settings();
        // Every place a paper is listed, in list order: a paper listed in several sections is written alike in each.
        List<Listing> places = new ArrayList<>();
        listings(catalog.sections(), places);
        if (places.stream().noneMatch(l -> l.paper().extra().containsKey(Paper.WRITTEN))) {
            return catalog;
        }
        Map<Paper, List<Listing>> placesOf = new IdentityHashMap<>();
        List<Paper> papers = new ArrayList<>();
        for (Listing l : places) {
            placesOf.computeIfAbsent(l.paper(), k -> {
                papers.add(k);
                return new ArrayList<>();
            }).add(l);
        }
        // Its place in its numbered list, when it has the same one wherever it is listed (0 otherwise).
        Map<Paper, Integer> numberOf = new IdentityHashMap<>();
        placesOf.forEach((p, at) -> numberOf.put(p, at.stream().allMatch(l -> l.number() == at.get(0).number())
                ? at.get(0).number() : 0));
        Map<Paper, Candidate> candidates = new IdentityHashMap<>();
        // Each entry as the page shows it, which a template must write.
        Map<Paper, String> asWritten = new IdentityHashMap<>();
        List<Candidate> all = new ArrayList<>();
        for (Paper p : papers) {
            String written = p.extra().get(Paper.WRITTEN);
            if (written != null) {
                Optional<Candidate> c = candidate(p, written, settings, numberOf.get(p));
                if (c.isPresent()) {
                    candidates.put(p, c.get());
                    asWritten.put(p, visible(written));
                    all.add(c.get());
                }
            }
        }
        untagOnlyUniqueNames(papers, candidates, all, settings, numberOf);
        if (all.isEmpty()) {
            return catalog;
        }
        // Each place of a paper the layout writes, with its own number there: a paper listed twice in one numbered
        // list is numbered twice, and a template with {number} fits it at each place.
        List<Listing> ownForm = places.stream().filter(l -> !l.paper().extra().containsKey(Paper.WRITTEN)).toList();
        // The extra field each varying text is named, by the text around it: entries of other shapes that vary in
        // the same place (the venue after the title) name it alike, so that one template can write them all.
        Map<String, String> labels = new HashMap<>();
        EntryTemplates writer = new EntryTemplates(settings);
        Choice list = choose(all, ownForm, List.of(), asWritten, labels, writer, numberOf);
        Map<Paper, Paper> replaced = new IdentityHashMap<>(list.replaced());
        // Then each section on its own, for the entries the list's templates leave as written: a shape its entries
        // share that the rest of the list lacks, or whose template would take over papers of other sections. A
        // section's templates are tried before the list's, so they must leave its other papers as they are written.
        Map<Section, List<EntryTemplate>> sectionEntries = new IdentityHashMap<>();
        Map<Section, List<Listing>> sectionPlaces = new IdentityHashMap<>();
        List<Section> sections = new ArrayList<>();
        places.forEach(l -> sectionPlaces.computeIfAbsent(l.section(), k -> {
            sections.add(k);
            return new ArrayList<>();
        }).add(l));
        for (Section section : sections) {
            List<Listing> listed = sectionPlaces.get(section);
            List<Candidate> left = listed.stream().map(Listing::paper).filter(p -> candidates.containsKey(p)
                    && !replaced.containsKey(p) && placesOf.get(p).size() == 1).map(candidates::get).toList();
            // Only entries of one shape share a template: a section whose entries all differ has none of its own.
            if (left.size() < 2 || left.stream().map(Candidate::shape).distinct().count() == left.size()) {
                continue;
            }
            List<Fixed> fixed = listed.stream().filter(l -> replaced.containsKey(l.paper()))
                    .map(l -> new Fixed(replaced.get(l.paper()), l.number(), asWritten.get(l.paper()))).toList();
            Choice own = choose(left, listed.stream().filter(l -> !l.paper().extra().containsKey(Paper.WRITTEN)).toList(),
                    fixed, asWritten, labels, writer, numberOf);
            if (!own.replaced().isEmpty()) {
                sectionEntries.put(section, own.chosen());
                replaced.putAll(own.replaced());
            }
        }
        if (replaced.isEmpty()) {
            return catalog;
        }
        Settings used = settings.withEntries(list.chosen());
        // Each entry as the chosen templates write it where it is listed, once more: what is not as written stays so.
        EntryTemplates check = new EntryTemplates(used);
        for (Listing l : places) {
            Paper now = replaced.get(l.paper());
            if (now != null && !asWritten.get(l.paper()).equals(
                    check.written(now, sectionEntries.getOrDefault(l.section(), List.of()), l.number()))) {
                replaced.remove(l.paper());
            }
        }
        return new Catalog(used, replace(catalog.sections(), replaced, sectionEntries));
    }

    /**
     * A title read without its tags (see {@link #untagged}) that another paper also has as its name would make
     * two papers of one name, which a section of headings refuses: those entries keep their titles whole.
     */
    private static void untagOnlyUniqueNames(List<Paper> papers, Map<Paper, Candidate> candidates, List<Candidate> all,
                                             Settings settings, Map<Paper, Integer> numberOf) {
        Map<String, Integer> names = new HashMap<>();
        Map<Paper, String> nameOf = new IdentityHashMap<>();
        for (Paper p : papers) {
            Candidate c = candidates.get(p);
            String name = (c == null ? p.name() : c.paper().build().name()).toLowerCase(java.util.Locale.ROOT);
            nameOf.put(p, name);
            names.merge(name, 1, Integer::sum);
        }
        for (Paper p : papers) {
            Candidate c = candidates.get(p);
            if (c != null && names.get(nameOf.get(p)) > 1 && !nameOf.get(p).equals(p.name().toLowerCase(java.util.Locale.ROOT))) {
                Optional<Candidate> whole = candidate(p, p.extra().get(Paper.WRITTEN), settings, numberOf.get(p), false);
                all.remove(c);
                candidates.remove(p);
                whole.ifPresent(w -> {
                    candidates.put(p, w);
                    all.add(w);
                });
            }
        }
    }

    /** One place a paper is listed: its section (a paper in an item counts as its section's) and its number. */
    private record Listing(Paper paper, Section section, int number) {}

    /** A paper another template writes, at its place in its numbered list, and the entry it must stay. */
    private record Fixed(Paper paper, int number, String entry) {}

    /** The templates taken, in order, and the papers they write as written, by the fields they show. */
    private record Choice(List<EntryTemplate> chosen, Map<Paper, Paper> replaced) {}

    /**
     * Infers the templates of the candidates' entries and takes them in order of use, each when it writes more of
     * them exactly as written than it spoils, takes over none of {@code ownForm} (places of papers the layout writes) and
     * writes each of {@code fixed} (papers other templates write) as its entry, if it fits it at all.
     */
    private static Choice choose(List<Candidate> all, List<Listing> ownForm, List<Fixed> fixed,
                                 Map<Paper, String> asWritten, Map<String, String> labels, EntryTemplates writer,
                                 Map<Paper, Integer> numberOf) {
        // Entries alike but for some of their text share a template with that text as an extra field.
        Map<String, List<Candidate>> byShape = new LinkedHashMap<>();
        all.stream().sorted(Comparator.<Candidate>comparingInt(c -> c.original().position().line())
                        .thenComparingInt(c -> c.original().position().column())
                        .thenComparing(c -> c.original().extra().get(Paper.WRITTEN)))
                .forEach(c -> byShape.computeIfAbsent(c.shape(), k -> new ArrayList<>()).add(c));
        // Each template with its extra fields optional, and as the entries have them all, for where the first
        // would take over a paper the layout writes itself.
        Map<EntryTemplate, EntryTemplate> strictOf = new HashMap<>();
        Map<Paper, EntryTemplate> templateOf = new IdentityHashMap<>();
        Map<Paper, Paper> paperOf = new IdentityHashMap<>();
        for (List<Candidate> alike : byShape.values()) {
            for (Candidate c : alike.size() >= 2 ? generalise(alike, labels) : alike) {
                Paper p = c.original();
                EntryTemplate loose;
                try {
                    loose = EntryTemplate.parse(source(optionalExtras(c.pieces())));
                } catch (IllegalArgumentException unreadable) {
                    // A template that does not read back leaves its entry as written.
                    continue;
                }
                templateOf.put(p, loose);
                paperOf.put(p, c.paper().build());
                try {
                    strictOf.putIfAbsent(loose, c.template());
                } catch (IllegalArgumentException unreadable) {
                    // The loose form alone, then.
                }
            }
        }
        // The templates two entries or more share, the most shared first; at most MOST_TEMPLATES of them, as each
        // is tried on every entry (real lists have a few dozen ways of writing an entry at the most).
        Map<EntryTemplate, Integer> uses = new HashMap<>();
        templateOf.values().forEach(t -> uses.merge(t, 1, Integer::sum));
        List<EntryTemplate> ranked = uses.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<EntryTemplate, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().source()))
                .limit(MOST_TEMPLATES).map(Map.Entry::getKey).toList();
        // In that order each template (or its strict form, when that does better) is taken when it writes more
        // entries exactly as the list wrote them than it spoils, and takes over no paper the layout writes itself.
        // A paper is written by the template that fits it and shows the most of its fields (the first of
        // those), so a template taken later changes only the papers it shows more of.
        List<EntryTemplate> chosen = new ArrayList<>();
        // Each candidate's entry as the chosen templates write it so far.
        Map<Paper, EntryTemplates.Fit> current = new IdentityHashMap<>();
        for (EntryTemplate t : ranked) {
            Map<Paper, EntryTemplates.Fit> bestChanges = Map.of();
            int bestGain = 0;
            EntryTemplate bestOption = null;
            for (EntryTemplate option : new java.util.LinkedHashSet<>(List.of(t, strictOf.getOrDefault(t, t)))) {
                if (chosen.contains(option) || ownForm.stream()
                        .anyMatch(l -> writer.fit(option, l.paper(), l.number()) != null)
                        || fixed.stream().anyMatch(f -> spoils(writer.fit(option, f.paper(), f.number()), f.entry()))) {
                    continue;
                }
                Map<Paper, EntryTemplates.Fit> changes = new IdentityHashMap<>();
                int gain = 0;
                for (Map.Entry<Paper, Paper> e : paperOf.entrySet()) {
                    Paper p = e.getKey();
                    EntryTemplates.Fit fit = writer.fit(option, e.getValue(), numberOf.get(p));
                    EntryTemplates.Fit was = current.get(p);
                    if (fit == null || was != null && fit.shown() <= was.shown()) {
                        continue;
                    }
                    String page = asWritten.get(p);
                    gain += (fit.entry().equals(page) ? 1 : 0) - (was != null && was.entry().equals(page) ? 1 : 0);
                    changes.put(p, fit);
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    bestChanges = changes;
                    bestOption = option;
                }
            }
            if (bestOption != null) {
                chosen.add(bestOption);
                current.putAll(bestChanges);
            }
        }
        Map<Paper, Paper> replaced = new IdentityHashMap<>();
        current.forEach((p, fit) -> {
            if (fit.entry().equals(asWritten.get(p))) {
                replaced.put(p, paperOf.get(p));
            }
        });
        return new Choice(chosen, replaced);
    }

    // Whether a template that fits a paper another template writes would write it otherwise.
    private static boolean spoils(EntryTemplates.Fit fit, String entry) {
        return fit != null && !fit.entry().equals(entry);
    }

    /**
     * Entries of one shape whose texts differ: each text piece that is not the same in all of them keeps what
     * they share before and after it as template text, and the part between becomes an extra field of each
     * paper ({@code Note}, {@code Note 2}, ...), in a {@code {?...}} part where some entries have none. Left as
     * they are when such a part would not load back as it is (line breaks, or Markdown it opens and does not close).
     */
    private static List<Candidate> generalise(List<Candidate> alike, Map<String, String> labels) {
        int n = alike.get(0).pieces().size();
        List<List<Object>> pieces = new ArrayList<>();
        alike.forEach(c -> pieces.add(new ArrayList<>(c.pieces())));
        List<Map<String, String>> extras = new ArrayList<>();
        alike.forEach(c -> extras.add(new LinkedHashMap<>()));
        Set<String> taken = new HashSet<>();
        alike.forEach(c -> taken.addAll(c.original().extra().keySet()));
        for (int i = n - 1; i >= 0; i--) {
            if (!(alike.get(0).pieces().get(i) instanceof String)) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (Candidate c : alike) {
                texts.add((String) c.pieces().get(i));
            }
            if (texts.stream().distinct().count() == 1) {
                continue;
            }
            int prefix = commonPrefix(texts);
            int suffix = commonSuffix(texts, prefix);
            List<String> middles = new ArrayList<>();
            for (String t : texts) {
                middles.add(t.substring(prefix, t.length() - suffix));
            }
            // Where some entries have nothing, the spaces around what the others have go in the optional part.
            boolean optional = middles.stream().anyMatch(String::isEmpty);
            String lead = optional ? sharedSpace(middles, true) : "";
            String trail = optional ? sharedSpace(middles, false) : "";
            boolean loads = true;
            for (int j = 0; j < middles.size(); j++) {
                String middle = middles.get(j);
                if (!middle.isEmpty()) {
                    middle = middle.substring(lead.length(), middle.length() - trail.length());
                    middles.set(j, middle);
                }
                loads &= middle.isEmpty() || (middle.equals(TextRules.collapseWhitespace(middle))
                        && MarkdownBlocks.problem(middle).isEmpty());
            }
            if (!loads) {
                // The entries whose part would load back and the others are tried again apart, the others by the
                // spaces their part starts and ends with: what those share (a tab before a separator, a space
                // more) is then text of their own template.
                // Within the text, the first white space that would not load back (a tab between the title and a
                // separator) sets them apart too.
                Map<String, List<Candidate>> apart = new LinkedHashMap<>();
                for (int j = 0; j < alike.size(); j++) {
                    String m = middles.get(j);
                    boolean ok = m.isEmpty() || (m.equals(TextRules.collapseWhitespace(m)) && MarkdownBlocks.problem(m).isEmpty());
                    String raw = texts.get(j).substring(prefix, texts.get(j).length() - suffix);
                    int[] run = innerRun(raw);
                    apart.computeIfAbsent(ok ? "" : edges(m) + "\u0001" + raw.substring(run[0], run[1]),
                            k -> new ArrayList<>()).add(alike.get(j));
                }
                if (apart.size() == 1) {
                    // All alike in that too: each text is cut after that white space, and the two parts on either side
                    // of it then vary on their own, with the white space template text between them.
                    List<Candidate> cut = new ArrayList<>();
                    for (int j = 0; j < alike.size(); j++) {
                        String t = texts.get(j);
                        int[] run = innerRun(t.substring(prefix, t.length() - suffix));
                        if (run[0] == run[1]) {
                            return alike;
                        }
                        Candidate c = alike.get(j);
                        List<Object> split = new ArrayList<>(c.pieces());
                        split.set(i, t.substring(0, prefix + run[1]));
                        split.add(i + 1, t.substring(prefix + run[1]));
                        cut.add(new Candidate(split, c.paper(), c.original()));
                    }
                    return generalise(cut, labels);
                }
                List<Candidate> out = new ArrayList<>();
                apart.values().forEach(group -> out.addAll(group.size() >= 2 ? generalise(group, labels) : group));
                return out;
            }
            // The field before names the place too: a text that varies after the title and one after the link are
            // other fields, which must not share a name (a template writing one where the other was would fit).
            String context = slotBefore(alike.get(0).pieces(), i) + "\u0000" + texts.get(0).substring(0, prefix)
                    + "\u0000" + texts.get(0).substring(texts.get(0).length() - suffix);
            String name = labels.get(context);
            if (name == null || taken.contains(name)) {
                int label = 1;
                do {
                    name = label == 1 ? "Note" : "Note " + label;
                    label++;
                } while (taken.contains(name) || labels.containsValue(name));
                labels.putIfAbsent(context, name);
            }
            taken.add(name);
            for (int j = 0; j < alike.size(); j++) {
                String t = texts.get(j);
                List<Object> replaced = new ArrayList<>();
                if (prefix > 0) {
                    replaced.add(t.substring(0, prefix));
                }
                replaced.add(new Slot(optional ? "{?" + lead + "{extra:" + name + "}" + EntryTemplate.literal(trail) + "}"
                        : "{extra:" + name + "}"));
                if (suffix > 0) {
                    replaced.add(t.substring(t.length() - suffix));
                }
                pieces.get(j).remove(i);
                pieces.get(j).addAll(i, replaced);
                if (!middles.get(j).isEmpty()) {
                    extras.get(j).put(name, middles.get(j));
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (int j = 0; j < alike.size(); j++) {
            Candidate c = alike.get(j);
            // Extra fields in the order the entry shows them.
            List<Map.Entry<String, String>> added = new ArrayList<>(extras.get(j).entrySet());
            java.util.Collections.reverse(added);
            added.forEach(e -> c.paper().extra(e.getKey(), e.getValue()));
            out.add(new Candidate(pieces.get(j), c.paper(), c.original()));
        }
        return out;
    }

    // The field slot nearest before the piece, as the entry's own fields name it; "" for none.
    private static String slotBefore(List<Object> pieces, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (pieces.get(i) instanceof Slot slot) {
                return slot.text();
            }
        }
        return "";
    }

    /**
     * Each extra field (and the code link) with the text that belongs to it (from the space before it to the space after it, or its
     * whole line) as an optional part: a paper added later without that field is still written the list's way.
     */
    static List<Object> optionalExtras(List<Object> pieces) {
        List<Object> out = new ArrayList<>(pieces);
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof Slot slot) || !(slot.text().startsWith("{extra:") || slot.text().equals("{code}")
                    || slot.text().equals("{stars}"))) {
                continue;
            }
            Object before = i > 0 ? out.get(i - 1) : null;
            Object after = i + 1 < out.size() ? out.get(i + 1) : null;
            boolean lineStart = before == null || "\n".equals(before);
            boolean indentOnly = before instanceof String b && !"\n".equals(b) && b.isBlank()
                    && (i < 2 || "\n".equals(out.get(i - 2)));
            boolean lineEnd = after == null || "\n".equals(after);
            if (indentOnly && lineEnd && i >= 2) {
                // A line of its own: the line break and indentation before it go with it.
                out.set(i, new Slot("{?" + EntryTemplate.literal("\n" + before) + slot.text() + "}"));
                out.remove(i - 1);
                out.remove(i - 2);
                i -= 2;
                continue;
            }
            String left = "";
            if (before instanceof String b && !lineStart) {
                int space = b.lastIndexOf(' ');
                boolean wholeLine = i < 2 || "\n".equals(out.get(i - 2));
                if (space < 0 && wholeLine) {
                    // "*" opening the line: emphasis around the field, which goes with it.
                    space = 0;
                }
                // The link the field is the target of ("[[Code](" before "{code}") goes with it.
                Matcher opener = LINK_OPENER.matcher(b);
                if (space < 0 && opener.find()) {
                    space = opener.start();
                }
                // The text of a link the field is inside ("[[PyTorch (" before the field) goes with it from its '['.
                int unclosed = unclosedBracket(b);
                if (unclosed >= 0 && (space < 0 || unclosed < space)) {
                    space = unclosed;
                }
                // A separator right before ("Title", Venue) goes with the field too: without it, none is left dangling.
                int cut = space >= 0 ? space : b.length();
                while (cut > 0 && ",;:".indexOf(b.charAt(cut - 1)) >= 0) {
                    cut--;
                }
                if (cut < b.length()) {
                    left = b.substring(cut);
                    out.set(i - 1, b.substring(0, cut));
                }
            }
            String right = "";
            if (after instanceof String a && !lineEnd) {
                int space = a.indexOf(' ');
                right = space < 0 ? a : a.substring(0, space);
                out.set(i + 1, space < 0 ? "" : a.substring(space));
            }
            out.set(i, new Slot("{?" + EntryTemplate.literal(left) + slot.text() + EntryTemplate.literal(right) + "}"));
        }
        out.removeIf(""::equals);
        // Parts side by side where the first opens a link the second closes (its text and its target) belong
        // together: one part, written when both are.
        for (int i = out.size() - 1; i > 0; i--) {
            if (out.get(i) instanceof Slot b && out.get(i - 1) instanceof Slot a && a.text().startsWith("{?")
                    && b.text().startsWith("{?") && opens(a.text())) {
                out.set(i - 1, new Slot(a.text().substring(0, a.text().length() - 1) + b.text().substring(2)));
                out.remove(i);
            }
        }
        // A part whose brackets do not pair up would leave half a link where it is not written: it stays required.
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Slot part && part.text().startsWith("{?") && !bracketsPair(part.text())) {
                out.set(i, new Slot(part.text().substring(2, part.text().length() - 1)));
            }
        }
        return out;
    }

    // Whether the template text's own brackets (slots left out) pair up, and it leaves no parenthesis open (a
    // link's target that goes on after the part). A ')' alone may close one opened in a field's own text.
    private static boolean bracketsPair(String source) {
        String text = SLOT_REFERENCE.matcher(source.substring(2, source.length() - 1)).replaceAll("");
        int brackets = 0;
        int parentheses = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
            parentheses = c == '(' ? parentheses + 1 : c == ')' ? Math.max(0, parentheses - 1) : parentheses;
            if (brackets < 0) {
                return false;
            }
        }
        return brackets == 0 && parentheses == 0;
    }

    // Where the first '[' that the text leaves open starts (a run of them counts from its first); -1 for none.
    private static int unclosedBracket(String text) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                open.push(i);
            } else if (c == ']' && !open.isEmpty()) {
                open.pop();
            }
        }
        if (open.isEmpty()) {
            return -1;
        }
        int first = open.peekLast();
        while (first > 0 && text.charAt(first - 1) == '[') {
            first--;
        }
        return first;
    }

    private static boolean opens(String text) {
        return text.chars().filter(c -> c == '[').count() > text.chars().filter(c -> c == ']').count()
                || text.chars().filter(c -> c == '(').count() > text.chars().filter(c -> c == ')').count();
    }

    // Where the first run of white space inside the text (not at either end) that is not a single space starts
    // and ends; both 0 for none.
    private static int[] innerRun(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < text.length()) {
            if (!Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end == text.length()) {
                break;
            }
            if (end - i > 1 || text.charAt(i) != ' ') {
                return new int[] {i, end};
            }
            i = end;
        }
        return new int[] {0, 0};
    }

    // The white space a text starts with and the white space it ends with.
    private static String edges(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, start) + "\u0000" + text.substring(end);
    }

    // The spaces every non-empty text starts (or ends) with.
    private static String sharedSpace(List<String> texts, boolean leading) {
        String shared = null;
        for (String t : texts) {
            if (t.isEmpty()) {
                continue;
            }
            int n = 0;
            while (n < t.length() && t.charAt(leading ? n : t.length() - 1 - n) == ' ') {
                n++;
            }
            String space = " ".repeat(n == t.length() ? 0 : n);
            shared = shared == null || space.length() < shared.length() ? space : shared;
        }
        return shared == null ? "" : shared;
    }

    // The length of the start all texts share, cut back to where a word ends.
    private static int commonPrefix(List<String> texts) {
        String first = texts.get(0);
        int n = first.length();
        for (String t : texts) {
            int i = 0;
            while (i < n && i < t.length() && t.charAt(i) == first.charAt(i)) {
                i++;
            }
            n = i;
        }
        while (n > 0 && Character.isLetterOrDigit(first.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    // The length of the end all texts share after their common start, cut forward to where a word starts.
    private static int commonSuffix(List<String> texts, int prefix) {
        String first = texts.get(0);
        int n = first.length() - prefix;
        for (String t : texts) {
            int i = 0;
            while (i < n && i < t.length() - prefix && t.charAt(t.length() - 1 - i) == first.charAt(first.length() - 1 - i)) {
                i++;
            }
            n = i;
        }
        while (n > 0 && Character.isLetterOrDigit(first.charAt(first.length() - n))) {
            n--;
        }
        return n;
    }

    private static String source(List<Object> pieces) {
        StringBuilder source = new StringBuilder();
        for (Object piece : pieces) {
            source.append(piece instanceof Slot slot ? slot.text() : EntryTemplate.literal((String) piece));
        }
        return source.toString();
    }

    // Every place a paper is listed, with its place in its numbered list as the layouts count it.
    private static void listings(List<Section> sections, List<Listing> out) {
        for (Section s : sections) {
            listed(s, s.content(), out);
            listings(s.sections(), out);
        }
    }

    private static void listed(Section section, List<Part> parts, List<Listing> out) {
        int number = 0;
        for (Part part : parts) {
            number = part instanceof Part.Text ? 0 : number + 1;
            if (part instanceof Part.Listed l) {
                out.add(new Listing(l.paper(), section, number));
            } else if (part instanceof Part.Item item) {
                listed(section, item.parts(), out);
            }
        }
    }

    /** The sections with each paper replaced where {@code replaced} says, and the given sections' own templates. */
    static List<Section> replace(List<Section> sections, Map<Paper, Paper> replaced,
                                 Map<Section, List<EntryTemplate>> entries) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            Section now = s.withContent(Part.map(s.content(), p -> replaced.getOrDefault(p, p)),
                    replace(s.sections(), replaced, entries));
            out.add(entries.containsKey(s) ? now.withEntries(entries.get(s)) : now);
        }
        return out;
    }

    /**
     * The template of one entry: the written text with a slot wherever a field of the paper appears, longest
     * values first so that a title is not cut by a shorter field inside it; the extra fields import kept of the
     * entry's text are slots only where they still appear whole, and are otherwise left to the template's text.
     */
    static Optional<Candidate> candidate(Paper p, String written, Settings settings, int number) {
        return candidate(p, written, settings, number, true);
    }

    private static Optional<Candidate> candidate(Paper p, String written, Settings settings, int number, boolean untag) {
        List<Object> pieces = new ArrayList<>();
        String entry = visible(written);
        // A numbered list's marker, when it is the entry's place in the list: the slot the layouts count.
        String marker = String.valueOf(number);
        if (number > 0 && entry.startsWith(marker) && entry.length() > marker.length()
                && (entry.charAt(marker.length()) == '.' || entry.charAt(marker.length()) == ')')) {
            pieces.add(new Slot("{number}"));
            entry = entry.substring(marker.length());
        }
        pieces.add(entry);
        // The first link to a GitHub repository (other than the paper's own) is the paper's code, found before
        // the slots are, so that a star badge of it is the {stars} slot rather than text around a {code}.
        GitHubRepo code = p.code() != null ? p.code() : repoLink(entry, p.url());
        if (code == null) {
            code = starredRepo(entry);
        }
        EntryTemplates slots = new EntryTemplates(settings);
        Paper base = p;
        Paper untagged = untag ? untagged(p, entry, slots) : null;
        if (untagged != null) {
            base = untagged;
        }
        Paper shown = code == base.code() ? base : rebuild(base, base.submitted()).code(code).build();
        // Each field as a template's slot writes it (the link only when there is one to write).
        Map<String, String> values = new LinkedHashMap<>();
        for (String slot : p.url() != null ? FIELD_SLOTS : FIELD_SLOTS.subList(1, FIELD_SLOTS.size())) {
            String value = slots.value(slot, shown);
            if (value != null) {
                values.put(slot, value);
            }
        }
        values.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()))
                .forEach(e -> substitute(pieces, "{" + e.getKey() + "}", e.getValue(),
                        e.getKey().equals("url") || e.getKey().equals("code")));
        PartialDate date = date(pieces, p.submitted());
        Paper.Builder kept = rebuild(base, date).code(code);
        // The extra fields, longest first, where they still appear whole in the text.
        p.extra().entrySet().stream().filter(e -> !e.getKey().equals(Paper.WRITTEN) && !e.getValue().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()))
                .filter(e -> e.getValue().equals(TextRules.collapseWhitespace(e.getValue())))
                .forEach(e -> {
                    if (substitute(pieces, "{extra:" + e.getKey() + "}", e.getValue(), false)) {
                        kept.extra(e.getKey(), e.getValue());
                    }
                });
        if (pieces.stream().noneMatch(piece -> piece instanceof Slot slot && !slot.text().equals("{number}"))) {
            return Optional.empty();
        }
        // Each line break a piece of its own, so that entries are compared line by line.
        List<Object> lines = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                int start = 0;
                for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                    if (nl > start) {
                        lines.add(text.substring(start, nl));
                    }
                    lines.add("\n");
                    start = nl + 1;
                }
                if (start < text.length()) {
                    lines.add(text.substring(start));
                }
            } else {
                lines.add(piece);
            }
        }
        return Optional.of(new Candidate(lines, kept, p));
    }

    /**
     * The entry as the page shows it: one space at the end of a line shows nothing (two are a line break), so
     * entries that differ by it alone are alike.
     */
    static String visible(String written) {
        StringBuilder out = new StringBuilder(written.length());
        int start = 0;
        while (start <= written.length()) {
            int nl = written.indexOf('\n', start);
            int end = nl < 0 ? written.length() : nl;
            int cut = end;
            if (cut > start && written.charAt(cut - 1) == ' ' && (cut - 1 == start || written.charAt(cut - 2) != ' ')) {
                cut--;
            }
            out.append(written, start, cut);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    /** A field's slot among a template's text pieces, as the template writes it ({@code {title}}). */
    record Slot(String text) {}

    // Puts the slot in place of the value's first whole occurrence in the text pieces (or every one: a link
    // written twice); whether there was one. A short name written again inside a link stays text there.
    static boolean substitute(List<Object> pieces, String slot, String value, boolean every) {
        if (value.isEmpty()) {
            return false;
        }
        boolean found = false;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) instanceof String text) {
                int at = text.indexOf(value);
                if (at >= 0) {
                    pieces.remove(i);
                    int j = i;
                    if (at > 0) {
                        pieces.add(j++, text.substring(0, at));
                    }
                    pieces.add(j++, new Slot(slot));
                    if (at + value.length() < text.length()) {
                        pieces.add(j, text.substring(at + value.length()));
                    }
                    found = true;
                    if (!every) {
                        return true;
                    }
                }
            }
        }
        return found;
    }

    // The paper's date where the entry spells it (or, when the paper has none, the first date the entry spells),
    // as a slot with the spelling; the date the template then shows.
    private static PartialDate date(List<Object> pieces, PartialDate known) {
        boolean[] year = new boolean[pieces.size()];
        boolean any = false;
        for (int i = 0; i < pieces.size(); i++) {
            year[i] = pieces.get(i) instanceof String text && DateSpelling.mayHoldDate(text);
            any |= year[i];
        }
        if (!any) {
            return known;
        }
        for (DateSpelling spelling : SPELLINGS) {
            String pattern = spelling.toString();
            for (int i = 0; i < pieces.size(); i++) {
                if (!year[i]) {
                    continue;
                }
                String text = (String) pieces.get(i);
                Optional<DateSpelling.Found> found = spelling.find(text, 0);
                while (found.isPresent() && known != null && !found.get().date().equals(known)) {
                    found = spelling.find(text, found.get().start() + 1);
                }
                if (found.isPresent()) {
                    DateSpelling.Found f = found.get();
                    pieces.remove(i);
                    int j = i;
                    if (f.start() > 0) {
                        pieces.add(j++, text.substring(0, f.start()));
                    }
                    pieces.add(j++, new Slot("{date:" + pattern + "}"));
                    if (f.end() < text.length()) {
                        pieces.add(j, text.substring(f.end()));
                    }
                    return f.date();
                }
            }
        }
        return known;
    }

    private static final Pattern SLOT_REFERENCE = Pattern.compile("\\{[a-z]+(:[^{}]*)?\\}");
    private static final Pattern LINK_OPENER = Pattern.compile("\\[+[^\\[\\]()]*\\]\\($");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\n]*\\]\\((https?://img\\.shields\\.io/github/stars/[^)\\s]+)\\)");
    private static final Pattern REPO_LINK = Pattern.compile("\\]\\((https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)\\)");

    // The first link to a GitHub repository the entry makes that is not the paper's own link and is written as
    // the {code} slot writes it; null for none.
    private static GitHubRepo repoLink(String entry, String url) {
        String own = url == null ? null : MarkdownText.url(url);
        Matcher m = REPO_LINK.matcher(entry);
        while (m.find()) {
            if (m.group(1).equals(own)) {
                continue;
            }
            Optional<GitHubRepo> repo = GitHubRepo.parse(m.group(1));
            // A clone URL ("….git") is the repository's link with the suffix, which the template keeps as text.
            if (repo.isPresent() && (MarkdownText.url(repo.get().link()).equals(m.group(1))
                    || (MarkdownText.url(repo.get().link()) + ".git").equals(m.group(1)))) {
                return repo.get();
            }
        }
        return null;
    }

    // The repository the entry's first star badge counts, linked or not, when no link names the code: a list
    // that links a repository's star count to the paper's own GitHub link, or shows the count alone, has its
    // code there. Null for none.
    private static GitHubRepo starredRepo(String entry) {
        Matcher m = IMAGE.matcher(entry);
        while (m.find()) {
            Optional<GitHubRepo> repo = BadgeUrls.starredSlug(m.group(1)).flatMap(GitHubRepo::parse);
            if (repo.isPresent()) {
                return repo.get();
            }
        }
        return null;
    }

    private static final Pattern TAGGED = Pattern.compile("(?:\\d{1,4}[.)] +)?(?:\\[[^\\[\\]]*\\] *)+(\\S.*)");

    /**
     * The paper with the title the entry writes after the tags it opens with ("8. [CVPR '24] Title", a number and
     * a bracketed venue that the list writes as they are and the {@code {title}} slot would escape), which then
     * stay the entry's text; null when the title has no such tags or the slot finds it whole anyway.
     */
    private static Paper untagged(Paper p, String entry, EntryTemplates slots) {
        String title = p.title();
        if (!entry.contains(title) || entry.contains(slots.value("title", p))) {
            return null;
        }
        Matcher m = TAGGED.matcher(title);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(1).strip();
        Paper trimmed = rebuild(p, p.submitted()).name(p.name().equals(title) ? rest : p.name()).title(rest).build();
        return entry.contains(slots.value("title", trimmed)) ? trimmed : null;
    }

    // The paper's fields as the template shows them: the date it spells, and no extra fields until named.
    private static Paper.Builder rebuild(Paper p, PartialDate date) {
        Paper.Builder b = Paper.builder(p.name(), p.title()).id(p.id()).url(p.url()).code(p.code()).venue(p.venue())
                .submitted(date).authors(p.authors()).tags(p.tags()).abstractText(p.abstractText()).arxiv(p.arxiv())
                .topics(p.topics()).summary(p.summary()).comment(p.comment()).added(p.added()).image(p.image())
                .position(p.position());
        p.badges().forEach(b::badge);
        p.notes().forEach(b::note);
        return b;
    }
}
