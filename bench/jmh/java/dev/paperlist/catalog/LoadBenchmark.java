package dev.paperlist.catalog;

import dev.paperlist.bench.RenderBenchmark;
import dev.paperlist.catalog.edit.CatalogWriter;
import dev.paperlist.catalog.yaml.BlockYamlReader;
import dev.paperlist.catalog.yaml.YamlNode;
import dev.paperlist.catalog.yaml.YamlReader;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Settings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading alone, without process start-up: the same papers.yaml text (the render benchmark's catalogue as
 * CatalogWriter writes it, the block style) read into the YAML tree by the hand-written fast reader and by
 * SnakeYAML's event parser in {@code YamlReader}, each then bound into the model. The fast reader earns its place only while it
 * is at least twice as fast as the SnakeYAML path (bench/RESULTS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class LoadBenchmark {
    @Param({"10000", "100000"})
    int papers;

    private String text;

    @Setup
    public void catalogue() {
        text = CatalogWriter.write(new Catalog(Settings.DEFAULT, RenderBenchmark.sections(papers)));
        if (BlockYamlReader.read(text) == null) {
            throw new IllegalStateException("the fast reader declined the benchmark's catalogue");
        }
    }

    @Benchmark
    public YamlNode readFast() {
        return BlockYamlReader.read(text);
    }

    @Benchmark
    public YamlNode readSnakeYaml() {
        return new YamlReader("papers.yaml").read(text);
    }

    @Benchmark
    public Catalog loadFast() {
        return new CatalogBinder("papers.yaml").bind(BlockYamlReader.read(text));
    }

    @Benchmark
    public Catalog loadSnakeYaml() {
        return new CatalogBinder("papers.yaml").bind(new YamlReader("papers.yaml").read(text));
    }
}
