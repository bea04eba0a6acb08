"""Named facts for the prose: every number the chapters state that also lives in data/.

Chapters insert them with the {fact} role (see missions/sphinxext.py), so text and charts come from
the same rows and cannot drift apart. Keys:

- `<mission id>.<field>` for any field of missions.csv, plus `<mission id>.start_year`/`end_year`;
- `personnel.<mission id>.<date>.<measure>` for a row of personnel.csv (with `.<source id>` appended
  when two sources give a figure for the same date and measure);
- `un.*` for figures derived from the UN table (see `un_facts`).

Run `python -m missions.facts [prefix]` to list the keys and values.
"""

from __future__ import annotations

import sys

import pandas as pd

from .data import load_missions, load_personnel, load_un_contributions
from .text import format_date, format_number

MISSION_FIELDS = (
    "name",
    "full_name",
    "organisation",
    "host_country",
    "location",
    "start_date",
    "end_date",
    "peak_personnel",
    "total_personnel_low",
    "total_personnel_high",
    "deaths",
)


def format_value(value) -> str:
    """How a value reads in prose, in the edition's language: 9,084 / 1 August 2006 / 5.5 in English,
    9.084 / 1 augustus 2006 / 5,5 in Dutch."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        raise ValueError("no value")
    if isinstance(value, pd.Timestamp):
        return format_date(value)
    if isinstance(value, float) and not value.is_integer():
        return format_number(value, decimals=1)
    if isinstance(value, (int, float)) or (hasattr(value, "__int__") and not isinstance(value, str)):
        return format_number(int(value))
    return str(value)


def mission_facts(missions: pd.DataFrame) -> dict[str, object]:
    facts = {}
    for row in missions.itertuples(index=False):
        for field in MISSION_FIELDS:
            value = getattr(row, field)
            if value is not None and not (not isinstance(value, str) and pd.isna(value)):
                facts[f"{row.id}.{field}"] = value
        facts[f"{row.id}.start_year"] = str(row.start_date.year)
        if pd.notna(row.end_date):
            facts[f"{row.id}.end_year"] = str(row.end_date.year)
    return facts


def personnel_facts(personnel: pd.DataFrame) -> dict[str, object]:
    """Keys `personnel.<mission>.<date>.<measure>`; where rows share that, the first source id is appended,
    and where they share that too, a running number (-2, -3, ...) in file order."""
    facts: dict[str, object] = {}
    rows = list(personnel.itertuples(index=False))
    base = [f"personnel.{r.mission_id}.{r.date:%Y-%m-%d}.{r.measure}" for r in rows]
    keys = [b if base.count(b) == 1 else f"{b}.{str(r.source_ids).split(';')[0].strip()}" for b, r in zip(base, rows)]
    seen: dict[str, int] = {}
    for key, row in zip(keys, rows):
        seen[key] = seen.get(key, 0) + 1
        facts[key if keys.count(key) == 1 or seen[key] == 1 else f"{key}-{seen[key]}"] = int(row.count)
    return facts


def un_facts(un: pd.DataFrame) -> dict[str, object]:
    """Figures from the UN table that the prose uses: the Dutch peak, and the Dutch share of MINUSMA."""
    facts: dict[str, object] = {}
    monthly = un[(un["dataset"] == "nl_monthly") & (un["personnel_type"] == "total")]
    peak = monthly.loc[monthly["count"].idxmax()]
    facts["un.nl_monthly_peak"] = int(peak["count"])
    facts["un.nl_monthly_peak_month"] = format_date(pd.Timestamp(peak["period"]), "month")
    yearly = un[un["dataset"] == "mission_yearly"]
    minusma = yearly[yearly["mission"] == "MINUSMA"]
    totals = minusma[minusma["country"] == "all"].set_index("period")["count"]
    dutch = minusma[minusma["country"] == "Netherlands"].set_index("period")["count"]
    for year, count in dutch.items():
        facts[f"un.minusma_nl_mean_{year}"] = int(count)
        if year in totals.index:
            facts[f"un.minusma_total_mean_{year}"] = int(totals[year])
            facts[f"un.minusma_nl_share_{year}"] = round(100 * count / totals[year], 1)
    return facts


def all_facts() -> dict[str, object]:
    """Every named fact, computed from the validated tables."""
    return {
        **mission_facts(load_missions()),
        **personnel_facts(load_personnel()),
        **un_facts(load_un_contributions()),
    }


def fact_text(key: str, facts: dict[str, object] | None = None) -> str:
    """The prose form of one fact; a clear error for an unknown key or an empty value."""
    facts = all_facts() if facts is None else facts
    if key not in facts:
        close = [k for k in facts if k.split(".")[0] == key.split(".")[0]][:8]
        hint = f" Keys for '{key.split('.')[0]}': {close}" if close else ""
        raise KeyError(f"unknown fact '{key}'.{hint}")
    return format_value(facts[key])


if __name__ == "__main__":
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    for key, value in all_facts().items():
        if key.startswith(prefix):
            print(f"{key} = {format_value(value)}")
