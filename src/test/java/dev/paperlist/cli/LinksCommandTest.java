package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.testing.ArxivFeeds;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.FakeTime;
import dev.paperlist.testing.LinkServer;
import dev.paperlist.testing.LinkServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperlist links} end to end against a local server that plays the web, the arXiv API and the
 * doi.org handle API: every kind of answer, each URL requested once, positions, formats, the cache.
 */
class LinksCommandTest {
    private static final String CATALOG = """
            sections:
              - title: Links
                text: "See [the survey](S/ok) first."
                papers:
                  - name: A
                    title: Paper A
                    url: S/ok
                    code: owner/alive
                    notes:
                      - {label: n1, url: "S/missing"}
                      - {label: n2, url: "S/gone"}
                  - name: B
                    title: Paper B
                    url: S/missing
                    arxiv: 2402.12226
                    badges:
                      - {kind: project, url: "S/r301"}
                      - {kind: zhihu, url: "S/r302"}
                  - name: C
                    title: Paper C
                    url: https://arxiv.org/abs/2402.99999
                    code: owner/gone
                    image: S/nohead
                    notes:
                      - {label: chain, url: "S/r308"}
                      - {label: loop, url: "S/loop1"}
                  - name: D
                    title: Paper D
                    url: https://doi.org/10.1000/found
                    code: https://github.com/owner/old/tree/main/src
                    notes:
                      - {label: doi, url: "https://dx.doi.org/10.1000/missing"}
                      - {label: arxiv, url: "https://arxiv.org/pdf/2402.12226v2.pdf"}
                      - {label: slow, url: "S/slow"}
                      - {label: redirected, url: "S/r301-404"}
            """;
    private static final String METRICS = """
            # written by paperlist refresh
            repos:
              owner/alive: {status: ok, fetched: 2026-12-01T00:00:00Z}
              owner/gone: {status: missing, fetched: 2026-12-01T00:00:00Z}
              Owner/Old: {status: renamed, renamed_to: owner/new, fetched: 2026-12-01T00:00:00Z}
            """;

    @TempDir Path dir;
    private LinkServer server;
    private String s;
    private String catalog;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void serve() throws IOException {
        server = new LinkServer();
        s = server.base();
        server.route("/ok", Reply.status(200))
                .route("/gone", Reply.status(410))
                .route("/r301", Reply.redirect(301, "/ok"))
                .route("/r302", Reply.redirect(302, s + "/ok"))
                .route("/r308", Reply.redirect(308, "/r301b"))
                .route("/r301b", Reply.redirect(301, "/ok#part"))
                .route("/loop1", Reply.redirect(302, "/loop2"))
                .route("/loop2", Reply.redirect(302, "/loop1"))
                .route("/r301-404", Reply.redirect(301, "/missing2"))
                .route("/nohead", (method, path, query) -> Reply.status(method.equals("GET") ? 405 : 200))
                .route("/slow", Reply.status(200).delayed(10_000))
                .route("/arxiv/query", (method, path, query) -> {
                    List<String> ids = new ArrayList<>(Arrays.asList(query.replaceAll(".*id_list=([^&]*).*", "$1").split(",")));
                    if (ids.contains("1501.00001")) {
                        return Reply.body(200, "application/atom+xml", ArxivFeeds.error("1501.00001"));
                    }
                    ids.retainAll(List.of("2402.12226", "1501.00002", "1501.00003"));
                    return Reply.body(200, "application/atom+xml", ArxivFeeds.feed(ids));
                })
                .route("/doi/api/handles/10.1000/*", (method, path, query) -> path.endsWith("/found")
                        ? Reply.body(200, "application/json", "{\"responseCode\":1,\"handle\":\"10.1000/found\","
                                + "\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://example.org/\"}}]}")
                        : Reply.body(404, "application/json", "{\"responseCode\":100,\"handle\":\"10.1000/missing\"}"));
        catalog = CATALOG.replace("S/", s + "/");
        write("papers.yaml", catalog);
        write("papers.metrics.yaml", METRICS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun links(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PAPERLIST_ARXIV_API", s + "/arxiv/query");
        env.put("PAPERLIST_DOI_API", s + "/doi");
        return links(env, args);
    }

    private CliRun links(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("links"));
        all.addAll(List.of(args));
        return CliRun.in(new Environment(dir, env).withNetwork(time.pacing(Duration.ofSeconds(3))),
                all.toArray(String[]::new));
    }

    @Test
    void reportsEachBrokenOrMovedLinkOnceAtEveryPlaceItIsWritten() {
        CliRun run = links();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(String.join("\n",
                at("\"S/missing\"") + ": S/missing: HTTP 404 (also at " + at("url: S/missing", 5) + ")",
                at("\"S/gone\"") + ": S/gone: HTTP 410",
                at("\"S/r301\"") + ": S/r301: moved to S/ok",
                at("https://arxiv.org/abs/2402.99999") + ": https://arxiv.org/abs/2402.99999: arXiv has no paper 2402.99999",
                at("owner/gone") + ": https://github.com/owner/gone: GitHub repository owner/gone does not exist"
                        + " (papers.metrics.yaml, fetched 2026-12-01T00:00:00Z)",
                at("\"S/r308\"") + ": S/r308: moved to S/ok",
                at("\"S/loop1\"") + ": S/loop1: redirect loop (back to S/loop1)",
                at("https://github.com/owner/old") + ": https://github.com/owner/old/tree/main/src: moved to"
                        + " https://github.com/owner/new/tree/main/src",
                at("\"https://dx.doi.org") + ": https://dx.doi.org/10.1000/missing: DOI not found"
                        + " (doi.org handle API: responseCode 100)",
                at("\"S/slow\"") + ": S/slow: timeout after 3 s",
                at("\"S/r301-404\"") + ": S/r301-404: HTTP 404 (after redirects, at S/missing2)",
                "17 links: 8 broken, 3 moved, 0 not judged; 14 checked now, 0 from the cache",
                "").replace("S/", s + "/"));
        // Each URL once, however often it is written; one GET of one byte, a HEAD only where GET is refused.
        assertThat(server.count("/missing")).isEqualTo(1);
        assertThat(server.count("/ok")).isEqualTo(4); // itself, and at the end of three redirect chains
        assertThat(server.requests()).filteredOn(r -> r.method().equals("GET") && !r.path().startsWith("/arxiv")
                && !r.path().startsWith("/doi")).allMatch(r -> "bytes=0-0".equals(r.range()));
        assertThat(server.requests()).filteredOn(r -> r.method().equals("HEAD")).extracting(LinkServer.Request::path)
                .containsExactly("/nohead");
        // Both arXiv ids in one id_list request; the github.com links never left the machine.
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/arxiv/query")).hasSize(1);
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/doi/api/handles/")).hasSize(2)
                .allMatch(r -> "type=URL".equals(r.query()));
    }

    @Test
    void aSecondRunTakesFreshResultsFromTheCacheAndSendsNothing() throws IOException {
        CliRun first = links();
        int requests = server.requests().size();
        String cache = read(".paperlist/links-cache.json");

        CliRun second = links();

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(server.requests()).hasSize(requests);
        assertThat(second.out()).isEqualTo(first.out().replace("14 checked now, 0 from the cache",
                "0 checked now, 14 from the cache"));
        assertThat(read(".paperlist/links-cache.json")).isEqualTo(cache);
        assertThat(cache).startsWith("{\n  \"version\": 1,\n  \"links\": {\n    \"arxiv:2402.12226\": {\"checked\": ")
                .contains("\"doi:10.1000/missing\": {\"checked\": ")
                .contains("\"verdict\": \"broken\", \"reason\": \"DOI not found (doi.org handle API: responseCode 100)\"}")
                .contains("\"verdict\": \"moved\", \"moved_to\": \"" + s + "/ok\"}")
                .doesNotContain("github.com")
                .endsWith("}\n  }\n}\n");
        List<String> keys = cache.lines().filter(l -> l.startsWith("    \"")).toList();
        assertThat(keys).hasSize(14).isSorted();

        CliRun again = links("--max-age", "0", "--max-age-broken", "0");
        assertThat(again.out()).contains("14 checked now, 0 from the cache");
        assertThat(server.requests().size()).isGreaterThan(requests);
    }

    @Test
    void jsonListsEveryLinkThatIsNotAliveWithAllItsPlaces() throws IOException {
        CliRun run = links("--format", "json", "--no-cache");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/counts/links").asInt()).isEqualTo(17);
        assertThat(json.at("/counts/broken").asInt()).isEqualTo(8);
        assertThat(json.at("/counts/moved").asInt()).isEqualTo(3);
        JsonNode missing = json.at("/links/0");
        assertThat(missing.path("url").asText()).isEqualTo(s + "/missing");
        assertThat(missing.path("verdict").asText()).isEqualTo("broken");
        assertThat(missing.path("reason").asText()).isEqualTo("HTTP 404");
        assertThat(missing.path("at")).hasSize(2);
        assertThat(missing.at("/at/1/line").asInt()).isEqualTo(14);
        assertThat(json.at("/links/2/moved_to").asText()).isEqualTo(s + "/ok");
        assertThat(Files.exists(dir.resolve(".paperlist"))).isFalse();
    }

    @Test
    void githubFormatPrintsAnErrorPerBrokenLinkAndAWarningPerMovedOne() {
        Map<String, String> env = new HashMap<>();
        env.put("PAPERLIST_ARXIV_API", s + "/arxiv/query");
        env.put("PAPERLIST_DOI_API", s + "/doi");
        env.put("GITHUB_WORKSPACE", dir.getParent().toString());
        CliRun run = links(env, "--format", "github");

        assertThat(run.exitCode()).isEqualTo(1);
        String file = dir.getFileName() + "/papers.yaml";
        String[] gone = at("\"S/gone\"").split(":");
        assertThat(run.out().lines().toList())
                .contains("::error file=" + file + ",line=" + gone[1] + ",col=" + gone[2]
                        + ",title=paperlist links::" + s + "/gone: HTTP 410")
                .filteredOn(l -> l.startsWith("::warning ")).hasSize(3);
        assertThat(run.out().lines().filter(l -> l.startsWith("::error ")).count()).isEqualTo(8);
    }

    @Test
    void movedLinksPassUnlessStrict() throws IOException {
        catalog = """
                sections:
                  - title: Links
                    papers:
                      - {name: A, title: Paper A, url: "S/r301"}
                """.replace("S/", s + "/");
        write("papers.yaml", catalog);

        CliRun plain = links("--no-cache");
        CliRun strict = links("--no-cache", "--strict");

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).startsWith(at("\"S/r301") + ": " + s + "/r301: moved to " + s + "/ok\n");
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    @Test
    void theReadmesLinksOutsideTheGeneratedBlockAreCheckedAtTheirOwnPositions() throws IOException {
        write("papers.yaml", """
                sections:
                  - title: Links
                    papers:
                      - {name: A, title: Paper A, url: "S/ok"}
                """.replace("S/", s + "/"));
        catalog = """
                # A list

                Read [the guide](S/missing) and [our notes](docs/notes.md), or ![a logo](S/gone).

                <!-- paperlist:start -->
                - [inside the block](S/inblock)
                <!-- paperlist:end -->

                ```text
                [not a link in code](S/incode)
                ```

                See also [the list][list].

                [list]: S/r302
                """.replace("S/", s + "/");
        write("README.md", catalog);

        CliRun run = links("--readme", "--no-cache");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo((at("[the guide]") + ": S/missing: HTTP 404\n" + at("![a logo]") + ": S/gone: HTTP 410\n")
                .replace("papers.yaml", "README.md").replace("S/", s + "/") + "4 links: 2 broken, 0 moved, 0 not judged; 4 checked now, 0 from the cache\n");
        assertThat(server.count("/inblock") + server.count("/incode")).isZero();
        assertThat(read("README.md")).contains("S/inblock".replace("S/", s + "/"));
    }

    @Test
    void aBatchTheArxivApiRejectsIsHalvedUntilTheMalformedIdStandsAlone() throws IOException {
        catalog = """
                sections:
                  - title: Links
                    papers:
                      - {name: A, title: Paper A, arxiv: 1501.00002}
                      - {name: B, title: Paper B, arxiv: 1501.00001}
                      - {name: C, title: Paper C, arxiv: 1501.00003}
                """;
        write("papers.yaml", catalog);

        CliRun run = links("--no-cache");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(at("1501.00001") + ": arXiv:1501.00001: arXiv API: incorrect id format for 1501.00001\n"
                + "3 links: 1 broken, 0 moved, 0 not judged; 3 checked now, 0 from the cache\n");
        // The batch of three, then its halves [1501.00002] and [1501.00001, 1501.00003], then those two alone;
        // arXiv's three seconds between requests are kept (on the fake clock).
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/arxiv/query")).hasSize(5);
        assertThat(time.sleeps()).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(3)));
    }

    @Test
    void whenNoHostAnswersTheNetworkIsDownExit4AndNothingIsRecorded() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        write("papers.yaml", """
                sections:
                  - title: Links
                    papers:
                      - {name: A, title: Paper A, url: "http://127.0.0.1:PORT/a"}
                      - {name: B, title: Paper B, url: "http://127.0.0.1:PORT/b"}
                """.replace("PORT", Integer.toString(closed)));

        CliRun run = links();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("paperlist links: no host answered any of 2 links (no network?); nothing was recorded\n");
        assertThat(Files.exists(dir.resolve(".paperlist"))).isFalse();
    }

    @Test
    void anUnreadableMetricsFileIsBadInputWithItsPosition() throws IOException {
        write("papers.metrics.yaml", "repos:\n  owner/alive: {status: ok\n");

        CliRun run = links();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("papers.metrics.yaml:3:1: not valid YAML: ");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aCacheFolderThatIsASymbolicLinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve(".paperlist"), elsewhere);

        CliRun run = links();

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).isEqualTo(".paperlist: is a symbolic link; paperlist writes only inside the catalogue's"
                + " folder (give --cache FILE or --no-cache)\n");
        assertThat(server.requests()).isEmpty();
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBadAgeIsAUsageError() {
        CliRun run = links("--max-age", "7 weeks");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("paperlist: Invalid value for option '--max-age': '7 weeks' is not an age such as 30m, 12h or 7d");
    }

    /** {@code papers.yaml:LINE:COL} of the first place {@code needle} (with S/ for the server) is written. */
    private String at(String needle) {
        return at(needle, 0);
    }

    // The position of the needle plus skip characters (to step over a key such as "url: ").
    private String at(String needle, int skip) {
        String text = needle.replace("S/", s + "/");
        String[] lines = catalog.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf(text);
            if (col >= 0) {
                return "papers.yaml:" + (i + 1) + ":" + (col + 1 + skip);
            }
        }
        throw new AssertionError("not in the catalogue: " + text);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
