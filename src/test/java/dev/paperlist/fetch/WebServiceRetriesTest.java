package dev.paperlist.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.testing.ApiStub;
import dev.paperlist.testing.ApiStub.Reply;
import dev.paperlist.testing.FakeTime;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one retry loop the API clients share: busy answers are tried again, others fail at once. */
class WebServiceRetriesTest {
    private static final WebService.Retries RETRIES = new WebService.Retries(3, status -> status == 503,
            Duration.ofSeconds(60), Duration.ofSeconds(2), "; try again later");
    private final FakeTime time = new FakeTime();
    private final ApiStub stub = new ApiStub();
    private final WebService service = new WebService("Test API", time.pacing(Duration.ofSeconds(5)), Duration.ZERO);

    @AfterEach
    void close() {
        stub.close();
    }

    private WebService.Answer send() {
        URI uri = stub.uri("/q");
        return service.sendUntilOk(uri, () -> HttpRequest.newBuilder(uri).GET(), RETRIES,
                answer -> answer.status() == 401 ? service.failure("the key was refused") : null);
    }

    @Test
    void aBusyServiceIsTriedAgainWithTheBackoffDoubledUntilItAnswers() {
        Reply busy = Reply.status(503, Map.of(), "");
        stub.on("/q", busy, busy, Reply.json("{}"));

        assertThat(send().status()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(stub.requests("/q")).hasSize(3);
    }

    @Test
    void aServiceBusyEveryTimeFailsWithTheAdvice() {
        Reply busy = Reply.status(503, Map.of(), "");
        stub.on("/q", busy, busy, busy);

        PaperlistException e = catchThrowableOfType(PaperlistException.class, this::send);

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).isEqualTo("Test API: HTTP 503 3 times; try again later");
    }

    @Test
    void anyOtherAnswerFailsAtOnceInTheClientsWordsOrAsRefused() {
        stub.on("/q", Reply.status(401, Map.of(), ""), Reply.status(404, Map.of(), ""));

        assertThat(catchThrowableOfType(PaperlistException.class, this::send)).hasMessage("Test API: the key was refused");
        assertThat(catchThrowableOfType(PaperlistException.class, this::send))
                .hasMessage("Test API: HTTP 404 from " + stub.url("/q"));
        assertThat(stub.requests("/q")).hasSize(2);
        assertThat(time.sleeps()).isEmpty();
    }
}
