"""The checks of notebook 07-explorer: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from data/missions.csv and data/personnel.csv,
independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "missions.csv")


@pytest.fixture(scope="module")
def personnel() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "personnel.csv", parse_dates=["date"])


# Your turn 1: the gap as a percentage of the low figure


@pytest.fixture(scope="module")
def ranges(table) -> pd.DataFrame:
    both = table.dropna(subset=["total_personnel_low", "total_personnel_high"])
    differ = both[both["total_personnel_low"] != both["total_personnel_high"]]
    return differ[["id", "name", "total_personnel_low", "total_personnel_high"]]


def with_percent(ranges: pd.DataFrame, percent) -> pd.DataFrame:
    return ranges.assign(gap_percent=percent)


def test_gap_percent_right(ranges):
    low, high = ranges["total_personnel_low"], ranges["total_personnel_high"]
    right = with_percent(ranges, 100 * (high - low) / low)
    assert right.set_index("id")["gap_percent"].idxmax() == "isaf"
    assert verdict("gap-percent", right) is None
    assert verdict("gap-percent", right.round({"gap_percent": 1}).iloc[::-1]) is None


def test_gap_percent_mistakes(table, ranges):
    low, high = ranges["total_personnel_low"], ranges["total_personnel_high"]
    assert "fractions" in verdict("gap-percent", with_percent(ranges, (high - low) / low))
    assert "divided by the high figure" in verdict("gap-percent", with_percent(ranges, 100 * (high - low) / high))
    assert "gap in people" in verdict("gap-percent", with_percent(ranges, high - low))
    assert "first take the gap" in verdict("gap-percent", with_percent(ranges, 100 * high / low))
    everything = table.assign(gap_percent=0.0)
    assert f"all {len(table)} contributions" in verdict("gap-percent", everything)
    assert "lacks the column(s) gap_percent" in verdict("gap-percent", ranges)
    assert "lacks 1 row" in verdict("gap-percent", with_percent(ranges, 100 * (high - low) / low).iloc[1:])
    assert "column 'gap_percent'" in verdict("gap-percent", with_percent(ranges, 50.0))
    assert "should be a DataFrame" in verdict("gap-percent", 100 * (high - low) / low)


def test_gap_percent_mistakes_in_dutch(monkeypatch, ranges):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    low, high = ranges["total_personnel_low"], ranges["total_personnel_high"]
    assert "hoge cijfer" in verdict("gap-percent", with_percent(ranges, 100 * (high - low) / high))


# Your turn 2: missions without a snapshot


@pytest.fixture(scope="module")
def counts(personnel) -> pd.DataFrame:
    return pd.crosstab(personnel["mission_id"], personnel["measure"])


def test_no_snapshot_right(counts, personnel):
    without = counts[counts["snapshot"] == 0]
    ids = set(personnel["mission_id"]) - set(personnel.loc[personnel["measure"] == "snapshot", "mission_id"])
    assert set(without.index) == ids and "unifil-maritime" in ids
    assert verdict("no-snapshot", list(without.index)) is None
    assert verdict("no-snapshot", without.index) is None
    assert verdict("no-snapshot", without) is None
    assert verdict("no-snapshot", sorted(ids, reverse=True)) is None


def test_no_snapshot_mistakes(counts):
    assert "every mission of the cross-table" in verdict("no-snapshot", list(counts.index))
    assert "do have snapshots" in verdict("no-snapshot", list(counts.index[counts["snapshot"] != 0]))
    assert "'planned'" in verdict("no-snapshot", list(counts.index[counts["planned"] == 0]))
    assert "empty" in verdict("no-snapshot", [])
    without = list(counts.index[counts["snapshot"] == 0])
    assert "lacks 1 row" in verdict("no-snapshot", without[1:])
    assert "1 row(s) it should not have, such as minusma" in verdict("no-snapshot", [*without, "minusma"])
    assert "list of mission ids" in verdict("no-snapshot", 3)


def test_no_snapshot_mistakes_in_dutch(monkeypatch, counts):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "draai de vergelijking om" in verdict("no-snapshot", list(counts.index[counts["snapshot"] != 0]))


# Your turn 3: MINUSMA's snapshots as a line


def line(rows: pd.DataFrame, title="MINUSMA", xlabel="Date", ylabel="People"):
    _fig, ax = plt.subplots()
    ax.plot(rows["date"], rows["count"], marker="o")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


@pytest.fixture(scope="module")
def minusma(personnel) -> pd.DataFrame:
    return personnel[personnel["mission_id"] == "minusma"]


def test_minusma_line_right(minusma):
    snapshots = minusma[minusma["measure"] == "snapshot"].sort_values("date")
    assert snapshots["count"].iloc[0] == 450
    assert verdict("minusma-line", line(snapshots)) is None
    assert verdict("minusma-line", line(snapshots).figure) is None
    plt.close("all")


def test_minusma_line_mistakes(minusma):
    snapshots = minusma[minusma["measure"] == "snapshot"].sort_values("date")
    assert "the planned ones too" in verdict("minusma-line", line(minusma.sort_values("date")))
    assert "not in date order" in verdict("minusma-line", line(snapshots.sort_values("count")))
    assert "title" in verdict("minusma-line", line(snapshots, title=""))
    assert "both axes" in verdict("minusma-line", line(snapshots, xlabel=""))
    assert "no line" in verdict("minusma-line", plt.subplots()[1])
    assert "should be a chart" in verdict("minusma-line", snapshots)
    plt.close("all")


def test_minusma_line_mistakes_in_dutch(monkeypatch, minusma):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "ook de geplande" in verdict("minusma-line", line(minusma.sort_values("date")))
    plt.close("all")


# The paper version's tables


def test_paper_tables(table, counts, minusma):
    from missions.exercises import explorer

    assert explorer.measures_table().set_index("mission_id")["snapshot"].to_dict() == counts["snapshot"].to_dict()
    side = explorer.side_by_side().set_index("fact")
    assert side.loc["organisation"].to_list() == ["UN", "NATO"]
    assert len(explorer.contributions()) == len(table)
    assert explorer.disagreements(notes=True)["note"].notna().all()
    assert (explorer.figures_of()["measure"] == "snapshot").sum() == (minusma["measure"] == "snapshot").sum()
