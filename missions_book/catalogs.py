"""The Dutch edition's page text: gettext catalogs under locales/<lang>/LC_MESSAGES/, one per page.

`check(po)` lists what keeps a catalog from being published: an entry left empty or marked fuzzy,
markup that differs from the English (a citation, fact, page link, term or URL lost or changed), a
glossary term that the translated glossary does not define, and any run of eight words shared with
the government page the book started from outside quotation marks. The tests run it on every
catalog; a translator runs it on one:

    python -m missions_book.catalogs locales/nl/LC_MESSAGES/book/iraq.po

The quizzes, lesson plans and activities (YAML) have catalogs of the same kind, one per file
(missions.translation), and so has each notebook's code (missions_book.notebook_code, checked also for
code that would no longer run); `python -m missions_book.catalogs templates DIR` extracts their English.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from missions import paths
from missions.data import load_table, read_package
from missions.text import SHOWN
from missions.translation import PACKAGE_KEYS, TABLE_COLUMNS, TEXT_KEYS, read_catalog, table_texts, texts

from .notebook_code import CODE_CATALOG, cell_messages, code_problems, is_code_catalog, notebook_of

GLOSSARY = Path("book") / "glossary.po"
# Pages whose catalog is not written yet: their Dutch pages are still English (see the file).
PENDING = "still-in-english.txt"
# The catalog of the templates' interface text (Sphinx's message domain "sphinx").
INTERFACE = "sphinx"
GOVERNMENT_PAGE = Path("tests") / "fixtures" / "government-page.txt"
SHARED_RUN = 8

# Markup a translation keeps exactly: roles whose target is a key or a page, URLs, maths, inline code.
_KEPT = re.compile(
    r"\{(?:cite|fact|doc|download|ref|numref|eq)\}`[^`]*?`|\]\([^)\s]+\)|\$[^$]+\$|(?<![}\w])``?[^`{]+``?"
)
_TARGET = re.compile(r"<([^<>]+)>`$")
_TERM = re.compile(r"\{term\}`([^`]*)`")
_QUOTED = re.compile(r"“[^”]*”|„[^”“]*[”“]|\"[^\"]*\"|«[^»]*»")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def locale_dir(lang: str = "nl") -> Path:
    return paths.root() / "locales" / lang / "LC_MESSAGES"


def catalogs(lang: str = "nl") -> list[Path]:
    return sorted(locale_dir(lang).rglob("*.po"))


def _kept(text: str) -> Counter:
    """The markup of `text` that must survive translation; a role's visible title may change."""
    found = Counter()
    for match in _KEPT.findall(text):
        target = _TARGET.search(match)
        found[match.split("`")[0] + target.group(1) if target else match] += 1
    return found


@cache
def glossary_terms(lang: str = "nl") -> frozenset[str]:
    """The terms the translated glossary defines: the translations of its term entries."""
    po = locale_dir(lang) / GLOSSARY
    if not po.exists():
        return frozenset()
    defined = set()
    for message in read_catalog(po):
        # Terms are the short entries; definitions are sentences.
        if message.id and message.string and not message.id.rstrip().endswith(".") and len(message.id) < 60:
            defined.add(message.string.casefold())
    return frozenset(defined)


def _term_target(role_text: str) -> str:
    target = re.search(r"<([^<>]+)>$", role_text)
    return (target.group(1) if target else role_text).strip().casefold()


def _words(text: str) -> list[str]:
    return [word.casefold().replace("’", "'") for word in _WORD.findall(text)]


@cache
def _government_runs() -> frozenset[tuple[str, ...]]:
    lines = (paths.root() / GOVERNMENT_PAGE).read_text(encoding="utf-8").splitlines()
    words = _words(" ".join(line for line in lines if not line.startswith("#")))
    return frozenset(tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1))


def shared_run(text: str) -> str | None:
    """The first eight words `text` shares with the government page, outside quotation marks."""
    words = _words(_QUOTED.sub(" ", text))
    for i in range(len(words) - SHARED_RUN + 1):
        if tuple(words[i : i + SHARED_RUN]) in _government_runs():
            return " ".join(words[i : i + SHARED_RUN])
    return None


def check(po: Path, lang: str = "nl") -> list[str]:
    """Every reason the catalog `po` is not ready, each naming the file, line and entry."""
    problems = []
    terms = glossary_terms(lang)
    for message in read_catalog(po):
        if not message.id:
            continue
        where = f"{po}:{message.lineno}: msgid {message.id[:60]!r}"
        if message.fuzzy:
            problems.append(f"{where}: marked fuzzy (the English changed): check the Dutch, then remove the flag")
        if not message.string:
            problems.append(f"{where}: not translated")
            continue
        lost = _kept(message.id) - _kept(message.string)
        added = _kept(message.string) - _kept(message.id)
        if lost or added:
            problems.append(f"{where}: markup differs: lost {sorted(lost)}, added {sorted(added)}")
        if po.name != GLOSSARY.name or po.parent.name != GLOSSARY.parent.name:
            for term in _TERM.findall(message.string):
                if _term_target(term) not in terms:
                    problems.append(f"{where}: {{term}} {term!r} is not a term of the translated glossary")
        if run := shared_run(message.string):
            problems.append(f"{where}: shares eight words with {GOVERNMENT_PAGE}: {run!r}")
    if is_code_catalog(po):
        problems += [f"{po}: {problem}" for problem in _code_problems(po, lang)]
    return problems


def _code_problems(po: Path, lang: str) -> list[str]:
    """What the translations of a notebook's code catalog would break in the notebook."""
    try:
        relative = po.resolve().relative_to(locale_dir(lang).resolve())
    except ValueError:
        return []
    notebook = paths.root() / relative.parent / notebook_of(relative)
    if not notebook.exists():
        return [f"no notebook {notebook.relative_to(paths.root())} for this code catalog"]
    table = {message.id: message.string for message in read_catalog(po) if message.id and message.string}
    renamed = [
        f"msgid {english!r} is a name in {_compared_names()[english]} that the code compares: translated, "
        f"the Dutch code no longer finds it; keep the English (missions.shown shows it in Dutch)"
        for english, dutch in table.items()
        if english in _compared_names() and dutch != english
    ]
    return renamed + code_problems(notebook, table)


@cache
def _compared_names() -> dict[str, str]:
    """Each name the notebooks' code can compare with the data (a region, a budget line), with the
    table and column it comes from: every value of the data's columns but the translated text
    (TABLE_COLUMNS), and every name missions.shown shows in another language."""
    names = {name: "missions.text.SHOWN" for table in SHOWN.values() for name in table}
    for resource in (resource for resource in read_package()["resources"] if "schema" in resource):
        frame = load_table(resource["name"], lang="en")
        for column in frame.columns.difference(TABLE_COLUMNS.get(resource["name"], ())):
            for value in frame[column].dropna().unique():
                if isinstance(value, str):
                    names.setdefault(value, f"{resource['path']}, column {column}")
    return names


def pending(lang: str = "nl") -> set[str]:
    listed = (locale_dir(lang).parent / PENDING).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in listed if line.strip() and not line.startswith("#")}


def compare(templates: Path, lang: str = "nl") -> list[str]:
    """Where the catalogs differ from the English text, whose messages (.pot) were just extracted
    into `templates`: a page with no catalog, and a catalog without an English message or with one
    the English no longer has. `make catalogs` brings them in line, for the translator to finish."""
    problems = []
    waiting = pending(lang)
    pages = {pot.relative_to(templates).with_suffix("").as_posix(): pot for pot in templates.rglob("*.pot")}
    for page in sorted(waiting - pages.keys()):
        problems.append(
            f"{locale_dir(lang).parent / PENDING}: {page!r} is neither a page nor a content file of the book"
        )
    for page, pot in sorted(pages.items()):
        po = locale_dir(lang) / f"{page}.po"
        if page in waiting:
            if po.exists():
                problems.append(f"{po}: the page has a catalog now: remove {page!r} from {PENDING}")
            continue
        if not po.exists():
            problems.append(f"{po}: missing: page {page!r} has no {lang} catalog; run 'make catalogs' and translate it")
            continue
        english = {message.id for message in read_catalog(pot) if message.id}
        translated = {message.id for message in read_catalog(po) if message.id}
        for text in sorted(english - translated)[:3]:
            problems.append(f"{po}: the English has a message the catalog lacks ('make catalogs'): {text[:60]!r}")
        # The interface catalog also translates the themes' texts, which no page of the book extracts.
        obsolete = set() if page == INTERFACE else translated - english
        for text in sorted(obsolete)[:3]:
            problems.append(f"{po}: the English no longer has this message ('make catalogs'): {text[:60]!r}")
    return problems


def content_files() -> list[Path]:
    """The YAML files whose reader's text the editions translate (quizzes, lesson plans, activities)."""
    root = paths.root()
    return sorted(path for folder in TEXT_KEYS for path in (root / folder).glob("*.yml"))


def write_content_templates(out: Path) -> list[Path]:
    """Write one message template (.pot) per content file and per data table with reader's text into
    `out`, as the gettext builder does for the pages, so that `sphinx-intl update` makes and updates
    every kind of catalog alike."""
    written = []
    for path in content_files():
        relative = path.relative_to(paths.root())
        template = Catalog(project="nl-on-mission", fuzzy=False)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in texts(data, TEXT_KEYS[relative.parent.as_posix()]):
            template.add(text, locations=[(relative.as_posix(), 0)])
        target = out / relative.with_suffix(".pot")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, template, width=0, include_lineno=False)
        written.append(target)
    return written + _write_table_templates(out) + _write_code_templates(out)


def _write_code_templates(out: Path) -> list[Path]:
    """One template per notebook: the comments and sentences of its code."""
    written = []
    for notebook in sorted((paths.root() / "notebooks").glob("*.ipynb")):
        relative = notebook.relative_to(paths.root())
        template = Catalog(project="nl-on-mission", fuzzy=False)
        for text in cell_messages(json.loads(notebook.read_text(encoding="utf-8"))):
            template.add(text, locations=[(relative.as_posix(), 0)])
        target = out / relative.parent / f"{notebook.stem}{CODE_CATALOG}t"  # .code.pot
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, template, width=0, include_lineno=False)
        written.append(target)
    return written


def _write_table_templates(out: Path) -> list[Path]:
    """One template per data table with reader's text (mission names, event labels), and one for the
    titles and descriptions of the Data Package descriptor."""
    from missions.data import load_table, read_package

    written = []
    for name in TABLE_COLUMNS:
        template = Catalog(project="nl-on-mission", fuzzy=False)
        for text in table_texts(load_table(name, lang="en"), name):
            template.add(text, locations=[(f"data/{name}.csv", 0)])
        target = out / "data" / f"{name}.pot"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, template, width=0, include_lineno=False)
        written.append(target)
    template = Catalog(project="nl-on-mission", fuzzy=False)
    for text in texts(read_package(), PACKAGE_KEYS):
        template.add(text, locations=[("data/datapackage.json", 0)])
    target = out / "data" / "datapackage.pot"
    with target.open("wb") as handle:
        write_po(handle, template, width=0, include_lineno=False)
    return [*written, target]


def main(argv: list[str]) -> None:
    if argv[:1] == ["templates"]:
        written = write_content_templates(Path(argv[1]))
        print(f"{len(written)} content template(s) written to {argv[1]}")
        return
    targets = [Path(arg) for arg in argv] or catalogs()
    problems = [problem for po in targets for problem in check(po)]
    print("\n".join(problems) or f"{len(targets)} catalog(s) ready")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
