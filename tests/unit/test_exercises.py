"""Exercises in which students write code: every notebook has them, laid out as task, skeleton, check and
hidden solution; the stored outputs show the skeleton failing and the solution passing (nbval re-runs
them), and the checks' building blocks say why a wrong answer is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from missions import exercises as ex
from missions.text import t

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK_CALL = re.compile(r'missions\.check\("([a-z0-9-]+)",\s*(\w+)\)')


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def output_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def exercise_groups(path: Path) -> list[tuple]:
    """(id, skeleton, check, solution) for each exercise of a notebook, in the layout of missions.exercises."""
    cells = nbformat.read(path, as_version=4).cells
    groups = []
    for i, cell in enumerate(cells):
        if "exercise" not in tags(cell):
            continue
        where = f"{path.name}, cell {i + 1}"
        assert i + 2 < len(cells), f"{where}: an exercise needs a check and a solution cell after it"
        check, solution = cells[i + 1], cells[i + 2]
        assert "check" in tags(check), f"{where}: the next cell must be the check (tag 'check')"
        assert {"solution", "hide-cell"} <= tags(solution), (
            f"{where}: the cell after the check must be the hidden solution"
        )
        assert solution.metadata.get("jupyter", {}).get("source_hidden"), (
            f"{where}: the solution must be collapsed in Jupyter"
        )
        assert cells[i - 1].cell_type == "markdown", f"{where}: the task (markdown) must come before the skeleton"
        found = CHECK_CALL.search(check.source)
        assert found, f'{where}: the check cell must call missions.check("<id>", <answer>)'
        assert CHECK_CALL.search(solution.source).group(1) == found.group(1), (
            f"{where}: the solution checks another exercise"
        )
        assert "..." in cell.source or "___" in cell.source, f"{where}: a skeleton leaves blanks (...) for the student"
        groups.append((found.group(1), cell, check, solution))
    return groups


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_has_two_exercises_that_work(path):
    groups = exercise_groups(path)
    assert len(groups) >= 2, f"{path.name}: {len(groups)} code-writing exercise(s); every notebook needs at least 2"
    known = ex.exercises()
    for exercise_id, _skeleton, check, solution in groups:
        assert exercise_id in known, f"{path.name}: no check registered for exercise '{exercise_id}'"
        assert known[exercise_id].notebook == path.stem, (
            f"{path.name}: '{exercise_id}' belongs to {known[exercise_id].notebook}"
        )
        assert t("exercise.not_yet", lang="en", reason="") in output_text(check), (
            f"{path.name}, exercise '{exercise_id}': the skeleton as given must not pass its check"
        )
        assert t("exercise.right", lang="en") in output_text(solution), (
            f"{path.name}, exercise '{exercise_id}': the hidden solution must pass its check"
        )


def test_every_registered_exercise_is_in_its_notebook():
    used = {g[0] for path in NOTEBOOKS for g in exercise_groups(path)}
    assert set(ex.exercises()) <= used, f"checks without an exercise: {sorted(set(ex.exercises()) - used)}"


def test_an_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="no exercise 'nope'"):
        ex.verdict("nope", 1)


def reason(judge, *args, **kwargs) -> str | None:
    try:
        judge(*args, **kwargs)
    except ex.NotYet as why:
        return str(why)
    return None


def test_a_number_check_names_the_mistake():
    assert reason(ex.same_number, 40, 40) is None
    assert reason(ex.same_number, 41, 40, mistakes={41: "off by one"}) == "off by one"
    assert "you got 39" in reason(ex.same_number, 39, 40)
    assert "a DataFrame" in reason(ex.same_number, pd.DataFrame({"a": [1, 2]}), 40)
    assert ".item()" in reason(ex.same_number, pd.Series([40]), 40)
    assert reason(ex.same_number, 12.4, 12.5, tolerance=0.1) is None


def test_a_series_check_finds_missing_and_wrong_values():
    expected = pd.Series([1, 2, 3], index=[2014, 2015, 2016])
    assert reason(ex.same_series, expected.iloc[::-1], expected) is None
    assert "lacks 1 row" in reason(ex.same_series, expected.iloc[:2], expected)
    assert "1 value(s) are not right, such as those for 2016" in reason(
        ex.same_series, pd.Series([1, 2, 4], index=expected.index), expected
    )
    assert "should be a Series" in reason(ex.same_series, [1, 2, 3], expected)


def test_a_table_check_finds_extra_rows_and_wrong_columns():
    expected = pd.DataFrame({"id": ["a", "b"], "n": [1, 2]})
    assert reason(ex.same_rows, expected, expected, key="id", columns=["n"]) is None
    extra = pd.concat([expected, pd.DataFrame({"id": ["c"], "n": [3]})])
    assert "1 row(s) it should not have, such as c" in reason(ex.same_rows, extra, expected, key="id")
    assert "column 'n'" in reason(ex.same_rows, expected.assign(n=[1, 5]), expected, key="id", columns=["n"])
    assert "lacks the column(s) n" in reason(ex.same_rows, expected[["id"]], expected, key="id", columns=["n"])


def test_a_chart_check_needs_the_values_a_title_and_labels():
    fig, ax = plt.subplots()
    assert "no bars" in reason(ex.a_chart, ax, kind="bar", values=[1, 2])
    ax.bar(["x", "y"], [1, 3])
    assert "the right number of values, but not the right ones" in reason(ex.a_chart, ax, kind="bar", values=[1, 2])
    assert "shows 2 values, but the task needs 3" in reason(ex.a_chart, ax, kind="bar", values=[1, 3, 4])
    assert "title" in reason(ex.a_chart, ax, kind="bar", values=[1, 3])
    ax.set_title("T")
    assert "both axes" in reason(ex.a_chart, ax, kind="bar", values=[1, 3])
    ax.set_xlabel("X")
    ax.set_ylabel("Y")
    assert reason(ex.a_chart, fig, kind="bar", values=[1, 3]) is None
    assert "should be a chart" in reason(ex.a_chart, [1, 3], kind="bar", values=[1, 3])
    plt.close(fig)


def test_a_blank_skeleton_is_not_yet_done():
    assert ex.verdict(next(iter(ex.exercises())), ...) == t("exercise.blank")
