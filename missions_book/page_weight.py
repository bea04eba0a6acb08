"""Page weight: every page of the book, with everything it loads, stays under 1 MB.

Most of a page's weight was the theme's, not the book's. After the HTML build:

- the theme's stylesheet and the Font Awesome stylesheet are cut down by PurgeCSS (installed with
  npm by `make vendor`) to the rules that the built pages and the scripts they load can use, and
  written beside the originals as *.used.css, which book/_templates/static/webpack-macros.html links;
- the Font Awesome web fonts are cut down (fontTools) to the icons those rules can still draw.

The search index only search.html loads: see book/_templates/layout.html.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from missions import paths

from .editions import OTHERS

logger = logging.getLogger(__name__)

PURGECSS = paths.root() / "tools" / "vendor" / "node_modules" / "purgecss"

# Stylesheets purged, relative to _static; each is written beside itself as NAME.used.css.
STYLESHEETS = ("styles/pydata-sphinx-theme.css", "vendor/fontawesome/css/all.min.css")

# What the theme's scripts add at run time in ways that PurgeCSS cannot read in their source:
# - Bootstrap builds its tooltip and popover placement classes from parts ("bs-" + name + "-auto");
# - the theme switcher sets data-theme/data-mode on <html>, Popper sets data-popper-placement and
#   Bootstrap data-bs-popper on what it places: keep every rule on these attributes, whatever the value;
# - MathJax draws <mjx-*> elements that no built page contains;
# - a rule on a pseudo-class alone, such as the theme's focus ring `:focus-visible{...}`, names nothing
#   that PurgeCSS could find in a page (on `.x:focus-visible` the class is still looked for).
SAFELIST = {"standard": [r"^bs-(tooltip|popover)-", r"^mjx-", r"^:[a-z-]+$"], "greedy": [r"^mjx-"]}
DYNAMIC_ATTRIBUTES = [
    "data-theme",
    "data-mode",
    "data-bs-theme",
    "data-popper-placement",
    "data-bs-popper",
    "aria-expanded",
    "aria-current",
    "aria-selected",
    "aria-hidden",
]

# Reads {"css": [...], "content": [...], "safelist": {...}, "dynamicAttributes": [...]} on stdin,
# prints [{"file": ..., "css": ...}] for the stylesheets in the order given.
_PURGE_JS = r"""
const fs = require("fs"), path = require("path");
const { PurgeCSS } = require(process.argv[1]);
const options = JSON.parse(fs.readFileSync(0, "utf8"));
const regexps = (list) => (list || []).map((source) => new RegExp(source));
new PurgeCSS().purge({
  css: options.css,
  // Raw text rather than paths: paths would be read as glob patterns.
  content: options.content.map((file) => ({ raw: fs.readFileSync(file, "utf8"), extension: path.extname(file).slice(1) })),
  safelist: { standard: regexps(options.safelist.standard), greedy: regexps(options.safelist.greedy) },
  dynamicAttributes: options.dynamicAttributes,
}).then((results) => process.stdout.write(JSON.stringify(results.map(({ file, css }) => ({ file, css })))));
"""


def used_name(path: Path) -> Path:
    """pydata-sphinx-theme.css -> pydata-sphinx-theme.used.css; all.min.css -> all.min.used.css."""
    return path.with_name(f"{path.stem}.used{path.suffix}")


def _own_folders(outdir: Path) -> list[Path]:
    """outdir and its folders, except the top folders of the other editions (never entered)."""
    folders = []
    for folder, subfolders, _ in os.walk(outdir):
        folders.append(Path(folder))
        if Path(folder) == outdir:
            subfolders[:] = [name for name in subfolders if name not in OTHERS]
    return folders


def _page_assets(outdir: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Every built page, and the local scripts and stylesheets that the pages load. Only the loaded
    scripts: unused ones, such as the theme's 1.5 MB fontawesome.js that names every icon, would
    keep every rule. Not the pages of another edition published inside outdir (build_edition.publish):
    they have their own copies of the assets, and `make html` may be publishing them meanwhile."""
    pages = sorted(page for folder in _own_folders(outdir) for page in folder.glob("*.html"))
    scripts: set[Path] = set()
    stylesheets: set[Path] = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for found, pattern in (
            (scripts, r'<script[^>]*\ssrc="([^"]+)"'),
            (stylesheets, r'<link[^>]*\shref="([^"]+\.css(?:\?[^"]*)?)"'),
        ):
            for url in re.findall(pattern, html):
                if "://" in url or url.startswith("//"):
                    continue
                path = (page.parent / url.split("?")[0].split("#")[0]).resolve()
                if path.is_file() and path.is_relative_to(outdir):
                    found.add(path)
    return pages, sorted(scripts), sorted(stylesheets)


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256(_PURGE_JS.encode() + json.dumps([SAFELIST, DYNAMIC_ATTRIBUTES]).encode())
    digest.update(Path(__file__).read_bytes())
    for path in paths:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def purge(css: list[Path], content: list[Path]) -> list[str]:
    """The stylesheets with only the rules that the content can use, in the order given."""
    node = shutil.which("node")
    if node is None or not (PURGECSS / "package.json").exists():
        raise ExtensionError(f"page_weight: PurgeCSS needs node and {PURGECSS}: run 'make vendor'.")
    options = {
        "css": [str(path) for path in css],
        "content": [str(path) for path in content],
        "safelist": SAFELIST,
        "dynamicAttributes": DYNAMIC_ATTRIBUTES,
    }
    done = subprocess.run(
        [node, "-e", _PURGE_JS, str(PURGECSS)], input=json.dumps(options), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ExtensionError(f"page_weight: PurgeCSS failed: {done.stderr.strip()}")
    results = {result["file"]: result["css"] for result in json.loads(done.stdout)}
    return [results[str(path)] for path in css]


_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'', re.S)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)", re.S)


def drawn_characters(css: str) -> set[str]:
    """The characters that a stylesheet can put on a page: the strings of its `content:` values and
    of custom properties that are one string (the theme keeps its icons in --pst-icon-* variables;
    --fa-font-solid and the like name font families, which draw nothing)."""
    characters: set[str] = set()
    values = re.findall(r"content\s*:\s*([^;}]*)", css) + re.findall(
        r"--(?![\w-]*(?:font|family))[\w-]+\s*:\s*(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')\s*[;}]", css
    )
    for value in values:
        for double, single in _STRING.findall(value):
            text = _ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], double or single)
            characters.update(text)
    return characters


def subset_font(source: Path, target: Path, characters: set[str]) -> None:
    """Write the glyphs of `source` for `characters` to `target`, as WOFF (zlib: no Brotli needed)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the licence and copyright names: the OFL asks for them
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(character) for character in characters})
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(target)


# A web font's sources, WOFF2 then TrueType, as both stylesheets write them: the theme's own
# @font-face rules (url(../vendor/fontawesome/webfonts/...)) and Font Awesome's (url(../webfonts/...))
# name the same files. Both are pointed at the subsets: a face left whole would be fetched
# whole for any icon that a subset lacks.
_FONT_SRC = re.compile(
    r'src:\s*url\((?P<dir>[^)"\']*webfonts/)(?P<name>[\w.-]+)\.woff2\)\s*format\("woff2"\)'
    r'(?:\s*,\s*url\((?P=dir)(?P=name)\.ttf\)\s*format\("truetype"\))?'
)


def lighten(outdir: Path, stamp: Path) -> None:
    """Write the *.used.css and *.used.woff files, unless `stamp` says that nothing they come from
    has changed since they were written."""
    outdir = outdir.resolve()
    static = outdir / "_static"
    css = [static / name for name in STYLESHEETS]
    missing = [str(path) for path in css if not path.exists()]
    if missing:
        raise ExtensionError(f"page_weight: stylesheets to purge not found: {missing}")
    outputs = [used_name(path) for path in css]
    pages, scripts, stylesheets = _page_assets(outdir)
    others = [path for path in stylesheets if path not in css + outputs]
    digest = _digest(css + pages + scripts + others)
    if stamp.exists() and stamp.read_text() == digest and all(path.exists() for path in outputs):
        return
    purged = purge(css, pages + scripts)
    # Icons drawn by the purged rules and by the other stylesheets (sphinx-book-theme.css has some).
    characters = set().union(
        *(drawn_characters(text) for text in purged),
        *(drawn_characters(path.read_text(encoding="utf-8")) for path in others),
    )
    subsets: dict[Path, Path] = {}  # TrueType original -> subset

    def point_to_subset(stylesheet: Path, match: re.Match) -> str:
        # From the TrueType copy: reading WOFF2 would need Brotli. A font that the theme does not
        # ship (fa-v4compatibility) keeps its URLs: it is a 404 before and after.
        source = (stylesheet.parent / match["dir"] / f"{match['name']}.ttf").resolve()
        if not source.exists():
            return match[0]
        if source not in subsets:
            subsets[source] = source.with_name(f"{match['name']}.used.woff")
            subset_font(source, subsets[source], characters)
        return f'src:url({match["dir"]}{match["name"]}.used.woff) format("woff")'

    for path, output, text in zip(css, outputs, purged):
        output.write_text(_FONT_SRC.sub(lambda match, path=path: point_to_subset(path, match), text), encoding="utf-8")
        logger.info(
            f"page_weight: {path.name} {path.stat().st_size // 1000} KB -> "
            f"{output.name} {output.stat().st_size // 1000} KB"
        )
    stamp.write_text(digest)


def _build_finished(app: Sphinx, exception: Exception | None) -> None:
    # The stylesheets cut down are sphinx-book-theme's; a project with another theme has none of them.
    if exception is None and app.builder.format == "html" and app.config.html_theme == "sphinx_book_theme":
        lighten(Path(app.outdir), Path(app.doctreedir) / "page-weight.stamp")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
