"""Checks for the exercises of notebook 01-un-peacekeepers."""

from __future__ import annotations

from ..charts import dutch_un_monthly
from ..text import format_date
from . import a_chart, exercise, same_number, same_series, say

NOTEBOOK = "01-un-peacekeepers"


@exercise("months-over-1000", NOTEBOOK)
def months_over_1000(answer) -> None:
    total = dutch_un_monthly("total")
    same_number(
        answer,
        (total > 1000).sum(),
        mistakes={
            len(total): say(
                "that is the number of all months; count only the months with more than 1,000 people.",
                "dat is het aantal van alle maanden; tel alleen de maanden met meer dan 1.000 mensen.",
            ),
            (total <= 1000).sum(): say(
                "that is the number of months with 1,000 people or fewer; turn the comparison round.",
                "dat is het aantal maanden met 1.000 mensen of minder; draai de vergelijking om.",
            ),
            total[total > 1000].sum(): say(
                "you added up the people in those months; count the months instead (sum() of True/False, or len()).",
                "je telde de mensen in die maanden op; tel in plaats daarvan de maanden (sum() van True/False, of len()).",
            ),
        },
    )


def _peak_per_year():
    total = dutch_un_monthly("total")
    nineties = total[(total.index.year >= 1990) & (total.index.year <= 1999)]
    return nineties.groupby(nineties.index.year).max()


@exercise("peak-per-year", NOTEBOOK)
def peak_per_year(answer) -> None:
    expected = _peak_per_year()
    total = dutch_un_monthly("total")
    nineties = total[(total.index.year >= 1990) & (total.index.year <= 1999)]
    same_series(
        answer,
        expected,
        mistakes=[
            (
                lambda a: len(a) == len(nineties),
                say(
                    "your series has one value per month; group the months by year first (groupby(... .year)).",
                    "je reeks heeft één waarde per maand; groepeer de maanden eerst per jaar (groupby(... .year)).",
                ),
            ),
            (
                lambda a: (
                    len(a) == len(expected) and a.round(6).equals(nineties.groupby(nineties.index.year).mean().round(6))
                ),
                say(
                    "these are the yearly means; the task asks for the highest month of each year (max).",
                    "dit zijn de jaargemiddelden; de opdracht vraagt naar de hoogste maand van elk jaar (max).",
                ),
            ),
        ],
    )


@exercise("peak-per-year-chart", NOTEBOOK)
def peak_per_year_chart(answer) -> None:
    expected = _peak_per_year()
    a_chart(answer, kind="bar", values=expected.to_list())


def peaks_of_the_nineties():
    """The paper version's table: the highest month-end count of each year, 1990-1999."""
    return _peak_per_year().rename_axis("year").rename("highest month-end count").reset_index()


def months_of(year: int = 1995):
    """The paper version's table: the twelve month-end counts of one year."""
    months = dutch_un_monthly("total")
    months = months[months.index.year == year]
    return (
        months.rename("Dutch personnel")
        .rename_axis("month end")
        .reset_index()
        .assign(**{"month end": lambda f: [format_date(date, "month") for date in f["month end"]]})
    )
