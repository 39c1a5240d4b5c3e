package dev.paperlist.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** Topic and section names become safe, stable, distinct file names. */
class FileNamesTest {
    @Test
    void safeNamesStayAsTheyAre() {
        assertThat(FileNames.of(List.of("NLP", "ComputerVision", "GPT-4V", "v1.5_beta"), "topic"))
                .containsExactly(Map.entry("NLP", "NLP"), Map.entry("ComputerVision", "ComputerVision"),
                        Map.entry("GPT-4V", "GPT-4V"), Map.entry("v1.5_beta", "v1.5_beta"));
    }

    @Test
    void unsafeNamesGetTheirSafePartAndAHashThatNeverChanges() {
        Map<String, String> names = FileNames.of(List.of("Efficiency/SpeedUp", "Spoken Language Processing", "多模态对话",
                "C++", "..", "a:b*c?"), "topic");
        // The hashes are part of every published link to a tag page: they must never change.
        assertThat(names).containsExactly(
                Map.entry("Efficiency/SpeedUp", "Efficiency-SpeedUp-8cdf828a"),
                Map.entry("Spoken Language Processing", "Spoken-Language-Processing-745e5a88"),
                Map.entry("多模态对话", "topic-69d6b2f0"),
                Map.entry("C++", "C-" + FileNames.shortHash("C++")),
                Map.entry("..", "topic-" + FileNames.shortHash("..")),
                Map.entry("a:b*c?", "a-b-c-" + FileNames.shortHash("a:b*c?")));
    }

    @Test
    void namesThatDifferOnlyInCaseAndReservedNamesAreHashed() {
        Map<String, String> names = FileNames.of(List.of("NLP", "nlp", "README", "con", "Index"), "topic");
        assertThat(names.get("NLP")).isEqualTo("NLP-" + FileNames.shortHash("NLP"));
        assertThat(names.get("nlp")).isEqualTo("nlp-" + FileNames.shortHash("nlp"));
        assertThat(names.get("README")).startsWith("README-");
        assertThat(names.get("con")).startsWith("con-");
        assertThat(names.get("Index")).startsWith("Index-");
    }

    @Test
    void longNamesAreCut() {
        String name = "A very long topic name that goes on and on and on and on and on and on and on";
        assertThat(FileNames.of(name, "topic")).hasSizeLessThanOrEqualTo(60 + 9).endsWith(FileNames.shortHash(name));
    }

    @Property(tries = 300)
    void distinctNamesGetDistinctSafeFileNames(@ForAll @Size(max = 12) @UniqueElements List<String> names) {
        Map<String, String> files = FileNames.of(names, "topic");
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String file = files.get(name);
            assertThat(file).matches("[A-Za-z0-9][A-Za-z0-9._-]*").doesNotContain("..");
            assertThat(seen.add(file.toLowerCase(Locale.ROOT))).as("file name of %s is unique", name).isTrue();
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        // Without case clashes or collisions, a name's file does not depend on the other names.
        if (names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count() == names.size()) {
            for (String name : names) {
                assertThat(FileNames.of(reversed, "topic").get(name)).isEqualTo(files.get(name));
            }
        }
    }
}
