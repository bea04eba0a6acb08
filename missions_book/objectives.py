"""Learning objectives, read from where readers see them: the "Learning objectives" box of a chapter
and the numbered list under "## Overview" in a notebook.

Quiz questions and the written tasks of the lesson plans name the objectives they assess by number
(1 is the first in the list). `check_objectives` makes the build fail on a number that is not there;
tests/unit/test_assessment.py fails on an objective that nothing assesses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from missions.translation import text_in

BOX = re.compile(r"^:::\{admonition\} Learning objectives\n(.*?)^:::", re.M | re.S)
OVERVIEW = re.compile(r"^## Overview\n(.*?)(?=^#)", re.M | re.S)
ITEM = re.compile(r"^(?:-|\d+\.) +(.+)$", re.M)


def _markdown(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown") + "\n#"
    return text


def objectives(path: Path, lang: str = "en") -> list[str]:
    """The objectives of a chapter (.md) or notebook (.ipynb), in order, as the page's catalog for
    `lang` gives them; [] if it states none."""
    found = (OVERVIEW if path.suffix == ".ipynb" else BOX).search(_markdown(path))
    if not found:
        return []
    return [text_in(path, item.strip(), lang).rstrip(";.") for item in ITEM.findall(found.group(1))]


def check_numbers(
    numbers: list[int], path: Path, where: str, error: type[ValueError], field: str = "objectives"
) -> None:
    """Every objective number is one of the page's objectives; `where` names the file (and question)."""
    count = len(objectives(path))
    for number in numbers:
        if not 1 <= number <= count:
            stated = f"has {count} learning objectives" if count else "states no learning objectives"
            raise error(f"{where}, field '{field}': no objective {number}: {path.name} {stated}")
