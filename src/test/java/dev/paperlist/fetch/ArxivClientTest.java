package dev.paperlist.fetch;

import static dev.paperlist.testing.ArxivStub.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.PartialDate;
import dev.paperlist.testing.ArxivStub;
import dev.paperlist.testing.ArxivStub.Reply;
import dev.paperlist.testing.FakeTime;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The arXiv client against a local server answering with recorded Atom feeds and scripted failures. */
class ArxivClientTest {
    private final ArxivStub stub = new ArxivStub();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ArxivClient client() {
        return client(Duration.ofSeconds(10));
    }

    private ArxivClient client(Duration timeout) {
        return new ArxivClient(stub.uri(), time.pacing(timeout));
    }

    private static ArxivId id(String text) {
        return ArxivId.parse(text).orElseThrow();
    }

    private PaperlistException failure(Runnable call) {
        PaperlistException e = catchThrowableOfType(PaperlistException.class, call::run);
        assertThat(e).as("expected a failure").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).startsWith("arXiv API: ").doesNotContain("\n");
        return e;
    }

    @Test
    void readsAnEntryInTheCurrentLayout() {
        stub.reply(Reply.ok(recorded("2402.12226.xml")));

        ArxivEntry e = client().fetch(List.of(id("2402.12226"))).get(id("2402.12226"));

        assertThat(e.id()).isEqualTo(id("2402.12226"));
        assertThat(e.title()).isEqualTo("AnyGPT: Unified Multimodal LLM with Discrete Sequence Modeling");
        assertThat(e.authors()).hasSize(16).startsWith("Jun Zhan", "Junqi Dai").endsWith("Xipeng Qiu");
        assertThat(e.abstractText()).startsWith("We introduce AnyGPT, an any-to-any").endsWith("AnyGPT.github.io/")
                .doesNotContain("\n").doesNotContain("  ");
        assertThat(e.submitted()).isEqualTo(new PartialDate(2024, 2, 19));
        assertThat(e.absUrl()).isEqualTo("https://arxiv.org/abs/2402.12226");
        assertThat(e.comment()).isEqualTo("28 pages, 16 figures, under review, work in progress");
        assertThat(e.venueHint()).isEmpty();
        assertThat(stub.queries()).containsExactly("id_list=2402.12226&max_results=1");
    }

    @Test
    void readsAnOldStyleIdInTheOlderLayout() {
        stub.reply(Reply.ok(recorded("hep-th-9711200.xml")));

        ArxivEntry e = client().fetch(List.of(id("hep-th/9711200v2"))).get(id("hep-th/9711200"));

        assertThat(e.title()).isEqualTo("The Large N Limit of Superconformal Field Theories and Supergravity");
        assertThat(e.authors()).containsExactly("Juan M. Maldacena");
        assertThat(e.abstractText()).startsWith("We show that the large N limit of certain conformal field theories in "
                + "various dimensions include").contains("The 't Hooft limit").endsWith("at strong coupling.");
        assertThat(e.submitted()).hasToString("1997-11-27");
        assertThat(e.absUrl()).isEqualTo("https://arxiv.org/abs/hep-th/9711200");
        assertThat(e.journalRef()).isEqualTo("Adv.Theor.Math.Phys.2:231-252,1998; Int.J.Theor.Phys.38:1113-1133,1999");
        assertThat(e.venueHint()).as("two journals, neither a known venue").isEmpty();
        assertThat(stub.queries()).containsExactly("id_list=hep-th/9711200&max_results=1");
    }

    @Test
    void keepsLatexAndFoldsOnlyWhiteSpace() {
        stub.reply(Reply.ok(recorded("latex.xml")));

        ArxivEntry e = client().fetch(List.of(id("2101.00001"))).get(id("2101.00001"));

        assertThat(e.title()).isEqualTo("$O(n \\log n)$ Bounds for the \"Quoted\" Problem: a #hash, {braces} & [brackets]");
        assertThat(e.abstractText()).isEqualTo("We prove that $\\sum_{i=1}^{n} x_i^2 \\leq \\mathcal{O}(n)$ for every "
                + "sequence, with \\emph{no} loss; see Eq.~(3) & \\cite{x}. A line with 'single' quotes, a colon: here, "
                + "and 50% of the rest.");
        assertThat(e.authors()).containsExactly("Ada Lovelace", "Émile Noether-Ünal");
        assertThat(e.submitted()).as("the UTC day of published").hasToString("2021-01-01");
        assertThat(e.venueHint()).as("the comment and the journal reference agree").contains("NeurIPS 2021");
    }

    @Test
    void severalIdsGoInOneRequestAndComeBackInTheOrderAsked() {
        stub.reply(Reply.ok(recorded("2309.05519+2307.05222.xml")));

        Map<ArxivId, ArxivEntry> entries = client().fetch(List.of(id("2307.05222"), id("arXiv:2309.05519v1")));

        assertThat(entries.keySet()).containsExactly(id("2307.05222"), id("2309.05519"));
        assertThat(entries.get(id("2307.05222")).title()).isEqualTo("Emu: Generative Pretraining in Multimodality");
        assertThat(entries.get(id("2307.05222")).venueHint()).contains("ICLR 2024");
        assertThat(entries.get(id("2309.05519")).venueHint()).contains("ICML 2024");
        assertThat(stub.queries()).containsExactly("id_list=2307.05222,2309.05519&max_results=2");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theApisErrorEntryIsAFailure() {
        stub.reply(Reply.ok(recorded("error-bad-id.xml")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: the API reported an error: incorrect id format for 2402.122");
    }

    @Test
    void anEmptyFeedMeansArxivHasNoSuchPaper() {
        stub.reply(Reply.ok(recorded("empty.xml")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2309.99999"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: arXiv has no paper 2309.99999 (check the id)");
    }

    @Test
    void aBatchWithOneMissingPaperNamesIt() {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2309.05519"), id("2307.05222"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: arXiv has no paper 2307.05222 (check the id)");
    }

    @Test
    void anAnswerAboutAnotherPaperIsAFailure() {
        stub.reply(Reply.ok(recorded("2309.05519.xml")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: asked for 2402.12226, the answer is about 2309.05519");
    }

    @Test
    void aDoctypeIsRefusedAndItsEntityNeverRead() {
        stub.reply(Reply.ok(recorded("doctype.xml")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2309.05519"))));
        assertThat(e.getMessage()).startsWith("arXiv API: the response was refused: it has a DOCTYPE");
    }

    @Test
    void retriesA503AfterTheRetryAfterPauseAndThenSucceeds() {
        stub.reply(Reply.status(503, Map.of("Retry-After", "7")), Reply.ok(recorded("2402.12226.xml")));

        ArxivEntry e = client().fetch(List.of(id("2402.12226"))).get(id("2402.12226"));

        assertThat(e.title()).startsWith("AnyGPT");
        assertThat(stub.queries()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheResponsesDate() {
        // The JDK's server stamps every response with the real Date; the pause is measured from it.
        String in20Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        stub.reply(Reply.status(429, Map.of("Retry-After", in20Seconds)), Reply.ok(recorded("2402.12226.xml")));

        client().fetch(List.of(id("2402.12226")));

        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(20));
    }

    @Test
    void withoutRetryAfterItBacksOffAndGivesUpAfterThreeTries() {
        stub.reply(Reply.status(503, Map.of()));

        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));

        assertThat(e.getMessage()).isEqualTo("arXiv API: HTTP 503 3 times (the API is busy or limiting requests); "
                + "try again in a minute");
        assertThat(stub.queries()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @Test
    void aRetryAfterOfZeroStillKeepsThreeSecondsBetweenRequests() {
        stub.reply(Reply.status(429, Map.of("Retry-After", "0")), Reply.ok(recorded("2402.12226.xml")));
        client().fetch(List.of(id("2402.12226")));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aVeryLongRetryAfterIsNotWaitedFor() {
        stub.reply(Reply.status(429, Map.of("Retry-After", "3600")));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: HTTP 429: the API asks to wait 3600 s; try again later");
        assertThat(stub.queries()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void otherHttpErrorsAreNotRetried() {
        stub.reply(Reply.status(500, Map.of()));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: HTTP 500 from " + stub.uri());
        assertThat(stub.queries()).hasSize(1);
    }

    @Test
    void requestsFromOneClientAreAtLeastThreeSecondsApart() {
        stub.reply(Reply.ok(recorded("2402.12226.xml")));
        ArxivClient client = client();

        client.fetch(List.of(id("2402.12226")));
        time.advance(Duration.ofMillis(1200));
        client.fetch(List.of(id("2402.12226")));

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1800));
    }

    @Test
    void aSlowServerTimesOut() {
        stub.reply(Reply.ok(recorded("2402.12226.xml")).delayed(3000));
        PaperlistException e = failure(() -> client(Duration.ofMillis(300)).fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: no answer from " + stub.uri() + " within 300 ms");
    }

    @Test
    void aBodyCutOffBeforeItsContentLengthIsAFailure() {
        stub.reply(Reply.ok(recorded("2402.12226.xml")).cutAfter(700));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo(
                "arXiv API: the connection closed before the whole response arrived (a cut-off response)");
    }

    @Test
    void aCompleteAnswerWithTruncatedXmlIsAFailure() {
        byte[] whole = recorded("2402.12226.xml");
        stub.reply(Reply.ok(Arrays.copyOf(whole, whole.length / 2)));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).startsWith("arXiv API: the response is cut off or is not an arXiv Atom feed: "
                + "not well-formed XML (line ");
    }

    @Test
    void aPlainTextAnswerIsAFailure() {
        stub.reply(Reply.ok("Rate exceeded.".getBytes(StandardCharsets.UTF_8)));
        PaperlistException e = failure(() -> client().fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).startsWith("arXiv API: the response is cut off or is not an arXiv Atom feed");
    }

    @Test
    void aRefusedConnectionIsAFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ArxivClient client = new ArxivClient(URI.create("http://127.0.0.1:" + port + "/api/query"),
                time.pacing(Duration.ofSeconds(10)));
        PaperlistException e = failure(() -> client.fetch(List.of(id("2402.12226"))));
        assertThat(e.getMessage()).isEqualTo("arXiv API: cannot connect to 127.0.0.1:" + port
                + " (connection refused or no network)");
    }

    @Test
    void anUnknownHostIsAFailureThatSaysSo() {
        // What the JDK's client throws when a name does not resolve; resolving a real name would need the network.
        ConnectException thrown = new ConnectException();
        thrown.initCause(new UnresolvedAddressException());
        ArxivClient client = new ArxivClient(URI.create("https://export.arxiv.invalid/api/query"),
                time.pacing(Duration.ofSeconds(10)));

        PaperlistException e = client.connectionFailure(URI.create("https://export.arxiv.invalid/api/query"), thrown,
                false);

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).isEqualTo("arXiv API: cannot find the host export.arxiv.invalid "
                + "(no network, or a mistyped --arxiv-api?)");
    }

    @Test
    void aBaseUrlMustBeHttp() {
        PaperlistException e = catchThrowableOfType(PaperlistException.class,
                () -> ServiceAddress.parse("ftp://example.org/q", "--arxiv-api"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("--arxiv-api must be an http:// or https:// URL, got 'ftp://example.org/q'");
        assertThat(ServiceAddress.parse(" http://127.0.0.1:8080/api/query ", "x")).hasToString("http://127.0.0.1:8080/api/query");
    }
}
