package dev.paperlist.render;

import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag pages of a catalogue, as GitHub Markdown: {@code README.md} lists every topic with its number
 * of papers, and one page per topic lists its papers newest first, each with its date, title link,
 * shortened authors, venue, links to its other topics, summary, comment and image. The first
 * {@code visible} papers show; the rest wait inside a {@code <details>} fold.
 */
public final class TagPages {
    /** The topic index page's file name inside the tag folder. */
    public static final String INDEX = "README.md";

    private TagPages() {}

    /**
     * Every page, by file name inside the tag folder, in a stable order.
     *
     * @param listLink the main list relative to the tag folder, such as {@code ../README.md}; {@code null} for none
     */
    public static Map<String, String> render(Catalog catalog, String catalogName, String listLink) {
        Settings.TagPages settings = catalog.settings().tagPages() != null ? catalog.settings().tagPages()
                : Settings.TagPages.DEFAULT;
        TopicIndex index = TopicIndex.of(catalog);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(INDEX, indexPage(catalog, index, catalogName, listLink));
        for (TopicIndex.Topic topic : index.topics()) {
            pages.put(topic.fileName() + ".md", topicPage(index, topic, settings.visible(), catalogName, listLink));
        }
        return pages;
    }

    private static String indexPage(Catalog catalog, TopicIndex index, String catalogName, String listLink) {
        StringBuilder out = new StringBuilder(1024);
        out.append(GeneratedPages.header(catalogName)).append("\n\n# Topics\n\n");
        int papers = catalog.distinctPapers().size();
        if (index.isEmpty()) {
            out.append("No paper has topics yet: give papers a `topics` list in ").append(MarkdownText.text(catalogName))
                    .append('.');
        } else {
            out.append(count(papers, "paper")).append(" in ").append(count(index.topics().size(), "topic"))
                    .append(", most papers first.");
        }
        if (listLink != null) {
            out.append(" [The list](").append(MarkdownText.url(listLink)).append(')');
        }
        out.append('\n');
        if (!index.isEmpty()) {
            out.append("\n| Topic | Papers |\n| :--- | ---: |\n");
            for (TopicIndex.Topic topic : index.topics()) {
                out.append("| ").append(topicLink(topic)).append(" | ").append(topic.papers().size()).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String topicPage(TopicIndex index, TopicIndex.Topic topic, int visible, String catalogName,
                                    String listLink) {
        StringBuilder out = new StringBuilder(4096);
        out.append(GeneratedPages.header(catalogName)).append("\n\n# ").append(MarkdownText.text(topic.name()))
                .append("\n\n").append(count(topic.papers().size(), "paper")).append(", newest first. [All topics](")
                .append(INDEX).append(')');
        if (listLink != null) {
            out.append(" · [The list](").append(MarkdownText.url(listLink)).append(')');
        }
        out.append('\n');
        List<Paper> papers = topic.papers();
        for (int i = 0; i < papers.size(); i++) {
            if (i == visible) {
                out.append("\n<details>\n<summary>more (").append(papers.size() - visible).append(")</summary>\n");
            }
            paper(out, index, topic, papers.get(i));
        }
        if (papers.size() > visible) {
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    private static void paper(StringBuilder out, TopicIndex index, TopicIndex.Topic current, Paper p) {
        out.append("\n### ");
        if (p.url() != null) {
            out.append('[').append(MarkdownText.text(p.title())).append("](").append(MarkdownText.url(p.url())).append(')');
        } else {
            out.append(MarkdownText.text(p.title()));
        }
        out.append("\n\n");
        List<String> meta = new ArrayList<>();
        if (TopicIndex.date(p) != null) {
            meta.add("**" + TopicIndex.date(p) + "**");
        }
        if (!TopicIndex.shortAuthors(p).isEmpty()) {
            meta.add(MarkdownText.text(TopicIndex.shortAuthors(p)));
        }
        if (!TopicIndex.venue(p).isEmpty()) {
            meta.add(MarkdownText.text(TopicIndex.venue(p)));
        }
        List<String> others = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(p.topics())) {
            if (!name.equals(current.name())) {
                others.add(topicLink(index.topic(name)));
            }
        }
        if (!others.isEmpty()) {
            meta.add(String.join(" ", others));
        }
        out.append(meta.isEmpty() ? MarkdownText.text(p.name()) : String.join(" · ", meta)).append('\n');
        if (p.summary() != null) {
            out.append("\n**Summary:** ").append(MarkdownText.inlineWithLinks(p.summary())).append('\n');
        }
        if (p.comment() != null) {
            out.append("\n**Comment:** ").append(MarkdownText.inlineWithLinks(p.comment())).append('\n');
        }
        if (p.image() != null) {
            out.append("\n![").append(MarkdownText.text(p.name())).append("](").append(MarkdownText.url(p.image()))
                    .append(")\n");
        }
    }

    private static String topicLink(TopicIndex.Topic topic) {
        return "[\\#" + MarkdownText.text(topic.name()) + "](" + MarkdownText.url(topic.fileName() + ".md") + ")";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
