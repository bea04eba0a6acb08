"""Checks for the exercises of notebook 02-exploring-missions, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..data import load_missions
from ..text import t
from . import NotYet, _axes, a_table, exercise, same_rows, same_series, say

NOTEBOOK = "02-exploring-missions"
TOP = 5  # how many of the largest contributions the first exercise asks for


def _ids(answer) -> list[str] | None:
    """The ids of a table's rows, in order, or None if it has no column `id`."""
    if not isinstance(answer, pd.DataFrame) or "id" not in answer.columns:
        return None
    return [str(i) for i in answer["id"]]


def _largest(ms: pd.DataFrame, column: str = "peak_personnel", ascending: bool = False) -> pd.DataFrame:
    return ms.sort_values(column, ascending=ascending).head(TOP)


@exercise("largest-peaks", NOTEBOOK)
def largest_peaks(answer) -> None:
    ms = load_missions()
    expected = _largest(ms)

    def made_from(table: pd.DataFrame):
        return lambda a: _ids(a) is not None and sorted(_ids(a)) == sorted(table["id"].astype(str))

    a_table(answer)
    same_rows(
        answer,
        expected,
        key="id",
        mistakes=[
            (
                lambda a: _ids(a) is not None and len(a) == len(ms),
                say(
                    f"your table still has all {len(ms)} rows; keep only the first {TOP} with head({TOP}).",
                    f"je tabel heeft nog alle {len(ms)} rijen; houd alleen de eerste {TOP} over met head({TOP}).",
                ),
            ),
            (
                made_from(_largest(ms, ascending=True)),
                say(
                    "these are the five smallest peaks; sort with ascending=False to put the largest first.",
                    "dit zijn de vijf kleinste pieken; sorteer met ascending=False, dan komen de grootste bovenaan.",
                ),
            ),
            (
                lambda a: (
                    made_from(_largest(ms, "total_personnel_high"))(a)
                    or made_from(_largest(ms, "total_personnel_low"))(a)
                ),
                say(
                    "you sorted by a total (total_personnel_low or _high): everyone who served over the whole "
                    "mission, added up. The task asks for the most people at one time: peak_personnel.",
                    "je sorteerde op een totaal (total_personnel_low of _high): iedereen die in de hele missie "
                    "diende, opgeteld. De opdracht vraagt naar de meeste mensen tegelijk: peak_personnel.",
                ),
            ),
            (
                made_from(ms.head(TOP)),
                say(
                    "these are the first five rows of the table as it is; sort it by peak_personnel first.",
                    "dit zijn de eerste vijf rijen van de tabel zoals hij is; sorteer hem eerst op peak_personnel.",
                ),
            ),
        ],
    )
    if "peak_personnel" not in answer.columns:
        raise NotYet(t("exercise.missing_columns", columns="peak_personnel"))
    peaks = pd.to_numeric(answer["peak_personnel"], errors="coerce").to_numpy(dtype=float, na_value=math.nan)
    want = expected.set_index("id").loc[[str(i) for i in answer["id"]], "peak_personnel"].to_numpy(dtype=float)
    if not all(math.isclose(a, b) for a, b in zip(peaks, want)):
        raise NotYet(t("exercise.wrong_column", column="peak_personnel"))
    if not pd.Series(peaks).is_monotonic_decreasing:
        raise NotYet(
            say(
                "the rows are right, but not in order: put the largest peak first (ascending=False).",
                "de rijen kloppen, maar staan niet op volgorde: zet de grootste piek bovenaan (ascending=False).",
            )
        )


def _counts(rows: pd.DataFrame, column: str = "region") -> pd.Series:
    """Rows per value of a column, without the values that no row has."""
    counts = rows[column].astype(str).value_counts()
    return counts[counts > 0]


def region_counts() -> pd.Series:
    """Whole contributions (no parent_id) per region: a part of a larger contribution is not counted again."""
    ms = load_missions()
    return _counts(ms[ms["parent_id"].isna()])


def _without_zeros(answer):
    """A Series without its zero values: value_counts() of a category column also lists unused values."""
    if not isinstance(answer, pd.Series):
        return answer
    values = pd.to_numeric(answer, errors="coerce")
    if values.isna().any():
        return answer
    return answer[values != 0]


def _same(answer, expected: pd.Series) -> bool:
    """The same labels and the same values, in any order."""
    if not isinstance(answer, pd.Series):
        return False
    got = dict(zip(map(str, answer.index), answer.tolist()))
    want = dict(zip(map(str, expected.index), expected.tolist()))
    if set(got) != set(want):
        return False
    try:
        return all(math.isclose(float(got[k]), float(want[k])) for k in want)
    except (TypeError, ValueError):
        return False


def _region_mistakes(ms: pd.DataFrame) -> list[tuple]:
    """The likely wrong counts per region, each with its reason (for the series and for the chart)."""
    return [
        (
            lambda a: _same(a, _counts(ms)),
            say(
                "you counted every row, parts included: a part, such as Task Force Uruzgan in ISAF or the F-16s "
                "against ISIS, then counts a second time. Keep only the rows where parent_id is empty (isna()) first.",
                "je telde alle rijen, ook de onderdelen: een onderdeel, zoals Task Force Uruzgan binnen ISAF of de "
                "F-16's tegen ISIS, telt dan twee keer mee. Houd eerst alleen de rijen over waarin parent_id leeg is "
                "(isna()).",
            ),
        ),
        (
            lambda a: _same(a, _counts(ms[ms["parent_id"].notna()])),
            say(
                "you kept only the parts (notna()); keep the rows where parent_id is empty: isna().",
                "je hield alleen de onderdelen over (notna()); houd de rijen over waarin parent_id leeg is: isna().",
            ),
        ),
        (
            lambda a: _same(a, _counts(ms[ms["parent_id"].isna()], "organisation")),
            say(
                "you counted per organisation; the task asks for the count per region (column region).",
                "je telde per organisatie; de opdracht vraagt naar het aantal per regio (kolom region).",
            ),
        ),
    ]


@exercise("regions", NOTEBOOK)
def regions(answer) -> None:
    ms = load_missions()
    same_series(_without_zeros(answer), region_counts(), mistakes=_region_mistakes(ms))


def _bars_by_label(axes) -> pd.Series:
    """The bars of a bar chart (upright or lying) as a Series: the label on the axis -> the bar's value.
    A bar is matched to the tick nearest its middle; bars of zero are left out."""
    patches = list(axes.patches)
    upright = len({round(p.get_x(), 6) for p in patches}) > 1 or len(patches) == 1
    if upright:
        ticks, middles = axes.get_xticklabels(), [p.get_x() + p.get_width() / 2 for p in patches]
        values, where = [p.get_height() for p in patches], 0
    else:
        ticks, middles = axes.get_yticklabels(), [p.get_y() + p.get_height() / 2 for p in patches]
        values, where = [p.get_width() for p in patches], 1
    places = [(float(tick.get_position()[where]), tick.get_text()) for tick in ticks]
    labels = []
    for middle in middles:
        near = [text for place, text in places if abs(place - middle) < 0.5]
        labels.append(near[0] if near else f"{middle:g}")
    bars = pd.Series([float(v) for v in values], index=labels)
    return bars[bars != 0]


@exercise("regions-chart", NOTEBOOK)
def regions_chart(answer) -> None:
    ms = load_missions()
    axes = _axes(answer)
    if axes is None:
        raise NotYet(t("exercise.not_chart", kind=type(answer).__name__))
    if not axes.patches:
        raise NotYet(t("exercise.no_bars"))
    bars = _bars_by_label(axes)
    for test, reason in _region_mistakes(ms):
        if test(bars):
            raise NotYet(reason)
    expected = region_counts()
    lacking = [label for label in expected.index if label not in bars.index]
    if lacking:
        raise NotYet(t("exercise.missing_labels", labels=", ".join(lacking[:3])))
    if len(bars) != len(expected):
        raise NotYet(t("exercise.wrong_count", drawn=len(bars), wanted=len(expected)))
    if not _same(bars, expected):
        raise NotYet(t("exercise.wrong_heights"))
    if not axes.get_title().strip():
        raise NotYet(t("exercise.no_title"))
    if not axes.get_xlabel().strip() or not axes.get_ylabel().strip():
        raise NotYet(t("exercise.no_axis_labels"))


# Tables of the paper version (book/activities/worksheets/02-exploring-missions.yml)


def contributions(columns=("name", "organisation", "start_date", "end_date")) -> pd.DataFrame:
    """The missions table with some of its columns, dates as text; an empty end date is written out."""
    ms = load_missions()
    table = ms[list(columns)].copy()
    for column in ("start_date", "end_date"):
        if column in table.columns:
            dates = table[column].dt.strftime("%Y-%m-%d")
            table[column] = dates.where(table[column].notna(), "no end date" if column == "end_date" else "")
    return table


def regions_table() -> pd.DataFrame:
    """The paper version's table: how many whole contributions each region had."""
    return region_counts().rename_axis("region").rename("contributions").reset_index()
