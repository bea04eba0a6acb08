"""Checks of the built HTML files: complete, offline-clean, described, and with real metadata."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from .conftest import HTML_DIR, PAGES, ROOT

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
HASH_LIKE = re.compile(r"^[0-9a-f]{16,}(\.png)?$|^_images/|\.png$", re.I)


class _Collector(HTMLParser):
    """Collects what the tests look at: loaded resources, images, widget views."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.images: list[dict] = []
        self.widget_views = 0
        self.widget_states = 0
        self.inline_scripts: list[str] = []
        self._in_script = False
        self._figure_classes = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical",):
            if any(r in (attrs.get("rel") or "") for r in ("stylesheet", "preload", "icon", "modulepreload")):
                self.loads.append(attrs["href"])
        if tag == "figure":
            self._figure_classes = attrs.get("class") or ""
        if tag == "img":
            self.images.append({**attrs, "parent_classes": self._figure_classes})
        if tag == "script":
            self._in_script = True
            if attrs.get("type") == "application/vnd.jupyter.widget-view+json":
                self.widget_views += 1
            if attrs.get("type") == "application/vnd.jupyter.widget-state+json":
                self.widget_states += 1

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure_classes = ""
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_scripts.append(data)


def _parse(page_path: str) -> tuple[str, _Collector]:
    path = HTML_DIR / f"{page_path}.html"
    assert path.exists(), f"{page_path} is in _toc.yml but {path} was not built"
    text = path.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(text)
    return text, collector


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_nothing_from_other_hosts(page_path):
    _, page = _parse(page_path)
    external = [url for url in page.loads if EXTERNAL.match(url)]
    assert external == [], f"{page_path}.html loads from other hosts: {external}"
    named = [s[:80] for s in page.inline_scripts if re.search(r"https?://(?!127\.0\.0\.1)", s)]
    assert named == [], f"{page_path}.html has inline scripts naming outside addresses: {named}"


@pytest.mark.parametrize("page_path", PAGES)
def test_every_image_has_meaningful_alt_text(page_path):
    _, page = _parse(page_path)
    for image in page.images:
        alt = (image.get("alt") or "").strip()
        src = image.get("src", "")
        # the theme's logos: the book's, and the launch-service icons beside their own label text
        if (src.startswith("_static/") and "logo" in image.get("class", "")) or "_static/images/logo_" in src:
            continue
        assert alt, f"{page_path}.html: image {image.get('src', '')[:60]} has no alt text"
        assert not HASH_LIKE.search(alt), f"{page_path}.html: alt text {alt!r} looks like a file name"
        assert len(alt.split()) >= 5, f"{page_path}.html: alt text {alt!r} is too short to describe a chart"


@pytest.mark.parametrize("page_path", PAGES)
def test_no_widget_without_a_kernel_free_fallback(page_path):
    """A widget view in the static book would be an empty box (no kernel, no widget JavaScript)."""
    _, page = _parse(page_path)
    assert page.widget_views == 0, f"{page_path}.html shows a bare ipywidget; give it an HTML fallback"
    assert page.widget_states == 0, f"{page_path}.html embeds saved widget state that nothing on the page uses"


@pytest.mark.parametrize("page_path", PAGES)
def test_metadata_is_real(page_path):
    text, _ = _parse(page_path)
    assert "the contributors" in text, f"{page_path}.html: authors missing from the footer"
    assert "2026" in text, f"{page_path}.html: copyright year missing"
    assert "CC BY 4.0" in text and "MIT" in text, f"{page_path}.html: licences missing from the footer"
    for template in ("My Jupyter Book", "Jupyter Book community", "Copyright 2023", "executablebooks/jupyter-book"):
        assert template not in text, f"{page_path}.html still has template text {template!r}"


def test_notebooks_offer_a_download():
    for page_path in PAGES:
        if page_path.startswith("notebooks/"):
            text, _ = _parse(page_path)
            name = page_path.split("/")[-1]
            assert f"{name}.ipynb" in text, f"{page_path}.html has no link to download the notebook"


def test_launch_buttons_come_from_the_repository_setting():
    """Binder links are built from repository.url in _config.yml, on notebook pages only."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    owner_repo = config["repository"]["url"].split("github.com/")[1].strip("/")
    binder = config["launch_buttons"]["binderhub_url"].rstrip("/")
    notebooks = [page for page in PAGES if page.startswith("notebooks/")]
    assert notebooks
    for page_path in notebooks:
        text = (HTML_DIR / f"{page_path}.html").read_text(encoding="utf-8")
        expected = f"{binder}/v2/gh/{owner_repo}/{config['repository']['branch']}?urlpath=lab/tree/{page_path}.ipynb"
        assert expected in text, f"{page_path}: no Binder link to {expected}"
    chapter = (HTML_DIR / "book/iraq.html").read_text(encoding="utf-8")
    assert "v2/gh/" not in chapter, "a chapter (MyST Markdown) offers a launch button"


@pytest.mark.parametrize("page_path", PAGES)
def test_charts_are_files_that_load_when_shown(page_path):
    """Charts reach the page as image files (missions_book/renderers.py), loaded lazily, and exist."""
    text, page = _parse(page_path)
    assert "data:image/png;base64" not in text, f"{page_path}.html still embeds a chart as base64"
    charts = 0
    for image in page.images:
        src = image.get("src", "")
        if src.startswith("data:"):
            continue
        target = (HTML_DIR / page_path).parent / src
        assert target.resolve().is_file(), f"{page_path}.html: image {src} does not exist"
        if "mission-chart" in image["parent_classes"]:
            charts += 1
            assert image.get("loading") == "lazy", f"{page_path}.html: chart {src} is not loaded lazily"
    if page_path.startswith("notebooks/"):
        assert charts, f"{page_path}.html: every notebook draws charts, but the page shows none"
