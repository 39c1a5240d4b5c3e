package dev.paperlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.cli.Environment;
import dev.paperlist.testing.ApiStub;
import dev.paperlist.testing.ApiStub.Reply;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.FakeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperlist refresh} end to end against a local stand-in for GitHub, arXiv, Semantic Scholar and DBLP. */
class RefreshCommandTest {
    static final String CATALOG = """
            # The list.
            sections:
              - title: Vision
                papers:
                  - name: AlphaNet
                    title: "AlphaNet: A Made-Up Network"
                    url: https://arxiv.org/abs/2401.00001
                    code: alpha-lab/AlphaNet
                    submitted: 2024-01-01   # day one
                  # BetaGen's repository moved
                  - name: BetaGen
                    title: "BetaGen: Generating Made-Up Things"
                    url: https://arxiv.org/abs/2401.00002
                    code: https://github.com/beta-lab/BetaGen
                  - name: Gone
                    title: Gone Paper
                    url: https://arxiv.org/abs/2103.00020
                    code: gamma/Gone
                    venue: "ICML 2021"
            """;

    @TempDir Path dir;
    ApiStub stub;
    FakeTime time;

    @BeforeEach
    void start() throws IOException {
        stub = new ApiStub();
        time = new FakeTime();
        Files.writeString(dir.resolve("papers.yaml"), CATALOG);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src", "test", "resources", "refresh", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> env(boolean token) {
        Map<String, String> env = new HashMap<>();
        env.put("PAPERLIST_GITHUB_API", stub.url("/gh"));
        env.put("PAPERLIST_ARXIV_API", stub.url("/arxiv/api/query"));
        env.put("PAPERLIST_SEMANTIC_SCHOLAR_API", stub.url("/s2/graph/v1"));
        env.put("PAPERLIST_DBLP_API", stub.url("/dblp/search/publ/api"));
        env.put("SOURCE_DATE_EPOCH", "1764752400");
        env.put("PAPERLIST_CACHE_DIR", "");
        if (token) {
            env.put("GITHUB_TOKEN", "ghp_secret_token_value");
        }
        return env;
    }

    CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(new Environment(dir, env).withNetwork(time.pacing(Duration.ofSeconds(2))), args);
    }

    void scriptAll() {
        stub.on("/gh/graphql", Reply.json(fixture("graphql-partial.json")));
        stub.on("/arxiv/", Reply.atom(fixture("arxiv-two.xml")));
        stub.on("/s2/", Reply.json(fixture("s2-batch.json")));
        stub.on("/dblp/", Reply.json(fixture("dblp-beta.json")));
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void graphqlRefreshWritesSortedOneLineEntriesAndProposesVenues() throws IOException {
        scriptAll();
        CliRun r = run(env(true), "refresh");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(read("papers.metrics.yaml")).isEqualTo("""
                # Written by 'paperlist refresh'; do not edit by hand.
                repos:
                  "alpha-lab/AlphaNet": {status: ok, stars: 12345, archived: false, pushed: "2026-11-20", branch: "main", fetched: "2025-12-03T09:00:00Z"}
                  "beta-lab/BetaGen": {status: renamed, renamed_to: "beta-org/BetaGen", stars: 987, archived: true, pushed: "2024-03-01", branch: "master", fetched: "2025-12-03T09:00:00Z"}
                  "gamma/Gone": {status: missing, fetched: "2025-12-03T09:00:00Z"}
                papers:
                  "2103.00020": {fetched: "2025-12-03T09:00:00Z"}
                  "2401.00001": {citations: 210, venue: "ICLR 2025", venue_source: arxiv, fetched: "2025-12-03T09:00:00Z"}
                  "2401.00002": {citations: 17, venue: "CVPR 2024", venue_source: dblp, fetched: "2025-12-03T09:00:00Z"}
                """);
        assertThat(r.out()).contains(
                "papers.yaml:11:9: 'BetaGen': repository beta-lab/BetaGen is now beta-org/BetaGen (update 'code')",
                "papers.yaml:15:9: 'Gone': repository gamma/Gone no longer exists on GitHub",
                "papers.yaml:5:9: 'AlphaNet': venue 'ICLR 2025' (from arXiv); --apply writes it",
                "papers.yaml:11:9: 'BetaGen': venue 'CVPR 2024' (from DBLP); --apply writes it");
        assertThat(read("papers.yaml")).isEqualTo(CATALOG);
        assertThat(stub.requests("/gh/graphql")).hasSize(1);
        ApiStub.Request graphql = stub.requests("/gh/graphql").get(0);
        assertThat(graphql.header("Authorization")).isEqualTo("bearer ghp_secret_token_value");
        assertThat(graphql.body()).contains("r0: repository(owner: \\\"alpha-lab\\\", name: \\\"AlphaNet\\\")");
        assertThat(r.out() + r.err()).doesNotContain("ghp_secret_token_value");
        ApiStub.Request s2 = stub.requests("/s2/").get(0);
        assertThat(s2.method()).isEqualTo("POST");
        assertThat(s2.path()).isEqualTo("/s2/graph/v1/paper/batch");
        assertThat(s2.query()).isEqualTo("fields=venue,publicationVenue,year,citationCount,externalIds");
        assertThat(s2.body()).isEqualTo("{\"ids\":[\"ARXIV:2401.00001\",\"ARXIV:2401.00002\",\"ARXIV:2103.00020\"]}");
        assertThat(stub.requests("/arxiv/").get(0).query()).contains("id_list=2401.00001,2401.00002");
    }

    @Test
    void applyWritesVenuesWithTheirSourceAndKeepsEveryOtherByte() throws IOException {
        scriptAll();
        CliRun r = run(env(true), "refresh", "--apply");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(read("papers.yaml")).isEqualTo(CATALOG
                .replace("        url: https://arxiv.org/abs/2401.00001\n        code: alpha-lab/AlphaNet\n",
                        "        url: https://arxiv.org/abs/2401.00001\n        code: alpha-lab/AlphaNet\n"
                                + "        venue: \"ICLR 2025\"  # venue from arXiv\n")
                .replace("        code: https://github.com/beta-lab/BetaGen\n",
                        "        code: https://github.com/beta-lab/BetaGen\n        venue: \"CVPR 2024\"  # venue from DBLP\n"));
        assertThat(r.out()).contains("2 venues proposed, 2 written to papers.yaml");
    }

    @Test
    void restRefreshStoresEntityTagsAndTheSecondRefreshIsConditional() throws IOException {
        stub.on("/gh/repos/", request -> {
            String etag = request.path().endsWith("AlphaNet") ? "W/\"a1\"" : "W/\"b1\"";
            if (etag.equals(request.header("If-None-Match"))) {
                return Reply.status(304, Map.of("ETag", etag, "X-RateLimit-Remaining", "59"), "");
            }
            if (request.path().endsWith("/Gone")) {
                return Reply.status(404, Map.of(), "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}");
            }
            return Reply.json(fixture(request.path().endsWith("AlphaNet") ? "rest-alpha.json" : "rest-beta.json"))
                    .with("ETag", etag).with("X-RateLimit-Remaining", "59");
        });
        CliRun first = run(env(false), "refresh", "--only", "stars");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String after = read("papers.metrics.yaml");
        assertThat(after).contains("\"alpha-lab/AlphaNet\": {status: ok, stars: 12345, archived: false, pushed: "
                + "\"2026-11-20\", branch: \"main\", fetched: \"2025-12-03T09:00:00Z\", etag: \"W/\\\"a1\\\"\"}");
        assertThat(stub.requests("/gh/")).hasSize(3).allMatch(q -> q.header("If-None-Match") == null);

        CliRun second = run(env(false), "refresh", "--only", "stars");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        var again = stub.requests("/gh/").subList(3, 6);
        assertThat(again.stream().filter(q -> !q.path().endsWith("/Gone")))
                .hasSize(2).allMatch(q -> q.header("If-None-Match") != null);
        assertThat(second.out()).contains("2 conditional, 2 not modified");
        assertThat(read("papers.metrics.yaml")).contains("\"alpha-lab/AlphaNet\": {status: ok, stars: 12345, "
                + "stars_before: 12345,");
    }

    @Test
    void aSpentRateLimitStopsCleanlyAndKeepsExactlyWhatWasFetched() throws IOException {
        stub.on("/gh/repos/alpha-lab", Reply.json(fixture("rest-alpha.json")).with("ETag", "\"a\"")
                .with("X-RateLimit-Remaining", "1").with("X-RateLimit-Reset", "1764756000"));
        stub.on("/gh/repos/", Reply.status(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1764756000",
                "Content-Type", "application/json"), "{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}"));
        CliRun r = run(env(false), "refresh", "--only", "stars");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("stopped fetching repositories after 1 of 3: GitHub's rate limit is used up until "
                + "10:00 UTC");
        assertThat(read("papers.metrics.yaml")).isEqualTo("""
                # Written by 'paperlist refresh'; do not edit by hand.
                repos:
                  "alpha-lab/AlphaNet": {status: ok, stars: 12345, archived: false, pushed: "2026-11-20", branch: "main", fetched: "2025-12-03T09:00:00Z", etag: "\\"a"}
                papers: {}
                """.replace("\\\"a\"}", "\\\"a\\\"\"}"));
    }

    @Test
    void aShortRetryAfterIsWaitedAndALongOneStops() throws IOException {
        stub.on("/gh/graphql", Reply.status(429, Map.of("Retry-After", "7"), "{\"message\":\"slow down\"}"),
                Reply.json(fixture("graphql-partial.json")));
        CliRun r = run(env(true), "refresh", "--only", "stars");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
        assertThat(read("papers.metrics.yaml")).contains("\"gamma/Gone\": {status: missing");

        stub.close();
        stub = new ApiStub();
        stub.on("/gh/graphql", Reply.status(403, Map.of("Retry-After", "3600"),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}"));
        Files.delete(dir.resolve("papers.metrics.yaml"));
        CliRun stopped = run(env(true), "refresh", "--only", "stars");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.err()).contains("stopped fetching repositories after 0 of 3: GitHub asks to wait 3600 s");
        assertThat(read("papers.metrics.yaml")).isEqualTo(
                "# Written by 'paperlist refresh'; do not edit by hand.\nrepos: {}\npapers: {}\n");
    }

    @Test
    void failuresExitFourWithOneLineAndLeaveEveryFileByteIdentical() throws IOException {
        String previous = "# Written by 'paperlist refresh'; do not edit by hand.\nrepos:\n"
                + "  \"alpha-lab/AlphaNet\": {status: ok, stars: 1, fetched: \"2025-01-01T00:00:00Z\"}\npapers: {}\n";
        Files.writeString(dir.resolve("papers.metrics.yaml"), previous);
        Map<String, Reply> cases = new java.util.LinkedHashMap<>();
        cases.put("HTTP 401", Reply.status(401, Map.of(), "{\"message\":\"Bad credentials\"}"));
        cases.put("HTTP 502 3 times", Reply.status(502, Map.of(), "<html>Bad Gateway</html>"));
        cases.put("cut-off response", Reply.json(fixture("graphql-partial.json")).cutAfter(40));
        cases.put("within 2 s", Reply.json(fixture("graphql-partial.json")).delayed(4000));
        cases.put("HTTP 403 for GraphQL: Resource not accessible",
                Reply.status(403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}"));
        for (Map.Entry<String, Reply> c : cases.entrySet()) {
            stub.close();
            stub = new ApiStub();
            stub.on("/gh/graphql", c.getValue());
            stub.on("/arxiv/", Reply.atom(fixture("arxiv-two.xml")));
            CliRun r = run(env(true), "refresh", "--apply");
            assertThat(r.exitCode()).as(c.getKey() + "\n" + r).isEqualTo(4);
            assertThat(r.err()).as(c.getKey()).startsWith("GitHub API: ").contains(c.getKey()).hasLineCount(1);
            assertThat(r.err()).doesNotContain("ghp_secret_token_value");
            assertThat(read("papers.yaml")).isEqualTo(CATALOG);
            assertThat(read("papers.metrics.yaml")).isEqualTo(previous);
        }
    }

    @Test
    void arxivErrorsAnsweredAsHttp200AtomFailTheRunBeforeAnyWrite() throws IOException {
        stub.on("/arxiv/", Reply.atom(fixture("arxiv-error.xml")));
        CliRun r = run(env(true), "refresh", "--only", "venues", "--apply");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("arXiv API: the API reported an error: incorrect id format for 2401.00001\n");
        assertThat(read("papers.yaml")).isEqualTo(CATALOG);
        assertThat(Files.exists(dir.resolve("papers.metrics.yaml"))).isFalse();
    }

    @Test
    void semanticScholarIdsNotFoundAreLeftWithoutCounts() throws IOException {
        stub.on("/s2/", Reply.json("[null, null, null]"));
        CliRun r = run(env(true), "refresh", "--only", "citations");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(read("papers.metrics.yaml")).contains("  \"2401.00001\": {fetched: \"2025-12-03T09:00:00Z\"}\n");
        assertThat(r.out()).contains("0 citation counts");
    }

    @Test
    void aSemanticScholarKeyGoesInTheHeaderOnly() throws IOException {
        stub.on("/s2/", Reply.json(fixture("s2-batch.json")));
        Map<String, String> env = env(true);
        env.put("SEMANTIC_SCHOLAR_API_KEY", "s2-key-value");
        CliRun r = run(env, "refresh", "--only", "citations");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stub.requests("/s2/").get(0).header("x-api-key")).isEqualTo("s2-key-value");
        assertThat(r.out() + r.err()).doesNotContain("s2-key-value");
        assertThat(read("papers.metrics.yaml")).contains("\"2401.00001\": {citations: 210, fetched:");
    }

    @Test
    void tokenEnvNamesTheVariableAndAMissingOneIsAUsageError() {
        stub.on("/gh/graphql", Reply.json(fixture("graphql-partial.json")));
        Map<String, String> env = env(false);
        env.put("MY_PAT", "pat-value");
        CliRun r = run(env, "refresh", "--only", "stars", "--token-env", "MY_PAT");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stub.requests("/gh/graphql").get(0).header("Authorization")).isEqualTo("bearer pat-value");

        CliRun missing = run(env(false), "refresh", "--token-env", "NOPE");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("paperlist refresh: --token-env NOPE: that environment variable is not set "
                + "or is empty\n");
    }

    @Test
    void sectionAndPaperNarrowTheRefresh() {
        stub.on("/gh/repos/", Reply.json(fixture("rest-alpha.json")));
        CliRun r = run(env(false), "refresh", "--only", "stars", "--paper", "alphanet");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stub.requests("/gh/")).extracting(ApiStub.Request::path).containsExactly("/gh/repos/alpha-lab/AlphaNet");

        CliRun unknown = run(env(false), "refresh", "--paper", "Nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        CliRun section = run(env(false), "refresh", "--section", "Nowhere");
        assertThat(section.exitCode()).isEqualTo(2);
    }

    @Test
    void aProgressLineGoesToStandardErrorOnlyOnATerminal() {
        stub.on("/gh/graphql", Reply.json(fixture("graphql-partial.json")));
        CliRun quiet = run(env(true), "refresh", "--only", "stars");
        assertThat(quiet.err()).isEmpty();
        CliRun onTerminal = CliRun.in(new Environment(dir, env(true)).withNetwork(time.pacing(Duration.ofSeconds(2)))
                .withTerminal(prompt -> null), "refresh", "--only", "stars");
        assertThat(onTerminal.exitCode()).as(onTerminal.toString()).isZero();
        assertThat(onTerminal.err()).startsWith("\rrefresh: GitHub 3/3").endsWith("\r\033[K");
        assertThat(onTerminal.out()).isEqualTo(quiet.out());
    }

    @Test
    void aPaperWrittenOnOneLineIsLeftForAHandEditWithANote() throws IOException {
        String oneLine = CATALOG.replace("""
                      - name: BetaGen
                        title: "BetaGen: Generating Made-Up Things"
                        url: https://arxiv.org/abs/2401.00002
                        code: https://github.com/beta-lab/BetaGen
                """, """
                      - {name: BetaGen, title: "BetaGen: Generating Made-Up Things", url: "https://arxiv.org/abs/2401.00002"}
                """);
        assertThat(oneLine).isNotEqualTo(CATALOG);
        Files.writeString(dir.resolve("papers.yaml"), oneLine);
        stub.on("/arxiv/", Reply.atom(fixture("arxiv-two.xml")));
        stub.on("/s2/", Reply.json("[null]"));
        stub.on("/dblp/", Reply.json(fixture("dblp-beta.json")));
        CliRun r = run(env(true), "refresh", "--only", "venues", "--apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // Line 12 of the file as written, where AlphaNet's new venue line comes first.
        assertThat(r.err()).isEqualTo("papers.yaml:12:9: 'BetaGen' is written on one line (a flow mapping), where a "
                + "venue cannot carry its source as a comment; set its venue by hand\n");
        assertThat(read("papers.yaml")).isEqualTo(oneLine.replace("code: alpha-lab/AlphaNet\n",
                "code: alpha-lab/AlphaNet\n        venue: \"ICLR 2025\"  # venue from arXiv\n"));
    }

    @Test
    void anIdArxivDoesNotKnowIsSkippedNotFatal() throws IOException {
        stub.on("/arxiv/", Reply.atom(fixture("arxiv-two.xml").replaceAll("(?s)<entry>\\s*<id>http://arxiv.org/abs/2401.00002.*?</entry>", "")));
        stub.on("/s2/", Reply.json("[null]"));
        stub.on("/dblp/", Reply.json(fixture("dblp-beta.json")));
        CliRun r = run(env(true), "refresh", "--only", "venues");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(read("papers.metrics.yaml")).contains("\"2401.00001\": {venue: \"ICLR 2025\", venue_source: arxiv")
                .contains("\"2401.00002\": {venue: \"CVPR 2024\", venue_source: dblp");
    }

    @Test
    void semanticScholarsRetryAfterIsWaitedAndGraphqlsSpentBudgetStopsTheStarsOnly() throws IOException {
        stub.on("/gh/graphql", Reply.status(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1764756000"),
                "{\"message\":\"API rate limit exceeded for user ID 1.\"}"));
        stub.on("/arxiv/", Reply.atom(fixture("arxiv-two.xml")));
        stub.on("/s2/", Reply.status(429, Map.of("Retry-After", "4"), "{\"message\": \"Too Many Requests\"}"),
                Reply.json(fixture("s2-batch.json")));
        stub.on("/dblp/", Reply.json(fixture("dblp-beta.json")));
        CliRun r = run(env(true), "refresh");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("stopped fetching repositories after 0 of 3: GitHub's rate limit is used up until "
                + "10:00 UTC");
        assertThat(time.sleeps()).contains(Duration.ofSeconds(4));
        assertThat(stub.requests("/s2/")).hasSize(2);
        assertThat(read("papers.metrics.yaml")).contains("repos: {}\n")
                .contains("\"2401.00001\": {citations: 210, venue: \"ICLR 2025\"");
    }
}
