"""Page weight: every page of the book, with everything it loads, within 1 MB; and what was cut to get
there still works: search on search.html (the only page that loads the index) and the icons."""

from __future__ import annotations

import pytest

from .conftest import response_sizes

LIMIT_BYTES = 1_000_000  # 1.0 MB per page, everything it loads included
SEARCH_INDEX = "searchindex.js"


def _load_counting_bytes(browser, url: str) -> tuple[dict[str, int], list[str]]:
    """Load `url` in a fresh context (nothing cached) and return the bytes of every response by URL,
    and every URL requested. What a reader gets on opening the page, as tools/bench.py measures it:
    lazy images further down load only when scrolled to, and are not counted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses, requested = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")  # icon fonts are fetched once drawn
    page.wait_for_load_state("networkidle")
    sizes = response_sizes(responses)
    context.close()
    return sizes, requested


def _assert_light(page_path: str, sizes: dict[str, int], book_url: str) -> None:
    total = sum(sizes.values())
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    files = ", ".join(f"{url.removeprefix(book_url + '/')} {size / 1000:.0f} KB" for url, size in largest)
    assert total <= LIMIT_BYTES, (
        f"{page_path}.html weighs {total / 1e6:.2f} MB with what it loads (limit {LIMIT_BYTES / 1e6:.1f} MB); "
        f"largest files: {files}"
    )


def test_page_with_everything_it_loads_is_within_one_megabyte(page_visit, book_url):
    """Every page of the toc, from its one visit (conftest.page_visit)."""
    _assert_light(page_visit.page_path, page_visit.sizes, book_url)


def test_search_page_with_everything_it_loads_is_within_one_megabyte(browser, book_url):
    sizes, _ = _load_counting_bytes(browser, f"{book_url}/search.html")
    _assert_light("search", sizes, book_url)


def test_chapter_page_does_not_load_the_search_index(browser, book_url):
    _, requested = _load_counting_bytes(browser, f"{book_url}/book/iraq.html")
    assert not [url for url in requested if SEARCH_INDEX in url], "book/iraq.html loads the search index"
    _, requested = _load_counting_bytes(browser, f"{book_url}/search.html")
    assert [url for url in requested if SEARCH_INDEX in url], "search.html does not load the search index"


def test_search_page_finds_a_word(offline_page, book_url):
    page = offline_page
    page.goto(f"{book_url}/search.html", wait_until="networkidle")
    field = page.locator("#main-content form.bd-search input[name=q]")
    field.fill("Uruzgan")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=Uruzgan*")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    hrefs = [link.get_attribute("href") for link in results.locator("a").all()]
    assert any("afghanistan" in href for href in hrefs), f"no result for the Afghanistan chapter: {hrefs}"


def test_search_dialog_of_a_chapter_page_leads_to_results(offline_page, book_url):
    page = offline_page
    page.goto(f"{book_url}/book/iraq.html", wait_until="networkidle")
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    field.fill("Uruzgan")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=Uruzgan*")
    page.locator("#search-results ul.search li").first.wait_for(timeout=15_000)


# Every Font Awesome icon a page shows: elements with an fa-* class and CSS-drawn ones (admonition
# titles, ...), both from ::before/::after. Each glyph is drawn in its own font on a canvas beside a
# code point that no font has: a glyph missing from the (subset) icon font draws the same fallback
# box as that code point, or nothing.
_ICONS_DRAWN = """
() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const draw = (font, text) => {
    context.clearRect(0, 0, 48, 48);
    context.font = font;
    context.fillText(text, 4, 40);
    return Array.from(context.getImageData(0, 0, 48, 48).data).join();
  };
  const results = [];
  for (const element of document.querySelectorAll("body *")) {
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (!style.fontFamily.includes("Font Awesome") || !/^".+"$/.test(style.content)) continue;
      const text = style.content.slice(1, -1);
      const font = `${style.fontWeight} 32px ${style.fontFamily}`;
      const glyph = draw(font, text), missing = draw(font, "\\u{10FFFD}"), blank = draw(font, " ");
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}${pseudo}`;
      results.push({ icon: name, drawn: glyph !== missing && glyph !== blank });
    }
  }
  return results;
}
"""


@pytest.mark.parametrize("page_path", ["book/iraq", "notebooks/01-un-peacekeepers", "search"])
def test_icons_are_drawn_from_their_fonts(offline_page, book_url, page_path):
    page = offline_page
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    icons = page.evaluate(_ICONS_DRAWN)
    assert len(icons) >= 5, f"{page_path}: expected the theme's icons, found {icons}"
    missing = sorted({icon["icon"] for icon in icons if not icon["drawn"]})
    assert missing == [], f"{page_path}: icons with no glyph in their font: {missing}"
