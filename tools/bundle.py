"""`make bundle`: one zip for a school without internet, with a single top folder:

    the-netherlands-on-mission/
        START-HERE.html        how to open the book and run the notebooks (English and Dutch)
        website/               the built book (_build/html, with its PDFs when `make pdf` made them)
        notebooks/ data/       the notebooks and the data tables they read
        missions/ book/quizzes/ book/activities/decisions/   the lesson package and the
                               quizzes and decision cases the notebooks show
        pyproject.toml, requirements*.txt, runtime.txt   what installs the notebooks' Python
        README.md, CITATION.cff, LICENSE*

Usage: python tools/bundle.py [--out PATH] (default _build/the-netherlands-on-mission.zip).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "the-netherlands-on-mission"
BUILT = ROOT / "_build" / "html"
# What of the checkout goes in: the files git knows in these folders (never caches or a local .venv).
SOURCES = ["notebooks", "data", "missions", "book/quizzes", "book/activities/decisions"]
FILES = [
    "pyproject.toml",
    "requirements.txt",
    "requirements-bootstrap.txt",
    "runtime.txt",
    "README.md",
    "CITATION.cff",
    "LICENSE",
    "LICENSE-CODE",
    "LICENSE-TEXT",
]
START_HERE = ROOT / "tools" / "START-HERE.html"
SKIPPED_BUILT = {".buildinfo", ".doctrees"}  # Sphinx's own bookkeeping, of no use to a reader


def tracked(folders: list[str]) -> list[Path]:
    """The files git tracks under `folders`, relative to the root."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=ROOT, check=True, capture_output=True)
    return [Path(name) for name in listed.stdout.decode().split("\0") if name]


def contents() -> list[tuple[Path, str]]:
    """(file on disk, path in the zip), in a fixed order."""
    if not (BUILT / "index.html").exists():
        raise SystemExit("No built book in _build/html: run 'make book' first.")
    entries = [(START_HERE, f"{TOP}/START-HERE.html")]
    for path in sorted(BUILT.rglob("*")):
        relative = path.relative_to(BUILT)
        if path.is_file() and not SKIPPED_BUILT & set(relative.parts):
            entries.append((path, f"{TOP}/website/{relative.as_posix()}"))
    for relative in sorted(tracked(SOURCES)) + [Path(name) for name in FILES]:
        entries.append((ROOT / relative, f"{TOP}/{relative.as_posix()}"))
    missing = [str(path.relative_to(ROOT)) for path, _ in entries if not path.is_file()]
    if missing:
        raise SystemExit(f"bundle: missing {', '.join(missing)}")
    return entries


def write_bundle(out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = contents()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path, name in entries:
            archive.write(path, name)
    return len(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / f"{TOP}.zip")
    out = parser.parse_args().out
    count = write_bundle(out)
    size = out.stat().st_size / 1e6
    print(f"{out}: {count} files, {size:.0f} MB. Unpack it and open {TOP}/START-HERE.html.", file=sys.stderr)


if __name__ == "__main__":
    main()
