package dev.paperlist.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.refresh.Services;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule for every web service's address: the option, else a variable that is set and not blank, else the default. */
class ServiceAddressTest {
    private static final String LOCAL = "http://127.0.0.1:9/api/query";

    @Test
    void anEmptyOrBlankVariableMeansTheDefault() {
        assertThat(ServiceAddress.arxiv(null, Map.of("PAPERLIST_ARXIV_API", ""))).hasToString(ArxivClient.DEFAULT_API);
        assertThat(ServiceAddress.arxiv(null, Map.of("PAPERLIST_ARXIV_API", "  "))).hasToString(ArxivClient.DEFAULT_API);
        assertThat(ServiceAddress.arxiv(null, Map.of())).hasToString(ArxivClient.DEFAULT_API);
        assertThat(ServiceAddress.of(Map.of("PAPERLIST_DOI_API", ""), "PAPERLIST_DOI_API", "https://doi.org"))
                .hasToString("https://doi.org");
    }

    @Test
    void theOptionComesBeforeTheVariableAndTheVariableBeforeTheDefault() {
        assertThat(ServiceAddress.arxiv(null, Map.of("PAPERLIST_ARXIV_API", LOCAL))).hasToString(LOCAL);
        assertThat(ServiceAddress.arxiv("https://mirror.example/q", Map.of("PAPERLIST_ARXIV_API", LOCAL)))
                .hasToString("https://mirror.example/q");
    }

    @Test
    void aBadAddressNamesWhereItCameFrom() {
        PaperlistException fromVariable = catchThrowableOfType(PaperlistException.class,
                () -> ServiceAddress.arxiv(null, Map.of("PAPERLIST_ARXIV_API", "export.arxiv.org")));
        assertThat(fromVariable.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(fromVariable.getMessage())
                .isEqualTo("PAPERLIST_ARXIV_API must be an http:// or https:// URL, got 'export.arxiv.org'");
        PaperlistException fromOption = catchThrowableOfType(PaperlistException.class,
                () -> ServiceAddress.arxiv("", Map.of()));
        assertThat(fromOption.getMessage()).isEqualTo("--arxiv-api must be an http:// or https:// URL, got ''");
    }

    @Test
    void addAndRefreshAgreeThatAnEmptyVariableMeansTheDefault() {
        Map<String, String> empty = Map.of("PAPERLIST_ARXIV_API", "");
        assertThatCode(() -> PaperAdder.arxiv(null, empty, Pacing.REAL).get()).doesNotThrowAnyException();
        assertThatCode(() -> Services.from(empty, Pacing.REAL, null, Instant::now).arxiv().get())
                .doesNotThrowAnyException();
    }
}
