""" "What would you decide?": cases in which students sit in the Dutch cabinet at a real moment.

A case is data (book/activities/decisions/<id>.yml, schema decision_schema.json): the case file known at
that moment, the points of the assessment framework to weigh, the choices, the parts of the letter to
parliament to write, and then what was decided and what happened. The book renders it as a form that
needs no kernel; in a notebook, `decision(id)` gives the same steps as widgets.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from . import paths
from .data import load_sources
from .quiz import read_yaml

SCHEMA = json.loads((Path(__file__).parent / "decision_schema.json").read_text(encoding="utf-8"))
WEIGHTS = ("for", "mixed", "against")  # how a point of the framework weighs: for sending, both ways, against


class DecisionError(ValueError):
    """A case file is invalid; the message names the file and the field."""


def case_dir() -> Path:
    return paths.root() / "book" / "activities" / "decisions"


def case_names() -> list[str]:
    return sorted(path.stem for path in case_dir().glob("*.yml"))


def _source_ids(value, where: str):
    """(field, id) for every source id in a case."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source_ids":
                yield from ((f"{where}.{key}.{i}", s) for i, s in enumerate(item))
            else:
                yield from _source_ids(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _source_ids(item, f"{where}.{i}")


def load_case(name: str, folder: Path | None = None) -> dict:
    path = Path(folder or case_dir()) / f"{name}.yml"
    data = read_yaml(path, DecisionError, "decision case")
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        field = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise DecisionError(f"{path.name}, field '{field}': {errors[0].message}")
    if data["id"] != path.stem:
        raise DecisionError(f"{path.name}, field 'id': '{data['id']}' is not the file's name '{path.stem}'")
    known = set(load_sources()["id"].astype(str))
    for field, source_id in _source_ids(data, ""):
        if source_id not in known:
            raise DecisionError(f"{path.name}, field '{field}': no source '{source_id}' in data/sources.csv")
    for group in ("criteria", "choices", "roles"):
        ids = [item["id"] for item in data[group]]
        if len(ids) != len(set(ids)):
            raise DecisionError(f"{path.name}, field '{group}': ids must be unique, got {ids}")
    late = [f"{field}" for field, item in _dated(data) if item["date"] < data["moment"]]
    if late:
        raise DecisionError(
            f"{path.name}, field '{late[0]}': what was decided or happened cannot come before the moment {data['moment']}"
        )
    return data


def _dated(data: dict):
    for group in ("decided", "happened"):
        for i, item in enumerate(data[group]):
            yield f"{group}.{i}.date", item
