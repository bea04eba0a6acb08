"""Sentence lengths of a chapter, the measure behind the book's reading-level rule.

The rule: no sentence longer than MAX_WORDS words, and a mean of at most MEAN_WORDS, over the prose a
reader meets (paragraphs and list items; not code, tables, the quiz or the list of sources). Citations
such as "(NOS, 2020)" are left out: a reader skips them, and they would punish careful sourcing.

    python -m missions_book.readability _build/html/book/iraq.html   # the built page (what the test reads)
    python -m missions_book.readability book/iraq.md                 # a draft, approximately
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

MAX_WORDS = 40
MEAN_WORDS = 20

# A full stop after one of these (or after an initial such as "J.") does not end a sentence.
_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "etc",
    "nr",
    "nrs",
    "no",
    "vs",
    "cf",
    "approx",
    "st",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "lt",
    "col",
    "gen",
    "maj",
    "capt",
    "ca",
    "art",
    "p",
    "pp",
    "u.s",
    "u.n",
}
_CANDIDATE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_WORD = re.compile(r"[\w\u00C0-\u024F][\w\u00C0-\u024F'’.,%-]*")
_EMPTY_PARENS = re.compile(r"\(\s*(?:;\s*)*\)")


def sentences(text: str) -> list[str]:
    """Split running text into sentences."""
    text = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", _EMPTY_PARENS.sub("", text))).strip()
    parts, start = [], 0
    for match in _CANDIDATE.finditer(text):
        before = text[start : match.start() + 1]
        last = before.split(" ")[-1].rstrip(".!?").lower()
        if text[match.start()] == "." and (last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
            continue
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if _WORD.search(part)]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


class _ProseParser(HTMLParser):
    """Collects paragraphs and list items of a page's article, skipping what is not prose."""

    SKIP_CLASSES = frozenset(
        {
            "source-cite",
            "cell_input",
            "cell_output",
            "sources-list",
            "quiz",
            "headerlink",
            "toctree-wrapper",
            "admonition-title",
        }
    )
    SKIP_TAGS = frozenset(
        {
            "table",
            "pre",
            "script",
            "style",
            "figure",
            "form",
            "nav",
            "aside",
            "footer",
            "button",
            "svg",
            "h1",
            "h2",
            "h3",
            "h4",
        }
    )
    SKIP_SECTIONS = frozenset({"sources", "quiz", "further-reading"})
    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it skipped?
        self.article_depth: int | None = None  # stack depth of the open <article>, while it is open
        self.blocks: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = (
            tag in self.SKIP_TAGS
            or bool(classes & self.SKIP_CLASSES)
            or any(c.startswith("tag_remove") for c in classes)
            or (tag == "section" and attributes.get("id") in self.SKIP_SECTIONS)
        )
        self.stack.append(skipped)
        if tag == "article" and self.article_depth is None:
            self.article_depth = len(self.stack)
        if tag in ("p", "li") and self.article_depth is not None and not any(self.stack[:-1]):
            self._flush()
            self.current = []

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        self.stack.pop()
        if tag in ("p", "li"):
            self._flush()
        if tag == "article" and self.article_depth == len(self.stack) + 1:
            self.article_depth = None

    def handle_data(self, data):
        if self.current is not None and not any(self.stack):
            self.current.append(data)

    def _flush(self):
        if self.current:
            text = "".join(self.current).strip()
            if text:
                self.blocks.append(text)
        self.current = None


def prose_from_html(html: str) -> list[str]:
    parser = _ProseParser()
    parser.feed(html)
    parser._flush()
    return parser.blocks


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|:::).*?^\1\s*$", re.S | re.M)
_ROLE = re.compile(r"\{(\w+)\}`([^`]*)`")
_SECTION = re.compile(r"^## (Sources|Quiz|Further reading)\b.*?(?=^## |\Z)", re.S | re.M)


def _role_text(match: re.Match) -> str:
    role, body = match.groups()
    if role == "cite":
        return ""
    if role == "fact":
        return "1,000"
    return re.sub(r"\s*<[^>]*>$", "", body)


def prose_from_markdown(text: str) -> list[str]:
    """An approximation of the built prose, for drafting without a build."""
    text = _SECTION.sub("", _FRONT.sub("", text))
    text = re.sub(r"^:::\{admonition\}.*$|^:class:.*$|^:::\s*$", "", text, flags=re.M)
    text = _FENCE.sub("", text)
    text = _ROLE.sub(_role_text, text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    blocks = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-*] |\s*\d+\. )", text):
        lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith(("#", "|", "%"))]
        if lines:
            blocks.append(re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", " ".join(lines)).replace("*", ""))
    return blocks


def measure(blocks: list[str]) -> dict:
    """Mean and longest sentence, and the sentences over the limit."""
    all_sentences = [s for block in blocks for s in sentences(block)]
    counts = [word_count(s) for s in all_sentences]
    return {
        "sentences": len(counts),
        "mean": sum(counts) / len(counts) if counts else 0.0,
        "longest": max(counts, default=0),
        "too_long": [(n, s) for n, s in zip(counts, all_sentences) if n > MAX_WORDS],
    }


def main(argv: list[str]) -> int:
    failed = False
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        blocks = prose_from_html(text) if path.suffix == ".html" else prose_from_markdown(text)
        result = measure(blocks)
        ok = result["mean"] <= MEAN_WORDS and not result["too_long"]
        print(
            f"{name}: {result['sentences']} sentences, mean {result['mean']:.1f} words, "
            f"longest {result['longest']} {'ok' if ok else 'TOO HARD'}"
        )
        for count, sentence in result["too_long"]:
            print(f"  {count} words: {sentence}")
        failed = failed or not ok
    return int(failed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
