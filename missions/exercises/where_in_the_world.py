"""Checks for the exercises of notebook 05-where-in-the-world, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..data import load_missions
from ..text import t
from . import NotYet, _axes, a_chart, a_table, exercise, same_number, say

NOTEBOOK = "05-where-in-the-world"
AROUND_EUROPE = ["Europe", "Balkans", "Middle East", "Sahel"]  # the notebook's choice of regions "around Europe"
PERIODS = {  # the periods of the notebook's drop-down list
    "1979-1989": (1979, 1989),
    "1990-1999": (1990, 1999),
    "2000-2009": (2000, 2009),
    "2010-2019": (2010, 2019),
    "2020-2025": (2020, 2025),
}


# Your turn 1: "around Europe", counted in people


def _share_of_peaks(rows: pd.DataFrame) -> float:
    """The per cent of the known peaks of `rows` that lies in the regions around Europe."""
    near = rows["region"].isin(AROUND_EUROPE)
    return 100 * rows.loc[near, "peak_personnel"].sum() / rows["peak_personnel"].sum()


@exercise("around-europe-people", NOTEBOOK)
def around_europe_people(answer) -> None:
    ms = load_missions()
    whole = ms[ms["parent_id"].isna()]
    right = _share_of_peaks(whole)
    same_number(
        answer,
        right,
        tolerance=0.05,
        mistakes={
            right / 100: say(
                "that is a fraction between 0 and 1; the task asks for a percentage, so multiply by 100.",
                "dat is een deel tussen 0 en 1; de opdracht vraagt een percentage, dus vermenigvuldig met 100.",
            ),
            _share_of_peaks(ms): say(
                "you kept the rows that are part of a larger contribution, such as Task Force Uruzgan in ISAF: "
                "their soldiers are then counted twice. Keep only the rows where parent_id is empty (isna()) first.",
                "je hield de rijen die onderdeel zijn van een grotere bijdrage, zoals Task Force Uruzgan binnen ISAF: "
                "die militairen tel je dan twee keer. Houd eerst alleen de rijen over waarin parent_id leeg is (isna()).",
            ),
            100 * whole["region"].isin(AROUND_EUROPE).mean(): say(
                "that is the share of contributions, each counted once; the task asks for the share of people: "
                "add up peak_personnel with sum().",
                "dat is het aandeel van de bijdragen, elke bijdrage één keer geteld; de opdracht vraagt het aandeel "
                "van de mensen: tel peak_personnel op met sum().",
            ),
            100 * ms["region"].isin(AROUND_EUROPE).mean(): say(
                "that is the share of all rows (contributions), as in the notebook; the task asks for the share of "
                "people: add up peak_personnel of the whole contributions.",
                "dat is het aandeel van alle rijen (bijdragen), zoals in het notebook; de opdracht vraagt het aandeel "
                "van de mensen: tel peak_personnel van de hele bijdragen op.",
            ),
            100 - right: say(
                "that is the share of the people outside the regions around Europe; keep the rows that are in the "
                "list (isin), not the others.",
                "dat is het aandeel van de mensen buiten de regio's rond Europa; houd de rijen over die in de lijst "
                "staan (isin), niet de andere.",
            ),
        },
    )


# Your turn 2: how many contributions in each period?


def _active(ms: pd.DataFrame, start: int, end: int, ongoing: bool = True) -> pd.Series:
    """True for the rows active at some time from start to end (the map's rule); ongoing=False forgets the
    contributions without an end date."""
    started = ms["start_date"].dt.year <= end
    ended_after = (ms["end_date"].dt.year >= start).fillna(False).astype(bool)
    if ongoing:
        ended_after = ended_after | ms["end_date"].isna()
    return started & ended_after


def _per_period(rule) -> pd.Series:
    """One count per period of the drop-down list; rule(start, end) gives the rows to count."""
    return pd.Series({label: int(rule(start, end).sum()) for label, (start, end) in PERIODS.items()}, dtype=float)


def active_per_period() -> pd.Series:
    """How many contributions of the table (every row) were active at some time in each period."""
    ms = load_missions()
    return _per_period(lambda start, end: _active(ms, start, end))


def _period_mistakes(ms: pd.DataFrame) -> list[tuple[pd.Series, str]]:
    """The likely wrong counts per period, each with its reason (for the series and for the chart)."""
    return [
        (
            _per_period(lambda s, e: _active(ms, s, e, ongoing=False)),
            say(
                "you forgot the contributions that have not ended: their end_date is empty, so the comparison "
                'with start is False for them. Add | table["end_date"].isna().',
                "je vergat de bijdragen die nog niet zijn afgelopen: hun end_date is leeg, dus de vergelijking met "
                'start is voor hen False. Voeg | table["end_date"].isna() toe.',
            ),
        ),
        (
            _per_period(lambda s, e: ms["start_date"].dt.year.between(s, e)),
            say(
                "you counted only the contributions that started in each period; a contribution that started "
                "earlier and was still going also counts.",
                "je telde alleen de bijdragen die in elke periode begonnen; een bijdrage die eerder begon en nog "
                "liep, telt ook mee.",
            ),
        ),
        (
            _per_period(lambda s, e: _active(ms, s, e) & ms["latitude"].notna()),
            say(
                "you counted only the contributions with a place on the map; the task counts every row of the "
                "table, as exercise 2 does.",
                "je telde alleen de bijdragen met een plek op de kaart; de opdracht telt elke rij van de tabel, "
                "zoals oefening 2.",
            ),
        ),
        (
            _per_period(lambda s, e: _active(ms, s, e) & ms["parent_id"].isna()),
            say(
                "you left out the parts of a larger contribution; this time the task counts every row, as the map "
                "draws them.",
                "je liet de onderdelen van een grotere bijdrage weg; deze keer telt de opdracht elke rij, zoals de "
                "kaart ze tekent.",
            ),
        ),
    ]


def _numbers(answer: pd.Series) -> pd.Series:
    """The answer's values as floats indexed by text; a blank (...) or a value that is not a number is named."""
    if any(value is Ellipsis for value in answer.tolist()):
        raise NotYet(t("exercise.blank"))
    try:
        return pd.Series(answer.to_numpy(dtype=float), index=[str(i) for i in answer.index])
    except (TypeError, ValueError):
        raise NotYet(
            say(
                "the values of your series should be numbers: one count for each period.",
                "de waarden van je reeks moeten getallen zijn: één aantal voor elke periode.",
            )
        ) from None


def _same(got: pd.Series, want: pd.Series) -> bool:
    want = pd.Series(want.to_numpy(dtype=float), index=[str(i) for i in want.index])
    if len(got) != len(want) or set(got.index) != set(want.index):
        return False
    return all(math.isclose(got[k], want[k]) for k in want.index)


@exercise("active-per-period", NOTEBOOK)
def active_per_period_check(answer) -> None:
    ms = load_missions()
    got = _numbers(a_table(answer, pd.Series))
    expected = active_per_period()
    if _same(got, expected):
        return
    for wrong, reason in _period_mistakes(ms):
        if _same(got, wrong):
            raise NotYet(reason)
    lacking = [label for label in expected.index if label not in got.index]
    if lacking:
        raise NotYet(t("exercise.missing_rows", n=len(lacking), examples=", ".join(lacking[:3])))
    extra = [label for label in got.index if label not in expected.index]
    if extra:
        raise NotYet(t("exercise.extra_rows", n=len(extra), examples=", ".join(extra[:3])))
    wrong = [label for label in expected.index if not math.isclose(got[label], expected[label])]
    raise NotYet(t("exercise.wrong_values", n=len(wrong), examples=", ".join(wrong[:3])))


# Your turn 3: draw it


@exercise("active-per-period-chart", NOTEBOOK)
def active_per_period_chart(answer) -> None:
    ms = load_missions()
    expected = active_per_period()
    axes = _axes(answer)
    if axes is not None and axes.patches:
        bars = [p for p in axes.patches if p.get_height() > 0 and p.get_width() > 0]
        lying = len({round(p.get_y(), 6) for p in bars}) > 1 and len({round(p.get_x(), 6) for p in bars}) == 1
        if lying:
            raise NotYet(
                say(
                    "your bars lie down (barh); draw upright bars with ax.bar(), one per period from left to right.",
                    "je staven liggen (barh); teken staande staven met ax.bar(), één per periode van links naar rechts.",
                )
            )
        heights = [float(p.get_height()) for p in sorted(bars, key=lambda p: p.get_x())]
        for wrong, reason in _period_mistakes(ms):
            if len(heights) == len(wrong) and all(math.isclose(h, w) for h, w in zip(heights, wrong)):
                raise NotYet(reason)
    a_chart(answer, kind="bar", values=expected.to_list(), labels=list(expected.index))


# Tables of the paper version (book/activities/worksheets/05-where-in-the-world.yml)


def contributions(columns=("name", "organisation", "region", "start_date", "end_date")) -> pd.DataFrame:
    """The missions table with some of its columns, dates as years; an empty end date is written out."""
    ms = load_missions()
    table = ms[list(columns)].copy()
    for column in ("start_date", "end_date"):
        if column in table.columns:
            years = table[column].dt.year.astype("Int64").astype(str)
            table[column] = years.where(table[column].notna(), "not ended" if column == "end_date" else "")
    return table


def region_counts() -> pd.DataFrame:
    """The paper version's table: how many rows (contributions, parts included) each region has."""
    counts = load_missions()["region"].astype(str).value_counts()
    return counts[counts > 0].rename_axis("region").rename("contributions").reset_index()


def periods_table() -> pd.DataFrame:
    """The paper version's table: how many contributions were active in each period of the drop-down list."""
    counts = active_per_period().astype(int)
    return counts.rename_axis("period").rename("contributions active").reset_index()
