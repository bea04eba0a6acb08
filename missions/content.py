"""Reading the book's content files (quizzes, decision cases, lesson plans): YAML with a clear error.

A module of its own, so that a loader can read YAML without importing missions.quiz: importing that
submodule would set the package attribute `missions.quiz` to the module and hide the function
`missions.quiz()` that notebooks call.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .text import language
from .translation import translated

# libyaml's safe loader where PyYAML has it (its wheels do): the same data, ten times faster than the
# pure-Python one, and a build reads the quizzes hundreds of times.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, error: type[ValueError], what: str, lang: str | None = None):
    """A YAML file of the book (a quiz, a lesson plan) in `lang` (default: the edition's language,
    `text.language()`); a missing or broken file raises `error` naming it."""
    if not path.exists():
        raise error(f"{path}: no such {what}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as problem:
        raise error(f"{path.name}: not valid YAML: {problem}") from problem
    try:
        return translated(data, path, lang or language())
    except ValueError as problem:  # a broken catalog: name it, as a broken YAML file is named
        raise error(str(problem)) from problem


def check_schema(data, schema: dict, file_name: str, error: type[ValueError]) -> None:
    """Raise `error` naming the file and the field of the first place where `data` breaks `schema`."""
    import jsonschema  # only when a file is checked: `import missions` stays light

    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        field = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise error(f"{file_name}, field '{field}': {errors[0].message}")
