"""Source-analysis packs and the paper versions of the notebooks: loading and checking their YAML.

- book/activities/source-packs/<chapter>.yml (schema source_pack_schema.json): excerpts from primary
  documents and from a voice of the country concerned or a critic, with the teacher's guidance;
- book/activities/worksheets/<notebook>.yml (schema worksheet_schema.json): each notebook task on paper,
  with its chart or table.

Errors name the file and the field, like the lesson plans' (missions_book/lessons.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from missions import paths
from missions.content import check_schema, read_yaml
from missions.data import load_sources

from .objectives import check_numbers

HERE = Path(__file__).parent
SCHEMAS = {
    "source-packs": json.loads((HERE / "source_pack_schema.json").read_text(encoding="utf-8")),
    "worksheets": json.loads((HERE / "worksheet_schema.json").read_text(encoding="utf-8")),
}


class ActivityError(ValueError):
    """A source pack or worksheet is invalid; the message names the file and the field."""


def folder(kind: str) -> Path:
    return paths.root() / "book" / "activities" / kind


def names(kind: str) -> list[str]:
    return sorted(path.stem for path in folder(kind).glob("*.yml"))


def _validated(kind: str, name: str, base: Path | None) -> tuple[dict, Path]:
    path = Path(base or folder(kind)) / f"{name}.yml"
    data = read_yaml(path, ActivityError, kind.rstrip("s").replace("-", " "))
    check_schema(data, SCHEMAS[kind], path.name, ActivityError)
    return data, path


def load_source_pack(name: str, base: Path | None = None) -> dict:
    data, path = _validated("source-packs", name, base)
    # Which quotations the edition's catalog translated, so that a page says so and marks their language.
    english = read_yaml(path, ActivityError, "source pack", lang="en")
    for excerpt, original in zip(data["excerpts"], english["excerpts"], strict=True):
        excerpt["translated"] = excerpt["quote"] != original["quote"]
    if Path(data["chapter"]).stem != name:
        raise ActivityError(
            f"{path.name}, field 'chapter': the pack of {data['chapter']} must be named {Path(data['chapter']).stem}.yml"
        )
    chapter = paths.root() / data["chapter"]
    if not chapter.exists():
        raise ActivityError(f"{path.name}, field 'chapter': '{data['chapter']}' does not exist")
    check_numbers(data["objectives"], chapter, path.name, ActivityError)
    known = set(load_sources()["id"].astype(str))
    kinds = [excerpt["kind"] for excerpt in data["excerpts"]]
    for i, excerpt in enumerate(data["excerpts"]):
        if excerpt["source"] not in known:
            raise ActivityError(
                f"{path.name}, field 'excerpts.{i}.source': no source '{excerpt['source']}' in data/sources.csv"
            )
    primary = kinds.count("primary")
    if not 2 <= primary <= 4 or len(kinds) == primary:
        raise ActivityError(
            f"{path.name}, field 'excerpts': needs 2 to 4 primary documents and at least one voice or critic; has {kinds}"
        )
    ids = [excerpt["id"] for excerpt in data["excerpts"]]
    if len(set(ids)) != len(ids):
        raise ActivityError(f"{path.name}, field 'excerpts': ids must be unique, got {ids}")
    return data


def load_worksheet(name: str, base: Path | None = None) -> dict:
    data, path = _validated("worksheets", name, base)
    if data["notebook"] != name:
        raise ActivityError(f"{path.name}, field 'notebook': '{data['notebook']}' is not the file's name")
    if not (paths.notebooks_dir() / f"{name}.ipynb").exists():
        raise ActivityError(f"{path.name}, field 'notebook': no notebook notebooks/{name}.ipynb")
    from missions.exercises import exercises

    known = exercises()
    for i, task in enumerate(data["tasks"]):
        if "exercise" in task and known.get(task["exercise"], None) is None:
            raise ActivityError(
                f"{path.name}, field 'tasks.{i}.exercise': no exercise '{task['exercise']}' (missions/exercises)"
            )
        if "show" in task:
            try:
                shown(task["show"])
            except Exception as error:  # a wrong function name or argument: say where
                raise ActivityError(f"{path.name}, field 'tasks.{i}.show': {type(error).__name__}: {error}") from None
    return data


def shown(show: dict):
    """Call the function a worksheet task shows: a Chart, or a table (DataFrame/Series)."""
    import missions

    target = missions
    for part in (show.get("chart") or show["table"]).split("."):
        target = getattr(target, part)
    return target(**show.get("args", {}))
