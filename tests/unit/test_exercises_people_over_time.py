"""The checks of notebook 04-people-over-time: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from the CSV files, independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import people_over_time, verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
PARTIAL = [2010, 2012, 2017, 2021]


@pytest.fixture(scope="module")
def personnel() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "personnel.csv", parse_dates=["date"])


@pytest.fixture(scope="module")
def total() -> pd.Series:
    un = pd.read_csv(ROOT / "data" / "un_contributions.csv", dtype={"period": str})
    rows = un[(un["dataset"] == "nl_monthly") & (un["personnel_type"] == "total")]
    return rows.set_index(pd.to_datetime(rows["period"]))["count"].sort_index()


@pytest.fixture(scope="module")
def yearly() -> pd.Series:
    un = pd.read_csv(ROOT / "data" / "un_contributions.csv", dtype={"period": str})
    rows = un[(un["dataset"] == "mission_yearly") & (un["mission"] == "all") & (un["country"] == "Netherlands")]
    return rows.groupby(rows["period"].astype(int))["count"].sum()


def test_highest_snapshot_right(personnel):
    snapshots = personnel[personnel["measure"] == "snapshot"]
    highest = snapshots.groupby("mission_id")["count"].max()
    assert verdict("highest-snapshot", highest) is None
    assert verdict("highest-snapshot", highest.sort_values()) is None


def test_highest_snapshot_mistakes(personnel):
    snapshots = personnel[personnel["measure"] == "snapshot"]
    assert "ceilings and planned figures included" in verdict(
        "highest-snapshot", personnel.groupby("mission_id")["count"].max()
    )
    ceilings = personnel[personnel["measure"] == "ceiling"]
    assert "highest ceilings" in verdict("highest-snapshot", ceilings.groupby("mission_id")["count"].max())
    assert "means" in verdict("highest-snapshot", snapshots.groupby("mission_id")["count"].mean())
    assert "counted the rows" in verdict("highest-snapshot", snapshots.groupby("mission_id").size())
    assert "should be a Series" in verdict("highest-snapshot", snapshots.groupby("mission_id")[["count"]].max())


def test_highest_snapshot_mistake_in_dutch(monkeypatch, personnel):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "plafonds" in verdict("highest-snapshot", personnel.groupby("mission_id")["count"].max())


def test_biggest_fall_right(total):
    in_1995 = total[total.index.year == 1995]
    before = total[total.index < "1995-01-01"].iloc[-1]
    fall = min(b - a for a, b in zip([before, *in_1995.iloc[:-1]], in_1995))
    assert fall < 0
    assert verdict("biggest-fall-1995", fall) is None
    assert verdict("biggest-fall-1995", total.diff().loc["1995"].min()) is None


def test_biggest_fall_mistakes(total):
    change = total.diff()
    in_1995 = change[change.index.year == 1995]
    months = total[total.index.year == 1995]
    assert "minus sign" in verdict("biggest-fall-1995", -in_1995.min())
    assert "biggest rise" in verdict("biggest-fall-1995", in_1995.max())
    assert "whole series" in verdict("biggest-fall-1995", change.min())
    assert "lowest count of the year" in verdict("biggest-fall-1995", months.min())
    assert "lowest and the highest month" in verdict("biggest-fall-1995", months.min() - months.max())
    assert "a Timestamp" in verdict("biggest-fall-1995", in_1995.idxmin())


def test_biggest_fall_mistake_in_dutch(monkeypatch, total):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "hele reeks" in verdict("biggest-fall-1995", total.diff().min())


def bars(values: pd.Series, title="Dutch personnel in UN missions, annual mean", labels=("Year", "Personnel")):
    fig, ax = plt.subplots()
    ax.bar(list(values.index), list(values.to_numpy(dtype=float)))
    ax.set_title(title)
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    return fig, ax


def test_complete_years_chart_right(yearly):
    complete = yearly.drop(PARTIAL)
    assert len(complete) == 8
    fig, ax = bars(complete)
    assert verdict("complete-years-chart", ax) is None
    fig, ax = bars(complete.sort_values())  # the bars stand at their years, so the order of drawing does not matter
    assert verdict("complete-years-chart", fig) is None
    plt.close("all")


def test_complete_years_chart_mistakes(yearly):
    complete = yearly.drop(PARTIAL)
    _fig, ax = bars(yearly)
    assert "for every year" in verdict("complete-years-chart", ax)
    _fig, ax = bars(complete.sort_values().rename(index=str))
    assert "not in order" in verdict("complete-years-chart", ax)
    _fig, ax = bars(complete, title="")
    assert "title" in verdict("complete-years-chart", ax)
    _fig, ax = bars(complete, labels=("Year", ""))
    assert "both axes" in verdict("complete-years-chart", ax)
    _fig, ax = bars(complete.drop(2011))
    assert "shows 7 values, but the task needs 8" in verdict("complete-years-chart", ax)
    assert "should be a chart" in verdict("complete-years-chart", complete)
    plt.close("all")


def test_paper_tables():
    tfu = people_over_time.figures_of(["tfu"])
    assert list(tfu.columns) == ["mission_id", "date", "count", "measure", "note"] and len(tfu) == 6
    months = people_over_time.month_ends()
    assert list(months["month end"])[:2] == ["December 1994", "January 1995"] and len(months) == 13
    means = people_over_time.yearly_means()
    assert set(means.loc[means["every month in the source"] == "no", "year"]) == set(PARTIAL)
