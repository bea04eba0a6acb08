"""Performance figures for the book, printed side by side with what they are measured against.

Figures, not asserts: `make bench`. Targets on the 2-core machine:
- `import missions` at most 1.3 x `import pandas, matplotlib.pyplot, ipywidgets` (same run);
- a notebook kernel's peak memory at most 1.3 x a bare kernel that imports those and draws a chart;
- a clean build with execution at most 90 s, and of both editions at most 2 x the English alone; a warm `make test` at most 60% of 290 s (174 s);
- the heaviest page with everything it loads at most 1.0 MB.

Run it on a quiet machine: every figure is wall-clock time or resident memory.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from missions import paths
from missions_book.pdf import CHROMIUM_FLAGS, find_chromium
from missions_book.toc import book_pages

ROOT = paths.root()
PY = sys.executable
HTML_DIR = paths.html_dir()
# The phases of `make test`, in its order (see the Makefile).
TEST_PHASES = ("lint", "test-unit", "html", "pdf", "test-nbval", "test-built")
PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
BARE = "import pandas, matplotlib.pyplot as plt, ipywidgets\nfig, ax = plt.subplots(); ax.plot([1, 2, 3]); fig"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def ratio(value: float, base: float) -> str:
    return f"{value / base:4.2f} x"


def import_times(rounds: int = 5) -> None:
    """Each import in a fresh interpreter, alternating, so both see the same machine."""
    base = "import pandas, matplotlib.pyplot, ipywidgets"
    # `import missions` loads its modules on first use: load every name, as a notebook that uses all would.
    lesson = "import missions; [getattr(missions, name) for name in missions.__all__]"
    times: dict[str, list[float]] = {base: [], lesson: []}
    for _ in range(rounds):
        for statement in times:
            code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
            times[statement].append(float(subprocess.check_output([PY, "-c", code], cwd="/", text=True)))
    libraries, lesson = (statistics.median(values) for values in times.values())
    print(
        f"import, median of {rounds}: {base}: {libraries:5.2f} s | import missions, every name: {lesson:5.2f} s"
        f" | ratio {ratio(lesson, libraries)} (target at most 1.30 x)"
    )


def _kernel_peak_mb(notebook, folder: Path) -> int:
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK))
    NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(folder)}}).execute()
    return int(notebook.cells[-1].outputs[0]["text"])


def kernel_memory() -> None:
    """Peak resident memory of each notebook's kernel, against a bare kernel drawing one chart.
    Measured with the data and quizzes already checked (stamps in the user's cache), as in class
    after the first run; the first run also loads Frictionless and jsonschema (about +50 MB)."""
    folder = paths.notebooks_dir()
    bare = _kernel_peak_mb(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BARE)]), folder)
    print(f"kernel peak, bare (pandas, matplotlib, ipywidgets, one chart): {bare} MB")
    for path in sorted(folder.glob("*.ipynb")):
        peak = _kernel_peak_mb(nbformat.read(path, as_version=4), folder)
        print(f"kernel peak, {path.name:32s} {peak:4d} MB | {ratio(peak, bare)} (target at most 1.30 x)")


def _clean_build(editions: str) -> float:
    """`make html` from nothing: no pages, doctrees, executed notebooks or caches of any edition."""
    build = paths.build_dir()
    for name in ("html", ".doctrees", "jupyter_execute", "nl"):
        shutil.rmtree(build / name, ignore_errors=True)
    for cache in build.glob("jupyter-cache-*"):
        shutil.rmtree(cache, ignore_errors=True)
    return timed(["make", "html", f"EDITIONS={editions}"])


def builds() -> None:
    english = _clean_build("en")
    print(
        f"clean build with execution, English only (make html EDITIONS=en): {english:6.1f} s | target at most 90 s ({ratio(english, 90)})"
    )
    dutch = _clean_build("nl")
    print(
        f"clean build with execution, Dutch only (make html EDITIONS=nl):   {dutch:6.1f} s | {ratio(dutch, english)} the English alone"
    )
    both = _clean_build("en nl")
    print(
        f"clean build with execution, both editions (make html):            {both:6.1f} s | {ratio(both, english)} the English alone (target at most 2.00 x); "
        f"{ratio(both, english + dutch)} the two built one after the other"
    )
    print(f"no-change rebuild, both editions (make html):                     {timed(['make', 'html']):6.1f} s")


def test_phases() -> None:
    """A warm `make test`, phase by phase (caches full, nothing changed)."""
    timed(["make", "book"])  # warm every cache first
    total = 0.0
    for phase in TEST_PHASES:
        seconds = timed(["make", phase])
        total += seconds
        print(f"make test, phase {phase:11s} {seconds:6.1f} s")
    print(
        f"make test, warm, all phases:  {total:6.1f} s | 290 s before this work: {ratio(total, 290)} (target at most 0.60 x)"
    )


def page_weights() -> None:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(HTML_DIR)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    total = sum(p.stat().st_size for p in HTML_DIR.rglob("*") if p.is_file())
    print(f"_build/html on disk: {total / 1e6:.1f} MB")
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        for page_path in [docname for docname, _ in book_pages()] + ["search"]:
            page = browser.new_page()
            sizes: list[int] = []
            page.on("response", lambda response, sizes=sizes: sizes.append(len(response.body() or b"")))
            page.goto(f"{base}/{page_path}.html", wait_until="load")
            paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
            page.wait_for_load_state("networkidle")
            weights[page_path] = sum(sizes) / 1e6
            print(
                f"page {page_path:40s} {weights[page_path]:5.2f} MB in {len(sizes):3d} files; first paint {paint:5.0f} ms"
            )
            page.close()
        browser.close()
    server.shutdown()
    heaviest = max(weights, key=weights.get)
    print(
        f"heaviest page: {heaviest}, {weights[heaviest]:.2f} MB | target at most 1.00 MB ({ratio(weights[heaviest], 1.0)})"
    )


def exports_and_bundle() -> None:
    """The quiz exports written at the end of each build, and `make bundle` (after `make book`)."""
    from missions.exports import bank
    from missions.exports.moodle import moodle_xml
    from missions.exports.qti import qti_package

    quizzes = bank()
    count = sum(len(quiz["questions"]) for quiz in quizzes.values())
    start = time.perf_counter()
    moodle = moodle_xml(quizzes, "bench")
    middle = time.perf_counter()
    qti = qti_package("bench", "bench", quizzes)
    end = time.perf_counter()
    print(f"question bank, {count} questions: Moodle XML {middle - start:5.2f} s ({len(moodle) / 1e3:.0f} kB)")
    print(
        f"question bank, {count} questions: QTI 3.0    {end - middle:5.2f} s ({len(qti) / 1e3:.0f} kB) | {ratio(end - middle, middle - start)} the Moodle time"
    )
    out = paths.build_dir() / "bench-bundle.zip"
    seconds = timed([PY, str(ROOT / "tools" / "bundle.py"), "--out", str(out)])
    built = sum(p.stat().st_size for p in HTML_DIR.rglob("*") if p.is_file())
    print(
        f"make bundle (zip only): {seconds:6.1f} s, {out.stat().st_size / 1e6:.0f} MB | {ratio(out.stat().st_size, built)} the size of _build/html"
    )
    out.unlink()


if __name__ == "__main__":
    import_times()
    kernel_memory()
    builds()
    page_weights()
    exports_and_bundle()
    test_phases()
