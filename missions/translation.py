"""The book's YAML content (quizzes, lesson plans, activities) in the Dutch edition's language.

The English YAML is the one source. Each content file has a gettext catalog beside the pages'
catalogs: `locales/nl/LC_MESSAGES/book/quizzes/iraq.po` for `book/quizzes/iraq.yml`. Its messages
are the file's English strings at the keys that hold reader's text (`TEXT_KEYS`); `translate` puts
each translation in the English string's place. A string the catalog lacks stays English: the
catalog check (missions_book.catalogs) and `locales/nl/still-in-english.txt` keep that visible.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from . import paths

# Per folder of content, the keys whose strings a reader sees. Every other key holds names the
# code uses (ids, kinds, citation keys, column names of data), which stay the same in every edition.
TEXT_KEYS = {
    "book/quizzes": {"title", "text", "feedback", "caption", "columns", "rows", "explanation", "quote", "gloss"},
    "book/activities/decisions": {"title", "setting", "heading", "name", "brief", "text", "question", "prompt"},
    "book/lesson-plans": {
        "title",
        "summary",
        "text",
        "description",
        "activity",
        "task",
        "prompt",
        "instructions",
        "columns",
        "example",
        "good_answer",
        "belief",
        "correction",
        "prior_knowledge",
        "support",
        "extension",
    },
    "book/activities/source-packs": {
        "title",
        "intro",
        "question",
        "date",
        "author",
        "audience",
        "genre",
        "purpose",
        "context",
        "quote",
        "gloss",
        "reliability",
        "guidance",
    },
    "book/activities/worksheets": {"title", "intro", "task", "answer", "columns"},
    "book/teachers": {"title", "why", "gloss", "year"},
}
# Per data table, the columns whose text a reader sees (in charts, timelines and fact cards).
TABLE_COLUMNS = {  # not values the code compares (region, ids); text a notebook searches, its code catalog translates
    "missions": ("name", "note"),
    "events": ("label",),
    "personnel": ("note",),
    "sources": ("publisher",),
    "spending": ("note",),
}
# The keys of the Data Package descriptor (data/datapackage.json) whose text the data page shows.
PACKAGE_KEYS = {"title", "description"}
# The keys of the same files that hold names for the code; a key in neither set is a test failure.
CODE_KEYS = {
    "id",
    "ids",
    "kind",
    "skill",
    "chapter",
    "section",
    "source",
    "source_ids",
    "fact",
    "lang",
    "from",
    "objectives",
    "correct",
    "answer_value",
    "group",
    "date",
    "moment",
    "data",
    "prints",
    "uses",
    "notebook",
    "notebooks",
    "quizzes",
    "mission_id",
    "mission_ids",
    "personnel_type",
    "budget_line",
    "chart",
    "exercise",
    "table",
    "code",
    "document",
    "domain",
    "name",
    "subject",
    "levels",
    "year",
    "as_of",
}


def folder_of(path: Path) -> str:
    """The content folder of a YAML file, as TEXT_KEYS names it ('book/quizzes')."""
    try:
        return path.resolve().parent.relative_to(paths.root()).as_posix()
    except ValueError:
        return path.parent.name


def texts(data, keys: set[str]) -> list[str]:
    """The reader's strings of `data` at `keys`, in file order, each once: a catalog's messages."""
    found: dict[str, None] = {}
    _walk(data, None, keys, lambda text: found.setdefault(text, None) or text)
    return list(found)


def translate(data, keys: set[str], table: dict[str, str]):
    """A copy of `data` with each reader's string replaced by its translation in `table`, if any."""
    return _walk(data, None, keys, lambda text: table.get(text) or text)


def _walk(node, key: str | None, keys: set[str], change):
    if isinstance(node, dict):
        return {name: _walk(value, name, keys, change) for name, value in node.items()}
    if isinstance(node, list):
        return [_walk(item, key, keys, change) for item in node]
    if isinstance(node, str) and key in keys and node.strip():
        return change(node)
    return node


def catalog_path(path: Path, lang: str) -> Path:
    """Where the catalog of the content file `path` lives for `lang`."""
    relative = path.resolve().relative_to(paths.root()).with_suffix(".po")
    return paths.root() / "locales" / lang / "LC_MESSAGES" / relative


def translated(data, path: Path, lang: str):
    """`data` read from `path`, in `lang`: English unchanged, else through the file's catalog."""
    keys = TEXT_KEYS.get(folder_of(path))
    if lang == "en" or keys is None:
        return data
    catalog = catalog_path(path, lang)
    if not catalog.exists():
        return data
    return translate(data, keys, messages(catalog))


def translated_package(package: dict, path: Path, lang: str) -> dict:
    """The Data Package descriptor read from `path`, its titles and descriptions in `lang`."""
    catalog = catalog_path(path, lang)
    if lang == "en" or not catalog.exists():
        return package
    return translate(package, PACKAGE_KEYS, messages(catalog))


def translated_table(frame, path: Path, lang: str):
    """The table read from `path` (data/<name>.csv), its reader's columns (TABLE_COLUMNS) in `lang`."""
    columns = TABLE_COLUMNS.get(path.stem, ())
    if lang == "en" or not columns or not path.resolve().is_relative_to(paths.root()):
        return frame
    catalog = catalog_path(path, lang)
    if not catalog.exists():
        return frame
    table = messages(catalog)
    for column in columns:
        frame[column] = frame[column].map(lambda text: table.get(text, text) if isinstance(text, str) else text)
    return frame


def table_texts(frame, name: str) -> list[str]:
    """The reader's strings of a data table, in row order, each once: its catalog's messages."""
    found = dict.fromkeys(
        text for column in TABLE_COLUMNS[name] for text in frame[column] if isinstance(text, str) and text.strip()
    )
    return list(found)


def text_in(path: Path, text: str, lang: str) -> str:
    """`text` as the catalog of the file `path` translates it (a chapter's heading that a quiz links
    to, say); `text` itself in English or when the catalog lacks it."""
    catalog = catalog_path(path, lang)
    if lang == "en" or not catalog.exists():
        return text
    return messages(catalog).get(text, text)


def messages(catalog: Path) -> dict[str, str]:
    """The finished translations of a catalog: English message -> translation."""
    return _table(catalog, catalog.stat().st_mtime_ns)


@cache
def _table(catalog: Path, _mtime: int) -> dict[str, str]:
    """The translations of a catalog, read once per version of the file (mtime in the key)."""
    messages = read_catalog(catalog)
    return {message.id: message.string for message in messages if message.id and message.string and not message.fuzzy}


# A PO line: blank, a comment, or a keyword or continuation with one well-quoted string. Babel's
# reader lets a broken line through (an unclosed or missing quotation mark), making up the text.
_PO_LINE = re.compile(r'^(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(?:[^"\\]|\\.)*"\s*)?$')


def read_catalog(po: Path):
    """A gettext catalog (Babel's Catalog); a line that is not gettext raises ValueError naming it."""
    from babel.messages.pofile import read_po  # only for another edition: `import missions` stays light

    for number, line in enumerate(po.read_text(encoding="utf-8").splitlines(), start=1):
        if not _PO_LINE.match(line):
            raise ValueError(
                f"{po}:{number}: not a line of a gettext catalog (a quotation mark unescaped?): {line[:80]!r}"
            )
    with po.open("rb") as handle:
        return read_po(handle, abort_invalid=True)
