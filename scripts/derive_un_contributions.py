"""Derive one tidy table of UN peacekeeping contributions for the book.

Usage (from the project root)::

    python scripts/derive_un_contributions.py RAW_DIR [--out data/un_contributions.csv]

RAW_DIR holds the three read-only raw files described in its README.md. The
raw files are large and are not ours to redistribute, so the book only ships
this small derived CSV and the code that made it. Everything the book says
about UN contributions should be traceable to a row here (``origin_file``).

Output columns::

    dataset,period,country,mission,personnel_type,count,measure,origin_file,source_id

``source_id`` names the row's source in data/sources.csv.

Datasets:

``nl_monthly``
    Netherlands month-end troops / police / experts and their total,
    Nov 1990 - Mar 2014 (IPI).
``mission_yearly``
    Annual MEANS 2010-2021 (UN gender data): MINUSMA per contributor, the
    Netherlands per mission, the MINUSMA and world totals (denominators for the
    Dutch share) and all-missions totals for a set of comparison countries.
    Caveat: 2010, 2012, 2017 and 2021 are partial years and read low.
``minusma_monthly``
    MINUSMA month-end totals per contributor and overall, 2013-2014 (IPI).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

NL_FILE = "ipi-ppp-netherlands-monthly-1990-2014.csv"
IPI_ALL_FILE = "ipi-ppp-all-contributors-by-mission-monthly-2009-2014.csv"
YEARLY_FILE = "un-gender-all-contributors-by-mission-yearly-mean-2010-2021.csv"
# Each raw file's source, as an id in data/sources.csv.
SOURCE_IDS = {
    NL_FILE: "ipi-providing-for-peacekeeping",
    IPI_ALL_FILE: "ipi-providing-for-peacekeeping",
    YEARLY_FILE: "un-peacekeeping-gender-data",
}

NL_COLUMNS = ["Date", "Troops", "Police", "Experts"]
IPI_ALL_COLUMNS = ["Date", "Contributor", "Mission", "Total_Total"]
YEARLY_COLUMNS = ["Year", "Country", "Mission", "Total"]

OUTPUT_COLUMNS = [
    "dataset",
    "period",
    "country",
    "mission",
    "personnel_type",
    "count",
    "measure",
    "origin_file",
    "source_id",
]
SORT_KEYS = ["dataset", "period", "country", "mission", "personnel_type", "measure"]

NETHERLANDS = "Netherlands"
MINUSMA = "MINUSMA"
ALL = "all"
# Small and mid-sized European contributors the book compares the Netherlands with.
COMPARISON_COUNTRIES = (
    "Netherlands",
    "Belgium",
    "Denmark",
    "Sweden",
    "Norway",
    "Ireland",
    "Finland",
    "Austria",
    "Portugal",
)
# Column name in the IPI Netherlands file -> personnel_type in the output.
NL_TYPES = {"Troops": "troops", "Police": "police", "Experts": "experts"}


# --------------------------------------------------------------------------- #
# Reading and validation
# --------------------------------------------------------------------------- #


def read_raw(raw_dir: Path, filename: str, required: list[str]) -> pd.DataFrame:
    """Read one raw CSV and check that the columns we rely on are there.

    Failing early with the file and column names is much easier to act on
    than a KeyError deep inside an aggregation when a source changes format.
    """
    path = Path(raw_dir) / filename
    if not path.is_file():
        raise FileNotFoundError(f"required raw file not found: {path}")
    frame = pd.read_csv(path, na_values=["NA"], keep_default_na=True)
    missing = [col for col in required if col not in frame.columns]
    if missing:
        raise ValueError(f"raw file {filename} is missing required column(s): {', '.join(missing)}")
    return frame


def to_numeric(frame: pd.DataFrame, columns: list[str], filename: str) -> pd.DataFrame:
    """Coerce count columns to numbers, refusing non-numeric text.

    A silently coerced typo would become NA and then 0 in a total; we would
    rather hear about it.
    """
    frame = frame.copy()
    for col in columns:
        converted = pd.to_numeric(frame[col], errors="coerce")
        bad = converted.isna() & frame[col].notna()
        if bad.any():
            example = frame.loc[bad, col].iloc[0]
            raise ValueError(f"raw file {filename}, column {col}: non-numeric value {example!r}")
        frame[col] = converted
    return frame


def month_end_periods(dates: pd.Series, filename: str) -> pd.Series:
    """Return the calendar month end of each date as a YYYY-MM-DD string.

    The IPI files report month-end snapshots, but some dates are off by a day
    or two (2000-02-28 in a leap year, 2002-08-30, 2003-03-30), so we label
    each row with its true month end. Callers check that no month occurs twice.
    """
    parsed = pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce")
    if parsed.isna().any():
        example = dates[parsed.isna()].iloc[0]
        raise ValueError(f"raw file {filename}, column Date: unreadable date {example!r}")
    month_end = parsed.dt.to_period("M").dt.to_timestamp(how="end")
    return month_end.dt.strftime("%Y-%m-%d")


def clean_labels(series: pd.Series) -> pd.Series:
    """Strip whitespace and stray apostrophes from country/mission labels.

    In the IPI all-contributors file every March 2014 row reads e.g.
    ``Netherlands',NLD',MINUSMA'``; without this, March 2014 would silently
    drop out of every mission filter.
    """
    return series.astype("string").str.strip().str.strip("'").str.strip()


def whole_numbers(values: pd.Series) -> pd.Series:
    """Round counts to whole people, as the source publishes them.

    Uses round-half-to-even, the same rule as R's round(), which the yearly
    source was most likely written with.
    """
    return values.round(0).astype("int64")


def tidy(frame: pd.DataFrame, **constants: str) -> pd.DataFrame:
    """Add constant columns and order them as the output expects."""
    frame = frame.assign(**constants)
    frame["source_id"] = SOURCE_IDS[constants["origin_file"]]
    return frame[OUTPUT_COLUMNS]


# --------------------------------------------------------------------------- #
# nl_monthly
# --------------------------------------------------------------------------- #


def derive_nl_monthly(raw: pd.DataFrame, origin: str = NL_FILE) -> pd.DataFrame:
    """Dutch month-end troops, police, experts and their total.

    NA means "none reported". We do not invent 0-rows for a missing type
    (absence stays visible), but the total treats NA as 0 and is always
    written, so every month has exactly one total.
    """
    raw = to_numeric(raw, list(NL_TYPES), origin)
    raw = raw.assign(period=month_end_periods(raw["Date"], origin))
    if raw["period"].duplicated().any():
        example = raw.loc[raw["period"].duplicated(), "period"].iloc[0]
        raise ValueError(f"raw file {origin}, column Date: duplicate month {example}")

    long = raw.melt(id_vars="period", value_vars=list(NL_TYPES), var_name="column", value_name="count")
    long = long.dropna(subset=["count"])
    long["personnel_type"] = long["column"].map(NL_TYPES)

    totals = raw[["period"]].assign(
        personnel_type="total",
        count=raw[list(NL_TYPES)].fillna(0).sum(axis=1),
    )
    both = pd.concat([long[["period", "personnel_type", "count"]], totals])
    both["count"] = whole_numbers(both["count"])
    return tidy(both, dataset="nl_monthly", country=NETHERLANDS, mission=ALL, measure="month_end", origin_file=origin)


# --------------------------------------------------------------------------- #
# mission_yearly
# --------------------------------------------------------------------------- #


def prepare_yearly(raw: pd.DataFrame, origin: str = YEARLY_FILE) -> pd.DataFrame:
    """Clean labels, check types and reject duplicate year/country/mission rows.

    Duplicates would double-count in every sum below.
    """
    raw = to_numeric(raw, ["Year", "Total"], origin)
    raw = raw.assign(
        Country=clean_labels(raw["Country"]), Mission=clean_labels(raw["Mission"]), Total=raw["Total"].fillna(0)
    )
    dupes = raw.duplicated(["Year", "Country", "Mission"])
    if dupes.any():
        row = raw.loc[dupes].iloc[0]
        raise ValueError(f"raw file {origin}: duplicate row for {row['Year']}, {row['Country']}, {row['Mission']}")
    return raw.assign(period=raw["Year"].astype("int64").astype(str))


def yearly_rows(frame: pd.DataFrame, country: str | None = None, mission: str | None = None) -> pd.DataFrame:
    """Shape yearly rows; a fixed country/mission overrides the frame's own."""
    out = pd.DataFrame(
        {
            "period": frame["period"],
            "country": country if country is not None else frame["Country"],
            "mission": mission if mission is not None else frame["Mission"],
            "count": frame["Total"],
        }
    )
    return out


def derive_mission_yearly(
    raw: pd.DataFrame, origin: str = YEARLY_FILE, comparison: tuple[str, ...] = COMPARISON_COUNTRIES
) -> pd.DataFrame:
    """Annual mean contributions: MINUSMA, the Netherlands and their denominators.

    The source has no total rows, so the world and MINUSMA totals are sums of
    the (already rounded) per-contributor means; they can differ by a few
    people from a mean of monthly totals. Comparison countries get a row for
    every year, including 0, because "contributed nothing" is a finding; a
    comparison country absent from the file is an error (likely a renamed
    country), not a silent zero.
    """
    data = prepare_yearly(raw, origin)
    positive = data[data["Total"] > 0]

    minusma = positive[positive["Mission"] == MINUSMA]
    dutch = positive[positive["Country"] == NETHERLANDS]
    detail = pd.concat([minusma, dutch]).drop_duplicates(["Year", "Country", "Mission"])

    years = data.groupby("period", as_index=False)["Total"].sum()
    world = yearly_rows(years, country=ALL, mission=ALL)

    per_minusma = data[data["Mission"] == MINUSMA].groupby("period", as_index=False)["Total"].sum()
    per_minusma = per_minusma[per_minusma["Total"] > 0]
    minusma_total = yearly_rows(per_minusma, country=ALL, mission=MINUSMA)

    compare = comparison_totals(data, comparison, origin)

    rows = pd.concat([yearly_rows(detail), world, minusma_total, compare])
    rows["count"] = whole_numbers(rows["count"])
    return tidy(rows, dataset="mission_yearly", personnel_type="total", measure="annual_mean", origin_file=origin)


def comparison_totals(data: pd.DataFrame, comparison: tuple[str, ...], origin: str) -> pd.DataFrame:
    """All-missions totals per year for each comparison country (0 if none)."""
    absent = [c for c in comparison if c not in set(data["Country"])]
    if absent:
        raise ValueError(f"raw file {origin}, column Country: comparison country not found: {', '.join(absent)}")
    subset = data[data["Country"].isin(comparison)]
    sums = subset.groupby(["period", "Country"])["Total"].sum()
    grid = pd.MultiIndex.from_product([sorted(data["period"].unique()), list(comparison)], names=["period", "Country"])
    sums = sums.reindex(grid, fill_value=0).reset_index()
    return yearly_rows(sums, mission=ALL)


# --------------------------------------------------------------------------- #
# minusma_monthly
# --------------------------------------------------------------------------- #


def derive_minusma_monthly(raw: pd.DataFrame, origin: str = IPI_ALL_FILE) -> pd.DataFrame:
    """MINUSMA month-end totals per contributor, plus the mission total.

    The IPI file only has "all" rows at the all-missions level, never per
    mission, so the MINUSMA total is the sum over contributors (any source
    "all" row for MINUSMA is ignored to avoid double counting). Rows with an
    empty Total_Total are contributors without personnel that month.
    """
    raw = to_numeric(raw, ["Total_Total"], origin)
    raw = raw.assign(Contributor=clean_labels(raw["Contributor"]), Mission=clean_labels(raw["Mission"]))
    mission = raw[(raw["Mission"] == MINUSMA) & (raw["Contributor"] != ALL)]
    mission = mission.dropna(subset=["Total_Total"])
    mission = mission.assign(period=month_end_periods(mission["Date"], origin))
    dupes = mission.duplicated(["period", "Contributor"])
    if dupes.any():
        row = mission.loc[dupes].iloc[0]
        raise ValueError(f"raw file {origin}: duplicate MINUSMA row for {row['period']}, {row['Contributor']}")

    per_country = pd.DataFrame(
        {"period": mission["period"], "country": mission["Contributor"], "count": mission["Total_Total"]}
    )
    total = per_country.groupby("period", as_index=False)["count"].sum().assign(country=ALL)
    rows = pd.concat([per_country, total])
    rows["count"] = whole_numbers(rows["count"])
    return tidy(
        rows,
        dataset="minusma_monthly",
        mission=MINUSMA,
        personnel_type="total",
        measure="month_end",
        origin_file=origin,
    )


# --------------------------------------------------------------------------- #
# Putting it together
# --------------------------------------------------------------------------- #


def derive_all(raw_dir: Path, comparison: tuple[str, ...] = COMPARISON_COUNTRIES) -> pd.DataFrame:
    """Read all three raw files and return the combined, sorted table.

    All files are read (and validated) before anything is derived, so a broken
    input never leaves a half-written output behind.
    """
    nl = read_raw(raw_dir, NL_FILE, NL_COLUMNS)
    ipi_all = read_raw(raw_dir, IPI_ALL_FILE, IPI_ALL_COLUMNS)
    yearly = read_raw(raw_dir, YEARLY_FILE, YEARLY_COLUMNS)
    table = pd.concat(
        [
            derive_nl_monthly(nl),
            derive_mission_yearly(yearly, comparison=comparison),
            derive_minusma_monthly(ipi_all),
        ],
        ignore_index=True,
    )
    return sort_rows(table)


def sort_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Sort on every key column so reruns give byte-identical files (clean diffs)."""
    keys = table[SORT_KEYS].astype(str)
    order = keys.sort_values(SORT_KEYS, kind="mergesort").index
    return table.loc[order].reset_index(drop=True)


def write_csv(table: pd.DataFrame, out: Path) -> None:
    """Write with Unix line endings and integer counts."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, lineterminator="\n", encoding="utf-8")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line interface: raw directory in, one CSV out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "raw_dir", type=Path, metavar="RAW_DIR", help="directory with the three raw UN peacekeeping CSVs"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("data/un_contributions.csv"),
        help="output CSV (default: data/un_contributions.csv)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Derive, write and report a one-line summary per dataset."""
    args = parse_args(argv)
    table = derive_all(args.raw_dir)
    write_csv(table, args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out}: {len(table)} rows, {size} bytes")
    for name, count in table["dataset"].value_counts().sort_index().items():
        print(f"  {name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
