"""The checks of notebook 08-money: the right answer passes and each known mistake gets its reason.

The right answers are built here with plain pandas from data/spending.csv, independently of the checks' code."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from missions.exercises import money, verdict

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
ALTHEA = "Defensie beleidsartikel 20 - EUFOR/Althea (uitgaven)"
BALKAN = "Defensie beleidsartikel 20 - Vrede en stabiliteit in Europa/Balkan (uitgaven)"
CRISIS = "Defensie beleidsartikel 20 Uitvoeren crisisbeheersingsoperaties (verplichtingen)"


@pytest.fixture(scope="module")
def spending() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "spending.csv")


def line(spending: pd.DataFrame, name: str, measure: str | None = "realised") -> pd.Series:
    rows = spending[spending["budget_line"] == name].sort_values("year", kind="stable")
    if measure:
        rows = rows[rows["measure"] == measure]
    return rows.set_index("year")["amount_eur_million"]


# Your turn 1: the total for EUFOR Althea


def test_althea_total_right(spending):
    althea = line(spending, ALTHEA)
    assert list(althea.index) == [2007, 2008, 2009, 2010, 2011]
    assert verdict("althea-total", althea.sum()) is None
    assert verdict("althea-total", round(althea.sum(), 1)) is None


def test_althea_total_mistakes(spending):
    althea, balkan = line(spending, ALTHEA), line(spending, BALKAN)
    assert "mean of one year" in verdict("althea-total", althea.mean())
    assert "number of rows" in verdict("althea-total", len(althea))
    assert "highest single year" in verdict("althea-total", althea.max())
    assert "Europe and the Balkans" in verdict("althea-total", balkan.sum())
    assert "counted twice" in verdict("althea-total", althea.sum() + balkan.sum())
    assert "you got 1" in verdict("althea-total", 1)
    assert "a DataFrame" in verdict("althea-total", althea.to_frame())


def test_althea_total_mistakes_in_dutch(monkeypatch, spending):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    althea, balkan = line(spending, ALTHEA), line(spending, BALKAN)
    assert "twee keer" in verdict("althea-total", althea.sum() + balkan.sum())
    assert "gemiddelde" in verdict("althea-total", althea.mean())


# Your turn 2: Althea's share of the Europe/Balkan line


@pytest.fixture(scope="module")
def share(spending) -> pd.Series:
    return 100 * line(spending, ALTHEA) / line(spending, BALKAN)


def test_althea_share_right(share):
    assert share.between(80, 100).all()
    assert verdict("althea-share", share) is None
    assert verdict("althea-share", share.round(1).sort_index(ascending=False)) is None


def test_althea_share_mistakes(spending, share):
    althea, balkan = line(spending, ALTHEA), line(spending, BALKAN)
    assert "fractions" in verdict("althea-share", althea / balkan)
    assert "wrong way round" in verdict("althea-share", 100 * balkan / althea)
    assert "wrong way round" in verdict("althea-share", balkan / althea)
    assert "other operations" in verdict("althea-share", 100 - share)
    assert "whole table" in verdict("althea-share", pd.DataFrame({"share": share}))
    assert "lacks 1 row" in verdict("althea-share", share.iloc[1:])


def test_althea_share_mistakes_in_dutch(monkeypatch, spending):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    althea, balkan = line(spending, ALTHEA), line(spending, BALKAN)
    assert "breuken" in verdict("althea-share", althea / balkan)


# Your turn 3: the chart of the change from year to year


def bars(values, title="Change from the year before", labels=("Year", "Million euro")):
    values = pd.Series(values)
    fig, ax = plt.subplots()
    ax.bar(list(values.index), list(values.to_numpy(dtype=float)))
    ax.set_title(title)
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    return fig, ax


@pytest.fixture(scope="module")
def change(spending) -> pd.Series:
    return line(spending, CRISIS).diff().dropna()


def test_crisis_change_chart_right(change):
    assert list(change.index) == [2008, 2009, 2010, 2011]
    assert change.idxmin() == 2011
    fig, ax = bars(change)
    ax.axhline(0, color="black")
    assert verdict("crisis-change-chart", ax) is None
    assert verdict("crisis-change-chart", fig) is None
    plt.close(fig)


def test_crisis_change_chart_mistakes(spending, change):
    amounts = line(spending, CRISIS)
    cases = {
        "amounts themselves": amounts,
        "budgeted amount of 2011": line(spending, CRISIS, measure=None).diff().dropna(),
        "wrong way": -change,
        "in percent": amounts.pct_change().dropna(),
    }
    for fragment, values in cases.items():
        fig, ax = bars(values)
        assert fragment in verdict("crisis-change-chart", ax), fragment
        plt.close(fig)
    fig, ax = bars(100 * amounts.pct_change().dropna())
    assert "in percent" in verdict("crisis-change-chart", ax)
    plt.close(fig)
    fig, ax = bars(change, title="")
    assert "title" in verdict("crisis-change-chart", ax)
    plt.close(fig)
    fig, ax = plt.subplots()
    assert "no bars" in verdict("crisis-change-chart", ax)
    plt.close(fig)


def test_crisis_change_chart_mistakes_in_dutch(monkeypatch, spending):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    fig, ax = bars(line(spending, CRISIS))
    assert "bedragen zelf" in verdict("crisis-change-chart", ax)
    plt.close(fig)


# The paper version's tables


@pytest.mark.parametrize("name", ["budget_lines", "line_amounts", "balkan_lines", "crisis_realised", "all_amounts"])
def test_paper_tables_are_tables(name):
    table = getattr(money, name)()
    assert isinstance(table, pd.DataFrame) and 0 < len(table) <= 40
    assert not table.isna().any().any()


def test_the_longest_line_is_the_crisis_line():
    assert money.budget_lines()["budget line"].iloc[0] == CRISIS
