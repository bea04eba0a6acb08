"""Run the pages' code in parallel before Sphinx reads them.

myst-nb executes each page while Sphinx reads it, one after the other, and Jupyter Book 1 offers no
parallel build. Most of a clean build is kernels starting and importing the same libraries, so the
pages about to be read whose code is not in the execution cache are run here first, as many at a
time as the machine has cores, and stored in that cache the way myst-nb stores them. myst-nb then
finds every page cached. A page that fails here is left out: myst-nb runs it again and reports the
error in full, so a failing cell still fails the build.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution
from myst_nb.core.read import create_nb_reader
from sphinx.application import Sphinx
from sphinx.util import logging

from .notebook_code import translated_notebook_text

logger = logging.getLogger(__name__)


def _notebook(env, docname: str):
    """The page as myst-nb reads it, with its reader format; None for a page without code."""
    path = Path(env.doc2path(docname))
    # The code the edition runs, as the source-read handler of missions_book.editions gives it to myst-nb.
    text = translated_notebook_text(path.read_text(encoding="utf-8"), path, env.config.language)
    reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, text)
    if reader is None:
        return None
    notebook = reader.read(text)
    if not any(cell.cell_type == "code" and cell.source.strip() for cell in notebook.cells):
        return None
    return path, notebook, reader.read_fmt


def _uncached(env, cache, docnames) -> list[tuple[Path, object, dict | None]]:
    pages = []
    for docname in sorted(docnames):
        page = _notebook(env, docname)
        if page is None:
            continue
        with suppress(KeyError):
            cache.match_cache_notebook(page[1])
            continue
        pages.append(page)
    return pages


def _execute_ahead(app: Sphinx, env, docnames) -> None:
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path)
    pages = _uncached(env, cache, docnames)
    workers = min(len(pages), os.cpu_count() or 1)
    if workers < 2:
        return  # nothing to gain: myst-nb runs it as usual

    def run(page):
        path, notebook, _ = page
        return single_nb_execution(
            notebook,
            cwd=str(path.parent),
            timeout=config.execution_timeout,
            allow_errors=config.execution_allow_errors,
            meta_override=True,
        )

    logger.info(f"executing {len(pages)} pages, {workers} at a time")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for (path, notebook, read_fmt), result in zip(pages, pool.map(run, pages)):
            if result.err is not None:
                continue
            record = (
                cache.add_nb_to_project(str(path), read_data=read_fmt)
                if read_fmt
                else cache.add_nb_to_project(str(path))
            )
            bundle = CacheBundleIn(notebook, record.uri, data={"execution_seconds": result.time})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def setup(app: Sphinx) -> None:
    app.connect("env-before-read-docs", _execute_ahead)
