"""Checks for the exercises of notebook 03-timeline."""

from __future__ import annotations

from ..data import load_events
from . import NotYet, a_chart, exercise, same_number, same_rows, say

NOTEBOOK = "03-timeline"
AFGHANISTAN = ["isaf", "tfu", "kunduz", "resolute-support"]


@exercise("afghanistan-incidents", NOTEBOOK)
def afghanistan_incidents(answer) -> None:
    events = load_events()
    in_afghanistan = events[events["mission_id"].isin(AFGHANISTAN)]
    same_number(
        answer,
        (in_afghanistan["kind"] == "incident").sum(),
        mistakes={
            len(in_afghanistan): say(
                "that is the number of all events in Afghanistan; keep only those of kind 'incident'.",
                "dat is het aantal van alle gebeurtenissen in Afghanistan; houd alleen die van soort 'incident' over.",
            ),
            (events["kind"] == "incident").sum(): say(
                "that counts the incidents of every mission; keep only the four Afghan missions first.",
                "zo tel je de incidenten van alle missies; houd eerst alleen de vier Afghaanse missies over.",
            ),
        },
    )


@exercise("minusma-decisions", NOTEBOOK)
def minusma_decisions(answer) -> None:
    events = load_events()
    minusma = events[events["mission_id"] == "minusma"]
    same_rows(
        answer,
        minusma[minusma["kind"] == "decision"],
        key="id",
        columns=["date", "label"],
        mistakes=[
            (
                lambda a: len(a) == len(minusma) and len(minusma) != (minusma["kind"] == "decision").sum(),
                say(
                    "these are all the events of MINUSMA; keep only the rows whose kind is 'decision'.",
                    "dit zijn alle gebeurtenissen van MINUSMA; houd alleen de rijen over waarvan de soort 'decision' is.",
                ),
            ),
        ],
    )
    if not answer["date"].is_monotonic_increasing:
        raise NotYet(
            say(
                "the rows are right, but not in date order: sort them with sort_values('date').",
                "de rijen kloppen, maar staan niet op datum: sorteer ze met sort_values('date').",
            )
        )


def events_per_year():
    events = load_events()
    return events.groupby(events["date"].dt.year).size()


@exercise("events-per-year-chart", NOTEBOOK)
def events_per_year_chart(answer) -> None:
    a_chart(answer, kind="bar", values=events_per_year().to_list())


def events_of(mission_ids=("minusma",)):
    """The paper version's table: the events of some missions, oldest first."""
    events = load_events()
    rows = events[events["mission_id"].isin(list(mission_ids))]
    return rows.assign(date=rows["date"].dt.strftime("%Y-%m-%d"))[["date", "mission_id", "kind", "label"]]


def events_by_year():
    """The paper version's table: how many events each year has."""
    return events_per_year().rename_axis("year").rename("events").reset_index()
