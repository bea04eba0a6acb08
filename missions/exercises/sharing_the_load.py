"""Checks for the exercises of notebook 06-sharing-the-load, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..charts import comparison_series
from ..data import load_population, load_un_contributions
from . import NotYet, _axes, a_chart, exercise, same_number, same_series, say

NOTEBOOK = "06-sharing-the-load"
YEAR = 2014  # the one year with a sourced population figure for eight of the nine countries
COMPLETE_YEARS = [2011, 2013, 2014, 2015, 2016, 2018, 2019, 2020]  # years the UN source has every month


def population() -> pd.DataFrame:
    """Population on 1 January of the comparison countries (data/population.csv)."""
    return load_population()


def population_table() -> pd.DataFrame:
    """Population in people, years x countries (a year without a sourced figure is empty)."""
    frame = population()
    table = frame.pivot(index="year", columns="country", values="population").astype(float)
    table.index = table.index.astype(int)
    table.columns = table.columns.astype(str)
    return table


def per_million() -> pd.DataFrame:
    """UN uniformed personnel (annual means) per million inhabitants, years x countries."""
    people = comparison_series()
    return people / (population_table().reindex(index=people.index, columns=people.columns) / 1_000_000)


def _per_million_in(year: int = YEAR) -> pd.Series:
    return per_million().loc[year].dropna()


def _close(answer: pd.Series, expected: pd.Series, tolerance: float) -> bool:
    """The same countries and, within tolerance, the same values."""
    try:
        got = pd.Series(answer.to_numpy(dtype=float, na_value=math.nan), index=map(str, answer.index))
    except (TypeError, ValueError):
        return False
    got = got.dropna()
    if set(got.index) != set(expected.index):
        return False
    return all(math.isclose(got[c], expected[c], rel_tol=1e-6, abs_tol=tolerance) for c in expected.index)


def _has_empty(answer: pd.Series) -> bool:
    return bool(pd.isna(answer).any())


@exercise("per-million-2014", NOTEBOOK)
def per_million_2014(answer) -> None:
    expected = _per_million_in(YEAR)
    people = comparison_series().loc[YEAR]
    inhabitants = population_table().loc[YEAR].dropna()
    same_series(
        answer,
        expected,
        tolerance=0.05,
        mistakes=[
            (
                _has_empty,
                say(
                    "one country has an empty value (NaN): Norway has no population figure for 2014. "
                    "Drop it with .dropna().",
                    "één land heeft een lege waarde (NaN): voor Noorwegen is er geen bevolkingscijfer voor 2014. "
                    "Laat het weg met .dropna().",
                ),
            ),
            (
                lambda a: _close(a, people[expected.index] / inhabitants[expected.index], 1e-9),
                say(
                    "these are people per inhabitant, tiny numbers; divide the population by 1,000,000 first, "
                    "so that you get people per million inhabitants.",
                    "dit zijn mensen per inwoner, heel kleine getallen; deel de bevolking eerst door 1.000.000, "
                    "dan krijg je mensen per miljoen inwoners.",
                ),
            ),
            (
                lambda a: _close(a, people[expected.index] / (inhabitants[expected.index] / 1_000), 1e-6),
                say(
                    "these are people per thousand inhabitants; divide the population by 1,000,000, not by 1,000.",
                    "dit zijn mensen per duizend inwoners; deel de bevolking door 1.000.000, niet door 1.000.",
                ),
            ),
            (
                lambda a: _close(a, (inhabitants[expected.index] / 1_000_000) / people[expected.index], 1e-6),
                say(
                    "the division is the wrong way round: divide the personnel by the population in millions.",
                    "je deelt precies andersom: deel het personeel door de bevolking in miljoenen.",
                ),
            ),
        ],
    )


@exercise("per-million-2014-chart", NOTEBOOK)
def per_million_2014_chart(answer) -> None:
    ranked = _per_million_in(YEAR).sort_values(ascending=False)
    axes = _axes(answer)
    if axes is not None and len(axes.patches) == len(ranked):
        heights = [p.get_height() for p in axes.patches]
        same = sorted(round(h, 1) for h in heights) == sorted(round(v, 1) for v in ranked)
        if same and [round(h, 1) for h in heights] != [round(v, 1) for v in ranked]:
            raise NotYet(
                say(
                    "the bars are right, but not in order: sort the values from largest to smallest first "
                    "(sort_values(ascending=False)).",
                    "de staven kloppen, maar staan niet op volgorde: sorteer de waarden eerst van groot naar klein "
                    "(sort_values(ascending=False)).",
                )
            )
    a_chart(answer, kind="bar", values=ranked.to_list(), labels=list(ranked.index), tolerance=0.05)


@exercise("dutch-rank-for-size", NOTEBOOK)
def dutch_rank_for_size(answer) -> None:
    for_size = _per_million_in(YEAR)
    people = comparison_series().loc[YEAR]
    same_number(
        answer,
        for_size.rank(ascending=False)["Netherlands"],
        mistakes={
            people.rank(ascending=False)["Netherlands"]: say(
                "that is the Dutch rank by number of people; rank the countries by personnel per million instead.",
                "dat is de Nederlandse plaats naar aantal mensen; rangschik de landen naar personeel per miljoen.",
            ),
            for_size.rank(ascending=True)["Netherlands"]: say(
                "you counted from the smallest value; use rank(ascending=False), so that rank 1 is the largest.",
                "je telde vanaf de kleinste waarde; gebruik rank(ascending=False), dan is plaats 1 de grootste.",
            ),
        },
    )


# Tables of the paper version (book/activities/worksheets/06-sharing-the-load.yml)


def size_table(year: int = YEAR) -> pd.DataFrame:
    """Personnel (annual mean) and population on 1 January in millions, for the countries with both figures."""
    people = comparison_series().loc[year]
    inhabitants = population_table().loc[year]
    table = pd.DataFrame({"UN personnel (annual mean)": people, "population (millions, 1 January)": inhabitants / 1e6})
    table = table.dropna().sort_values("UN personnel (annual mean)", ascending=False)
    table["UN personnel (annual mean)"] = table["UN personnel (annual mean)"].astype(int)
    table["population (millions, 1 January)"] = table["population (millions, 1 January)"].round(2)
    return table.rename_axis("country").reset_index()


def per_million_ranked(year: int = YEAR) -> pd.DataFrame:
    """Personnel per million inhabitants in one year, largest first, with the rank by people beside it."""
    for_size = _per_million_in(year)
    people = comparison_series().loc[year][for_size.index]
    table = pd.DataFrame(
        {
            "UN personnel (annual mean)": people.astype(int),
            "rank by people": people.rank(ascending=False).astype(int),
            "per million inhabitants": for_size.round(1),
            "rank for size": for_size.rank(ascending=False).astype(int),
        }
    ).sort_values("per million inhabitants", ascending=False)
    return table.rename_axis("country").reset_index()


def per_million_means() -> pd.DataFrame:
    """The notebook's per-capita comparison: mean per million over the complete years that have a population figure."""
    table = per_million().loc[COMPLETE_YEARS]
    people = comparison_series().loc[COMPLETE_YEARS]
    result = pd.DataFrame(
        {
            "UN personnel (mean of complete years)": people.mean().round().astype(int),
            "per million (mean)": table.mean().round(1),
            "years with a population figure": table.notna().sum().astype(int),
        }
    ).sort_values("per million (mean)", ascending=False)
    result = result[result["years with a population figure"] > 0]
    return result.rename_axis("country").reset_index()


def minusma_shares() -> pd.DataFrame:
    """The Dutch share of MINUSMA per year: the Dutch annual mean, the mission's, and the share in percent."""
    frame = load_un_contributions()
    rows = frame[(frame["dataset"] == "mission_yearly") & (frame["mission"] == "MINUSMA")]
    pair = rows[rows["country"].isin(["Netherlands", "all"])]
    table = pair.pivot(index="period", columns="country", values="count").loc["2014":"2019"].astype(int)
    table["Dutch share (%)"] = (100 * table["Netherlands"] / table["all"]).round(1)
    table = table.rename(columns={"all": "whole mission"}).rename_axis(index="year", columns=None)
    return table.reset_index()


def comparison_in(year: int = 2016) -> pd.DataFrame:
    """UN uniformed personnel in all UN missions of the comparison countries in one year, largest first."""
    row = comparison_series().loc[year].sort_values(ascending=False)
    return row.rename("UN personnel (annual mean)").rename_axis("country").reset_index()


def all_missions_in(year: int = 2015) -> pd.DataFrame:
    """All UN missions together in one year: the comparison countries and the total of all countries ('all')."""
    frame = load_un_contributions()
    rows = frame[(frame["dataset"] == "mission_yearly") & (frame["mission"] == "all") & (frame["period"] == str(year))]
    keep = [*comparison_series().columns, "all"]
    rows = rows[rows["country"].isin(keep)].sort_values("count", ascending=False)
    return rows[["country", "count"]].rename(columns={"count": "UN personnel (annual mean)"}).reset_index(drop=True)
