"""What the book's generated content depends on, so that incremental builds stay correct.

Pages that state facts, cite sources or run code depend on files Sphinx does not see as sources: the
data tables, the quizzes and the lesson package itself. Two mechanisms keep them current:

- every such page notes those files as dependencies, so Sphinx re-reads it when one of them is newer
  than the page's last read (and leaves every other page alone); in another edition the catalogs
  that translate them (locales/<lang>/) count as inputs too;
- myst-nb's execution cache is keyed on a page's code only, so the cache folder is named by a hash of
  those files: changed data means a fresh cache, and the re-read pages are executed again.

The build's kernels get missions.display.BOOK_VARIABLE, so they draw the panels only the book shows.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import cache
from pathlib import Path

from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.application import Sphinx

import missions
from missions import paths
from missions.display import BOOK_VARIABLE
from missions.translation import catalog_path

CACHE_PREFIX = "jupyter-cache-"


@cache
def input_files(lang: str = "en") -> tuple[Path, ...]:
    """Every file whose content can change a generated number, chart or quiz in the edition `lang`:
    in another edition also the catalogs of the data tables' names and of the quizzes."""
    package = Path(missions.__file__).parent
    translatable = [*paths.data_dir().glob("*"), *paths.quiz_dir().glob("*.yml")]
    found = [*translatable, *package.glob("*.py"), *package.glob("*.json")]
    if lang != "en":
        found += [catalog_path(path, lang) for path in translatable]
    return tuple(sorted(path for path in found if path.is_file()))


def fingerprint(files: tuple[Path, ...] | None = None) -> str:
    digest = hashlib.sha256()
    for path in files or input_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def note_data_dependency(env) -> None:
    """Re-read the current page when any input file changes."""
    for path in input_files(env.config.language):
        env.note_dependency(str(path))


def note_content_dependency(env, path: Path) -> None:
    """Re-read the current page when a content file (a lesson plan, activity, curriculum) changes, or,
    in another edition, the catalog that translates it (only one that exists: a missing dependency
    would re-read the page on every build)."""
    env.note_dependency(str(path))
    catalog = catalog_path(path, env.config.language)
    if env.config.language != "en" and catalog.exists():
        env.note_dependency(str(catalog))


def _keyed_execution_cache(app: Sphinx) -> None:
    """One execution cache per state of the inputs; older ones are removed. Set on myst-nb's own
    configuration after it is made, not in Sphinx's config, whose change would re-read every page."""
    if not hasattr(app.env, "mystnb_config"):  # a project without notebooks
        return
    folder = Path(app.outdir).parent
    current = folder / f"{CACHE_PREFIX}{fingerprint(input_files(app.config.language))}"
    for old in folder.glob(f"{CACHE_PREFIX}*"):
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
    app.env.mystnb_config = app.env.mystnb_config.copy(execution_cache_path=str(current))


def _executed_pages_depend_on_inputs(app: Sphinx, doctree) -> None:
    if NbMetadataCollector.get_exec_data(app.env, app.env.docname):
        note_data_dependency(app.env)


def executed_notebook(app: Sphinx, docname: str) -> Path | None:
    """The executed notebook myst-nb wrote for a page, if it ran any code."""
    if not hasattr(app.env, "mystnb_config"):
        return None
    path = Path(app.env.mystnb_config.output_folder) / f"{docname}.ipynb"
    return path if path.exists() else None


def setup(app: Sphinx) -> None:
    os.environ[BOOK_VARIABLE] = "1"  # inherited by the kernels myst-nb starts
    app.connect("builder-inited", _keyed_execution_cache, priority=600)  # after myst-nb's (500)
    app.connect("doctree-read", _executed_pages_depend_on_inputs)
