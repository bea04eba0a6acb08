"""The reading-level rule, measured on the built chapters as a reader meets them."""

from __future__ import annotations

import pytest

from missions_book.readability import MAX_WORDS, MEAN_WORDS, measure, prose_from_html, sentences, word_count

from ..unit.test_chapters import CHAPTERS
from .conftest import HTML_DIR


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_sentences_are_short(name):
    html = (HTML_DIR / "book" / f"{name}.html").read_text(encoding="utf-8")
    result = measure(prose_from_html(html))
    assert result["sentences"] >= 60, f"{name}: only {result['sentences']} sentences found; is the prose parsed?"
    long = "\n  ".join(f"{n} words: {s}" for n, s in result["too_long"])
    assert not result["too_long"], f"{name}: sentences over {MAX_WORDS} words:\n  {long}"
    assert result["mean"] <= MEAN_WORDS, f"{name}: mean sentence {result['mean']:.1f} words; at most {MEAN_WORDS}"


def test_citations_and_code_are_not_counted_as_prose():
    html = """<article class="bd-article"><p>The cabinet decided in 2013
    (<a class="reference external source-cite" href="x">Rijksoverheid, 2013</a>; <a class="source-cite"
    href="y">NOS, 2013</a>). It sent troops.</p><div class="cell_input"><p>not prose at all here</p></div>
    <section id="sources"><p>Long list of sources that must not count.</p></section></article>"""
    blocks = prose_from_html(html)
    assert [s for b in blocks for s in sentences(b)] == ["The cabinet decided in 2013.", "It sent troops."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kamerstuk 27 925 nr. 506 says so. Then it ended.", 2),
        ("J. van der Lijn wrote it. Others agreed.", 2),
        ('He said "no." Then he left.', 2),
        ("Troops, e.g. marines, went. They came back in 2019.", 2),
    ],
)
def test_sentence_splitting(text, expected):
    assert len(sentences(text)) == expected, sentences(text)


def test_word_count_counts_numbers_as_words():
    assert word_count("About 2,759 soldiers served (12.5%).") == 5
