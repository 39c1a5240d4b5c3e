package dev.paperlist.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form people paste reads as the same id; text that is not an arXiv reference reads as none. */
class ArxivIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"2402.12226", "2402.12226v2", "arXiv:2402.12226", "arxiv: 2402.12226v3", " 2402.12226 ",
        "https://arxiv.org/abs/2402.12226v1", "https://arxiv.org/pdf/2402.12226.pdf", "https://arxiv.org/pdf/2402.12226v2",
        "http://export.arxiv.org/abs/2402.12226", "https://www.arxiv.org/html/2402.12226v1/", "https://arxiv.org/abs/2402.12226?context=cs"})
    void newStyleForms(String text) {
        assertThat(ArxivId.parse(text)).contains(new ArxivId("2402.12226"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hep-th/9901001", "hep-th/9901001v2", "arXiv:hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001v1",
        "https://arxiv.org/pdf/hep-th/9901001.pdf"})
    void oldStyleForms(String text) {
        assertThat(ArxivId.parse(text)).contains(new ArxivId("hep-th/9901001"));
        assertThat(ArxivId.parse(text).orElseThrow().absUrl()).isEqualTo("https://arxiv.org/abs/hep-th/9901001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"math.AG/0309136", "math/0309136v1", "https://arxiv.org/abs/math.AG/0309136"})
    void theSubjectClassOfAnOldStyleIdIsNotPartOfIt(String text) {
        assertThat(ArxivId.parse(text)).contains(new ArxivId("math/0309136"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2402.122", "2402.1222644", "24021.2226", "AnyGPT", "https://example.org/abs/2402.12226",
        "hep-th/990100", "arXiv:", "2402.12226v", "https://arxiv.org/list/cs.CL/recent"})
    void notArxivReferences(String text) {
        assertThat(ArxivId.parse(text)).isEmpty();
    }
}
