"""Exercises in which students write pandas or matplotlib code, and the checks that answer them.

A notebook exercise is four cells: the task (markdown), a skeleton with `...` where the student's code
goes (tag `exercise`), `missions.check("<id>", answer)` (tag `check`), and the solution, hidden
(tags `solution`, `hide-cell`), which ends with the same check. Each notebook's checks live in the
module of this package named after it (`un_peacekeepers.py` for 01-un-peacekeepers); a check computes
the right result from the data itself and says what is wrong with another one.

`check` prints "Right." or "Not yet: <why>" and, for a chart, shows the student's chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

import pandas as pd

from ..text import format_number, language, t

NOTEBOOK_MODULES = {
    "01-un-peacekeepers": "un_peacekeepers",
    "02-exploring-missions": "exploring_missions",
    "03-timeline": "timeline",
    "04-people-over-time": "people_over_time",
    "05-where-in-the-world": "where_in_the_world",
    "06-sharing-the-load": "sharing_the_load",
    "07-explorer": "explorer",
    "08-money": "money",
}


class NotYet(Exception):
    """Raised by a check with the reason the answer is not (yet) right."""


@dataclass(frozen=True)
class Exercise:
    id: str
    notebook: str
    judge: Callable  # judge(answer) returns None when right, raises NotYet otherwise


_REGISTRY: dict[str, Exercise] = {}


def exercise(exercise_id: str, notebook: str):
    """Register a judge: a function that raises NotYet(reason) unless its answer is right."""

    def register(judge: Callable) -> Callable:
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        _REGISTRY[exercise_id] = Exercise(exercise_id, notebook, judge)
        return judge

    return register


def exercises() -> dict[str, Exercise]:
    """Every exercise of every notebook, by id."""
    for module in NOTEBOOK_MODULES.values():
        try:
            import_module(f".{module}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{module}":
                raise
    return dict(_REGISTRY)


def verdict(exercise_id: str, answer) -> str | None:
    """None if the answer is right, else the reason it is not."""
    known = exercises()
    if exercise_id not in known:
        raise KeyError(f"no exercise {exercise_id!r} (known: {', '.join(sorted(known))})")
    try:
        not_done(answer)
        known[exercise_id].judge(answer)
    except NotYet as reason:
        return str(reason)
    return None


def check(exercise_id: str, answer) -> None:
    """Tell the student whether `answer` is right, and why not; show a chart answer."""
    reason = verdict(exercise_id, answer)
    print(t("exercise.right") if reason is None else t("exercise.not_yet", reason=reason))
    axes = _axes(answer)
    if axes is not None and (axes.patches or axes.lines):
        from IPython.display import display

        display(_chart_of(axes))


def say(en: str, nl: str) -> str:
    """A reason in the language of the book (exercise modules give each reason in both)."""
    return {"en": en, "nl": nl}[language()]


# Judges' building blocks. Each raises NotYet with a reason a student can act on.


def not_done(answer) -> None:
    if answer is Ellipsis:
        raise NotYet(t("exercise.blank"))


def a_number(answer) -> float:
    if isinstance(answer, bool) or (not isinstance(answer, (int, float)) and not hasattr(answer, "__index__")):
        if isinstance(answer, (pd.Series, pd.DataFrame)) and answer.size == 1:
            raise NotYet(t("exercise.one_value", kind=type(answer).__name__))
        raise NotYet(t("exercise.not_number", kind=type(answer).__name__))
    return float(answer)


def same_number(answer, expected: float, *, tolerance: float = 0.0, mistakes: dict | None = None) -> None:
    """A number equal to `expected` (within `tolerance`); `mistakes` maps a known wrong value to its reason."""
    value = a_number(answer)
    if math.isclose(value, expected, abs_tol=tolerance + 1e-9):
        return
    for wrong, reason in (mistakes or {}).items():
        if math.isclose(value, wrong, abs_tol=tolerance + 1e-9):
            raise NotYet(reason)
    raise NotYet(t("exercise.wrong_number", value=format_number(value, decimals=_decimals(value))))


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def a_table(answer, kind=pd.DataFrame):
    if not isinstance(answer, kind):
        raise NotYet(t("exercise.not_table", wanted=kind.__name__, kind=type(answer).__name__))
    return answer


def same_rows(answer: pd.DataFrame, expected: pd.DataFrame, *, key: str, columns: list[str] = (), mistakes=()) -> None:
    """A table with the rows of `expected` (matched on column `key`) and at least `columns`.
    `mistakes` is a list of (test, reason): test(answer) True means this known mistake was made."""
    a_table(answer)
    for test, reason in mistakes:
        if test(answer):
            raise NotYet(reason)
    missing = [c for c in [key, *columns] if c not in answer.columns]
    if missing:
        raise NotYet(t("exercise.missing_columns", columns=", ".join(missing)))
    got, want = set(answer[key].astype(str)), set(expected[key].astype(str))
    if got != want:
        extra, lacking = sorted(got - want), sorted(want - got)
        if extra:
            raise NotYet(t("exercise.extra_rows", n=len(extra), examples=", ".join(extra[:3])))
        raise NotYet(t("exercise.missing_rows", n=len(lacking), examples=", ".join(lacking[:3])))
    for column in columns:
        a = answer.set_index(key)[column].sort_index()
        b = expected.set_index(key)[column].sort_index()
        if not a.astype(str).equals(b.astype(str)):
            raise NotYet(t("exercise.wrong_column", column=column))


def same_series(answer, expected: pd.Series, *, tolerance: float = 0.0, mistakes=()) -> None:
    """A Series with the index and values of `expected` (order of the index does not matter)."""
    a_table(answer, pd.Series)
    for test, reason in mistakes:
        if test(answer):
            raise NotYet(reason)
    got, want = set(map(str, answer.index)), set(map(str, expected.index))
    if got != want:
        lacking, extra = sorted(want - got), sorted(got - want)
        raise NotYet(
            t("exercise.missing_rows", n=len(lacking), examples=", ".join(lacking[:3]))
            if lacking
            else t("exercise.extra_rows", n=len(extra), examples=", ".join(extra[:3]))
        )
    a = pd.Series(answer.to_numpy(dtype=float), index=map(str, answer.index)).sort_index()
    b = pd.Series(expected.to_numpy(dtype=float), index=map(str, expected.index)).sort_index()
    wrong = [i for i in b.index if not math.isclose(a[i], b[i], abs_tol=tolerance + 1e-9)]
    if wrong:
        raise NotYet(t("exercise.wrong_values", n=len(wrong), examples=", ".join(wrong[:3])))


def _axes(answer):
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return answer
    if isinstance(answer, Figure) and answer.axes:
        return answer.axes[0]
    return None


def a_chart(answer, *, kind: str, values, labels=None, tolerance: float = 0.0) -> None:
    """A matplotlib chart (Axes or Figure) of `kind` 'bar', 'barh' or 'line' showing `values` (in order,
    with `labels` on the category axis for bars), with a title and both axis labels."""
    axes = _axes(answer)
    if axes is None:
        raise NotYet(t("exercise.not_chart", kind=type(answer).__name__))
    if kind == "line":
        drawn = list(axes.lines[0].get_ydata()) if axes.lines else []
    else:  # "bar" (upright) or "barh" (lying): a bar's value is its height or its width
        drawn = [p.get_height() if kind == "bar" else p.get_width() for p in axes.patches]
    if not drawn:
        raise NotYet(t("exercise.no_lines" if kind == "line" else "exercise.no_bars"))
    want = [float(v) for v in values]
    if len(drawn) != len(want):
        raise NotYet(t("exercise.wrong_count", drawn=len(drawn), wanted=len(want)))
    if any(not math.isclose(float(d), w, abs_tol=tolerance + 1e-9) for d, w in zip(drawn, want)):
        raise NotYet(t("exercise.wrong_heights"))
    if labels is not None:
        shown = [tick.get_text() for tick in (axes.get_xticklabels() + axes.get_yticklabels())]
        lacking = [str(label) for label in labels if str(label) not in shown]
        if lacking:
            raise NotYet(t("exercise.missing_labels", labels=", ".join(lacking[:3])))
    if not axes.get_title().strip():
        raise NotYet(t("exercise.no_title"))
    if not axes.get_xlabel().strip() or not axes.get_ylabel().strip():
        raise NotYet(t("exercise.no_axis_labels"))


def _chart_of(axes):
    """The student's chart as a Chart, so the book shows it with alt text like every other chart."""
    from ..style import Chart

    title = axes.get_title() or t("exercise.untitled")
    alt = t("exercise.chart_alt", title=title, x=axes.get_xlabel() or "-", y=axes.get_ylabel() or "-")
    return Chart(
        axes.figure, alt=alt, caption=t("exercise.chart_caption", title=title), source=t("exercise.chart_source")
    )
