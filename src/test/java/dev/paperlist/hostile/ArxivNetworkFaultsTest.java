package dev.paperlist.hostile;

import static dev.paperlist.testing.ArxivStub.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.ExitCode;
import dev.paperlist.cli.Environment;
import dev.paperlist.testing.ArxivStub;
import dev.paperlist.testing.ArxivStub.Reply;
import dev.paperlist.testing.FakeTime;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Network faults of the arXiv client, through {@code paperlist add}: each is exit 4, exactly one line on standard
 * error starting with {@code arXiv API:}, nothing on standard output, and not one file of the catalogue's folder
 * changed or created (not even the lock file, since the request is made before the lock is taken). The server is
 * a local stub ({@link ArxivStub}); time goes through a fake clock, so the retries of 429 and 503 do not really
 * wait, and the DNS failure runs in a JVM of its own whose host names come from a file, so no test makes a real
 * DNS lookup. The client's own cases (retry pauses, several ids, HTTP dates) are in
 * {@code dev.paperlist.fetch.ArxivClientTest}.
 */
@DisplayName("network faults of the arXiv client")
class ArxivNetworkFaultsTest {
    private static final String[] ADD = {"add", "--section", "Multimodal", "--arxiv", "2309.05519"};

    @TempDir Path dir;
    private final ArxivStub stub = new ArxivStub();
    private final FakeTime time = new FakeTime();
    private Workspace w;

    @BeforeEach
    void renderedList() {
        w = Workspace.rendered(dir.resolve("list"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Environment env() {
        return new Environment(w.dir, Map.of("PAPERLIST_ARXIV_API", stub.uri().toString()))
                .withNetwork(time.pacing(Duration.ofSeconds(2)))
                .withLockWait(Duration.ofMillis(300));
    }

    /** A way for the arXiv API to fail, and the one line paperlist prints about it, given the API's address. */
    record Fault(String name, List<Reply> replies, Function<URI, String> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        byte[] feed = recorded("2309.05519.xml");
        byte[] html = ("<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n<body><h1>Service "
                + "Unavailable</h1><p>Please try again later.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new Fault("error entry", List.of(Reply.ok(recorded("error-bad-id.xml"))),
                        uri -> "arXiv API: the API reported an error: incorrect id format for 2402.122"),
                new Fault("empty feed", List.of(Reply.ok(recorded("empty.xml"))),
                        uri -> "arXiv API: arXiv has no paper 2309.05519 (check the id)"),
                new Fault("503 three times", List.of(Reply.status(503, Map.of("Retry-After", "5"))),
                        uri -> "arXiv API: HTTP 503 3 times (the API is busy or limiting requests); try again in a minute"),
                new Fault("503 HTML page", List.of(new Reply(503, Map.of("Content-Type", "text/html"), html, -1, 0)),
                        uri -> "arXiv API: HTTP 503 3 times (the API is busy or limiting requests); try again in a minute"),
                new Fault("429 with Retry-After of an hour", List.of(Reply.status(429, Map.of("Retry-After", "3600"))),
                        uri -> "arXiv API: HTTP 429: the API asks to wait 3600 s; try again later"),
                new Fault("HTTP 500", List.of(Reply.status(500, Map.of())), uri -> "arXiv API: HTTP 500 from " + uri),
                new Fault("timeout", List.of(Reply.ok(feed).delayed(4000)),
                        uri -> "arXiv API: no answer from " + uri + " within 2 s"),
                new Fault("cut-off body", List.of(Reply.ok(feed).cutAfter(900)),
                        uri -> "arXiv API: the connection closed before the whole response arrived (a cut-off response)"),
                new Fault("truncated XML", List.of(Reply.ok(Arrays.copyOf(feed, feed.length - 40))),
                        uri -> "arXiv API: the response is cut off or is not an arXiv Atom feed: not well-formed XML "
                                + "(line 36, column 27)"),
                new Fault("DOCTYPE", List.of(Reply.ok(recorded("doctype.xml"))),
                        uri -> "arXiv API: the response was refused: it has a DOCTYPE, which the arXiv API never sends "
                                + "(line 4, column 4)"),
                new Fault("another paper", List.of(Reply.ok(recorded("2402.12226.xml"))),
                        uri -> "arXiv API: asked for 2309.05519, the answer is about 2402.12226"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultIsOneLineExit4AndChangesNothing(Fault fault) {
        stub.reply(fault.replies().toArray(new Reply[0]));
        w.assertRefused(env(), ExitCode.NETWORK, fault.message().apply(stub.uri()), ADD);
    }

    @Test
    void aRefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        w.assertRefused(env(), ExitCode.NETWORK, "arXiv API: cannot connect to 127.0.0.1:" + port
                + " (connection refused or no network)", concat(ADD, "--arxiv-api", "http://127.0.0.1:" + port + "/api/query"));
    }

    @Test
    void anExternalEntityIsNeverRead() throws Exception {
        String marker = "XXE-MARKER-" + Long.toHexString(System.nanoTime());
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker + "\n");
        String doctype = "<!DOCTYPE feed [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>";
        String feed = new String(recorded("2309.05519.xml"), StandardCharsets.UTF_8)
                .replaceFirst("\\?>", "?>\n" + doctype)
                .replaceFirst("<title>", "<title>&secret;");
        assertThat(feed).contains("&secret;").contains("<!DOCTYPE");
        stub.reply(Reply.ok(feed.getBytes(StandardCharsets.UTF_8)));
        // Exactly one line, so the marker cannot be in it; nothing written, so it is in no file either. The StAX
        // reader places the DOCTYPE event just past the declaration and the line break after it.
        w.assertRefused(env(), ExitCode.NETWORK, "arXiv API: the response was refused: it has a DOCTYPE, which the "
                + "arXiv API never sends (line 2, column " + (doctype.length() + 2) + ")", ADD);
        assertThat(stub.queries()).hasSize(1);
    }

    @Test
    void aHostThatDoesNotResolve() throws Exception {
        // A JVM whose only name service is a hosts file that lacks the host: a real lookup failure, without DNS.
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        List<String> command = ChildPaperlist.command(concat(ADD, "--arxiv-api", "http://export.arxiv.invalid/api/query"));
        command.add(1, "-Djdk.net.hosts.file=" + hosts);
        Map<String, String> before = w.snapshot();
        Path err = dir.resolve("err");
        int exit = ChildPaperlist.exitCode(ChildPaperlist.start(w.dir, command, err));
        assertThat(exit).isEqualTo(ExitCode.NETWORK.code());
        assertThat(ChildPaperlist.read(err)).isEqualTo("arXiv API: cannot find the host export.arxiv.invalid "
                + "(no network, or a mistyped --arxiv-api?)\n");
        assertThat(w.snapshot()).isEqualTo(before);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
