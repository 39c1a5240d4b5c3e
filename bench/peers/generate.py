#!/usr/bin/env python3
"""The reference peer: a README generator for a paper list as a list maintainer would write it.

    python3 bench/peers/generate.py [--catalog papers.yaml] [--readme README.md]

Reads the catalogue with PyYAML's default loader (yaml.Loader, the pure-Python one) and renders the
same notes layout as paperlist (table of contents, section and paper headings, the Paper line with
the star badge and the other badges, Accepted, Submission Date, Authors, Tags, Abstract, Personal
Note) with a Jinja2 template, between the paperlist markers of the README. It is the yardstick for
bench/run, not a second implementation: no validation, no Markdown escaping, a simple slugger.
Needs Debian's python3-yaml and python3-jinja2 (or PyYAML and Jinja2 from anywhere).
"""

import argparse
import os
import re
import sys

import yaml
from jinja2 import Environment

TEMPLATE = """\
{% for h in headings %}
{{ "  " * h.depth }}- [{{ h.text }}](#{{ h.anchor }})
{% endfor %}
{% for h in headings %}

{{ "#" * h.level }} {{ h.text }}
{% if h.paper %}
{% set p = h.paper %}

- **Paper:** [{{ p.title }}]({{ p.url }})
{%- for b in p | badges %}\\
  {{ b }}
{%- endfor %}

- **Accepted:** {{ p.venue or not_accepted }}
{% if p.submitted %}
- **Submission Date:** {{ p.submitted }}
{% endif %}
{% if p.authors %}
- **Authors:** {{ p.authors | join("; ") }}
{% endif %}
{% if p.tags %}
- **Tags:** {{ p.tags | join(", ") }}
{% endif %}
{% if p.abstract %}
- **Abstract:** {{ p.abstract }}
{% endif %}
{% if p.notes %}
- **Personal Note**: {% for n in p.notes %}[\\[{{ n.label }}\\]]({{ n.url }}){{ " " if not loop.last }}{% endfor %}

{% endif %}
{% endif %}
{% endfor %}
"""

START = "<!-- paperlist:start"
END = "<!-- paperlist:end -->"

SHIELDS = "https://img.shields.io/"
BADGES = {
    "project": ("Project Page", "Project", "Page", "green", ".svg"),
    "zhihu": ("zhihu", "", "知乎", "000000?logo=zhihu&logoColor=0084FF", ""),
    "blog": ("Blog", None, "Blog", "orange", ".svg"),
}


def slugify(text):
    slug = text.strip().lower()
    slug = re.sub(r"[^\w\- ]", "", slug)
    return slug.replace(" ", "-")


class Slugger:
    def __init__(self):
        self.seen = {}

    def slug(self, text):
        base = slugify(text)
        slug = base
        while slug in self.seen:
            self.seen[base] += 1
            slug = "%s-%d" % (base, self.seen[base])
        self.seen[slug] = 0
        return slug


def shield_part(text):
    return (text or "").replace("-", "--").replace("_", "__").replace(" ", "%20")


def badges(paper):
    out = []
    code = paper.get("code")
    if code:
        m = re.match(r"(?:https?://github\.com/)?([^/]+)/([^/#?]+)", str(code))
        owner, repo = m.group(1), m.group(2)
        link = code if code.startswith("http") else "https://github.com/" + code
        out.append("[![Star](%sgithub/stars/%s/%s.svg?style=social&label=Star)](%s)" % (SHIELDS, owner, repo, link))
    for b in paper.get("badges") or []:
        alt, label, message, color, suffix = BADGES[b["kind"]]
        label = b.get("label", label)
        image = "%sbadge/%s-%s-%s%s" % (SHIELDS, shield_part(label), shield_part(message), color, suffix)
        out.append("[![%s](%s)](%s)" % (alt, image, b["url"]))
    return out


def headings(sections, level, depth, slugger, out):
    for section in sections:
        title = str(section["title"]).strip()
        out.append({"text": title, "level": level, "depth": depth, "anchor": slugger.slug(title), "paper": None})
        for paper in section.get("papers") or []:
            name = str(paper["name"]).strip()
            out.append({"text": name, "level": level + 1, "depth": depth + 1,
                        "anchor": slugger.slug(name), "paper": paper})
        headings(section.get("sections") or [], level + 1, depth + 1, slugger, out)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default="papers.yaml")
    parser.add_argument("--readme", default="README.md")
    args = parser.parse_args()

    with open(args.catalog, encoding="utf-8") as f:
        catalog = yaml.load(f, Loader=yaml.Loader)
    settings = catalog.get("settings") or {}

    env = Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["badges"] = badges
    template = env.from_string(TEMPLATE)
    generated = template.render(
        headings=headings(catalog["sections"], 1, 0, Slugger(), []),
        not_accepted=settings.get("not_accepted", "None (temporal)"),
    )

    with open(args.readme, encoding="utf-8") as f:
        readme = f.read()
    start = readme.rindex(START)  # the last one: a README may show the markers in its docs first
    start_end = readme.index("\n", start) + 1
    end = readme.index(END, start_end)
    block = "\n" + generated.strip("\n") + "\n\n"
    updated = readme[:start_end] + block + readme[end:]
    if updated != readme:
        tmp = args.readme + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(updated)
        os.replace(tmp, args.readme)
        print("%s: rendered" % args.readme)
    else:
        print("%s: up to date" % args.readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
