package dev.paperlist.bench;

import dev.paperlist.markdown.Slugger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GitHub anchors for a page of headings: all distinct, or all the same text (anygpt, anygpt-1, …),
 * which must stay linear. Time per page; the per-heading cost should not grow with the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SluggerBenchmark {
    @Param({"1000", "10000"})
    int headings;

    @Benchmark
    public Slugger distinctHeadings() {
        Slugger slugger = new Slugger();
        for (int i = 0; i < headings; i++) {
            slugger.slug("AnyGPT " + i + ": 多模态 Unified Model");
        }
        return slugger;
    }

    @Benchmark
    public Slugger sameHeading() {
        Slugger slugger = new Slugger();
        for (int i = 0; i < headings; i++) {
            slugger.slug("AnyGPT");
        }
        return slugger;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String slugifyMixedText() {
        return Slugger.slugify("NExT-GPT: Any-to-Any 多模态 LLM (ΣΑΣ) ② café");
    }
}
