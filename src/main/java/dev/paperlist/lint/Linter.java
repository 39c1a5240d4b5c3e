package dev.paperlist.lint;

import dev.paperlist.catalog.PaperFields;
import dev.paperlist.catalog.yaml.SourceIndex;
import dev.paperlist.markdown.HeadingTexts;
import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Output;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Part;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.markdown.EntryTemplates;
import dev.paperlist.markdown.WrittenHeading;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of {@code paperlist lint} on a catalogue the loader accepted: what a maintainer wants to
 * know but that does not stop a render. Warnings come in file order; rules the catalogue's settings
 * disable are left out.
 */
public final class Linter {
    private static final Pattern STAR_IMAGE = Pattern.compile(
            "https?://img\\.shields\\.io/github/(?:stars|forks|watchers)/([^/?#]+)/([^/?#]+?)(?:\\.svg)?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);
    // What arXiv comments and hand-written notes say once a paper is accepted.
    private static final Pattern PUBLISHED = Pattern.compile(
            "\\b(?:accepted|published|to appear)\\b[^.;]{0,12}?\\b(?:at|in|by|to|for)\\b"
                    + "|\\b(?:ICLR|NeurIPS|NIPS|ICML|ACL|EMNLP|NAACL|EACL|COLING|CVPR|ICCV|ECCV|WACV|AAAI|IJCAI|KDD|SIGIR"
                    + "|WWW|TPAMI|TACL|JMLR|TMLR|Interspeech|ICASSP|CoRL|RSS|ICRA|IROS|MICCAI)\\s*'?(?:19|20)?\\d{2}\\b",
            Pattern.CASE_INSENSITIVE);

    private final Catalog catalog;
    private final SourceIndex index;
    private final List<LintWarning> warnings = new ArrayList<>();
    private final EntryTemplates entries;

    private Linter(Catalog catalog, SourceIndex index) {
        this.entries = new EntryTemplates(catalog.settings());
        this.catalog = catalog;
        this.index = index;
    }

    /** Every warning on the catalogue, sorted by line, column and rule. */
    public static List<LintWarning> lint(Catalog catalog, SourceIndex index) {
        Linter linter = new Linter(catalog, index);
        linter.run();
        Set<LintRule> disabled = Set.copyOf(catalog.settings().lintDisabled());
        return linter.warnings.stream()
                .filter(w -> !disabled.contains(w.rule()))
                .sorted(Comparator.comparingInt((LintWarning w) -> w.position().line())
                        .thenComparingInt(w -> w.position().column())
                        .thenComparing(w -> w.rule().ordinal()))
                .toList();
    }

    private void run() {
        Map<String, Paper> titles = new HashMap<>();
        for (Paper paper : catalog.distinctPapers()) {
            paperFields(paper);
            links(paper);
            starBadges(paper);
            duplicateTitle(paper, titles);
        }
        for (Section section : catalog.sections()) {
            emptySections(section);
        }
        anchorCollisions();
    }

    // ---- one paper ----

    private void paperFields(Paper p) {
        if (p.abstractText() == null) {
            warn(p.position(), LintRule.NO_ABSTRACT, "paper '" + p.name() + "' has no 'abstract'");
        }
        if (p.submitted() == null) {
            warn(p.position(), LintRule.NO_DATE, "paper '" + p.name() + "' has no submission date ('submitted')");
        }
        if (p.url() == null) {
            String hint = p.arxivId().map(id -> "; add url: " + id.absUrl()).orElse("");
            warn(p.position(), LintRule.NO_LINK, "paper '" + p.name() + "' has no 'url', so its title is not a link"
                    + hint);
        }
        if (p.venue() == null) {
            String shown = "paper '" + p.name() + "' shows '" + catalog.settings().notAccepted() + "'";
            Optional<String> host = p.url() == null ? Optional.empty() : Hosts.host(p.url());
            if (host.isPresent() && Hosts.publishesProceedings(host.get())) {
                warn(value(p, "url"), LintRule.MISSING_VENUE, shown + " but its url is on " + host.get()
                        + ", where accepted papers are published; set 'venue'");
            } else if (p.comment() != null) {
                Matcher m = PUBLISHED.matcher(p.comment());
                if (m.find()) {
                    warn(value(p, "comment"), LintRule.MISSING_VENUE, shown + " but its comment says '" + m.group()
                            + "'; set 'venue'");
                }
            }
        }
    }

    // Every URL the registry declares, in a paper or in its badges and notes.
    @SuppressWarnings("unchecked")
    private void links(Paper p) {
        for (PaperFields.Field<?> field : PaperFields.ALL) {
            switch (field.type()) {
                case URL -> httpLink((String) field.get().apply(p), p, field.key());
                case BADGE_LIST -> itemLinks(p, field.key(), (List<Badge>) field.get().apply(p), PaperFields.BADGE);
                case NOTE_LIST -> itemLinks(p, field.key(), (List<NoteLink>) field.get().apply(p), PaperFields.NOTE);
                default -> { }
            }
        }
    }

    private <I> void itemLinks(Paper p, String key, List<I> items, List<PaperFields.ItemField<I>> fields) {
        for (int i = 0; i < items.size(); i++) {
            for (PaperFields.ItemField<I> field : fields) {
                if (field.type() == PaperFields.Type.URL) {
                    httpLink(field.get().apply(items.get(i)), p, key, i, field.key());
                }
            }
        }
    }

    private void httpLink(String url, Paper p, Object... path) {
        if (url == null || !url.regionMatches(true, 0, "http://", 0, 7)) {
            return;
        }
        Hosts.host(url).filter(Hosts::servesHttps).ifPresent(host -> warn(value(p, path), LintRule.HTTP_LINK,
                "'" + path[path.length - 1] + "' of '" + p.name() + "' uses http:// but " + host
                        + " serves https; write https://" + url.substring(7)));
    }

    private void starBadges(Paper p) {
        for (int i = 0; i < p.badges().size(); i++) {
            Badge badge = p.badges().get(i);
            Matcher star = badge.image() == null ? null : STAR_IMAGE.matcher(badge.image());
            if (star == null || !star.matches()) {
                continue;
            }
            String counted = star.group(1) + "/" + star.group(2);
            SourcePosition at = value(p, "badges", i, "image");
            Optional<GitHubRepo> linked = GitHubRepo.parse(badge.url()).filter(r -> badge.url().contains("github.com"));
            if (p.code() == null) {
                warn(at, LintRule.STAR_REPO_MISMATCH, "a star badge of '" + p.name() + "' counts " + counted
                        + " but the paper has no 'code'; write code: " + counted + " and drop the badge");
            } else if (!counted.equalsIgnoreCase(p.code().slug())) {
                warn(at, LintRule.STAR_REPO_MISMATCH, "a star badge of '" + p.name() + "' counts " + counted
                        + " but its 'code' is " + p.code().slug());
            } else if (linked.isPresent() && !linked.get().slug().equalsIgnoreCase(counted)) {
                warn(at, LintRule.STAR_REPO_MISMATCH, "a star badge of '" + p.name() + "' counts " + counted
                        + " but links to " + linked.get().slug());
            }
        }
    }

    private void duplicateTitle(Paper p, Map<String, Paper> titles) {
        String key = normalisedTitle(p.title());
        if (key.isEmpty()) {
            return;
        }
        Paper first = titles.putIfAbsent(key, p);
        if (first != null) {
            warn(value(p, "title"), LintRule.DUPLICATE_TITLE, "paper '" + p.name() + "' has the title of '"
                    + first.name() + "' at line " + first.position().line()
                    + "; if it is the same paper, list it once and use 'ref' elsewhere");
        }
    }

    /** Letters and digits only, case and accents folded: what makes two titles the same title. */
    static String normalisedTitle(String title) {
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit)
                .forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return out.toString();
    }

    // ---- sections and headings ----

    /** Reports the outermost sections that hold no paper in their whole subtree. */
    private void emptySections(Section section) {
        if (!holdsPaperBelow(section)) {
            warn(section.position(), LintRule.EMPTY_SECTION, "section '" + section.title() + "' holds no paper"
                    + (section.sections().isEmpty() ? "" : ", nor do its subsections"));
            return;
        }
        section.sections().forEach(this::emptySections);
    }

    private static boolean holdsPaperBelow(Section section) {
        return !section.papers().isEmpty() || section.sections().stream().anyMatch(Linter::holdsPaperBelow);
    }

    private record Heading(String text, Object owner, SourcePosition position) {}

    private void anchorCollisions() {
        List<Heading> headings = new ArrayList<>();
        collectHeadings(catalog.sections(), papersAreHeadings(), headings);
        Slugger slugger = new Slugger();
        Map<String, Heading> byAnchor = new HashMap<>();
        for (Heading h : headings) {
            String shown = HeadingTexts.ofCatalogueText(h.text());
            String base = Slugger.slugify(shown);
            String anchor = slugger.slug(shown);
            byAnchor.put(anchor, h);
            Heading owner = byAnchor.get(base);
            if (!anchor.equals(base) && owner != null && owner.owner() != h.owner()) {
                warn(h.position(), LintRule.ANCHOR_COLLISION, "heading '" + shown + "' makes the anchor #" + base
                        + " of '" + HeadingTexts.ofCatalogueText(owner.text()) + "' at line " + owner.position().line()
                        + ", so GitHub gives it #" + anchor + "; rename one of them");
            }
        }
    }

    // Papers are headings in the notes layout; the table and list layouts head only sections.
    private boolean papersAreHeadings() {
        List<Output> outputs = catalog.settings().outputs();
        return outputs.isEmpty() ? "notes".equals(catalog.settings().layout())
                : outputs.stream().anyMatch(o -> "notes".equals(o.layout()));
    }

    private void collectHeadings(List<Section> sections, boolean papers, List<Heading> out) {
        for (Section section : sections) {
            out.add(new Heading(section.title(), section, section.position()));
            // A section with a layout of its own (list or table) heads no paper.
            if (papers && section.layout() == null) {
                listedHeadings(section.content(), section, List.of("papers"), out);
            }
            collectHeadings(section.sections(), papers, out);
        }
    }

    // A heading per place a paper is listed, at the item of 'papers' (or of one nested in an item) there.
    private void listedHeadings(List<Part> parts, Section section, List<Object> path, List<Heading> out) {
        int number = 0;
        for (int i = 0; i < parts.size(); i++) {
            List<Object> at = new ArrayList<>(path);
            at.add(i);
            number = parts.get(i) instanceof Part.Text ? 0 : number + 1;
            if (parts.get(i) instanceof Part.Listed listed) {
                Paper paper = listed.paper();
                SourcePosition listedAt = index.at(section.position(), at.toArray()).orElse(paper.position());
                // An entry kept as written (or written by the list's template) shows the heading it opens with, or none.
                String written = entries.written(paper, section.entries(), number);
                WrittenHeading heading = written == null ? null : WrittenHeading.of(written);
                if (written == null) {
                    out.add(new Heading(paper.name(), paper, listedAt));
                } else if (heading != null) {
                    out.add(new Heading(heading.text(), paper, listedAt));
                }
            } else if (parts.get(i) instanceof Part.Item item) {
                at.add("papers");
                listedHeadings(item.parts(), section, at, out);
            }
        }
    }

    // ---- helpers ----

    private SourcePosition value(Paper p, Object... path) {
        return index.at(p.position(), path).orElse(p.position());
    }

    private void warn(SourcePosition at, LintRule rule, String message) {
        warnings.add(new LintWarning(at, rule, message));
    }
}
