"""Fixtures for tests of the built book: the pages from _toc.yml, a local server, and Chromium.

These tests need `make book` to have run. They never skip for want of a browser: without
Debian's Chromium they stop the run with a message saying how to install it.

When a test that has a browser page fails, a full-page screenshot of that page is saved to
_build/screenshots/<test name>.png and its path printed with the failure.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from missions_book.pdf import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from missions_book.toc import book_pages

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
HTML_DIR = ROOT / "_build" / "html"
SCREENSHOT_DIR = ROOT / "_build" / "screenshots"
PAGES = [docname for docname, _ in book_pages()]  # every page of _toc.yml, in reading order


def _require_built_book() -> None:
    if not (HTML_DIR / "index.html").exists():
        pytest.exit(f"No built book in {HTML_DIR}: run 'make book' first.", returncode=1)


def pytest_sessionstart(session):
    """`pytest tests/built` (or a file in it): this conftest is loaded before the session starts,
    so a missing build stops the run before anything is collected."""
    _require_built_book()


def pytest_collection_finish(session):
    """Once the tests are collected, if any is a test of the built book. Under `pytest tests` this
    conftest is only met while collecting, after the session started: the check for a build is made
    here. And the screenshots of an earlier run go, so that _build/screenshots holds this run's."""
    if session.config.option.collectonly or not any(Path(item.path).is_relative_to(HERE) for item in session.items):
        return
    _require_built_book()
    for old in SCREENSHOT_DIR.glob("*.png"):
        old.unlink(missing_ok=True)  # several test workers may clear the folder at once


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = find_chromium()
    if found is None:
        pytest.exit(f"No Chromium browser found for the browser tests. {INSTALL_HINT}", returncode=1)
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_url():
    """Serve _build/html on a free localhost port for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(HTML_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _offline_context(browser, book_url):
    """A new browser context and its page. The page blocks and records every request to a host other
    than the local server (external_requests), and records console errors and page errors
    (console_errors) and local requests that failed or answered with an error (failed_requests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external_requests = []
    page.console_errors = []
    page.failed_requests = []

    def route(route):
        if route.request.url.startswith(book_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            page.external_requests.append(route.request.url)
            route.abort()

    def response(response):
        if response.status >= 400:
            page.failed_requests.append(f"{response.url} ({response.status})")

    def request_failed(request):
        if request.url.startswith(book_url):  # the blocked requests to other hosts fail too
            page.failed_requests.append(f"{request.url} ({request.failure})")

    context.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.responses = []
    page.on("response", response)
    page.on("response", lambda response: page.responses.append(response))
    page.on("requestfailed", request_failed)
    return context, page


@pytest.fixture
def offline_page(browser, book_url):
    """A page that blocks and records every request to a host other than the local server,
    and records console errors and page errors (see _offline_context)."""
    context, page = _offline_context(browser, book_url)
    yield page
    context.close()


@dataclass(repr=False)
class PageVisit:
    """One load of a page of the book, offline, and what the browser met while loading it.

    The records are copied when the page has loaded (network idle), before anything else runs in it:
    axe-core's CSSOM preload fetches @import-ed stylesheets again, relative to the page rather than
    to the stylesheet, and the 404s and console errors of that are axe's, not the book's."""

    page_path: str
    page: Page
    ok: bool  # the page itself answered 2xx
    status: int | None
    external_requests: list[str]
    failed_requests: list[str]
    console_errors: list[str]
    sizes: dict[str, int]  # bytes of every response by URL: the page's weight with what it loads
    _violations: list[dict] | None = None

    def __repr__(self) -> str:  # short, for tracebacks
        return f"<PageVisit {self.page_path} ({self.status})>"

    def axe_violations(self) -> list[dict]:
        """axe-core's violations for the page, from one run made the first time they are asked for."""
        if self._violations is None:
            self._violations = Axe().run(self.page).response["violations"]
        return self._violations


# One group per page: with several test workers (--dist loadgroup), the tests of a page share a worker.
# Every page of both editions: the Dutch ones under nl/.
_PAGE_PARAMS = [
    pytest.param(page_path, id=page_path, marks=pytest.mark.xdist_group(page_path))
    for page_path in [*PAGES, *(f"nl/{page}" for page in PAGES)]
]


def response_sizes(responses) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for response in responses:
        try:
            size = len(response.body())
        except Exception:  # a redirect or a response the page dropped has no body to read
            size = int(response.headers.get("content-length", 0) or 0)
        sizes[response.url] = sizes.get(response.url, 0) + size
    return sizes


def _settle(page: Page) -> None:
    """Wait for the requests that drawing the page started (icon fonts) to finish. Now and then the
    second network-idle signal on a page that was idle before never comes (about one page in a hundred
    here, under load); the fonts are loaded by then (fonts.ready), so the visit goes on after 10 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except PlaywrightTimeout:
        pass  # the page had loaded (goto waited for it) and its fonts are ready


@pytest.fixture(scope="session", params=_PAGE_PARAMS)
def page_visit(request, browser, book_url) -> PageVisit:
    """Every page of the book, loaded once for all the tests that take this fixture (offline checks,
    accessibility, page weight).

    pytest runs those tests page by page (a parametrized fixture groups them), and closes a page
    before it opens the next, so the page is still open when a test of it fails. With several
    workers, each visits its share of the pages."""
    context, page = _offline_context(browser, book_url)
    response = page.goto(f"{book_url}/{request.param}.html", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")  # icon fonts are fetched once drawn
    _settle(page)
    yield PageVisit(
        page_path=request.param,
        page=page,
        ok=response is not None and response.ok,
        status=response and response.status,
        external_requests=list(page.external_requests),
        failed_requests=list(page.failed_requests),
        console_errors=list(page.console_errors),
        sizes=response_sizes(page.responses),
    )
    context.close()


def _pages_of(item) -> list[Page]:
    """The browser pages a test holds through its fixtures: a Page, or a PageVisit's page."""
    pages = []
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, PageVisit):
            value = value.page
        if isinstance(value, Page) and not value.is_closed() and value not in pages:
            pages.append(value)
    return pages


def _screenshot_path(item, n: int) -> Path:
    name = re.sub(r"[^\w.\[\]-]", "_", item.name.replace("/", "__"))
    return SCREENSHOT_DIR / f"{name}{f'-{n + 1}' if n else ''}.png"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, a full-page screenshot of each page the test holds, named after the test."""
    report = yield
    if report.failed and report.when in ("setup", "call"):
        for n, page in enumerate(_pages_of(item)):
            path = _screenshot_path(item, n)
            try:
                SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(path), full_page=True, timeout=30_000)
                line = f"{path} (the page as it was when the test failed: {page.url})"
            except Exception as error:  # the failure itself is what matters; say why there is no picture
                line = f"none: {type(error).__name__}: {str(error).splitlines()[0]}"
            report.sections.append(("screenshot", line))
    return report
