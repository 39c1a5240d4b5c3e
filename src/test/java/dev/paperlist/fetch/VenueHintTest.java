package dev.paperlist.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The venue hint is offered only when the comment and journal reference name exactly one venue. */
class VenueHintTest {
    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Accepted to ICLR 2024                                   | -                               | ICLR 2024",
        "ICLR 2024 (Spotlight). Project page: https://x.github.io | -                              | ICLR 2024",
        "CVPR'24 Highlight                                       | -                               | CVPR 2024",
        "accepted by neurips 2023                                 | -                              | NeurIPS 2023",
        "Findings of EMNLP 2023                                  | -                               | EMNLP 2023 (Findings)",
        "EMNLP 2023 Findings, 12 pages                           | -                               | EMNLP 2023 (Findings)",
        "Accepted at ACM Multimedia 2024                         | -                               | ACM MM 2024",
        "Accepted to ICLR 2024                                   | ICLR 2024                       | ICLR 2024",
        "-                                                       | Proceedings of ACL 2023, pp 1-9 | ACL 2023",
        "28 pages, 16 figures, under review, work in progress    | -                               | -",
        "Submitted to NeurIPS 2024                               | -                               | -",
        "Under review at ICLR 2025                               | -                               | -",
        "Submitted to ICLR 2025; accepted to ICML 2024           | -                               | ICML 2024",
        "Accepted to ICLR 2024 Workshop on Reliable ML           | -                               | -",
        "ICLR 2024 and CVPR 2024                                 | -                               | -",
        "Accepted to ICLR 2024                                   | CVPR 2024                       | -",
        "Code: https://github.com/x/NAACL2020-model              | -                               | -",
        "20 pages, harvmac                                       | Adv.Theor.Math.Phys.2:231-252,1998; Int.J.Theor.Phys.38:1113-1133,1999 | -",
        "Published in TPAMI 2023                                 | -                               | TPAMI 2023",
        "Extended version of our ICCV 2023 paper                 | -                               | -",
        "ICML 1899                                               | -                               | -",
        "-                                                       | -                               | -",
    })
    void hints(String comment, String journalRef, String expected) {
        assertThat(VenueHint.from(comment == null ? null : comment.strip(), journalRef == null ? null : journalRef.strip())
                .orElse(null)).isEqualTo(expected);
    }
}
