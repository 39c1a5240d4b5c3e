package dev.paperlist.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which spellings of a link are one link, and how each kind is checked. */
class LinkTargetTest {
    private static LinkTarget of(String url) {
        return LinkTarget.of(url).orElseThrow();
    }

    @Test
    void spellingsOfOneUrlShareAKey() {
        assertThat(of("HTTPS://Example.ORG:443/a?b=1#top").key()).isEqualTo("https://example.org/a?b=1");
        assertThat(of("http://example.org").key()).isEqualTo("http://example.org/");
        assertThat(of("https://zhuanlan.zhihu.com/p/知乎").key()).isEqualTo("https://zhuanlan.zhihu.com/p/%E7%9F%A5%E4%B9%8E");
        assertThat(of("https://bücher.example/x").key()).isEqualTo("https://xn--bcher-kva.example/x");
        assertThat(of("https://example.org/a b").malformed()).startsWith("not a valid URL");
    }

    @Test
    void arxivAndDoiLinksAreIdsWhateverTheirForm() {
        assertThat(of("https://arxiv.org/pdf/2402.12226v2.pdf").key()).isEqualTo("arxiv:2402.12226");
        assertThat(of("http://export.arxiv.org/abs/hep-th/9901001").key()).isEqualTo("arxiv:hep-th/9901001");
        assertThat(of("https://doi.org/10.1145/ABC.123").key()).isEqualTo("doi:10.1145/abc.123");
        assertThat(of("http://dx.doi.org/10.1000/a%2Fb").url()).isEqualTo("10.1000/a/b");
        assertThat(of("https://doi.org/about").kind()).isEqualTo(LinkTarget.Kind.HTTP);
    }

    @Test
    void githubLinksNameTheirRepository() {
        LinkTarget deep = of("https://github.com/microsoft/unilm/tree/master/kosmos-g");
        assertThat(deep.repo()).isEqualTo("microsoft/unilm");
        assertThat(deep.repoRest()).isEqualTo("/tree/master/kosmos-g");
        assertThat(of("https://github.com/OpenMOSS/AnyGPT.git").repo()).isEqualTo("OpenMOSS/AnyGPT");
        assertThat(of("https://github.com/OpenMOSS/AnyGPT/").repoRest()).isEmpty();
        assertThat(of("https://github.com/OpenMOSS").repo()).isNull();
    }

    @Test
    void relativeAndOtherSchemesAreNotChecked() {
        assertThat(LinkTarget.of("docs/notes.md")).isEmpty();
        assertThat(LinkTarget.of("mailto:a@example.org")).isEmpty();
        assertThat(LinkTarget.of("#anchor")).isEmpty();
    }
}
