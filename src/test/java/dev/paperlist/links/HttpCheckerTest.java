package dev.paperlist.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** How failures without an HTTP answer read in the report, and which of them count as an answer. */
class HttpCheckerTest {
    @Test
    void failuresReadAsTheirCauseAndOnlyAServerThatSpokeCountsAsAnswering() throws Exception {
        URI uri = URI.create("https://no-such-host.example:8443/paper");
        try (HttpChecker checker = new HttpChecker(1, 1, Duration.ofSeconds(3), Clock.systemUTC())) {
            assertThat(checker.classify(new java.io.IOException(new UnknownHostException("no-such-host.example")), uri, false)
                    .getMessage()).isEqualTo("DNS: no such host no-such-host.example");
            assertThat(checker.classify(new ConnectException(), uri, false).getMessage())
                    .isEqualTo("connection refused by no-such-host.example:8443");
            assertThat(checker.classify(new HttpConnectTimeoutException("connect timed out"), uri, false).getMessage())
                    .isEqualTo("timeout connecting to no-such-host.example after 3 s");
            assertThat(checker.anyAnswer()).isFalse();
            assertThat(checker.classify(new SSLHandshakeException("PKIX path building failed"), uri, false).getMessage())
                    .isEqualTo("TLS: PKIX path building failed");
            assertThat(checker.anyAnswer()).isTrue();
        }
    }
}
