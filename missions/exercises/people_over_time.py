"""Checks for the exercises of notebook 04-people-over-time, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..charts import comparison_series, dutch_un_monthly
from ..data import load_personnel
from ..text import format_date, t
from . import NotYet, _axes, exercise, same_number, same_series, say

NOTEBOOK = "04-people-over-time"
YEAR = 1995  # the year of the fall of Srebrenica and of the handover from UNPROFOR to IFOR
PARTIAL_YEARS = [2010, 2012, 2017, 2021]  # years in which the UN source lacks months (counted as zero)
DUTCH_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def _highest(rows: pd.DataFrame, how: str = "max") -> pd.Series:
    return rows.groupby("mission_id")["count"].agg(how).astype(float)


def _close(answer, expected: pd.Series) -> bool:
    """The same labels and, within rounding, the same values."""
    if not isinstance(answer, pd.Series):
        return False
    try:
        got = pd.Series(answer.to_numpy(dtype=float, na_value=math.nan), index=map(str, answer.index))
    except (TypeError, ValueError):
        return False
    want = pd.Series(expected.to_numpy(dtype=float), index=map(str, expected.index))
    if set(got.index) != set(want.index):
        return False
    return all(math.isclose(got[k], want[k], abs_tol=1e-6) for k in want.index)


@exercise("highest-snapshot", NOTEBOOK)
def highest_snapshot(answer) -> None:
    personnel = load_personnel()
    snapshots = personnel[personnel["measure"] == "snapshot"]
    same_series(
        answer,
        _highest(snapshots),
        mistakes=[
            (
                lambda a: _close(a, _highest(personnel)),
                say(
                    "you took the highest figure of every measure, ceilings and planned figures included. "
                    "Keep only the rows whose measure is 'snapshot' first: people actually counted on one date.",
                    "je nam het hoogste cijfer van alle soorten, ook plafonds en geplande aantallen. Houd eerst "
                    "alleen de rijen over waarvan measure 'snapshot' is: mensen die echt op één datum zijn geteld.",
                ),
            ),
            (
                lambda a: _close(a, _highest(personnel[personnel["measure"] == "ceiling"])),
                say(
                    "these are the highest ceilings; the task asks for snapshots (measure 'snapshot').",
                    "dit zijn de hoogste plafonds; de opdracht vraagt naar momentopnamen (measure 'snapshot').",
                ),
            ),
            (
                lambda a: _close(a, _highest(snapshots, "mean")),
                say(
                    "these are the means of each mission's snapshots; the task asks for the highest one (max).",
                    "dit zijn de gemiddelden van de momentopnamen per missie; de opdracht vraagt naar de hoogste (max).",
                ),
            ),
            (
                lambda a: _close(a, _highest(snapshots, "size")),
                say(
                    "you counted the rows of each mission; take the largest value of the column count (max).",
                    "je telde de rijen per missie; neem de grootste waarde uit de kolom count (max).",
                ),
            ),
        ],
    )


def _changes() -> pd.Series:
    return dutch_un_monthly("total").diff()


@exercise("biggest-fall-1995", NOTEBOOK)
def biggest_fall(answer) -> None:
    total = dutch_un_monthly("total")
    change = _changes()
    in_year = change.loc[str(YEAR)]
    months = total.loc[str(YEAR)]
    same_number(
        answer,
        in_year.min(),
        mistakes={
            -in_year.min(): say(
                "that is the size of the fall without its minus sign; a fall is a negative change, so keep the "
                "smallest value itself (min()).",
                "dat is de grootte van de daling zonder minteken; een daling is een negatieve verandering, dus "
                "houd de kleinste waarde zelf (min()).",
            ),
            in_year.max(): say(
                "that is the biggest rise of the year (max); a fall is the smallest, most negative change: min().",
                "dat is de grootste stijging van het jaar (max); een daling is de kleinste, meest negatieve "
                "verandering: min().",
            ),
            change.min(): say(
                f"that is the biggest fall of the whole series, in {change.idxmin():%B %Y}; keep only the months "
                f'of {YEAR} first (.loc["{YEAR}"]).',
                f"dat is de grootste daling van de hele reeks, in {DUTCH_MONTHS[change.idxmin().month - 1]} {change.idxmin().year}; houd eerst alleen de "
                f'maanden van {YEAR} over (.loc["{YEAR}"]).',
            ),
            months.min(): say(
                "that is the lowest count of the year, not a change; take the differences first with diff().",
                "dat is het laagste aantal van het jaar, geen verandering; bereken eerst de verschillen met diff().",
            ),
            months.min() - months.max(): say(
                "that is the difference between the lowest and the highest month of the year; the task asks for "
                "the change from one month to the next: diff().",
                "dat is het verschil tussen de laagste en de hoogste maand van het jaar; de opdracht vraagt naar "
                "de verandering van de ene maand op de volgende: diff().",
            ),
        },
    )


def complete_years() -> pd.Series:
    """The Dutch annual means in UN missions, without the years in which the source lacks months."""
    yearly = comparison_series()["Netherlands"]
    return yearly.drop(PARTIAL_YEARS, errors="ignore")


def _heights(axes) -> list[float]:
    """The bars' heights from left to right."""
    return [p.get_height() for p in sorted(axes.patches, key=lambda p: p.get_x())]


@exercise("complete-years-chart", NOTEBOOK)
def complete_years_chart(answer) -> None:
    expected = [float(v) for v in complete_years()]
    yearly = comparison_series()["Netherlands"]
    axes = _axes(answer)
    if axes is None:
        raise NotYet(t("exercise.not_chart", kind=type(answer).__name__))
    if not axes.patches:
        raise NotYet(t("exercise.no_bars"))
    heights = _heights(axes)
    if len(heights) == len(yearly):
        raise NotYet(
            say(
                f"your chart has a bar for every year, {', '.join(map(str, PARTIAL_YEARS))} included; "
                "those means read too low. Draw the series complete, in which they are dropped.",
                f"je grafiek heeft een staaf voor elk jaar, ook voor {', '.join(map(str, PARTIAL_YEARS))}; "
                "die gemiddelden zijn te laag. Teken de reeks complete, waarin ze zijn weggelaten.",
            )
        )
    if len(heights) != len(expected):
        raise NotYet(t("exercise.wrong_count", drawn=len(heights), wanted=len(expected)))
    if any(not math.isclose(h, e, abs_tol=1e-9) for h, e in zip(heights, expected)):
        if sorted(heights) == sorted(expected):
            raise NotYet(
                say(
                    "the bars are right, but the years are not in order from left to right: draw them in "
                    "the order of the years (sort_index()).",
                    "de staven kloppen, maar de jaren staan niet van links naar rechts op volgorde: teken "
                    "ze in de volgorde van de jaren (sort_index()).",
                )
            )
        raise NotYet(t("exercise.wrong_heights"))
    if not axes.get_title().strip():
        raise NotYet(t("exercise.no_title"))
    if not axes.get_xlabel().strip() or not axes.get_ylabel().strip():
        raise NotYet(t("exercise.no_axis_labels"))


# Tables of the paper version (book/activities/worksheets/04-people-over-time.yml)


def figures_of(mission_ids=("tfu",), notes: bool = True) -> pd.DataFrame:
    """The personnel figures of some missions, by mission and date, with or without their notes."""
    personnel = load_personnel()
    rows = personnel[personnel["mission_id"].isin(list(mission_ids))]
    rows = rows.assign(order=rows["mission_id"].map({m: i for i, m in enumerate(mission_ids)}))
    rows = rows.sort_values(["order", "date", "count"])
    table = rows.assign(date=rows["date"].dt.strftime("%Y-%m-%d"))
    columns = ["mission_id", "date", "count", "measure", *(["note"] if notes else [])]
    return table[columns].reset_index(drop=True)


def month_ends(start: str = "1994-12", end: str = "1995-12") -> pd.DataFrame:
    """The UN's month-end counts of Dutch uniformed personnel from one month to another."""
    total = dutch_un_monthly("total").loc[start:end]
    months = [format_date(date, "month") for date in total.index]
    return pd.DataFrame({"month end": months, "Dutch personnel": total.to_numpy()})


def yearly_means() -> pd.DataFrame:
    """The Dutch annual means in UN missions, with a column that says whether the source has every month."""
    yearly = comparison_series()["Netherlands"]
    return pd.DataFrame(
        {
            "year": yearly.index,
            "annual mean": yearly.to_numpy(),
            "every month in the source": ["no" if y in PARTIAL_YEARS else "yes" for y in yearly.index],
        }
    )
