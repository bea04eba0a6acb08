"""The checks of notebook 05-where-in-the-world: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from data/missions.csv, independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
AROUND_EUROPE = ["Europe", "Balkans", "Middle East", "Sahel"]
PERIODS = {
    "1979-1989": (1979, 1989),
    "1990-1999": (1990, 1999),
    "2000-2009": (2000, 2009),
    "2010-2019": (2010, 2019),
    "2020-2025": (2020, 2025),
}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "missions.csv", parse_dates=["start_date", "end_date"])


# Your turn 1: "around Europe", counted in people


def share(rows: pd.DataFrame) -> float:
    near = rows["region"].isin(AROUND_EUROPE)
    return 100 * rows.loc[near, "peak_personnel"].sum() / rows["peak_personnel"].sum()


def test_around_europe_people_right(table):
    whole = table[table["parent_id"].isna()]
    right = share(whole)
    assert 40 < right < 60
    assert verdict("around-europe-people", right) is None
    assert verdict("around-europe-people", round(right, 1)) is None


def test_around_europe_people_mistakes(table):
    whole = table[table["parent_id"].isna()]
    right = share(whole)
    assert "multiply by 100" in verdict("around-europe-people", right / 100)
    assert "counted twice" in verdict("around-europe-people", share(table))
    assert "share of contributions" in verdict("around-europe-people", 100 * whole["region"].isin(AROUND_EUROPE).mean())
    assert "share of all rows" in verdict("around-europe-people", 100 * table["region"].isin(AROUND_EUROPE).mean())
    assert "outside the regions" in verdict("around-europe-people", 100 - right)
    assert "you got 1" in verdict("around-europe-people", 1)
    assert "replace each" in verdict("around-europe-people", ...)


def test_around_europe_people_mistakes_in_dutch(monkeypatch, table):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "twee keer" in verdict("around-europe-people", share(table))
    assert "vermenigvuldig" in verdict("around-europe-people", share(table[table["parent_id"].isna()]) / 100)


# Your turn 2: contributions active in each period


def per_period(table: pd.DataFrame, rule) -> pd.Series:
    return pd.Series({label: int(rule(table, start, end).sum()) for label, (start, end) in PERIODS.items()})


def active(t, start, end):
    return (t["start_date"].dt.year <= end) & ((t["end_date"].dt.year >= start) | t["end_date"].isna())


@pytest.fixture(scope="module")
def counts(table) -> pd.Series:
    return per_period(table, active)


def test_active_per_period_right(counts):
    assert counts["1979-1989"] == 1  # UNIFIL only
    assert counts["2000-2009"] == 9  # the notebook's exercise 2
    assert verdict("active-per-period", counts) is None
    assert verdict("active-per-period", counts.iloc[::-1].astype(float)) is None


def test_active_per_period_mistakes(table, counts):
    def forgot_ongoing(t, s, e):
        return (t["start_date"].dt.year <= e) & (t["end_date"].dt.year >= s)

    assert "have not ended" in verdict("active-per-period", per_period(table, forgot_ongoing))
    assert "started in each period" in verdict(
        "active-per-period", per_period(table, lambda t, s, e: t["start_date"].dt.year.between(s, e))
    )
    assert "place on the map" in verdict(
        "active-per-period", per_period(table, lambda t, s, e: active(t, s, e) & t["latitude"].notna())
    )
    assert "parts of a larger" in verdict(
        "active-per-period", per_period(table, lambda t, s, e: active(t, s, e) & t["parent_id"].isna())
    )
    assert "lacks 1 row" in verdict("active-per-period", counts.iloc[:4])
    assert "1 value(s) are not right, such as those for 1990-1999" in verdict(
        "active-per-period", counts.replace({4: 5})
    )
    assert "replace each" in verdict("active-per-period", pd.Series({label: ... for label in PERIODS}))
    assert "should be a Series" in verdict("active-per-period", counts.to_dict())


def test_active_per_period_mistakes_in_dutch(monkeypatch, table):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    forgot = per_period(table, lambda t, s, e: (t["start_date"].dt.year <= e) & (t["end_date"].dt.year >= s))
    assert "nog niet zijn afgelopen" in verdict("active-per-period", forgot)


# Your turn 3: the chart


def bars(values: pd.Series, title="Contributions per period", xlabel="Period", ylabel="Contributions", lying=False):
    _fig, ax = plt.subplots()
    (ax.barh if lying else ax.bar)(values.index, values.to_numpy())
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def test_active_per_period_chart_right(counts):
    assert verdict("active-per-period-chart", bars(counts)) is None
    assert verdict("active-per-period-chart", bars(counts).figure) is None
    plt.close("all")


def test_active_per_period_chart_mistakes(table, counts):
    forgot = per_period(table, lambda t, s, e: (t["start_date"].dt.year <= e) & (t["end_date"].dt.year >= s))
    assert "have not ended" in verdict("active-per-period-chart", bars(forgot))
    assert "title" in verdict("active-per-period-chart", bars(counts, title=""))
    assert "both axes" in verdict("active-per-period-chart", bars(counts, ylabel=""))
    assert "lie down" in verdict("active-per-period-chart", bars(counts, lying=True))
    assert "no bars" in verdict("active-per-period-chart", plt.subplots()[1])
    assert "should be a chart" in verdict("active-per-period-chart", counts)
    plt.close("all")


# The paper version's tables


def test_paper_tables(table, counts):
    from missions.exercises import where_in_the_world as w

    assert w.periods_table()["contributions active"].to_list() == counts.to_list()
    assert w.region_counts()["contributions"].sum() == len(table)
    assert (w.contributions()["end_date"] == "not ended").sum() == table["end_date"].isna().sum()
