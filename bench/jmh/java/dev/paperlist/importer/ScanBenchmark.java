package dev.paperlist.importer;

import dev.paperlist.catalog.TextRules;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The character scans import makes over a README and each paper's values, under the launcher's compiler
 * (C1 only), against the plain {@code charAt} loops they replaced: a scan of the whole text for characters
 * the catalogue refuses, and the one-line check of a value (an abstract, in CJK as the 10,000-paper README
 * has them). The copied-out scans stay only while they are faster (bench/RESULTS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g"})
public class ScanBenchmark {
    private String abstractText;
    private String readme;

    @Setup
    public void texts() {
        abstractText = "- **Abstract:** " + "离散表示生成系统一个可以工作 CLIP 因此 **AnyGEN**，计算机视觉多个和输出性能，".repeat(30);
        StringBuilder text = new StringBuilder();
        while (text.length() < 2_000_000) {
            text.append("### Paper\n\n- **Paper:** [Title](https://arxiv.org/abs/2402.12226)\n").append(abstractText).append("\n\n");
        }
        readme = text.toString();
    }

    @Benchmark
    public String oneLine() {
        return Values.oneLine(abstractText);
    }

    @Benchmark
    public String oneLineByCharAt() {
        return charAtOneLine(abstractText, 0, abstractText.length());
    }

    @Benchmark
    public boolean refusedCharacters() {
        return TextRules.firstForbidden(readme, 0, readme.length()).isEmpty();
    }

    @Benchmark
    public boolean refusedCharactersByCharAt() {
        for (int i = 0; i < readme.length(); i++) {
            char c = readme.charAt(i);
            if (c >= 0x20 && c < 0x7F || c >= 0x3000 && c < 0xD800) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < readme.length() && Character.isLowSurrogate(readme.charAt(i + 1))) {
                i++;
                continue;
            }
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // The one-line check as it was, by charAt.
    private static String charAtOneLine(String text, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = text.charAt(i);
            plain = c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B && !(c == ' ' && i + 1 < to && text.charAt(i + 1) == ' ');
        }
        if (!plain) {
            return text.substring(from, to).strip();
        }
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }
}
