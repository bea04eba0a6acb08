"""Load the book's tables from data/, validated against data/datapackage.json.

Validation uses Frictionless because the schema already lives in the Data Package that describes
the tables (types, units, constraints, licence, sources): one description serves readers and code.
Checks that span tables or fields (source ids, mission ids, end after start, low <= high) are
done here, with errors in the same form: file, row (line in the file), field, and what is wrong.

The schema check is the slow part (Frictionless takes about a second to import), so a table that
passed it leaves a stamp named by the hash of its file, its schema and the Frictionless version
(missions/stamps.py). A load skips the schema check only when that exact stamp exists, so a changed
byte in the file or the schema is checked again. The cross-table checks run on every load.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd

from . import paths, stamps
from .text import language
from .translation import translated_table

PACKAGE_FILE = "datapackage.json"


class DataError(ValueError):
    """A table in data/ does not meet its schema; the message names file, row and field."""


def _where(path: str, line: int | None, field: str | None) -> str:
    parts = [path]
    if line is not None:
        parts.append(f"row {line - 1} (line {line})")
    if field:
        parts.append(f"field '{field}'")
    return ", ".join(parts)


def _fail(errors: list[str]) -> None:
    if errors:
        shown = "\n  ".join(errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise DataError(f"{len(errors)} problem(s) in the data:\n  {shown}{more}")


def read_package(data_dir: Path | str | None = None) -> dict:
    """The Data Package descriptor (datapackage.json) as a dict."""
    data_dir = Path(data_dir or paths.data_dir())
    path = data_dir / PACKAGE_FILE
    if not path.exists():
        raise DataError(f"{path}: the Data Package descriptor is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def _resource(package: dict, name: str) -> dict:
    for resource in package["resources"]:
        if resource["name"] == name:
            return resource
    raise DataError(f"{PACKAGE_FILE}: no resource named '{name}'")


def _validate_schema(data_dir: Path, descriptor: dict) -> None:
    """Frictionless checks of one CSV against its schema, unless this exact file passed them before."""
    path = data_dir / descriptor["path"]
    if not path.exists():
        raise DataError(f"{path}: the file of table '{descriptor['name']}' is missing")
    stamp = stamps.key(path.read_bytes(), json.dumps(descriptor, sort_keys=True).encode(), library="frictionless")
    if not stamps.passed(stamp):
        _frictionless_check(data_dir, descriptor)
        stamps.record(stamp)


def _frictionless_check(data_dir: Path, descriptor: dict) -> None:
    """Types, required, ranges, enums, uniqueness."""
    from frictionless import Resource, Schema

    schema = Schema.from_descriptor(descriptor["schema"])
    report = Resource(path=descriptor["path"], basepath=str(data_dir), schema=schema).validate()
    errors = []
    for task in report.tasks:
        for error in task.errors:
            line = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            cell = getattr(error, "cell", None)
            value = f" (value {cell!r})" if cell not in (None, "") else ""
            errors.append(f"{_where(descriptor['path'], line, field)}: {error.title.lower()}{value}: {error.note}")
    _fail(errors)


def _typed_frame(data_dir: Path, descriptor: dict) -> pd.DataFrame:
    """Read a validated CSV into pandas with the dtypes its schema declares."""
    fields = descriptor["schema"]["fields"]
    frame = pd.read_csv(data_dir / descriptor["path"], dtype=str, keep_default_na=False)
    for spec in fields:
        name, kind = spec["name"], spec["type"]
        column = frame[name].replace("", None)
        if kind == "integer":
            frame[name] = pd.to_numeric(column).astype("Int64")
        elif kind == "number":
            frame[name] = pd.to_numeric(column).astype("Float64")
        elif kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif kind == "boolean":
            true_values = spec.get("trueValues", ["true"])
            frame[name] = column.isin(true_values).astype("boolean")
        elif "enum" in spec.get("constraints", {}):
            frame[name] = pd.Categorical(column, categories=spec["constraints"]["enum"])
        else:
            frame[name] = column.astype("string")
    return frame


def _split_ids(value) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _check_references(frame: pd.DataFrame, path: str, column: str, known: set[str], what: str) -> list[str]:
    errors = []
    for index, value in frame[column].items():
        for ref in _split_ids(value if pd.notna(value) else ""):
            if ref not in known:
                errors.append(f"{_where(path, index + 2, column)}: unknown {what} id '{ref}'")
    return errors


def _check_order(frame: pd.DataFrame, path: str, low: str, high: str) -> list[str]:
    errors = []
    both = frame[low].notna() & frame[high].notna()
    for index in frame.index[both & (frame[high] < frame[low])]:
        errors.append(
            f"{_where(path, index + 2, high)}: {frame.at[index, high]} is before/below '{low}' {frame.at[index, low]}"
        )
    return errors


def _document_key(url: str) -> str:
    """The same document behind small differences of scheme, "www." or a trailing slash."""
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")


def _check_one_row_per_document(frame: pd.DataFrame, path: str, column: str) -> list[str]:
    """Two ids for one URL split a source's citations, so the reader cannot see they are one document."""
    errors, first = [], {}
    for index, value in frame[column].items():
        if pd.isna(value) or not str(value).strip():
            continue
        key = _document_key(str(value))
        if key in first:
            errors.append(
                f"{_where(path, index + 2, column)}: same document as row {first[key][0]} "
                f"(id '{first[key][1]}'); keep one id for it"
            )
        else:
            first[key] = (index + 1, frame.at[index, "id"])
    return errors


@cache
def _load(name: str, data_dir: Path) -> pd.DataFrame:
    package = read_package(data_dir)
    descriptor = _resource(package, name)
    _validate_schema(data_dir, descriptor)
    frame = _typed_frame(data_dir, descriptor)
    path = descriptor["path"]
    errors = []
    checks = descriptor.get("x-checks", {})
    for column, table in checks.get("references", {}).items():
        target = _load(table, data_dir)
        errors += _check_references(frame, path, column, set(target["id"].astype(str)), table.rstrip("s"))
    for column, table in checks.get("self_references", {}).items():
        errors += _check_references(frame, path, column, set(frame["id"].astype(str)), table.rstrip("s"))
    for low, high in checks.get("ordered", []):
        errors += _check_order(frame, path, low, high)
    if "one_row_per_document" in checks:
        errors += _check_one_row_per_document(frame, path, checks["one_row_per_document"])
    _fail(errors)
    return frame


def load_table(name: str, data_dir: Path | str | None = None, lang: str | None = None) -> pd.DataFrame:
    """Load and validate one table of the Data Package; a fresh copy the caller may change. Its
    reader's text (mission names, event labels) is in `lang`, by default the edition's language."""
    folder = Path(data_dir or paths.data_dir()).resolve()
    return translated_table(_load(name, folder).copy(), folder / f"{name}.csv", lang or language())


def load_sources(data_dir=None) -> pd.DataFrame:
    """One row per source: id, title, publisher, date, url, language, kind."""
    return load_table("sources", data_dir)


def load_missions(data_dir=None) -> pd.DataFrame:
    """One row per Dutch contribution to a mission, with dates, personnel, deaths and sources."""
    return load_table("missions", data_dir)


def load_personnel(data_dir=None) -> pd.DataFrame:
    """Dutch personnel per mission over time: count, type, and whether ceiling, snapshot or average."""
    return load_table("personnel", data_dir)


def load_un_contributions(data_dir=None) -> pd.DataFrame:
    """Uniformed personnel in UN missions, derived from UN data by scripts/derive_un_contributions.py."""
    return load_table("un_contributions", data_dir)


def load_spending(data_dir=None) -> pd.DataFrame:
    """Dutch spending on crisis management operations, per year and budget line, in million euro."""
    return load_table("spending", data_dir)


def load_population(data_dir=None) -> pd.DataFrame:
    """Inhabitants on 1 January of the countries notebook 06 compares, per year, with sources."""
    return load_table("population", data_dir)


def load_events(data_dir=None) -> pd.DataFrame:
    """Dated events of the missions (decisions, deployments, incidents, evaluations, ends), in date order."""
    return load_table("events", data_dir).sort_values(["date", "id"], kind="stable").reset_index(drop=True)


def clear_cache() -> None:
    """Forget loaded tables (tests and notebooks that edit data/ call this)."""
    _load.cache_clear()
