"""Print performance figures for the book: build, rebuild, PDFs, notebook execution, nbval, page weight.

Figures, not asserts: run with `make bench` and compare with the targets in the README.
Targets (2-core machine, finished book): clean build with execution < 2 min; no-change rebuild
< 15 s; each notebook < 10 s; every page with its assets < 1.5 MB; first render < 1 s.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from missions_book.pdf import CHROMIUM_FLAGS, HTML_DIR, find_chromium
from missions_book.toc import book_pages

ROOT = Path(__file__).resolve().parents[1]
PAGES = [docname for docname, _ in book_pages()]

BUILD = [str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", ".", "--builder", "html", "--warningiserror"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def builds() -> None:
    for path in (ROOT / "_build" / "html", ROOT / "_build" / ".doctrees", ROOT / "_build" / ".jupyter_cache"):
        shutil.rmtree(path, ignore_errors=True)
    print(f"clean build (with execution): {timed(BUILD):6.1f} s")
    print(f"no-change rebuild:            {timed(BUILD):6.1f} s")
    print(f"PDFs (make pdf):              {timed([sys.executable, '-m', 'missions_book.pdf']):6.1f} s")
    pdfs = sorted((HTML_DIR / "downloads" / "pdf").glob("*.pdf"))
    print(
        f"PDFs on disk: {len(pdfs)} files, {sum(p.stat().st_size for p in pdfs) / 1e6:.1f} MB; "
        + ", ".join(
            f"{p.name} {p.stat().st_size / 1e6:.1f} MB"
            for p in pdfs
            if p.stem in ("the-netherlands-on-mission", "teacher-guide")
        )
    )


def notebooks() -> None:
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
        print(f"notebook {path.name}: {time.perf_counter() - start:6.1f} s (fresh kernel, start-up included)")
    nbval = [
        str(ROOT / ".venv" / "bin" / "python"),
        "-m",
        "pytest",
        "-q",
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        "tests/nbval_sanitize.cfg",
        "notebooks",
    ]
    print(f"nbval, all notebooks:         {timed(nbval):6.1f} s")


def explorer_response() -> None:
    import missions

    explorer = missions.Explorer()
    for mission_id, measure in (("minusma", "personnel"), ("efp-lithuania", "personnel"), ("unifil", "map")):
        start = time.perf_counter()
        explorer.update(mission_id, measure)
        print(f"explorer update {mission_id:15s} {measure:9s}: {(time.perf_counter() - start) * 1000:5.0f} ms")


def page_weights() -> None:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(HTML_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    total = sum(p.stat().st_size for p in HTML_DIR.rglob("*") if p.is_file())
    print(f"_build/html on disk: {total / 1e6:.1f} MB")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        for page_path in PAGES:
            page = browser.new_page()
            sizes: list[int] = []
            page.on("response", lambda response, sizes=sizes: sizes.append(len(response.body() or b"")))
            start = time.perf_counter()
            page.goto(f"{base}/{page_path}.html", wait_until="load")
            paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
            elapsed = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            print(
                f"page {page_path:40s} {sum(sizes) / 1e6:5.2f} MB in {len(sizes):3d} files; "
                f"first paint {paint:5.0f} ms; load {elapsed * 1000:5.0f} ms"
            )
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    builds()
    notebooks()
    explorer_response()
    page_weights()
