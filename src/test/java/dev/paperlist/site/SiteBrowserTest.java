package dev.paperlist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.render.TopicIndex;
import dev.paperlist.testing.Chromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This repository's site in a real headless Chromium, opened from {@code file://}: typing into the
 * search box shows exactly the matching papers, "more" and "hide" open and close a topic's fold, the
 * colour scheme follows the system, no script or policy error is raised, and screenshots of the
 * index and a topic page land in {@code target/screenshots}. Runs when {@code -Dbrowser.test=true}
 * ({@code .ci/browser-test} sets it after installing Chromium), where a missing Chromium is a failure.
 */
class SiteBrowserTest {
    private static final Path SITE = Path.of("target", "browser-site");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static Catalog catalog;
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Boolean.getBoolean("browser.test"), "browser tests run with -Dbrowser.test=true (.ci/browser-test)");
        String executable = Chromium.executable();
        assertThat(executable).as("a Chromium on the PATH or in $CHROMIUM").isNotNull();
        catalog = CatalogLoader.load(Path.of("papers.yaml"), "papers.yaml");
        SiteFolder.write(SITE, SITE.toString(), SiteRenderer.render(catalog, "Awesome Multimodal Papers"));
        browser = Chromium.launch(executable, 1280, 900);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void searchShowsExactlyThePapersThatMatchAsYouType() throws IOException {
        browser.open(url("index.html"));
        assertThat(visiblePapers()).hasSize(catalog.distinctPapers().size());

        browser.eval("document.getElementById('search').focus()");
        browser.type("tokenizer");
        List<String> expected = matching("tokenizer");
        assertThat(expected).as("a query that keeps some papers and hides others").hasSizeBetween(2, 8);
        assertThat(visiblePapers()).containsExactlyElementsOf(expected);
        assertThat(browser.eval("document.getElementById('status').textContent").asText())
                .isEqualTo(expected.size() + " of 10 papers match “tokenizer”.");
        browser.screenshot(SHOTS.resolve("index-search.png"), 2400);

        clearSearch();
        browser.type("ICLR 2024");
        assertThat(visiblePapers()).containsExactlyElementsOf(matching("ICLR 2024")).hasSize(3);
        assertThat(browser.eval("[...document.querySelectorAll('section.section')].filter(s => !s.hidden).length")
                .asInt()).as("sections left showing: Multimodal and Large Multimodal Models").isEqualTo(2);

        clearSearch();
        browser.type("no such paper");
        assertThat(visiblePapers()).isEmpty();
        assertThat(browser.eval("document.getElementById('status').textContent").asText())
                .isEqualTo("No paper matches “no such paper”.");

        clearSearch();
        assertThat(visiblePapers()).hasSize(10);
        browser.screenshot(SHOTS.resolve("index.png"), 4000);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void moreAndHideOpenAndCloseATopicsFold() throws IOException {
        TopicIndex.Topic topic = TopicIndex.of(catalog).topic("ComputerVision");
        assertThat(topic.papers()).hasSizeGreaterThan(3);
        browser.open(url("tags/" + topic.fileName() + ".html"));
        assertThat(visiblePapers()).hasSize(3);
        assertThat(browser.eval("document.querySelector('button.more').textContent").asText())
                .isEqualTo("more (" + (topic.papers().size() - 3) + ")");

        browser.click("button.more");
        assertThat(visiblePapers()).hasSize(topic.papers().size());
        assertThat(browser.eval("document.querySelector('button.more').hidden").asBoolean()).isTrue();
        browser.screenshot(SHOTS.resolve("tag-page.png"), 4000);

        browser.click("button.hide");
        assertThat(visiblePapers()).hasSize(3);

        // A search looks inside the fold too, and closing the search closes the fold again.
        browser.eval("document.getElementById('search').focus()");
        browser.type("icml");
        assertThat(visiblePapers()).containsExactlyElementsOf(matching("icml", topic.papers())).hasSize(2);
        clearSearch();
        assertThat(visiblePapers()).hasSize(3);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void topicButtonsLinkAcrossPagesAndTheColourSchemeFollowsTheSystem() throws IOException {
        browser.open(url("index.html"));
        browser.follow("article.paper .tag");
        assertThat(browser.eval("location.pathname").asText()).contains("/tags/").endsWith(".html");
        assertThat(browser.eval("document.querySelectorAll('article.paper').length").asInt()).isPositive();

        browser.colorScheme("dark");
        browser.open(url("index.html"));
        String dark = browser.eval("getComputedStyle(document.body).backgroundColor").asText();
        browser.screenshot(SHOTS.resolve("index-dark.png"), 1600);
        browser.colorScheme("light");
        browser.open(url("index.html"));
        String light = browser.eval("getComputedStyle(document.body).backgroundColor").asText();
        assertThat(dark).isEqualTo("rgb(13, 17, 23)");
        assertThat(light).isEqualTo("rgb(246, 248, 250)");
        assertThat(browser.errors()).isEmpty();
    }

    private void clearSearch() {
        browser.eval("(() => { const s = document.getElementById('search'); s.focus(); s.select(); })()");
        browser.type("\b");
        browser.eval("(() => { const s = document.getElementById('search'); if (s.value) { s.value = '';"
                + " s.dispatchEvent(new Event('input')); } })()");
    }

    private List<String> visiblePapers() {
        JsonNode ids = browser.eval("[...document.querySelectorAll('article.paper')]"
                + ".filter(a => a.offsetParent !== null).map(a => a.id)");
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.asText()));
        return out;
    }

    private static List<String> matching(String query) {
        return matching(query, catalog.distinctPapers());
    }

    // The site's rule: every word of the query is in the paper's name, title, authors, topics, tags or venue.
    private static List<String> matching(String query, List<Paper> papers) {
        List<String> ids = new ArrayList<>();
        for (Paper p : papers) {
            List<String> fields = new ArrayList<>(List.of(p.name(), p.title(), TopicIndex.venue(p)));
            fields.addAll(p.authors());
            fields.addAll(p.topics());
            fields.addAll(p.tags());
            String text = String.join(" ", fields).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String term : query.toLowerCase(Locale.ROOT).split("\\s+")) {
                all &= text.contains(term);
            }
            if (all) {
                ids.add(dev.paperlist.markdown.Slugger.slugify(p.name()));
            }
        }
        return ids;
    }

    private static String url(String page) {
        return SITE.resolve(page).toAbsolutePath().toUri().toString();
    }
}
