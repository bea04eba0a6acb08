"""The notebooks' code in another edition: the same code, its comments and its sentences translated.

A notebook's code speaks to the reader in two places: its comments, and the string literals it prints
or draws ("Highest: {total.max()} people", a chart title). Those are the messages of the notebook's
code catalog, `locales/nl/LC_MESSAGES/notebooks/01-un-peacekeepers.code.po` beside the page's
catalog. A string literal counts when it holds a letter and a space ("at least "); a single word ("NATO",
"peak_personnel") is a name the code compares and stays as it is, unless it labels a chart or a
widget (ax.set_xlabel("Year"), label="Personnel"). A comment counts when it holds
words or a line of code with a label in it (# ax.set_xlabel("Year")). A sentence that the code uses as a
name (a column a function of the missions package makes) keeps its English in the catalog.

The Dutch build runs the translated code (so its pages show and print Dutch), and the Dutch
downloads hold it. Everything else in a cell stays exactly as written.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from collections import Counter
from pathlib import Path

from missions.translation import catalog_path, messages

_STRING = re.compile(r"^([A-Za-z]*)('''|\"\"\"|'|\")(.*)\2$", re.DOTALL)
_COMMENT = re.compile(r"^#\s*")
_PROSE = re.compile(r"(?=.*[^\W\d_])(?=.*\s)", re.DOTALL)  # a letter and a space: words, not a name
_LABEL_CALLS = ("set_title", "set_xlabel", "set_ylabel", "suptitle", "title", "xlabel", "ylabel")
_QUOTED_WORD = re.compile(r"[\"'][^\W\d_]")  # a comment with a quoted word: a line of code (a label "Year")


CODE_CATALOG = ".code.po"  # notebooks/01-un-peacekeepers.ipynb -> notebooks/01-un-peacekeepers.code.po


def code_catalog_path(notebook: Path, lang: str) -> Path:
    """Where the catalog of the code of `notebook` lives for `lang`."""
    return catalog_path(notebook, lang).with_suffix(CODE_CATALOG)


def notebook_of(po: Path) -> str:
    """The file name of the notebook whose code the catalog `po` translates."""
    return po.name.removesuffix(CODE_CATALOG) + ".ipynb"


def _strings_and_comments(source: str) -> tuple[list[tuple[int, int, int, str]], list]:
    """(start, end, index of the token, text) of each string literal and comment of a Python cell,
    as offsets into `source`. From Python 3.12 an f-string comes as several tokens, here joined."""
    lines = io.StringIO(source).readlines()  # cut where tokenize cuts: only at line ends
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type != tokenize.NL]
    found, depth, opened = [], 0, None
    fstring_start, fstring_end = getattr(tokenize, "FSTRING_START", None), getattr(tokenize, "FSTRING_END", None)
    for n, token in enumerate(tokens):
        if token.type == fstring_start:
            depth += 1
            opened = opened if depth > 1 else (n, token.start)
            continue
        if token.type == fstring_end:
            depth -= 1
            if depth == 0:
                (first, start), end = opened, token.end
                begin, finish = starts[start[0] - 1] + start[1], starts[end[0] - 1] + end[1]
                found.append((begin, finish, first, source[begin:finish]))
            continue
        if depth == 0 and token.type in (tokenize.STRING, tokenize.COMMENT):
            begin, finish = starts[token.start[0] - 1] + token.start[1], starts[token.end[0] - 1] + token.end[1]
            found.append((begin, finish, n, source[begin:finish]))
    return found, tokens


def _pieces(source: str) -> list[tuple[int, int, str, str, str]]:
    """The translatable pieces of a cell: (start, end, text before the message, message, text after),
    with offsets into `source`. A cell that is not Python (a magic, a shell line) has none."""
    if syntax_error(source):
        return []
    found, tokens = _strings_and_comments(source)
    pieces = []
    for begin, finish, n, text in found:
        if text.startswith("#"):
            lead = _COMMENT.match(text).group(0)
            message = text[len(lead) :]
            if _PROSE.search(message) or _QUOTED_WORD.search(message):
                pieces.append((begin, finish, lead, message, ""))
            continue
        prefix, quote, body = _STRING.match(text).groups()
        shown = _PROSE.search(_outside_fields(body, prefix)) or _is_label(tokens[max(n - 2, 0) : n])
        if "b" not in prefix.lower() and shown:
            pieces.append((begin, finish, prefix + quote, body, quote))
    return pieces


def _is_label(before) -> bool:
    """Whether a string is a chart's or widget's label, a word the reader sees ("Year"): the first
    argument of ax.set_xlabel(...) and the like, or the value of label=..."""
    names = [token.string for token in before]
    return names in ([name, "("] for name in _LABEL_CALLS) or names == ["label", "="]


def _outside_fields(body: str, prefix: str) -> str:
    """The literal text of a string's body: an f-string's {fields} left out."""
    if "f" not in prefix.lower():
        return body
    return "".join(text for text, is_field in _split_fields(body) if not is_field)


def _split_fields(body: str) -> list[tuple[str, bool]]:
    """An f-string's body cut into literal text and {fields} (braces nested inside a field kept)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(body):
        pair = body[i : i + 2]
        if depth == 0 and pair in ("{{", "}}"):
            i += 2
            continue
        if body[i] == "{":
            if depth == 0:
                parts.append((body[start:i], False))
                start = i
            depth += 1
        elif body[i] == "}" and depth:
            depth -= 1
            if depth == 0:
                parts.append((body[start : i + 1], True))
                start = i + 1
        i += 1
    parts.append((body[start:], False))
    return parts


def fields(body: str) -> Counter:
    """The {fields} of an f-string's body: the values it shows, which a translation keeps."""
    return Counter(text for text, is_field in _split_fields(body) if is_field)


def code_messages(source: str) -> list[str]:
    """The messages of one code cell, in order."""
    return [message for _, _, _, message, _ in _pieces(source)]


def translated_code(source: str, table: dict[str, str]) -> str:
    """The cell `source` with each message that `table` translates put in its place."""
    result = source
    for begin, finish, before, message, after in reversed(_pieces(source)):
        if message in table:
            result = result[:begin] + before + table[message] + after + result[finish:]
    return result


def _skeleton(source: str) -> str:
    """The cell with the text of each message left out: what a translation must leave unchanged."""
    for begin, finish, before, _, after in reversed(_pieces(source)):
        source = source[:begin] + before + "\0" + after + source[finish:]
    return source


def code_problems(notebook_path: Path, table: dict[str, str]) -> list[str]:
    """Why the translations in `table` would break the code of a notebook or change what it shows:
    a {field} lost or added, a cell that is no longer Python, or one whose code changed (a quotation
    mark that ends a string early, a line break that ends a comment)."""
    problems = []
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    for message in cell_messages(notebook):
        translation = table.get(message)
        if not translation:
            continue
        lost, added = fields(message) - fields(translation), fields(translation) - fields(message)
        if lost or added:
            problems.append(
                f"msgid {message[:60]!r}: the {{fields}} differ: lost {sorted(lost)}, added {sorted(added)}"
            )
    for number, cell in enumerate(notebook["cells"], start=1):
        source = _text(cell["source"])
        if cell["cell_type"] != "code" or syntax_error(source):
            continue
        translated = translated_code(source, table)
        if reason := syntax_error(translated):
            problems.append(f"cell {number} of {notebook_path.name} is no longer Python once translated: {reason}")
        elif _skeleton(translated) != _skeleton(source):
            problems.append(f"cell {number} of {notebook_path.name}: a translation changes its code, not only its text")
    return problems


def is_code_catalog(po: Path) -> bool:
    return po.name.endswith(CODE_CATALOG)


def cell_messages(notebook: dict) -> list[str]:
    """The messages of a notebook's code (nbformat 4 as JSON), each once, in order."""
    found: dict[str, None] = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            found.update(dict.fromkeys(code_messages(_text(cell["source"]))))
    return list(found)


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else source


def translated_cells(notebook: dict, table: dict[str, str]) -> dict:
    """`notebook` (nbformat 4 as JSON, changed in place) with its code cells translated."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and table:
            cell["source"] = translated_code(_text(cell["source"]), table)
    return notebook


def code_table(notebook: Path, lang: str) -> dict[str, str]:
    """The translations of the code of `notebook` in `lang`; empty when it has no catalog."""
    po = code_catalog_path(notebook, lang)
    return messages(po) if lang != "en" and po.exists() else {}


def translated_notebook_text(text: str, notebook: Path, lang: str) -> str:
    """The JSON text of the notebook `notebook` with its code in `lang`; the text itself if nothing
    translates it, or if it is a page of another kind (a Markdown page with code cells)."""
    table = code_table(notebook, lang) if notebook.suffix == ".ipynb" else {}
    if not table:
        return text
    return json.dumps(translated_cells(json.loads(text), table), ensure_ascii=False, indent=1)


def syntax_error(cell: str) -> str | None:
    """Why a cell is not Python, or None."""
    try:
        ast.parse(cell)
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}"
    return None
