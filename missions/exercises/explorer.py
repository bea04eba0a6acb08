"""Checks for the exercises of notebook 07-explorer, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..data import load_missions, load_personnel
from ..text import t
from . import NotYet, _axes, a_chart, a_table, exercise, say

NOTEBOOK = "07-explorer"
MEASURES = ["ceiling", "snapshot", "average", "planned"]
LINE_MISSION = "minusma"  # the mission whose snapshots the chart exercise draws


def _ranges(ms: pd.DataFrame) -> pd.DataFrame:
    """The rows whose sources disagree on the total: the notebook's table `ranges`."""
    differ = (ms["total_personnel_low"] != ms["total_personnel_high"]).fillna(False).astype(bool)
    return ms.loc[differ, ["id", "name", "total_personnel_low", "total_personnel_high"]]


# Your turn 1: the gap as a percentage of the low figure


def gap_percent() -> pd.Series:
    """For each mission whose sources disagree on the total: the gap between high and low, in % of low."""
    ranges = _ranges(load_missions()).set_index("id")
    low, high = ranges["total_personnel_low"].astype(float), ranges["total_personnel_high"].astype(float)
    return 100 * (high - low) / low


def _close_all(got: pd.Series, want: pd.Series, tolerance: float) -> bool:
    return all(math.isclose(got[k], want[k], abs_tol=tolerance) for k in want.index)


@exercise("gap-percent", NOTEBOOK)
def gap_percent_check(answer) -> None:
    ms = load_missions()
    a_table(answer)
    missing = [c for c in ("id", "gap_percent") if c not in answer.columns]
    if missing:
        raise NotYet(t("exercise.missing_columns", columns=", ".join(missing)))
    expected = gap_percent()
    ids = [str(i) for i in answer["id"]]
    if len(ids) == len(ms) and len(ms) != len(expected):
        raise NotYet(
            say(
                f"your table has all {len(ms)} contributions; work with `ranges`, the missions whose sources disagree.",
                f"je tabel heeft alle {len(ms)} bijdragen; werk met `ranges`, de missies waarover bronnen het "
                "oneens zijn.",
            )
        )
    got_ids, want_ids = set(ids), set(expected.index)
    if got_ids != want_ids:
        extra, lacking = sorted(got_ids - want_ids), sorted(want_ids - got_ids)
        if extra:
            raise NotYet(t("exercise.extra_rows", n=len(extra), examples=", ".join(extra[:3])))
        raise NotYet(t("exercise.missing_rows", n=len(lacking), examples=", ".join(lacking[:3])))
    try:
        got = pd.Series(pd.to_numeric(answer["gap_percent"]).to_numpy(dtype=float), index=ids)
    except (TypeError, ValueError):
        raise NotYet(
            say(
                "the column gap_percent should hold numbers: one percentage per mission.",
                "de kolom gap_percent moet getallen bevatten: één percentage per missie.",
            )
        ) from None
    tolerance = 0.06  # a percentage rounded to one decimal is right too
    if _close_all(got, expected, tolerance):
        return
    ranges = _ranges(ms).set_index("id")
    low, high = ranges["total_personnel_low"].astype(float), ranges["total_personnel_high"].astype(float)
    mistakes = [
        (
            expected / 100,
            0.0006,
            say(
                "these are fractions between 0 and 1; multiply by 100 to get a percentage.",
                "dit zijn delen tussen 0 en 1; vermenigvuldig met 100 om een percentage te krijgen.",
            ),
        ),
        (
            100 * (high - low) / high,
            tolerance,
            say(
                "you divided by the high figure; the task asks for the gap as a percentage of the low figure "
                "(total_personnel_low).",
                "je deelde door het hoge cijfer; de opdracht vraagt het verschil als percentage van het lage cijfer "
                "(total_personnel_low).",
            ),
        ),
        (
            high - low,
            0.5,
            say(
                "that is the gap in people, as in exercise 1; divide it by the low figure and multiply by 100.",
                "dat is het verschil in mensen, zoals in oefening 1; deel het door het lage cijfer en "
                "vermenigvuldig met 100.",
            ),
        ),
        (
            100 * high / low,
            tolerance,
            say(
                "you divided the high figure by the low one; first take the gap (high minus low), then divide.",
                "je deelde het hoge cijfer door het lage; neem eerst het verschil (hoog min laag) en deel dan.",
            ),
        ),
    ]
    for wrong, tol, reason in mistakes:
        if _close_all(got, wrong, tol):
            raise NotYet(reason)
    raise NotYet(t("exercise.wrong_column", column="gap_percent"))


# Your turn 2: which missions have no snapshot at all?


def figures_per_measure() -> pd.DataFrame:
    """How many personnel figures of each measure every mission in the personnel table has (a cross-table)."""
    personnel = load_personnel()
    counts = personnel.groupby(["mission_id", "measure"], observed=False).size().unstack("measure", fill_value=0)
    return counts.reindex(columns=MEASURES, fill_value=0).rename_axis(columns=None)


def no_snapshot() -> list[str]:
    """The missions of the personnel table that have no snapshot."""
    counts = figures_per_measure()
    return sorted(counts.index[counts["snapshot"] == 0])


def _ids(answer) -> set[str]:
    """The mission ids in an answer: a list, an Index, a Series (its index, or its values if those are the ids)
    or a table (its index, or its column mission_id)."""
    if isinstance(answer, pd.DataFrame):
        return set(map(str, answer["mission_id"] if "mission_id" in answer.columns else answer.index))
    if isinstance(answer, pd.Series):
        values_are_ids = answer.dtype == object or pd.api.types.is_string_dtype(answer)
        return set(map(str, answer if values_are_ids else answer.index))
    if isinstance(answer, (list, tuple, set, pd.Index)):
        return set(map(str, answer))
    raise NotYet(
        say(
            f"the answer should be a list of mission ids, but it is a {type(answer).__name__}.",
            f"het antwoord moet een lijst met missie-id's zijn, maar het is een {type(answer).__name__}.",
        )
    )


@exercise("no-snapshot", NOTEBOOK)
def no_snapshot_check(answer) -> None:
    got = _ids(answer)
    expected = set(no_snapshot())
    if got == expected:
        return
    counts = figures_per_measure()
    if got == set(counts.index):
        raise NotYet(
            say(
                "that is every mission of the cross-table; keep only the rows where the column snapshot is 0.",
                "dat zijn alle missies van de kruistabel; houd alleen de rijen over waarin de kolom snapshot 0 is.",
            )
        )
    if got == set(counts.index[counts["snapshot"] > 0]):
        raise NotYet(
            say(
                "these are the missions that do have snapshots; turn the comparison round: == 0.",
                "dit zijn de missies die wel momentopnamen hebben; draai de vergelijking om: == 0.",
            )
        )
    for measure in MEASURES:
        if measure != "snapshot" and got == set(counts.index[counts[measure] == 0]):
            raise NotYet(
                say(
                    f"these are the missions without a figure of the measure '{measure}'; look at the column snapshot.",
                    f"dit zijn de missies zonder cijfer van de soort '{measure}'; kijk naar de kolom snapshot.",
                )
            )
    if not got:
        raise NotYet(
            say(
                "your list is empty; keep the rows of the cross-table where snapshot is 0 and take their index.",
                "je lijst is leeg; houd de rijen van de kruistabel over waarin snapshot 0 is en neem hun index.",
            )
        )
    extra, lacking = sorted(got - expected), sorted(expected - got)
    if extra:
        raise NotYet(t("exercise.extra_rows", n=len(extra), examples=", ".join(extra[:3])))
    raise NotYet(t("exercise.missing_rows", n=len(lacking), examples=", ".join(lacking[:3])))


# Your turn 3: MINUSMA's snapshots as a line


def snapshots(mission_id: str = LINE_MISSION) -> pd.Series:
    """The snapshot counts of one mission, in date order (the values the line chart must show)."""
    personnel = load_personnel()
    rows = personnel[(personnel["mission_id"] == mission_id) & (personnel["measure"] == "snapshot")]
    return rows.sort_values("date", kind="stable").set_index("date")["count"].astype(float)


@exercise("minusma-line", NOTEBOOK)
def minusma_line(answer) -> None:
    expected = snapshots()
    axes = _axes(answer)
    if axes is not None and axes.lines:
        drawn = [float(v) for v in axes.lines[0].get_ydata()]
        personnel = load_personnel()
        every = personnel[personnel["mission_id"] == LINE_MISSION]
        if len(drawn) == len(every) and len(every) != len(expected):
            raise NotYet(
                say(
                    "your line has every figure of MINUSMA, the planned ones too; keep only the rows whose measure "
                    "is 'snapshot'.",
                    "je lijn heeft alle cijfers van MINUSMA, ook de geplande; houd alleen de rijen over waarvan "
                    "measure 'snapshot' is.",
                )
            )
        want = expected.to_list()
        if len(drawn) == len(want) and sorted(drawn) == sorted(want) and drawn != want:
            raise NotYet(
                say(
                    'the values are right, but not in date order: sort the rows with sort_values("date") first.',
                    'de waarden kloppen, maar staan niet op datum: sorteer de rijen eerst met sort_values("date").',
                )
            )
    a_chart(answer, kind="line", values=expected.to_list())


# Tables of the paper version (book/activities/worksheets/07-explorer.yml)


def _as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Dates as yyyy-mm-dd; an empty end date is written out."""
    table = table.copy()
    for column in ("start_date", "end_date", "date"):
        if column in table.columns:
            dates = table[column].dt.strftime("%Y-%m-%d")
            table[column] = dates.where(table[column].notna(), "not ended" if column == "end_date" else "")
    return table


def side_by_side(ids=("unprofor", "tfu")) -> pd.DataFrame:
    """The notebook's comparison of two missions: one row per fact, one column per mission."""
    facts = ["name", "organisation", "host_country", "start_date", "end_date", "kind", "peak_personnel"]
    facts += ["total_personnel_low", "total_personnel_high", "deaths", "parent_id"]
    table = _as_text(load_missions()).set_index("id").loc[list(ids), facts]
    return table.astype(object).T.rename_axis("fact").reset_index().rename_axis(columns=None)


def contributions(columns=("name", "parent_id", "deaths")) -> pd.DataFrame:
    """The missions table with some of its columns (ids included), dates as text."""
    ms = load_missions()
    return _as_text(ms[["id", *[c for c in columns if c != "id"]]])


def disagreements(notes: bool = False) -> pd.DataFrame:
    """The missions whose sources disagree on the total, with their low and high figure (and their notes)."""
    ms = load_missions()
    rows = ms.loc[_ranges(ms).index]
    return rows[["id", "name", "total_personnel_low", "total_personnel_high", *(["note"] if notes else [])]]


def measures_table() -> pd.DataFrame:
    """The paper version's cross-table: the number of figures of each measure, per mission."""
    return figures_per_measure().rename_axis("mission_id").reset_index()


def figures_of(mission_id: str = LINE_MISSION) -> pd.DataFrame:
    """All personnel figures of one mission, in date order, with their measure."""
    personnel = load_personnel()
    rows = personnel[personnel["mission_id"] == mission_id].sort_values(["date", "count"], kind="stable")
    return _as_text(rows[["date", "count", "measure"]]).reset_index(drop=True)
