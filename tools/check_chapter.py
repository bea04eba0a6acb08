"""Check a chapter before a full build: fact keys, source ids, glossary terms, word count.

    .venv/bin/python tools/check_chapter.py book/<chapter>.md [more.md ...]

Source ids are looked up in data/sources.csv and in any /work/scratch-style extra CSVs given with
--extra-sources (rows not merged yet). Exit status 1 when something is unknown.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from missions.facts import all_facts  # noqa: E402

ROLE = re.compile(r"\{(fact|cite|term)\}`([^`]+)`")
CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```", re.S | re.M)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def prose_words(text: str) -> int:
    text = FRONT_MATTER.sub("", text)
    text = CODE_CELL.sub("", text)
    text = re.sub(r"^(```|:::).*$", "", text, flags=re.M)
    text = ROLE.sub(lambda m: m.group(2), text)
    return len(re.findall(r"[A-Za-z0-9][\w'’-]*", text))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--extra-sources", nargs="*", default=[])
    args = parser.parse_args(argv)
    facts = all_facts()
    with open(ROOT / "data" / "sources.csv", encoding="utf-8") as fh:
        source_ids = {row["id"] for row in csv.DictReader(fh)}
    for extra in args.extra_sources:
        with open(extra, encoding="utf-8") as fh:
            source_ids |= {row["id"] for row in csv.DictReader(fh)}
    failed = False
    for name in args.files:
        text = Path(name).read_text(encoding="utf-8")
        for lineno, line in enumerate(text.splitlines(), 1):
            for kind, value in ROLE.findall(line):
                if kind == "fact" and value.strip() not in facts:
                    print(f"{name}:{lineno}: unknown fact '{value}'")
                    failed = True
                if kind == "cite":
                    for source_id in (v.strip() for v in value.split(";")):
                        if source_id not in source_ids:
                            print(f"{name}:{lineno}: unknown source id '{source_id}'")
                            failed = True
            if re.search(r"\b(currently|nowadays|at present|right now)\b", line, re.I):
                print(f"{name}:{lineno}: undated time word; give the date instead")
                failed = True
        terms = sorted({v for k, v in ROLE.findall(text) if k == "term"})
        print(f"{name}: {prose_words(text)} words of prose; {len(terms)} glossary terms: {', '.join(terms)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
