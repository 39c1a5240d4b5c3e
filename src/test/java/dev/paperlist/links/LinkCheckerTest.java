package dev.paperlist.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.paperlist.links.LinkResult.Verdict;
import dev.paperlist.metrics.Metrics;
import dev.paperlist.testing.LinkServer;
import dev.paperlist.testing.LinkServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker with a fixed clock: what the cache spares, and the limits on requests at once. */
class LinkCheckerTest {
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    private static LinkChecker checker(Instant now, int parallel, int perHost) {
        return new LinkChecker(new LinkChecker.Settings(Duration.ofDays(7), Duration.ofDays(1), parallel, perHost,
                Duration.ofSeconds(5), URI.create("http://127.0.0.1:9/doi")), Clock.fixed(now, ZoneOffset.UTC),
                Metrics.EMPTY, "papers.metrics.yaml", () -> {
                    throw new AssertionError("no arXiv id here");
                });
    }

    private static List<LinkSources.Found> found(String... urls) {
        LinkSources sources = new LinkSources();
        StringBuilder readme = new StringBuilder("<!-- paperlist:start -->\n<!-- paperlist:end -->\n");
        for (String url : urls) {
            readme.append("[x](").append(url).append(")\n\n");
        }
        sources.addReadme(readme.toString(), "README.md");
        return sources.found();
    }

    @Test
    void freshResultsComeFromTheCacheAndEachVerdictIsDueAfterItsOwnTimeToLive() {
        try (LinkServer server = new LinkServer()) {
            server.route("/alive", Reply.status(200)).route("/moved", Reply.redirect(308, "/alive"));
            String s = server.base();
            List<LinkSources.Found> links = found(s + "/alive", s + "/dead", s + "/moved");
            LinkCache cache = LinkCache.empty();

            LinkReport first = checker(T0, 4, 2).check(links, cache);
            assertThat(first.entries()).extracting(LinkReport.Entry::verdict)
                    .containsExactly(Verdict.ALIVE, Verdict.BROKEN, Verdict.MOVED);
            int sent = server.requests().size();
            assertThat(sent).isEqualTo(4);

            LinkReport hourLater = checker(T0.plus(Duration.ofHours(23)), 4, 2).check(links, cache);
            assertThat(server.requests()).hasSize(sent);
            assertThat(hourLater.fromCache()).isEqualTo(3);
            assertThat(hourLater.entries()).extracting(LinkReport.Entry::verdict)
                    .containsExactly(Verdict.ALIVE, Verdict.BROKEN, Verdict.MOVED);

            checker(T0.plus(Duration.ofDays(2)), 4, 2).check(links, cache);
            assertThat(server.requests().subList(sent, server.requests().size()))
                    .extracting(LinkServer.Request::path).containsExactly("/dead");

            LinkReport weekLater = checker(T0.plus(Duration.ofDays(8)), 4, 2).check(links, cache);
            assertThat(weekLater.checkedNow()).isEqualTo(3);
            assertThat(cache.text()).contains("\"checked\": \"2026-12-09T06:00:00Z\"");
        }
    }

    @Test
    void theCacheForgetsLinksNoLongerListedAndReadsBackWhatItWrote() throws IOException {
        LinkCache cache = LinkCache.empty();
        cache.put("https://a.example/", LinkResult.alive(T0));
        cache.put("https://b.example/", LinkResult.broken("HTTP 404", T0));
        cache.put("https://c.example/", LinkResult.unknown("HTTP 403", T0));
        cache.retainOnly(java.util.Set.of("https://b.example/", "https://c.example/"));
        assertThat(cache.text()).isEqualTo("""
                {
                  "version": 1,
                  "links": {
                    "https://b.example/": {"checked": "2026-12-01T06:00:00Z", "verdict": "broken", "reason": "HTTP 404"}
                  }
                }
                """);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("links", ".json");
        try {
            cache.write(file, "cache");
            assertThat(LinkCache.read(file).text()).isEqualTo(cache.text());
            java.nio.file.Files.writeString(file, "{not json");
            assertThat(LinkCache.read(file).size()).isZero();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void neverMoreRequestsAtOnceThanTheLimitPerHostAndInAll() {
        List<LinkServer> servers = new ArrayList<>();
        try {
            for (int i = 2; i <= 4; i++) {
                InetAddress address;
                try {
                    address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i});
                    servers.add(new LinkServer(address));
                } catch (IOException | RuntimeException e) {
                    assumeThat(false).as("this system has no loopback address 127.0.0." + i).isTrue();
                }
            }
            List<String> urls = new ArrayList<>();
            for (LinkServer server : servers) {
                server.route("/p/*", Reply.status(200).delayed(50));
                for (int n = 0; n < 12; n++) {
                    urls.add(server.base() + "/p/" + n);
                }
            }
            LinkReport report = checker(T0, 5, 2).check(found(urls.toArray(String[]::new)), LinkCache.empty());

            assertThat(report.count(Verdict.ALIVE)).isEqualTo(36);
            for (LinkServer server : servers) {
                assertThat(server.maxOpen()).as(server.base()).isBetween(1, 2);
                assertThat(server.requests()).hasSize(12);
            }

            try (LinkServer one = new LinkServer()) {
                one.route("/p/*", Reply.status(200).delayed(50));
                List<String> same = new ArrayList<>();
                for (int n = 0; n < 12; n++) {
                    same.add(one.base() + "/p/" + n);
                }
                checker(T0, 3, 4).check(found(same.toArray(String[]::new)), LinkCache.empty());
                assertThat(one.maxOpen()).isEqualTo(3);
            }
        } finally {
            servers.forEach(LinkServer::close);
        }
    }
}
