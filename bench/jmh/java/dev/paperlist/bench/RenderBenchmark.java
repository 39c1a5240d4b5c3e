package dev.paperlist.bench;

import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Badge;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.GitHubRepo;
import dev.paperlist.model.NoteLink;
import dev.paperlist.model.Paper;
import dev.paperlist.model.PartialDate;
import dev.paperlist.model.Section;
import dev.paperlist.model.Settings;
import dev.paperlist.model.SourcePosition;
import dev.paperlist.render.ReadmeRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The renderer without process start-up or parsing: a whole README from an in-memory catalogue shaped
 * like bench/generate.py's (sections of 20 to 100 papers, CJK abstracts, badges, notes), in both
 * layouts, and the Markdown escaping of one abstract. Time per operation; divide by the paper count
 * for the cost per paper, which should not grow with the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
    private static final String README = "# List\n\n## Intro\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n";
    private static final String CJK = "在结果上语言将有效地方法高效然而研究人员文本计算机视觉显著的具体来说参数对话模型各种实验结果表明利用";

    @Param({"1000", "10000"})
    int papers;

    private Catalog notes;
    private Catalog table;
    private String abstractText;

    @Setup
    public void catalogue() {
        List<Section> top = sections(papers);
        notes = new Catalog(Settings.DEFAULT, top);
        table = new Catalog(Settings.DEFAULT.withLayout("table"), top);
        abstractText = paper(new Random(1), 0).abstractText();
    }

    /** The benchmark's catalogue of {@code papers} papers, also the input of the loading benchmark. */
    public static List<Section> sections(int papers) {
        Random random = new Random(20240219);
        List<Section> top = new ArrayList<>();
        int made = 0;
        for (int s = 0; made < papers; s++) {
            List<Paper> list = new ArrayList<>();
            int count = Math.min(papers - made, 20 + random.nextInt(81));
            for (int i = 0; i < count; i++, made++) {
                list.add(paper(random, made));
            }
            Section leaf = new Section("Leaf " + s, list, List.of(), SourcePosition.UNKNOWN);
            top.add(new Section("Area " + s, List.of(), List.of(leaf), SourcePosition.UNKNOWN));
        }
        return top;
    }

    private static Paper paper(Random random, int n) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 600) {
            int at = random.nextInt(CJK.length() - 8);
            text.append(CJK, at, at + 2 + random.nextInt(6));
            if (random.nextInt(6) == 0) {
                text.append(random.nextBoolean() ? " any-to-any " : " next-token prediction，");
            }
        }
        String name = "Model-" + n;
        return Paper.builder(name, name + ": Unified Multimodal Understanding and Generation")
                .url("https://arxiv.org/abs/24" + String.format("%02d.%05d", 1 + n % 12, n % 100000))
                .code(GitHubRepo.parse("OpenGVLab/" + name).orElseThrow())
                .badge(new Badge("project", "https://opengvlab.github.io/" + name + "/", null, null, null, null, null,
                        null, null, SourcePosition.UNKNOWN))
                .venue(n % 2 == 0 ? "CVPR 2024" : null)
                .submitted(PartialDate.parse("2024-02-19").orElseThrow())
                .authors(List.of("阿里巴巴达摩院", "微软", "Jun Zhan"))
                .tags(List.of("多模态对话生成", "any-to-any"))
                .abstractText(text.toString())
                .note(new NoteLink("CSDN", "https://blog.csdn.net/x/article/details/" + n))
                .build();
    }

    @Benchmark
    public String notesLayout() {
        return ReadmeRenderer.render(notes, README, "README.md", "papers.yaml");
    }

    @Benchmark
    public String tableLayout() {
        return ReadmeRenderer.render(table, README, "README.md", "papers.yaml");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String escapeAbstract() {
        return MarkdownText.inline(abstractText);
    }
}
