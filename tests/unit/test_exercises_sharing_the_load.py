"""The checks of notebook 06-sharing-the-load: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from the CSV files, independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import sharing_the_load, verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def people_2014() -> pd.Series:
    """UN uniformed personnel in all UN missions in 2014 (annual means), per comparison country."""
    un = pd.read_csv(ROOT / "data" / "un_contributions.csv", dtype={"period": str})
    rows = un[(un["dataset"] == "mission_yearly") & (un["mission"] == "all") & (un["period"] == "2014")]
    countries = pd.read_csv(ROOT / "data" / "population.csv")["country"].unique().tolist()
    rows = rows[rows["country"].isin([*countries, "Norway"])]
    return rows.groupby("country")["count"].sum()


@pytest.fixture(scope="module")
def population_2014() -> pd.Series:
    table = pd.read_csv(ROOT / "data" / "population.csv")
    return table[table["year"] == 2014].set_index("country")["population"]


@pytest.fixture(scope="module")
def right_2014(people_2014, population_2014) -> pd.Series:
    return (people_2014 / (population_2014 / 1_000_000)).dropna()


def test_the_population_table_has_one_measure_and_sources():
    table = sharing_the_load.population()
    assert set(table["measure"].astype(str)) == {"1 January"}
    assert table["source_ids"].str.len().min() > 0
    assert not table.duplicated(["country", "year"]).any()
    assert table["year"].between(2010, 2021).all()


def test_per_million_2014_right(right_2014):
    assert len(right_2014) == 8 and "Norway" not in right_2014.index
    assert verdict("per-million-2014", right_2014) is None
    assert verdict("per-million-2014", right_2014.round(1).sort_values()) is None


def test_per_million_2014_mistakes(people_2014, population_2014, right_2014):
    with_norway = people_2014 / (population_2014 / 1_000_000)
    assert "Norway has no population figure" in verdict("per-million-2014", with_norway)
    per_person = (people_2014 / population_2014).dropna()
    assert "people per inhabitant" in verdict("per-million-2014", per_person)
    per_thousand = (people_2014 / (population_2014 / 1_000)).dropna()
    assert "per thousand" in verdict("per-million-2014", per_thousand)
    inverted = ((population_2014 / 1_000_000) / people_2014).dropna()
    assert "wrong way round" in verdict("per-million-2014", inverted)
    assert "should be a Series" in verdict("per-million-2014", right_2014.to_frame())


def test_per_million_2014_mistakes_in_dutch(monkeypatch, people_2014, population_2014):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert "Noorwegen" in verdict("per-million-2014", people_2014 / (population_2014 / 1_000_000))


def bars(values: pd.Series, title="Personnel per million inhabitants, 2014", labels=("Country", "Per million")):
    fig, ax = plt.subplots()
    ax.bar(list(values.index), list(values.to_numpy(dtype=float)))
    ax.set_title(title)
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    return fig, ax


def test_per_million_chart_right_and_mistakes(right_2014):
    fig, ax = bars(right_2014.sort_values(ascending=False))
    assert verdict("per-million-2014-chart", ax) is None
    plt.close(fig)
    fig, ax = bars(right_2014.sort_values())
    assert "not in order" in verdict("per-million-2014-chart", ax)
    plt.close(fig)
    fig, ax = bars(right_2014.sort_values(ascending=False), title="")
    assert "title" in verdict("per-million-2014-chart", ax)
    plt.close(fig)
    fig, ax = plt.subplots()
    assert "no bars" in verdict("per-million-2014-chart", ax)
    plt.close(fig)


def test_dutch_rank_for_size(people_2014, right_2014):
    right = right_2014.rank(ascending=False)["Netherlands"]
    assert right == 3
    assert verdict("dutch-rank-for-size", right) is None
    by_people = people_2014.rank(ascending=False)["Netherlands"]
    assert "number of people" in verdict("dutch-rank-for-size", by_people)
    assert "from the smallest" in verdict("dutch-rank-for-size", right_2014.rank()["Netherlands"])


@pytest.mark.parametrize(
    "name",
    ["size_table", "per_million_ranked", "per_million_means", "minusma_shares", "comparison_in", "all_missions_in"],
)
def test_paper_tables_are_tables(name):
    table = getattr(sharing_the_load, name)()
    assert isinstance(table, pd.DataFrame) and len(table) > 0
    assert not table.isna().any().any()
