"""Builds an edition other than English: a Jupyter Book build of the same sources with its own
config, `_config.yml` overlaid by `_config.<lang>.yml`, into `_build/<lang>/` (its own execution
cache and doctrees), then published into `_build/html/<lang>/`. `make html` runs it:

    python -m missions_book.build_edition config nl          # write _build/nl/_config.yml, print its path
    python -m missions_book.build_edition toc nl             # write _build/nl/_toc.yml (Dutch part captions)
    python -m missions_book.build_edition gettext-config nl  # the same, for extracting messages
    python -m missions_book.build_edition publish nl         # copy _build/nl/_build/html to _build/html/nl
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from missions import paths

from .editions import NAMES, OTHERS


def _merged(base: dict, overlay: dict) -> dict:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merged(base[key], value)
        else:
            merged[key] = value
    return merged


def build_dir(lang: str) -> Path:
    return paths.build_dir() / lang


# Extracting the messages to translate reads the sources only: no notebook needs to run.
GETTEXT_OVERRIDES = {"execute": {"execute_notebooks": "off"}}


def write_config(lang: str, overrides: dict | None = None, target: Path | None = None) -> Path:
    """_config.yml with _config.<lang>.yml (and `overrides`) laid over it, written for one build
    (by default to the edition's build folder)."""
    root = paths.root()
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config = _merged(config, yaml.safe_load((root / f"_config.{lang}.yml").read_text(encoding="utf-8")))
    config = _merged(config, overrides or {})
    target = target or build_dir(lang) / "_config.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def write_toc(lang: str) -> Path:
    """_toc.yml with its part captions in `lang`, as the root page's catalog translates them (the
    theme's navigation takes them from the table of contents, which no catalog reaches)."""
    from missions.translation import text_in

    root = paths.root()
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    page = root / f"{toc['root']}.md"
    for part in toc.get("parts", []):
        part["caption"] = text_in(page, part["caption"], lang)
    target = build_dir(lang) / "_toc.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def publish(lang: str) -> Path:
    """Replace `_build/html/<lang>/` with the edition's fresh build (its doctrees stay behind). The
    PDFs that `make pdf` printed from the last build stay: it prints again only the pages that changed."""
    built = build_dir(lang) / "_build" / "html"
    if not (built / "index.html").exists():
        raise FileNotFoundError(f"{built}: no {NAMES[lang]} edition built; run 'make html'")
    target = paths.html_dir() / lang
    old = build_dir(lang) / "published-before"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    shutil.copytree(built, target, ignore=shutil.ignore_patterns(".doctrees", ".buildinfo"))
    for printed in old.rglob("*.pdf") if old.exists() else ():
        kept = target / printed.relative_to(old)
        if not kept.exists():
            kept.parent.mkdir(parents=True, exist_ok=True)
            printed.rename(kept)
    shutil.rmtree(old, ignore_errors=True)
    return target


def main(argv: list[str]) -> None:
    command, lang = argv
    if lang not in OTHERS:
        raise SystemExit(f"unknown edition {lang!r}: one of {', '.join(OTHERS)}")
    if command == "config":
        print(write_config(lang).relative_to(paths.root()))
    elif command == "toc":
        print(write_toc(lang).relative_to(paths.root()))
    elif command == "gettext-config":
        target = paths.build_dir() / "gettext" / "_config.yml"
        print(write_config(lang, GETTEXT_OVERRIDES, target).relative_to(paths.root()))
    elif command == "publish":
        print(publish(lang).relative_to(paths.root()))
    else:
        raise SystemExit(f"unknown command {command!r}: config, gettext-config or publish")


if __name__ == "__main__":
    main(sys.argv[1:])
