"""Tests for scripts/derive_un_contributions.py.

Expected numbers are worked out by hand from the tiny fixture files in
tests/fixtures/un_raw/ (same headers and quirks as the real raw files), never
copied from the script's own output.
"""

import csv
import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "derive_un_contributions.py"
FIXTURES = ROOT / "tests" / "fixtures" / "un_raw"

NL_FILE = "ipi-ppp-netherlands-monthly-1990-2014.csv"
IPI_ALL_FILE = "ipi-ppp-all-contributors-by-mission-monthly-2009-2014.csv"
YEARLY_FILE = "un-gender-all-contributors-by-mission-yearly-mean-2010-2021.csv"
HEADER = "dataset,period,country,mission,personnel_type,count,measure,origin_file,source_id"


def load_script():
    """Import the script by path: scripts/ is not a package."""
    spec = importlib.util.spec_from_file_location("derive_un_contributions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


derive = load_script()


@pytest.fixture(scope="module")
def table():
    return derive.derive_all(FIXTURES)


def counts(frame, **where):
    """{(period, country, mission, personnel_type): count} for rows matching `where`."""
    for col, value in where.items():
        frame = frame[frame[col] == value]
    return {(r.period, r.country, r.mission, r.personnel_type): int(r.count) for r in frame.itertuples()}


def copy_fixtures(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES, raw)
    return raw


# --------------------------------------------------------------------------- #
# nl_monthly
# --------------------------------------------------------------------------- #


def test_nl_monthly_sums_types_and_skips_na(table):
    got = counts(table, dataset="nl_monthly")
    assert got == {
        # 15 troops, police and experts NA -> no rows for them, total 15
        ("1990-11-30", "Netherlands", "all", "troops"): 15,
        ("1990-11-30", "Netherlands", "all", "total"): 15,
        # everything NA -> only a total of 0
        ("1990-12-31", "Netherlands", "all", "total"): 0,
        # 2000-02-28 in the raw file is relabelled to the leap-year month end
        ("2000-02-29", "Netherlands", "all", "troops"): 101,
        ("2000-02-29", "Netherlands", "all", "police"): 53,
        ("2000-02-29", "Netherlands", "all", "experts"): 12,
        ("2000-02-29", "Netherlands", "all", "total"): 166,
        # police NA counts as 0 in the total: 2 + 13
        ("2002-08-31", "Netherlands", "all", "troops"): 2,
        ("2002-08-31", "Netherlands", "all", "experts"): 13,
        ("2002-08-31", "Netherlands", "all", "total"): 15,
    }
    assert set(table.loc[table.dataset == "nl_monthly", "measure"]) == {"month_end"}
    assert set(table.loc[table.dataset == "nl_monthly", "origin_file"]) == {NL_FILE}


def test_nl_monthly_rejects_duplicate_month():
    raw = pd.DataFrame(
        {"Date": ["2000-02-28", "2000-02-29"], "Troops": [1, 2], "Police": [None, None], "Experts": [None, None]}
    )
    with pytest.raises(ValueError, match="duplicate month 2000-02-29"):
        derive.derive_nl_monthly(raw)


# --------------------------------------------------------------------------- #
# mission_yearly
# --------------------------------------------------------------------------- #


def test_world_and_minusma_totals(table):
    yearly = table[table.dataset == "mission_yearly"]
    world = counts(yearly, country="all", mission="all")
    assert world == {
        ("2012", "all", "all", "total"): 8,
        ("2014", "all", "all", "total"): 430 + 11 + 1200 + 500 + 86,
        ("2015", "all", "all", "total"): 550 + 11 + 1025 + 989 + 5,
    }
    minusma = counts(yearly, country="all", mission="MINUSMA")
    # 2012 has only a zero MINUSMA row -> no total row for that year
    assert minusma == {
        ("2014", "all", "MINUSMA", "total"): 430 + 1200,
        ("2015", "all", "MINUSMA", "total"): 550 + 1025 + 989,
    }


def test_minusma_contributors_only_positive(table):
    yearly = table[(table.dataset == "mission_yearly") & (table.country != "all")]
    got = counts(yearly, mission="MINUSMA")
    assert got == {
        ("2014", "Netherlands", "MINUSMA", "total"): 430,
        ("2014", "Chad", "MINUSMA", "total"): 1200,  # Togo 0 in 2014 -> left out
        ("2015", "Netherlands", "MINUSMA", "total"): 550,
        ("2015", "Chad", "MINUSMA", "total"): 1025,
        ("2015", "Togo", "MINUSMA", "total"): 989,
    }


def test_netherlands_rows_kept_for_all_missions(table):
    yearly = table[table.dataset == "mission_yearly"]
    per_mission = {k: v for k, v in counts(yearly, country="Netherlands").items() if k[2] != "all"}
    assert per_mission == {
        ("2012", "Netherlands", "UNTSO", "total"): 8,
        ("2014", "Netherlands", "MINUSMA", "total"): 430,
        ("2014", "Netherlands", "UNTSO", "total"): 11,  # UNIFIL 0 -> left out
        ("2015", "Netherlands", "MINUSMA", "total"): 550,
        ("2015", "Netherlands", "UNTSO", "total"): 11,
    }


def test_dutch_share_of_minusma_is_computable(table):
    yearly = table[table.dataset == "mission_yearly"].set_index(["period", "country", "mission"])
    share = yearly.loc[("2015", "Netherlands", "MINUSMA"), "count"] / yearly.loc[("2015", "all", "MINUSMA"), "count"]
    assert share == pytest.approx(550 / 2564)


def test_comparison_country_totals_every_year(table):
    yearly = table[(table.dataset == "mission_yearly") & (table.mission == "all") & (table.country != "all")]
    got = counts(yearly)
    assert got[("2012", "Netherlands", "all", "total")] == 8
    assert got[("2014", "Netherlands", "all", "total")] == 430 + 11
    assert got[("2015", "Netherlands", "all", "total")] == 550 + 11
    assert got[("2014", "Belgium", "all", "total")] == 86
    # no Belgian personnel in 2015 and no Belgian rows at all in 2012: still a 0 row
    assert got[("2015", "Belgium", "all", "total")] == 0
    assert got[("2012", "Belgium", "all", "total")] == 0
    # 9 comparison countries x 3 years, nothing else
    assert len(got) == 27
    assert {k[1] for k in got} == set(derive.COMPARISON_COUNTRIES)


def test_missing_comparison_country_is_an_error():
    raw = pd.read_csv(FIXTURES / YEARLY_FILE)
    with pytest.raises(ValueError, match=f"{YEARLY_FILE}.*Country.*Atlantis"):
        derive.derive_mission_yearly(raw, comparison=("Netherlands", "Atlantis"))


def test_yearly_rejects_duplicate_rows():
    raw = pd.read_csv(FIXTURES / YEARLY_FILE)
    raw = pd.concat([raw, raw.iloc[[0]]])
    with pytest.raises(ValueError, match="duplicate row for 2015, Netherlands, MINUSMA"):
        derive.derive_mission_yearly(raw)


# --------------------------------------------------------------------------- #
# minusma_monthly
# --------------------------------------------------------------------------- #


def test_minusma_monthly_totals_and_march_2014_quirk(table):
    got = counts(table, dataset="minusma_monthly")
    assert got == {
        ("2013-07-31", "Chad", "MINUSMA", "total"): 1000,
        ("2013-07-31", "Togo", "MINUSMA", "total"): 700,
        # Ghana has an empty Total_Total; Chad's "all"-mission row and the
        # overall "all" row are not MINUSMA personnel; a source "all" row for
        # MINUSMA (not in the real file, but possible) must not be added in
        ("2013-07-31", "all", "MINUSMA", "total"): 1000 + 700,
        # March 2014 raw labels carry a trailing apostrophe ("Chad'", "MINUSMA'")
        ("2014-03-31", "Chad", "MINUSMA", "total"): 1146,
        ("2014-03-31", "Netherlands", "MINUSMA", "total"): 162,
        ("2014-03-31", "all", "MINUSMA", "total"): 1146 + 162,
    }
    assert set(table.loc[table.dataset == "minusma_monthly", "origin_file"]) == {IPI_ALL_FILE}


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "filename, column",
    [
        (NL_FILE, "Police"),
        (IPI_ALL_FILE, "Total_Total"),
        (YEARLY_FILE, "Total"),
    ],
)
def test_missing_column_names_file_and_column(tmp_path, filename, column):
    raw = copy_fixtures(tmp_path)
    frame = pd.read_csv(raw / filename, dtype=str, keep_default_na=False)
    frame.drop(columns=[column]).to_csv(raw / filename, index=False)
    with pytest.raises(ValueError) as excinfo:
        derive.derive_all(raw)
    message = str(excinfo.value)
    assert filename in message
    assert column in message


def test_missing_file_is_named(tmp_path):
    raw = copy_fixtures(tmp_path)
    (raw / IPI_ALL_FILE).unlink()
    with pytest.raises(FileNotFoundError, match=IPI_ALL_FILE):
        derive.derive_all(raw)


def test_non_numeric_count_is_an_error(tmp_path):
    raw = copy_fixtures(tmp_path)
    path = raw / NL_FILE
    path.write_text(path.read_text().replace("101,53,12", "101,5x3,12"))
    with pytest.raises(ValueError, match=f"{NL_FILE}, column Police"):
        derive.derive_all(raw)


# --------------------------------------------------------------------------- #
# Command line and output format
# --------------------------------------------------------------------------- #


def test_cli_writes_sorted_integer_csv(tmp_path):
    out = tmp_path / "out" / "un.csv"
    assert derive.main([str(FIXTURES), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert "\r" not in text
    rows = list(csv.DictReader(lines))
    # 10 nl_monthly + 40 mission_yearly + 6 minusma_monthly (counted by hand)
    assert len(rows) == 10 + 40 + 6
    assert all(r["count"].isdigit() for r in rows)  # no "550.0"
    keys = [tuple(r[k] for k in derive.SORT_KEYS) for r in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)

    # rerunning gives a byte-identical file
    derive.main([str(FIXTURES), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == text
