"""Reading the book's content files (quizzes, decision cases, lesson plans): YAML with a clear error.

A module of its own, so that a loader can read YAML without importing missions.quiz: importing that
submodule would set the package attribute `missions.quiz` to the module and hide the function
`missions.quiz()` that notebooks call.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def read_yaml(path: Path, error: type[ValueError], what: str):
    """A YAML file of the book (a quiz, a lesson plan); a missing or broken file raises `error` naming it."""
    if not path.exists():
        raise error(f"{path}: no such {what}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise error(f"{path.name}: not valid YAML: {problem}") from problem
