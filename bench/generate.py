#!/usr/bin/env python3
"""Writes a synthetic paperlist catalogue shaped like this repository's papers.yaml.

    python3 bench/generate.py N OUT_DIR [--same-name]

writes OUT_DIR/papers.yaml with N papers and OUT_DIR/README.md holding a header and only the two
paperlist marker lines. Standard library only; the output depends on N and --same-name alone (a
fixed seed), so every run and every machine benchmarks the same bytes.

Shape, taken from the seed catalogue: top-level sections with subsections two or three levels
deep, 20-100 papers per leaf section; every paper has a name, a quoted title, an arXiv url, a code
repository (mostly owner/repo, a few GitHub tree URLs), 0-3 badges (project, zhihu, blog with a
label), a venue on about half, a submission date, 2-5 Chinese or English authors, 1-3 quoted tags,
an abstract of about 600 characters of mostly Chinese text built from a fixed word list, and 1-2
note links.

--same-name names every paper "AnyGPT": the pathological case for heading anchors (anygpt,
anygpt-1, ... anygpt-9999). paperlist refuses the same heading twice in one section, so each paper
gets a section of its own: leaf sections of one paper, 100 leaves per middle section, 10 middle
sections per top-level section.
"""

import json
import os
import random
import sys

SEED = 20240219

CJK_WORDS = [
    "我们", "提出", "了", "一种", "新的", "多模态", "大型语言模型", "视觉", "语言", "预训练", "模型",
    "能够", "同时", "理解", "和", "生成", "图像", "文本", "语音", "音乐", "数据集", "实验结果表明",
    "在", "各种", "下游任务", "中", "表现出", "显著的", "性能", "统一", "离散表示", "方法", "框架",
    "训练", "微调", "指令", "对齐", "表征", "跨模态", "知识", "传递", "对话", "系统", "评价指标",
    "基于", "检索", "生成式", "架构", "参数", "高效", "可扩展", "监督", "信号", "具体来说", "此外",
    "然而", "因此", "我们的", "工作", "首先", "其次", "最后", "通过", "利用", "这种", "方式", "可以",
    "有效地", "将", "多个", "模态", "整合", "到", "一个", "序列", "建模", "任务", "上", "取得",
    "最先进的", "结果", "并且", "证明", "了", "该", "方法", "的", "有效性", "通用性", "局限性",
    "计算机视觉", "自然语言处理", "研究人员", "大规模", "高质量", "样本", "组合", "输入", "输出",
]
EN_WORDS = [
    "transformer", "zero-shot", "few-shot", "tokenizer", "LLM", "CLIP", "embedding", "next-token prediction",
    "any-to-any", "text-to-image", "image captioning", "VQA", "diffusion", "decoder", "encoder",
    "instruction tuning", "in-context learning", "benchmark", "SOTA", "ResNet-50", "ImageNet",
]
PUNCT = ["，", "，", "，", "。", "、", "；"]

NAME_HEADS = ["Any", "VL", "Kosmos", "Dream", "La", "Speech", "MM", "Vi", "Uni", "Omni", "Next", "Emu",
              "Mini", "Intern", "Qwen", "Video", "Audio", "Seed", "Chat", "Pix", "Flamingo", "BLIP"]
NAME_TAILS = ["GPT", "LLM", "VIT", "Dialog", "LT", "GEN", "Former", "Chat", "Bind", "Agent", "Lens",
              "Tok", "Fusion", "Mix", "Net", "Align", "Vision", "Wave"]
TITLE_WORDS = ["Unified", "Multimodal", "Large", "Language", "Models", "with", "Discrete", "Sequence",
               "Modeling", "Generative", "Pre-trained", "Transformer", "for", "Vision", "and",
               "Understanding", "Generation", "Synergistic", "Comprehension", "Creation", "Dynamic",
               "Visual", "Tokenization", "Empowering", "Cross-Modal", "Conversational", "Abilities",
               "Dialogue", "Response", "Scalable", "Learning", "Transferable", "Supervision", "Region",
               "Without", "Convolution", "Instruction", "Tuning", "Open-domain", "Benchmark"]
SECTION_WORDS = ["Multimodal", "Large Multimodal Models", "Multimodal Dialogue", "Multimodal Learning",
                 "Vision-Language Pretraining", "Text-to-Image", "Speech and Audio", "Video Understanding",
                 "Retrieval", "Evaluation", "Datasets", "Agents", "Efficient Inference", "Alignment",
                 "Tokenizers", "Embodied AI", "Document Understanding", "3D and Robotics"]
OWNERS = ["OpenMOSS", "AILab-CVC", "microsoft", "RunpeiDong", "jy0205", "0nutation", "victorsungo",
          "OpenAI", "dandelin", "salesforce", "facebookresearch", "google-research", "THUDM", "QwenLM",
          "OpenGVLab", "baaivision", "haotian-liu", "Vision-CAIR"]
AUTHORS = ["复旦大学", "上海AI Lab", "西安交通大学", "腾讯", "香港大学", "微软研究院", "纽约大学",
           "滑铁卢大学", "旷视科技", "清华大学", "华中科技大学", "北京大学", "快手科技", "微软", "OpenAI",
           "Google DeepMind", "Meta AI", "Stanford University", "Multimodal Art Projection Research Community",
           "浙江大学", "中国科学院自动化研究所", "阿里巴巴达摩院", "University of Washington", "MIT"]
TAGS = ["vision tokenizer", "每个模态都通过相应 tokenizer 处理", "音频理解+生成", "离散token", "对比学习",
        "多模态对话生成", "大规模多模态对话数据集", "Transformer 统一处理视觉+文本", "vision-language-to-image",
        "指令微调", "检索增强", "视频理解", "评测基准", "高效推理"]
VENUES = ["ICLR 2024", "ICML 2021", "ACL 2023", "ACL 2022", "EMNLP 2023 (Findings)", "NeurIPS 2023",
          "CVPR 2024", "ECCV 2022", "AAAI 2024", "TPAMI"]
NOTE_KINDS = [("HTML", "https://friedrichor.github.io/Awesome-Multimodal-Papers/notes/{name}/index.html"),
              ("知乎", "https://zhuanlan.zhihu.com/p/{num}"),
              ("CSDN", "https://blog.csdn.net/Friedrichor/article/details/{num}")]
BLOG_LABELS = ["OpenAI", "Google", "Meta", "Microsoft", "DeepMind"]


def q(text):
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def abstract(rng, name):
    target = rng.randint(560, 640)
    parts = []
    length = 0
    bold_done = rng.random() >= 0.1
    while length < target:
        r = rng.random()
        if r < 0.12:
            word = " " + rng.choice(EN_WORDS) + " "
        elif r < 0.14:
            word = " " + name + " "
        elif not bold_done and r < 0.16:
            word = " **" + name + "** "
            bold_done = True
        else:
            word = rng.choice(CJK_WORDS)
        parts.append(word)
        length += len(word)
        if rng.random() < 0.12:
            parts[-1] = parts[-1].rstrip()
            parts.append(rng.choice(PUNCT))
            length += 1
    text = "".join(parts).strip()
    for p in PUNCT:
        text = text.replace(p + " ", p)
    while "  " in text:
        text = text.replace("  ", " ")
    return text + "。"


def leaf_sizes(n, rng):
    # Small lists still get several leaf sections: at most a quarter of the papers in one leaf.
    most = max(20, min(100, n // 4))
    sizes = []
    left = n
    while left > 0:
        size = min(left, rng.randint(20, most))
        sizes.append(size)
        left -= size
    if len(sizes) > 1 and sizes[-1] < 20:  # keep leaves at 20 or more where possible
        last = sizes.pop()
        sizes[-1] += last
        if sizes[-1] > 100:
            half = sizes[-1] // 2
            sizes[-1:] = [half, sizes[-1] - half]
    return sizes


class Titles:
    def __init__(self, rng):
        self.rng = rng
        self.count = 0

    def next(self):
        self.count += 1
        return "%s %d" % (self.rng.choice(SECTION_WORDS), self.count)


def tree(sizes, rng, titles):
    """Top-level sections of 2-5 children; each child is a leaf (depth 2) or holds 2-4 leaves (depth 3)."""
    leaves = iter(sizes)
    remaining = len(sizes)
    tops = []
    while remaining > 0:
        top = {"title": titles.next(), "sections": []}
        for _ in range(rng.randint(2, 5)):
            if remaining == 0:
                break
            if remaining >= 2 and rng.random() < 0.5:
                k = min(remaining, rng.randint(2, 4))
                mid = {"title": titles.next(), "sections": []}
                for _ in range(k):
                    mid["sections"].append({"title": titles.next(), "papers": next(leaves)})
                remaining -= k
                top["sections"].append(mid)
            else:
                top["sections"].append({"title": titles.next(), "papers": next(leaves)})
                remaining -= 1
        tops.append(top)
    return tops


def same_name_tree(n, titles):
    tops = []
    left = n
    while left > 0:
        top = {"title": titles.next(), "sections": []}
        for _ in range(10):
            if left == 0:
                break
            mid = {"title": titles.next(), "sections": []}
            for _ in range(100):
                if left == 0:
                    break
                mid["sections"].append({"title": titles.next(), "papers": 1})
                left -= 1
            top["sections"].append(mid)
        tops.append(top)
    return tops


class PaperWriter:
    def __init__(self, rng, same_name):
        self.rng = rng
        self.same_name = same_name
        self.index = 0
        self.per_month = {}

    def write(self, out, indent):
        rng = self.rng
        i = self.index
        self.index += 1
        if self.same_name:
            name = "AnyGPT"
        else:
            name = "%s%s-%d" % (rng.choice(NAME_HEADS), rng.choice(NAME_TAILS), i + 1)
        year = rng.randint(2015, 2024)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        key = (year, month)
        self.per_month[key] = self.per_month.get(key, 0) + 1
        arxiv = "%02d%02d.%05d" % (year % 100, month, self.per_month[key])
        words = rng.sample(TITLE_WORDS, rng.randint(5, 10))
        title = name + ": " + " ".join(words)
        owner = rng.choice(OWNERS)
        repo = name if not self.same_name else "AnyGPT-%d" % (i + 1)
        p = " " * indent
        lines = [
            "%s- name: %s" % (" " * (indent - 2), name),
            "%stitle: %s" % (p, q(title)),
            "%surl: https://arxiv.org/abs/%s" % (p, arxiv),
        ]
        if rng.random() < 0.05:
            lines.append("%scode: https://github.com/%s/%s/tree/main/%s" % (p, owner, "unilm", repo.lower()))
        else:
            lines.append("%scode: %s/%s" % (p, owner, repo))
        nbadges = rng.choice([0, 0, 1, 1, 2, 3])
        if nbadges:
            lines.append("%sbadges:" % p)
            for kind in rng.sample(["project", "zhihu", "blog"], nbadges):
                if kind == "project":
                    lines.append('%s  - {kind: project, url: "https://%s.github.io/%s/"}' % (p, owner.lower(), repo))
                elif kind == "zhihu":
                    lines.append('%s  - {kind: zhihu, url: "https://zhuanlan.zhihu.com/p/%d"}'
                                 % (p, rng.randint(600000000, 699999999)))
                else:
                    lines.append('%s  - {kind: blog, url: "https://blog.example.com/%s", label: %s}'
                                 % (p, repo.lower(), rng.choice(BLOG_LABELS)))
        if rng.random() < 0.5:
            lines.append("%svenue: %s" % (p, q(rng.choice(VENUES))))
        lines.append("%ssubmitted: %04d-%02d-%02d" % (p, year, month, day))
        lines.append("%sauthors: [%s]" % (p, ", ".join(rng.sample(AUTHORS, rng.randint(2, 5)))))
        lines.append("%stags: [%s]" % (p, ", ".join(q(t) for t in rng.sample(TAGS, rng.randint(1, 3)))))
        lines.append("%sabstract: %s" % (p, q(abstract(rng, name))))
        lines.append("%snotes:" % p)
        for label, url in rng.sample(NOTE_KINDS, rng.randint(1, 2)):
            link = url.format(name=repo, num=rng.randint(100000000, 999999999))
            lines.append('%s  - {label: %s, url: "%s"}' % (p, label, link))
        out.write("\n".join(lines))
        out.write("\n")


def write_section(out, section, depth, papers):
    indent = 4 + 4 * depth
    p = " " * indent
    out.write("%s- title: %s\n" % (" " * (indent - 2), q(section["title"])))
    if "papers" in section:
        out.write("%spapers:\n" % p)
        for _ in range(section["papers"]):
            papers.write(out, indent + 4)
    if section.get("sections"):
        out.write("%ssections:\n" % p)
        for child in section["sections"]:
            write_section(out, child, depth + 1, papers)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = [a for a in argv if a.startswith("--")]
    if len(args) != 2 or any(f != "--same-name" for f in flags):
        sys.stderr.write("usage: generate.py N OUT_DIR [--same-name]\n")
        return 2
    n = int(args[0].replace(",", "").replace("_", ""))
    if n < 1:
        sys.stderr.write("generate.py: N must be at least 1\n")
        return 2
    out_dir = args[1]
    same_name = "--same-name" in flags
    rng = random.Random(SEED)
    titles = Titles(rng)
    sections = same_name_tree(n, titles) if same_name else tree(leaf_sizes(n, rng), rng, titles)
    os.makedirs(out_dir, exist_ok=True)
    kind = "all named AnyGPT, one per section" if same_name else "shaped like the seed catalogue"
    with open(os.path.join(out_dir, "papers.yaml"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Synthetic catalogue for paperlist benchmarks: %d papers, %s.\n" % (n, kind))
        out.write("# Written by bench/generate.py (seed %d); regenerate rather than edit.\n" % SEED)
        out.write("settings:\n  not_accepted: \"None (temporal)\"\n")
        out.write("sections:\n")
        papers = PaperWriter(rng, same_name)
        for section in sections:
            write_section(out, section, 0, papers)
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Synthetic paper list\n\n")
        out.write("%d papers generated by bench/generate.py (%s).\n\n" % (n, kind))
        out.write("## The list\n\n<!-- paperlist:start -->\n<!-- paperlist:end -->\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
