package dev.paperlist.site;

import dev.paperlist.markdown.Slugger;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import dev.paperlist.render.TopicIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The static site of a catalogue: {@code index.html} with every section as the README has them,
 * {@code tags/index.html} with every topic, and one page per topic with its papers newest first, the
 * first few shown and the rest behind "more". Each page is self-contained: its style sheet and script
 * are inline, allowed by hash in a Content-Security-Policy that forbids every other script, style,
 * font and frame, so the pages work from {@code file://} and injected markup could not run. Same
 * catalogue, same bytes.
 */
public final class SiteRenderer {
    private static final String CSS = resource("site.css");
    private static final String JS = resource("site.js");
    private static final String CSP = "default-src 'none'; img-src http: https:; style-src '" + sha256(CSS)
            + "'; script-src '" + sha256(JS) + "'; base-uri 'none'; form-action 'none'";

    // Where the search reports how many papers match; empty, and so hidden, until there is a query.
    private static final String STATUS = "<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n";

    private final Catalog catalog;
    private final String title;
    private final TopicIndex topics;
    private final int visible;

    private SiteRenderer(Catalog catalog, String title) {
        this.catalog = catalog;
        this.title = title;
        this.topics = TopicIndex.of(catalog);
        this.visible = catalog.settings().tagPages() != null ? catalog.settings().tagPages().visible()
                : dev.paperlist.model.Settings.TagPages.DEFAULT.visible();
    }

    /**
     * Every file of the site by its path inside the site folder, in a stable order.
     *
     * @param title the site's name, shown in each page's header and title
     */
    public static Map<String, String> render(Catalog catalog, String title) {
        return new SiteRenderer(catalog, title).pages();
    }

    private Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index.html", index());
        pages.put("tags/index.html", tagIndex());
        for (TopicIndex.Topic topic : topics.topics()) {
            pages.put("tags/" + topic.fileName() + ".html", topicPage(topic));
        }
        return pages;
    }

    // ---- pages ----

    private String index() {
        int papers = catalog.distinctPapers().size();
        StringBuilder body = new StringBuilder(16384);
        body.append("<h1>").append(HtmlEscape.text(title)).append("</h1>\n");
        body.append("<p class=\"lead\">").append(count(papers, "paper")).append(" in ")
                .append(count(sectionCount(catalog.sections()), "section"));
        if (!topics.isEmpty()) {
            body.append(" and <a href=\"tags/index.html\">").append(count(topics.topics().size(), "topic")).append("</a>");
        }
        body.append(".</p>\n").append(STATUS);
        if (!topics.isEmpty()) {
            body.append("<nav class=\"topic-cloud\" aria-label=\"Topics\">");
            for (TopicIndex.Topic t : topics.topics()) {
                body.append(topicButton(t, "tags/", true));
            }
            body.append("</nav>\n");
        }
        Slugger slugger = new Slugger();
        List<SectionIds> ids = new ArrayList<>();
        assignIds(catalog.sections(), slugger, ids);
        if (!catalog.sections().isEmpty()) {
            body.append("<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2>\n");
            toc(body, ids, 0);
            body.append("</nav>\n");
        }
        body.append("<div id=\"results\">\n");
        for (SectionIds s : ids) {
            section(body, s, 2);
        }
        body.append("</div>\n");
        return page(title, "", body.toString(), papers);
    }

    private String tagIndex() {
        StringBuilder body = new StringBuilder(4096);
        body.append("<h1>Topics</h1>\n<p class=\"lead\">").append(count(catalog.distinctPapers().size(), "paper"))
                .append(" in ").append(count(topics.topics().size(), "topic")).append(", most papers first.</p>\n");
        if (topics.isEmpty()) {
            body.append("<p>No paper has topics yet.</p>\n");
        } else {
            body.append("<ul class=\"topic-list\">\n");
            for (TopicIndex.Topic t : topics.topics()) {
                body.append("<li>").append(topicButton(t, "", true)).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        return page("Topics · " + title, "../", body.toString(), -1);
    }

    private String topicPage(TopicIndex.Topic topic) {
        StringBuilder body = new StringBuilder(16384);
        body.append("<h1><span class=\"hash\">#</span>").append(HtmlEscape.text(topic.name())).append("</h1>\n");
        body.append("<p class=\"lead\">").append(count(topic.papers().size(), "paper"))
                .append(", newest first. <a href=\"index.html\">All topics</a></p>\n").append(STATUS);
        body.append("<div id=\"results\">\n");
        Slugger slugger = new Slugger();
        List<Paper> papers = topic.papers();
        for (int i = 0; i < papers.size(); i++) {
            if (i == visible) {
                body.append("<div class=\"fold\">\n<button type=\"button\" class=\"more\" hidden>more (")
                        .append(papers.size() - visible).append(")</button>\n<div class=\"fold-items\">\n");
            }
            paper(body, papers.get(i), slugger.slug(papers.get(i).name()), 2, "", topic.name());
        }
        if (papers.size() > visible) {
            body.append("<button type=\"button\" class=\"hide\" hidden>hide</button>\n</div>\n</div>\n");
        }
        body.append("</div>\n");
        return page("#" + topic.name() + " · " + title, "../", body.toString(), topic.papers().size());
    }

    /**
     * @param root the path from this page to the site's root, {@code ""} or {@code ../}
     * @param papers how many papers the search filters on this page; negative for a page without search
     */
    private String page(String pageTitle, String root, String body, int papers) {
        StringBuilder out = new StringBuilder(body.length() + CSS.length() + JS.length() + 2048);
        out.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append(SiteFolder.GENERATOR).append("\n")
                .append("<title>").append(HtmlEscape.text(pageTitle)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"bar\"><div class=\"wrap bar-inner\">")
                .append("<a class=\"brand\" href=\"").append(root).append("index.html\">")
                .append(HtmlEscape.text(title)).append("</a>")
                .append("<nav class=\"bar-links\"><a href=\"").append(root).append("index.html\">Papers</a>")
                .append("<a href=\"").append(root).append("tags/index.html\">Topics</a></nav>");
        if (papers >= 0) {
            out.append("<input type=\"search\" id=\"search\" placeholder=\"Search title, author, topic, venue\" ")
                    .append("aria-label=\"Search papers by title, author, topic or venue\" autocomplete=\"off\" ")
                    .append("spellcheck=\"false\">");
        }
        out.append("</div></header>\n<main class=\"wrap\">\n");
        out.append(body).append("</main>\n<footer class=\"wrap foot\">Generated by paperlist.</footer>\n<script>")
                .append(JS).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---- sections ----

    /** A section with the ids of its heading and of each of its paper listings, in page order. */
    private record SectionIds(Section section, String id, List<String> paperIds, List<SectionIds> children) {}

    private static void assignIds(List<Section> sections, Slugger slugger, List<SectionIds> out) {
        for (Section s : sections) {
            String id = slugger.slug(s.title());
            List<String> paperIds = new ArrayList<>();
            for (Paper p : s.papers()) {
                paperIds.add(slugger.slug(p.name()));
            }
            List<SectionIds> children = new ArrayList<>();
            assignIds(s.sections(), slugger, children);
            out.add(new SectionIds(s, id, paperIds, children));
        }
    }

    private static void toc(StringBuilder out, List<SectionIds> sections, int depth) {
        out.append("<ul>");
        for (SectionIds s : sections) {
            out.append("<li><a href=\"#").append(HtmlEscape.url(s.id())).append("\">")
                    .append(HtmlEscape.text(s.section().title())).append("</a> <span class=\"n\">")
                    .append(listings(s.section())).append("</span>");
            if (!s.children().isEmpty()) {
                toc(out, s.children(), depth + 1);
            }
            out.append("</li>");
        }
        out.append("</ul>\n");
    }

    private void section(StringBuilder out, SectionIds s, int level) {
        int h = Math.min(level, 6);
        out.append("<section class=\"section\">\n<h").append(h).append(" id=\"").append(HtmlEscape.text(s.id()))
                .append("\">").append(HtmlEscape.text(s.section().title())).append("</h").append(h).append(">\n");
        List<Paper> papers = s.section().papers();
        for (int i = 0; i < papers.size(); i++) {
            paper(out, papers.get(i), s.paperIds().get(i), Math.min(level + 1, 6), "tags/", null);
        }
        for (SectionIds child : s.children()) {
            section(out, child, level + 1);
        }
        out.append("</section>\n");
    }

    // ---- one paper ----

    private void paper(StringBuilder out, Paper p, String id, int level, String tagBase, String currentTopic) {
        List<String> search = new ArrayList<>();
        search.add(p.name());
        search.add(p.title());
        search.addAll(p.authors());
        search.addAll(p.topics());
        search.addAll(p.tags());
        if (!TopicIndex.venue(p).isEmpty()) {
            search.add(TopicIndex.venue(p));
        }
        out.append("<article class=\"paper\" id=\"").append(HtmlEscape.text(id)).append("\" data-search=\"")
                .append(HtmlEscape.text(String.join(" \u241F ", search))).append("\">\n");
        List<String> others = new ArrayList<>(new LinkedHashSet<>(p.topics()));
        others.remove(currentTopic);
        if (!others.isEmpty()) {
            out.append("<div class=\"tags\">");
            for (String name : others) {
                out.append(topicButton(topics.topic(name), tagBase, false));
            }
            out.append("</div>\n");
        }
        out.append("<h").append(level).append(" class=\"title\">");
        if (p.url() != null) {
            out.append("<a href=\"").append(HtmlEscape.url(p.url())).append("\">").append(HtmlEscape.text(p.title()))
                    .append("</a>");
        } else {
            out.append(HtmlEscape.text(p.title()));
        }
        out.append("</h").append(level).append(">\n<p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        if (!p.name().equals(p.title())) {
            meta.add("<span class=\"name\">" + HtmlEscape.text(p.name()) + "</span>");
        }
        if (TopicIndex.date(p) != null) {
            meta.add("<span class=\"date\">" + TopicIndex.date(p) + "</span>");
        }
        if (!p.authors().isEmpty()) {
            meta.add("<span class=\"authors\" title=\"" + HtmlEscape.text(String.join(", ", p.authors())) + "\">"
                    + HtmlEscape.text(TopicIndex.shortAuthors(p)) + "</span>");
        }
        if (!TopicIndex.venue(p).isEmpty()) {
            meta.add("<span class=\"venue" + (p.venue() == null ? " preprint" : "") + "\">"
                    + HtmlEscape.text(TopicIndex.venue(p)) + "</span>");
        }
        out.append(String.join("<span class=\"sep\"> · </span>", meta)).append("</p>\n");
        links(out, p);
        if (!p.tags().isEmpty()) {
            out.append("<p class=\"keywords\">");
            for (String tag : p.tags()) {
                out.append("<span class=\"keyword\">").append(HtmlEscape.text(tag)).append("</span>");
            }
            out.append("</p>\n");
        }
        if (p.summary() != null) {
            out.append("<p class=\"snippet\"><span class=\"label\">Summary</span>")
                    .append(SiteMarkdown.inline(p.summary())).append("</p>\n");
        }
        if (p.comment() != null) {
            out.append("<p class=\"snippet\"><span class=\"label\">Comment</span>")
                    .append(SiteMarkdown.inline(p.comment())).append("</p>\n");
        }
        if (p.abstractText() != null) {
            out.append("<details class=\"abstract\"><summary>Abstract</summary><p>")
                    .append(SiteMarkdown.inline(p.abstractText())).append("</p></details>\n");
        }
        if (p.image() != null) {
            out.append("<figure><img src=\"").append(HtmlEscape.url(p.image())).append("\" alt=\"")
                    .append(HtmlEscape.text(p.name())).append("\" loading=\"lazy\"></figure>\n");
        }
        out.append("</article>\n");
    }

    private static void links(StringBuilder out, Paper p) {
        List<String> links = new ArrayList<>();
        if (p.code() != null) {
            links.add(link(p.code().link(), "Code", p.code().slug()));
        }
        for (Badge b : p.badges()) {
            links.add(link(b.url(), null, badgeText(b)));
        }
        for (NoteLink note : p.notes()) {
            links.add(link(note.url(), "Note", note.label()));
        }
        if (!links.isEmpty()) {
            out.append("<p class=\"links\">").append(String.join("", links)).append("</p>\n");
        }
    }

    private static String link(String url, String kind, String text) {
        return "<a class=\"chip\" href=\"" + HtmlEscape.url(url) + "\">"
                + (kind == null ? "" : "<span class=\"kind\">" + kind + "</span>") + HtmlEscape.text(text) + "</a>";
    }

    private static String badgeText(Badge b) {
        return switch (b.kind()) {
            case "project" -> b.message() != null ? b.message() : "Project Page";
            case "zhihu" -> "知乎";
            case "blog" -> (b.label() != null ? b.label() + " " : "") + "Blog";
            default -> b.alt() != null ? b.alt() : b.message() != null ? b.message() : b.label() != null ? b.label() : "Link";
        };
    }

    private static String topicButton(TopicIndex.Topic t, String base, boolean withCount) {
        return "<a class=\"tag\" href=\"" + HtmlEscape.url(base + t.fileName() + ".html") + "\">#"
                + HtmlEscape.text(t.name()) + (withCount ? "<span class=\"n\">" + t.papers().size() + "</span>" : "")
                + "</a>";
    }

    // ---- helpers ----

    private static int listings(Section s) {
        int n = s.papers().size();
        for (Section c : s.sections()) {
            n += listings(c);
        }
        return n;
    }

    private static int sectionCount(List<Section> sections) {
        int n = sections.size();
        for (Section s : sections) {
            n += sectionCount(s.sections());
        }
        return n;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String resource(String name) {
        try (InputStream in = SiteRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
