"""The checks of notebook 02-exploring-missions: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from data/missions.csv, independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import exploring_missions, verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ms() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "missions.csv", dtype={"parent_id": str})


@pytest.fixture(scope="module")
def per_region(ms) -> pd.Series:
    return ms[ms["parent_id"].isna()].groupby("region").size()


def test_largest_peaks_right(ms):
    top = ms.sort_values("peak_personnel", ascending=False).head(5)
    assert top["peak_personnel"].notna().all()
    assert verdict("largest-peaks", top) is None
    assert verdict("largest-peaks", top[["id", "name", "peak_personnel"]]) is None


def test_largest_peaks_mistakes(ms):
    assert "five smallest" in verdict("largest-peaks", ms.sort_values("peak_personnel").head(5))
    assert "sorted by a total" in verdict(
        "largest-peaks", ms.sort_values("total_personnel_high", ascending=False).head(5)
    )
    assert "sorted by a total" in verdict(
        "largest-peaks", ms.sort_values("total_personnel_low", ascending=False).head(5)
    )
    assert "first five rows of the table" in verdict("largest-peaks", ms.head(5))
    assert f"all {len(ms)} rows" in verdict("largest-peaks", ms.sort_values("peak_personnel", ascending=False))
    unsorted = ms.sort_values("peak_personnel", ascending=False).head(5).sort_values("id")
    assert "not in order" in verdict("largest-peaks", unsorted)
    assert "lacks the column(s) id" in verdict("largest-peaks", unsorted[["name", "peak_personnel"]])


def test_largest_peaks_mistake_in_dutch(monkeypatch, ms):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "vijf kleinste" in verdict("largest-peaks", ms.sort_values("peak_personnel").head(5))


def test_regions_right(ms, per_region):
    assert verdict("regions", per_region) is None
    assert verdict("regions", per_region.sort_values(ascending=False)) is None
    # value_counts() of the category column also lists a region no row has, with 0: that is right too
    assert verdict("regions", pd.concat([per_region, pd.Series({"Africa": 0})])) is None
    assert per_region.sum() == ms["parent_id"].isna().sum()


def test_regions_mistakes(ms, per_region):
    assert "parts included" in verdict("regions", ms.groupby("region").size())
    assert "kept only the parts" in verdict("regions", ms[ms["parent_id"].notna()].groupby("region").size())
    assert "per organisation" in verdict("regions", ms[ms["parent_id"].isna()].groupby("organisation").size())
    assert "should be a Series" in verdict("regions", per_region.to_frame())


def test_regions_mistake_in_dutch(monkeypatch, ms):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "onderdelen" in verdict("regions", ms.groupby("region").size())


def bars(values: pd.Series, lying=True, title="Contributions per region", labels=("Contributions", "Region")):
    fig, ax = plt.subplots()
    (ax.barh if lying else ax.bar)(list(values.index), list(values.to_numpy(dtype=float)))
    ax.set_title(title)
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    return fig, ax


def test_regions_chart_right(per_region):
    for values, lying in [(per_region, True), (per_region.sort_values(), True), (per_region, False)]:
        fig, ax = bars(values, lying)
        assert verdict("regions-chart", ax) is None
        plt.close(fig)
    fig, ax = bars(pd.concat([per_region, pd.Series({"Africa": 0})]))  # a bar of 0 is no bar
    assert verdict("regions-chart", fig) is None
    plt.close(fig)


def test_regions_chart_mistakes(ms, per_region):
    _fig, ax = bars(ms.groupby("region").size())
    assert "parts included" in verdict("regions-chart", ax)
    _fig, ax = bars(per_region, title="")
    assert "title" in verdict("regions-chart", ax)
    _fig, ax = bars(per_region, labels=("", "Region"))
    assert "both axes" in verdict("regions-chart", ax)
    _fig, ax = plt.subplots()
    ax.barh(range(len(per_region)), per_region.to_numpy())
    assert "does not name" in verdict("regions-chart", ax)
    _fig, ax = plt.subplots()
    ax.plot(per_region.to_numpy())
    assert "no bars" in verdict("regions-chart", ax)
    assert "should be a chart" in verdict("regions-chart", per_region)
    plt.close("all")


def test_paper_tables():
    assert len(exploring_missions.contributions()) == len(pd.read_csv(ROOT / "data" / "missions.csv"))
    assert "no end date" in set(exploring_missions.contributions()["end_date"])
    table = exploring_missions.regions_table()
    assert list(table.columns) == ["region", "contributions"] and (table["contributions"] > 0).all()


def test_largest_peaks_needs_the_peaks(ms):
    top = ms.sort_values("peak_personnel", ascending=False).head(5)
    assert "lacks the column(s) peak_personnel" in verdict("largest-peaks", top[["id", "name"]])
    assert "column 'peak_personnel'" in verdict("largest-peaks", top.assign(peak_personnel=top["peak_personnel"] + 1))
