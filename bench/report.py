#!/usr/bin/env python3
"""Turns the measurements of bench/run into a table on standard output and bench/RESULTS.md.

    python3 bench/report.py --bench target/bench --results bench/RESULTS.md

Reads target/bench/manifest.tsv (one row per measured command), the hyperfine JSON exports and the
GNU time peak-RSS samples beside them, and target/bench/machine.tsv. Standard library only. bench/run
calls it; run it alone to rewrite the report from the last measurements.
"""

import argparse
import json
import os
import statistics
import sys

LABELS = {
    "hello": "Java hello-world (`java -jar hello.jar`)",
    "repo-check": "paperlist check in a copy of this repository (as the pre-commit hook runs it)",
    "repo-check-nostamp": "paperlist check in a copy of this repository, without a stamp",
    "render-cold": "render, cold (README holds only the markers)",
    "render-sync": "render, in sync (nothing to write)",
    "check-sync": "check, in sync",
    "check-nostamp": "check, in sync, without a stamp (full render and compare)",
    "check-stale": "check, stale (one abstract edited)",
    "import": "import",
    "add-dry-run": "add --dry-run",
    "peer-render": "Python reference render (PyYAML + Jinja2)",
}
MIB = 1024.0


class Row:
    def __init__(self, bench, group, label, status, code, json_path, note):
        self.group, self.label, self.status, self.note = group, label, status, note
        self.code = code
        self.times = []
        self.runs = 0
        if status == "ok" and json_path:
            with open(json_path, encoding="utf-8") as f:
                result = json.load(f)["results"][0]
            self.times = result["times"]
            self.runs = len(self.times)
        self.rss_kib = []
        rss_path = os.path.join(bench, "json", "%s__%s.rss" % (group, label))
        if os.path.exists(rss_path):
            with open(rss_path, encoding="utf-8") as f:
                self.rss_kib = [int(line) for line in f.read().split("\n") if line.strip().isdigit()]

    @property
    def ok(self):
        return self.status == "ok" and bool(self.times)

    @property
    def median(self):
        return statistics.median(self.times) if self.times else None

    @property
    def peak_mib(self):
        return max(self.rss_kib) / MIB if self.rss_kib and self.ok else None


def seconds(value):
    if value is None:
        return "–"
    if value < 1:
        return "%.0f ms" % (value * 1000)
    return "%.2f s" % value


def mib(value):
    return "–" if value is None else "%.0f MiB" % value


def file_size(path):
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    return "%.1f MB" % (size / 1e6) if size >= 1e5 else "%.0f KB" % (size / 1e3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--results", required=True)
    args = parser.parse_args()
    bench = args.bench

    machine = {}
    with open(os.path.join(bench, "machine.tsv"), encoding="utf-8") as f:
        for line in f:
            if "\t" in line:
                key, value = line.rstrip("\n").split("\t", 1)
                machine[key] = value
    rows = []
    with open(os.path.join(bench, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(Row(bench, *line.rstrip("\n").split("\t")))
    by = {(r.group, r.label): r for r in rows}

    def get(group, label):
        r = by.get((str(group), label))
        return r if r is not None and r.ok else None

    hello = get("reference", "hello")
    sizes = [g for g in dict.fromkeys(r.group for r in rows) if g.isdigit()]

    md = []
    md.append("# paperlist benchmark results")
    md.append("")
    md.append("Written by `bench/run` (see [bench/README.md](README.md)); regenerate rather than edit. Every "
              "figure is a whole process, start to exit, timed by hyperfine; peak RSS is GNU time's maximum "
              "resident set size over all runs of a command. Absolute times depend on the machine: quote "
              "the ratios.")
    md.append("")
    md.append("## Machine")
    md.append("")
    md.append("| | |")
    md.append("| --- | --- |")
    for key, name in [("date", "Date of the run"), ("cpu", "CPU"), ("nproc", "nproc"), ("memory", "Memory"),
                      ("os", "OS"), ("java", "Java"), ("java_opts", "JVM options"), ("paperlist", "paperlist"),
                      ("hyperfine", "hyperfine"), ("peer", "Python reference"), ("sizes", "Sizes run"),
                      ("load", "Load average"), ("steal", "CPU steal")]:
        if key in machine:
            md.append("| %s | %s |" % (name, machine[key].replace("|", "\\|")))
    md.append("")

    def table(group, labels):
        out = ["| Command | Median | Min | Max | Peak RSS | Runs | Notes |",
               "| --- | --- | --- | --- | --- | --- | --- |"]
        for label in labels:
            r = by.get((group, label))
            if r is None:
                continue
            if r.ok:
                note = r.note
                if hello and label != "hello":
                    note = "%.1f × hello-world" % (r.median / hello.median)
                if label == "peer-render":
                    mine = get(group, "render-cold")
                    if mine:
                        note = "%.1f × paperlist render, cold" % (r.median / mine.median)
                if r.code not in ("0", ""):
                    note += "; exit %s" % r.code
                out.append("| %s | %s | %s | %s | %s | %d | %s |" % (
                    LABELS.get(label, label), seconds(r.median), seconds(min(r.times)), seconds(max(r.times)),
                    mib(r.peak_mib), r.runs, note))
            else:
                out.append("| %s | – | – | – | – | 0 | %s |" % (LABELS.get(label, label),
                                                               (r.note or r.status).replace("|", "\\|")))
        return out

    md.append("## References")
    md.append("")
    md.extend(table("reference", ["hello", "repo-check", "repo-check-nostamp"]))
    md.append("")
    for n in sizes:
        d = os.path.join(bench, "n" + n)
        md.append("## %s papers" % format(int(n), ","))
        md.append("")
        md.append("Catalogue %s, rendered README %s." % (file_size(os.path.join(d, "papers.yaml")) or "?",
                                                       file_size(os.path.join(d, "synced.md")) or "?"))
        md.append("")
        md.extend(table(n, ["render-cold", "render-sync", "check-sync", "check-nostamp", "check-stale", "import",
                            "add-dry-run", "peer-render"]))
        md.append("")
    if any(r.group == "same-name" for r in rows):
        md.append("## 10,000 papers, all named AnyGPT (pathological anchors)")
        md.append("")
        md.append("One paper per section (10,000 leaf sections), so the headings are anygpt, anygpt-1, … "
                  "anygpt-9999. Catalogue %s." % (file_size(os.path.join(bench, "same10000", "papers.yaml")) or "?"))
        md.append("")
        md.extend(table("same-name", ["render-cold", "check-sync", "check-nostamp"]))
        md.append("")

    # Scaling across sizes.
    md.append("## Scaling")
    md.append("")
    md.append("| Papers | render, cold | per paper | check, in sync | Python reference | reference ÷ paperlist |")
    md.append("| --- | --- | --- | --- | --- | --- |")
    for n in sizes:
        rc, cs, pr = get(n, "render-cold"), get(n, "check-sync"), get(n, "peer-render")
        md.append("| %s | %s | %s | %s | %s | %s |" % (
            format(int(n), ","), seconds(rc.median if rc else None),
            ("{:,.0f} µs".format(rc.median / int(n) * 1e6)) if rc else "–",
            seconds(cs.median if cs else None), seconds(pr.median if pr else None),
            ("%.1f ×" % (pr.median / rc.median)) if rc and pr else "–"))
    md.append("")

    # Targets.
    targets = []

    def target(name, measured, limit, passed, missing):
        if passed is None:
            targets.append((name, "not measured: " + missing, limit, "n/a"))
        else:
            targets.append((name, measured, limit, "PASS" if passed else "FAIL"))

    repo = get("reference", "repo-check")
    if repo and hello:
        ratio = repo.median / hello.median
        target("This repository's papers.yaml: check wall vs Java hello-world",
               "%s = %.2f × %s" % (seconds(repo.median), ratio, seconds(hello.median)), "≤ 2.5 ×", ratio <= 2.5, "")
    else:
        target("This repository's papers.yaml: check wall vs Java hello-world", "", "≤ 2.5 ×", None,
               "a reference row failed")

    def limit_target(name, row, limit_s, limit_text, missing):
        if row:
            target(name, seconds(row.median), limit_text, row.median <= limit_s, "")
        else:
            target(name, "", limit_text, None, missing)

    def rss_target(n, limit_mib, limit_text, missing):
        peaks = [(get(n, l).peak_mib, l) for l in ("render-cold", "render-sync", "check-sync", "check-nostamp",
                                                   "check-stale", "import", "add-dry-run")
                 if get(n, l) and get(n, l).peak_mib is not None]
        name = "%s papers: peak RSS of any paperlist command" % format(int(n), ",")
        if peaks:
            top, label = max(peaks)
            core = [p for p, l in peaks if l.startswith(("render", "check"))]
            detail = " (%s)" % LABELS.get(label, label).split(",")[0]
            if core and not label.startswith(("render", "check")):
                detail = " (%s; render and check at most %s)" % (LABELS.get(label, label), mib(max(core)))
            target(name, mib(top) + detail, limit_text, top <= limit_mib, "")
        else:
            target(name, "", limit_text, None, missing)

    miss10 = "run with 10000 among the sizes"
    limit_target("10,000 papers: render, cold", get(10000, "render-cold"), 2.0, "≤ 2.0 s", miss10)
    limit_target("10,000 papers: check, in sync", get(10000, "check-sync"), 1.0, "≤ 1.0 s", miss10)
    rc10, pr10 = get(10000, "render-cold"), get(10000, "peer-render")
    if rc10 and pr10:
        ratio = pr10.median / rc10.median
        target("10,000 papers: faster than the Python reference (render, cold)",
               "%.1f × (%s vs %s)" % (ratio, seconds(rc10.median), seconds(pr10.median)), "≥ 5 ×", ratio >= 5, "")
    else:
        target("10,000 papers: faster than the Python reference (render, cold)", "", "≥ 5 ×", None,
               miss10 + (" with the Python reference" if rc10 else ""))
    rss_target(10000, 512, "≤ 512 MiB", miss10)
    miss100 = "100,000 runs only with bench/run --full"
    limit_target("100,000 papers: render, cold", get(100000, "render-cold"), 15.0, "≤ 15 s", miss100)
    rss_target(100000, 1536, "≤ 1.5 GiB", miss100)
    rc100 = get(100000, "render-cold")
    if rc10 and rc100:
        per10, per100 = rc10.median / 10000, rc100.median / 100000
        target("Time per paper at 100,000 vs at 10,000 (render, cold)",
               "%.0f µs vs %.0f µs = %.2f ×" % (per100 * 1e6, per10 * 1e6, per100 / per10), "≤ 1.5 ×",
               per100 / per10 <= 1.5, "")
    else:
        target("Time per paper at 100,000 vs at 10,000 (render, cold)", "", "≤ 1.5 ×", None, miss100)
    same = get("same-name", "render-cold")
    if same and rc10:
        ratio = same.median / rc10.median
        target("10,000 papers all named the same stay linear: render vs the normal 10,000",
               "%s = %.2f × %s" % (seconds(same.median), ratio, seconds(rc10.median)), "≤ 1.5 ×", ratio <= 1.5, "")
    else:
        target("10,000 papers all named the same stay linear: render vs the normal 10,000", "", "≤ 1.5 ×", None,
               miss10)

    md.append("## Targets")
    md.append("")
    md.append("| Target | Measured | Limit | Result |")
    md.append("| --- | --- | --- | --- |")
    for name, measured, limit, result in targets:
        md.append("| %s | %s | %s | %s |" % (name, measured, limit, "**%s**" % result if result == "FAIL" else result))
    md.append("")
    md.append("Times are medians. \"Cold\" means the README holds only the two marker lines, so the whole list "
              "is rendered and written; every run is a fresh process either way. MiB and GiB are binary units "
              "(the targets' MB and GB are read as MiB and GiB).")

    # The hand-written analysis below the measurements survives a rewrite of the report.
    analysis = ""
    if os.path.exists(args.results):
        with open(args.results, encoding="utf-8") as f:
            previous = f.read()
        at = previous.find("\n## Analysis\n")
        if at >= 0:
            analysis = previous[at:]
    with open(args.results, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(md) + "\n" + analysis)

    # The terminal table.
    print()
    print("%-10s %-44s %9s %9s %9s %9s %5s" % ("group", "command", "median", "min", "max", "peak RSS", "runs"))
    for r in rows:
        if r.ok:
            print("%-10s %-44s %9s %9s %9s %9s %5d" % (r.group, LABELS.get(r.label, r.label)[:44], seconds(r.median),
                                                      seconds(min(r.times)), seconds(max(r.times)), mib(r.peak_mib),
                                                      r.runs))
        else:
            print("%-10s %-44s %s" % (r.group, LABELS.get(r.label, r.label)[:44], r.note or r.status))
    print()
    for name, measured, limit, result in targets:
        print("%-5s %s: %s (limit %s)" % (result, name, measured, limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
