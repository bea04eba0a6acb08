"""Activities in the built book: every printable link leads to a PDF that holds its material, the
decision exercise works by keyboard without a kernel, and the timeline is on the page and on paper."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from missions.data import load_events
from missions.decision import case_names, load_case
from missions_book.activities import load_source_pack, names
from missions_book.printables import all_printables

from .conftest import HTML_DIR, PAGES
from .test_classroom import PDF_DIR, _pdf_text


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and "downloads/pdf/" in href:
            self.links.append(href)


@pytest.mark.parametrize("page_path", PAGES)
def test_every_printable_a_page_links_to_exists(page_path):
    parser = _Links()
    parser.feed((HTML_DIR / f"{page_path}.html").read_text(encoding="utf-8"))
    base = f"file://{HTML_DIR}/{page_path}.html"
    for href in parser.links:
        target = Path(unquote(urljoin(base, href)[len("file://") :]))
        assert target.is_file(), f"{page_path}: link {href} leads to no PDF"


@pytest.mark.parametrize("name", sorted(all_printables()))
def test_every_printable_is_printed_with_its_title(name):
    title, _ = all_printables()[name]()
    text = _pdf_text(PDF_DIR / f"{name}.pdf")
    words = re.sub(r"\s+", " ", title)[:30]
    assert words in text, f"{name}.pdf does not show its title {title!r}"


@pytest.mark.parametrize("name", names("source-packs"))
def test_source_pack_pdf_holds_every_quotation(name):
    text = _pdf_text(PDF_DIR / f"sources-{name}.pdf")
    for excerpt in load_source_pack(name)["excerpts"]:
        opening = " ".join(excerpt["quote"].split()[:5])
        assert opening in text, f"sources-{name}.pdf lacks the quotation of '{excerpt['id']}'"


def test_timeline_page_and_pdf_list_every_event():
    page = (HTML_DIR / "book" / "activities" / "timeline.html").read_text(encoding="utf-8")
    events = load_events()
    assert page.count('<td class="date">') == len(events)
    text = _pdf_text(PDF_DIR / "timeline.pdf")
    for label in events["label"].sample(10, random_state=1):
        assert label[:25] in text, f"timeline.pdf lacks the event {label!r}"


@pytest.mark.parametrize("name", case_names())
def test_decision_exercise_works_by_keyboard_without_a_kernel(offline_page, book_url, name):
    page = offline_page
    page.goto(f"{book_url}/book/activities/decide-{name}.html", wait_until="networkidle")
    case = load_case(name)
    form = page.locator(f"#decision-{name}")
    first = form.locator("fieldset.decision-point input[type=radio]").first
    page.locator("body").focus()
    for _ in range(600):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the first point of the framework")
    page.keyboard.press("ArrowDown")  # radios: the arrow moves to and chooses the next weight
    assert form.locator("fieldset.decision-point").first.locator("input:checked").get_attribute("value") == "mixed"
    page.keyboard.press("Tab")  # to the note
    page.keyboard.type("The mandate is clear.")
    assert form.locator("textarea").first.input_value() == "The mandate is clear."
    outcome = form.locator("details.decision-outcome")
    assert not outcome.locator("ul").first.is_visible(), "what happened must stay closed until the student opens it"
    outcome.locator("summary").focus()
    page.keyboard.press("Enter")
    assert outcome.locator("ul").first.is_visible()
    assert case["decided"][0]["text"][:30] in outcome.inner_text()
    assert form.locator("fieldset.decision-point").count() == len(case["criteria"])
