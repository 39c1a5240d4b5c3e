#!/usr/bin/env python3
"""Helpers of bench/import-corpus: counts the papers a hand-written list holds, and prints the page
GitHub shows for a Markdown file in a form that two pages can be compared in.

count FILE: the number of paper records in FILE, counted without paperlist's reading of it, so that
the two can be compared. A record is
  - a table row (a line starting with '|'), or an HTML table row (from '<tr' to the next '<tr'),
  - a list item with its continuation lines (the indented or lazy lines up to the next item,
    heading or blank line),
  - a paragraph (the lines up to the next blank line),
  - a heading, which absorbs the blocks under it up to the next heading when the heading itself
    carries a paper link (a heading-per-paper block with its field bullets).
A record is a paper when it carries a paper-like link: an arXiv, DOI, OpenReview, ACL Anthology,
proceedings or PDF link (in Markdown, in an HTML href or written bare), or a bold title that is a link
('**[Title](url)**' or '[**Title**](url)'). Lines in fenced code and HTML comments are skipped;
a record whose only links are to anchors on the page (contents) is never a paper.

missing FILE CATALOGUE: the paper records of FILE none of whose URLs is the link (the 'url') of a paper of
the catalogue, one a line: a record kept only in section text or in another paper's extra fields counts
as missing.

lost ORIGINAL RENDERED: what a reader of ORIGINAL's page can no longer find on RENDERED's page, one item
a line ("link URL", "image URL", "word WORD"): each page is made by cmark-gfm as for 'page', and its link
targets (href), image sources (src) and visible words (the text outside tags, split at white space and
at the punctuation ImportCorpusTest splits at) are compared as sets. A GitHub star badge counts by the
repository it counts (its URL without '.svg' and query), as in ImportCorpusTest.

entries CATALOGUE: two numbers, the papers of the catalogue whose entry is kept whole as the list wrote it
(an 'As written' extra field) and the entry templates of its settings and sections that write the others.

page FILE: the HTML cmark-gfm makes of FILE with GitHub's extensions, with HTML comments removed and
whitespace between tags and runs of whitespace made one space, one block per line.
"""
import re
import subprocess
import sys

PAPER_HOSTS = re.compile(
    r"""(?ix)
    https?://(?:www\.)?
    (?:arxiv\.org/(?:abs|pdf|html)/|export\.arxiv\.org/|doi\.org/|dx\.doi\.org/|dl\.acm\.org/doi|openreview\.net/
      |aclanthology\.org/|(?:www\.)?aclweb\.org/anthology|papers\.nips\.cc/|proceedings\.neurips\.cc/
      |proceedings\.mlr\.press/|openaccess\.thecvf\.com/|ieeexplore\.ieee\.org/|link\.springer\.com/
      |www\.ecva\.net/|ecva\.net/|ojs\.aaai\.org/|www\.ijcai\.org/proceedings|ijcai\.org/proceedings
      |www\.sciencedirect\.com/|www\.nature\.com/articles|nature\.com/articles|www\.biorxiv\.org/|biorxiv\.org/
      |huggingface\.co/papers/|papers\.cool/arxiv|www\.semanticscholar\.org/paper|jmlr\.org/papers
      |[^)\s"']*\.pdf\b)
    """)
BOLD_LINK = re.compile(r"\*\*\[[^\]]+\]\(https?://|\[\*\*[^\]]+\*\*\]\(https?://")


def records(text):
    lines = text.replace("\r\n", "\n").split("\n")
    out = []
    cur = None
    kind = None
    in_fence = None
    in_comment = False

    def close():
        nonlocal cur, kind
        if cur is not None:
            out.append((kind, "\n".join(cur)))
        cur, kind = None, None

    for line in lines:
        stripped = line.strip()
        if in_fence:
            if stripped.startswith(in_fence):
                in_fence = None
            continue
        m = re.match(r"\s{0,3}(```+|~~~+)", line)
        if m:
            close()
            in_fence = m.group(1)
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3:]
                stripped = line.strip()
            else:
                continue
        line = re.sub(r"<!--.*?-->", "", line)
        if "<!--" in line:
            line = line[:line.index("<!--")]
            in_comment = True
        stripped = line.strip()
        if re.match(r"\s{0,3}#{1,6}(\s|$)", line):
            close()
            cur, kind = [line], "heading"
            continue
        if not stripped:
            if kind != "heading":
                close()
            continue
        if kind == "heading" and PAPER_HOSTS.search(cur[0]) or kind == "heading" and BOLD_LINK.search(cur[0]):
            cur.append(line)
            continue
        if kind == "heading":
            close()
        if stripped.startswith("|"):
            close()
            cur, kind = [line], "row"
            close()
            continue
        if re.search(r"<tr[\s>]", line, re.I):
            close()
            cur, kind = [line], "tr"
            continue
        if re.match(r"\s*(?:[-*+]|\d+[.)])\s", line):
            close()
            cur, kind = [line], "item"
            continue
        if cur is None:
            cur, kind = [line], "para"
        else:
            cur.append(line)
    close()
    return out


def is_paper(record):
    text = record[1]
    if kind_is_contents(text):
        return False
    return bool(PAPER_HOSTS.search(text) or BOLD_LINK.search(text))


def kind_is_contents(text):
    links = re.findall(r"\]\(([^)\s]*)", text)
    return bool(links) and all(l.startswith("#") for l in links)


def count(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return sum(1 for r in records(text) if is_paper(r))


def paper_urls(catalogue):
    """The links of the catalogue's papers (their 'url' fields; section text and extra fields do not count)."""
    import yaml
    with open(catalogue, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    out = set()

    def papers(items):
        for paper in items or []:
            if isinstance(paper, dict) and paper.get("url"):
                out.add(str(paper["url"]).strip())
            # a list item that groups papers holds them under its own 'papers'
            if isinstance(paper, dict) and "item" in paper:
                papers(paper.get("papers"))

    def sections(items):
        for section in items or []:
            papers(section.get("papers"))
            sections(section.get("sections"))

    sections(data.get("sections"))
    return out


def missing(path, catalogue):
    """The paper records of the list none of whose URLs a paper of the catalogue holds."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    held = paper_urls(catalogue)
    out = []
    for r in records(text):
        if not is_paper(r):
            continue
        urls = [m.group(0) for m in URL.finditer(r[1])]
        if not any(u in held or u.rstrip(".,;") in held for u in urls):
            out.append(r[1].replace("\n", " ")[:160])
    return out


URL = re.compile(r"https?://[^\s)\]\"'<>]+")


def cmark(path):
    return subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough",
                           "-e", "tagfilter", path], capture_output=True, check=True).stdout.decode("utf-8", "replace")


WORD_SPLIT = re.compile(r"[\s\[\]()|,;，、:*\"“”]+")
STAR_BADGE = re.compile(r"(\.svg)?(\?.*)?$")


def findable(path):
    """The links, images and words a reader finds on the page GitHub shows for a Markdown file."""
    from html.parser import HTMLParser

    items = set()

    class Page(HTMLParser):
        hidden = 0

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag in ("script", "style"):
                self.hidden += 1
            if tag == "a" and a.get("href"):
                items.add(("link", a["href"]))
            if tag == "img" and a.get("src"):
                src = a["src"]
                if "img.shields.io/github/stars/" in src:
                    src = STAR_BADGE.sub("", src, count=1)
                items.add(("image", src))

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self.hidden:
                self.hidden -= 1

        def handle_data(self, data):
            if not self.hidden:
                items.update(("word", w) for w in WORD_SPLIT.split(data) if w)

    parser = Page(convert_charrefs=True)
    parser.feed(re.sub(r"<!--.*?-->", "", cmark(path), flags=re.S))
    parser.close()
    return items


def lost(original, rendered):
    """What ORIGINAL's page shows that RENDERED's page does not, sorted: links, images, then words."""
    order = {"link": 0, "image": 1, "word": 2}
    return sorted(findable(original) - findable(rendered), key=lambda i: (order[i[0]], i[1]))


def entries(catalogue):
    """Entries kept whole as written, and entry templates (settings and sections), in papers.yaml."""
    kept = templates = 0
    under = None
    with open(catalogue, encoding="utf-8") as f:
        for line in f:
            indent = len(line) - len(line.lstrip(" "))
            if under is not None and line.strip() and (indent < under or not line.lstrip().startswith("- ")):
                under = None
            if under is not None and line.lstrip().startswith("- "):
                templates += 1
            if line.strip() == "entries:":
                under = indent
            if line.lstrip().startswith('"As written":'):
                kept += 1
    return kept, templates


def page(path):
    html = cmark(path)
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    html = re.sub(r">\s+<", "><", html)
    html = re.sub(r"\s+", " ", html)
    # one block per line, so that a diff of two pages says where they differ
    html = re.sub(r"(</(?:p|h\d|li|tr|ul|ol|table|blockquote|pre|details|summary)>)", r"\1\n", html)
    return html.strip() + "\n"


if __name__ == "__main__":
    if sys.argv[1] == "count":
        print(count(sys.argv[2]))
    elif sys.argv[1] == "missing":
        for line in missing(sys.argv[2], sys.argv[3]):
            print(line)
    elif sys.argv[1] == "lost":
        for kind, item in lost(sys.argv[2], sys.argv[3]):
            print(kind, item)
    elif sys.argv[1] == "entries":
        print(*entries(sys.argv[2]))
    elif sys.argv[1] == "page":
        sys.stdout.write(page(sys.argv[2]))
    else:
        sys.exit("usage: import_corpus.py count FILE | missing FILE CATALOGUE | entries CATALOGUE | lost ORIGINAL RENDERED | page FILE")
