"""The mission explorer: choose a mission, a measure and a period; see a chart and a fact card.

Live, three ipywidgets controls call `Explorer.update`, which redraws in a fraction of a second.
For the static book (only when the book build runs the notebook), the display bundle carries every
mission's fact card and default chart, drawn in advance, as data (PANELS_MIME); the book lets the
reader pick a mission from a native <select>. The period and measure controls need a live kernel,
which the page says.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from .charts import personnel_chart
from .data import load_missions, load_personnel, load_sources
from .display import PANELS_MIME, for_the_book
from .facts import format_value
from .maps import map_chart
from .style import Chart
from .text import format_number, shown, t
from .widgets import panels_data

MEASURES = ("personnel", "map")


def _value(row, field) -> str:
    value = row[field]
    return t("explorer.unknown") if pd.isna(value) else format_value(value)


def fact_card(mission_id: str, missions: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> str:
    """An HTML card with the facts of one mission and links to its sources."""
    missions = load_missions() if missions is None else missions
    sources = load_sources() if sources is None else sources
    if mission_id not in set(missions["id"]):
        raise ValueError(f"unknown mission id {mission_id!r}; see data/missions.csv")
    row = missions.set_index("id").loc[mission_id]
    e = html.escape
    end = t("explorer.ongoing") if pd.isna(row["end_date"]) else format_value(row["end_date"])
    total = t("explorer.unknown")
    if pd.notna(row["total_personnel_low"]):
        low, high = int(row["total_personnel_low"]), int(row["total_personnel_high"])
        total = format_number(low) if low == high else t("explorer.range", low=low, high=high)
    facts = [
        (t("explorer.organisation"), shown(str(row["organisation"]))),
        (t("explorer.where"), f"{row['location'] or ''}, {shown(row['host_country'])}".strip(", ")),
        (t("explorer.dates"), f"{format_value(row['start_date'])} - {end}"),
        (t("explorer.kind"), shown(str(row["kind"]))),
        (t("explorer.peak"), _value(row, "peak_personnel")),
        (t("explorer.total"), total),
        (t("explorer.deaths"), _value(row, "deaths")),
    ]
    by_id = sources.set_index("id")
    links = "".join(
        f'<li><a href="{e(by_id.at[s, "url"])}">{e(by_id.at[s, "publisher"])}: {e(by_id.at[s, "title"])}</a></li>'
        for s in str(row["source_ids"]).split(";")
        if s.strip() in by_id.index
    )
    rows = "".join(f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in facts)
    note = f'<p class="card-note">{e(row["note"])}</p>' if pd.notna(row["note"]) else ""
    return (
        f'<div class="mission-card"><p class="card-title"><strong>{e(row["full_name"])}</strong></p>'
        f"<table>{rows}</table>{note}<p>{e(t('explorer.sources'))}</p><ul>{links}</ul></div>"
    )


class Explorer:
    """Mission, measure and period in; chart and fact card out."""

    def __init__(self):
        self.missions = load_missions()
        self.personnel = load_personnel()
        self.sources = load_sources()
        self.choices = dict(zip(self.missions["name"], self.missions["id"]))
        years = (int(self.missions["start_date"].dt.year.min()), 2025)
        self.mission = widgets.Dropdown(options=list(self.choices.items()), description=t("explorer.mission"))
        self.measure = widgets.Dropdown(
            options=[(t(f"explorer.measure.{m}"), m) for m in MEASURES], description=t("explorer.measure")
        )
        self.period = widgets.IntRangeSlider(value=years, min=years[0], max=years[1], description=t("explorer.period"))
        self.card = widgets.HTML()
        self.figure = widgets.HTML()
        for control in (self.mission, self.measure, self.period):
            control.observe(lambda _: self.refresh(), names="value")
        self.refresh()

    def has_personnel(self, mission_id: str) -> bool:
        return bool((self.personnel["mission_id"] == mission_id).any())

    def update(
        self, mission_id: str, measure: str = "personnel", period: tuple[int, int] | None = None
    ) -> tuple[Chart | None, str]:
        """The chart and fact card for one choice; the explorer's whole logic, testable without widgets.
        The chart is None for a mission with neither personnel figures nor a place on the map."""
        if measure not in MEASURES:
            raise ValueError(f"unknown measure {measure!r}; choose one of {MEASURES}")
        card = fact_card(mission_id, self.missions, self.sources)
        if measure == "personnel" and self.has_personnel(mission_id):
            rows = self.personnel
            if period:
                years = rows["date"].dt.year
                rows = rows[(years >= period[0]) & (years <= period[1])]
            if (rows["mission_id"] == mission_id).any():
                return personnel_chart([mission_id], personnel=rows, missions=self.missions), card
        located = self.missions.loc[self.missions["id"] == mission_id, ["latitude", "longitude"]].notna().all(axis=None)
        if not located:  # such as the civilian mission pool, whose experts served in many countries
            return None, card
        return map_chart([mission_id], missions=self.missions), card  # a location does not change with the period

    def refresh(self) -> None:
        chart, card = self.update(self.mission.value, self.measure.value, self.period.value)
        self.card.value = card
        self.figure.value = chart.to_html() if chart else f"<p>{t('explorer.no_chart')}</p>"

    def widget(self) -> widgets.VBox:
        return widgets.VBox([widgets.HBox([self.mission, self.measure]), self.period, self.card, self.figure])

    def panels(self) -> dict:
        """Every mission's card and default chart drawn in advance, for the book."""
        drawn = []
        for mission_id in self.choices.values():
            if self.has_personnel(mission_id):
                chart, card = self.update(mission_id, "personnel")
                drawn.append({"html": card, "chart": chart.to_data()})
            else:  # a one-dot map says little; the card says what is known
                drawn.append(
                    {"html": fact_card(mission_id, self.missions, self.sources), "text": t("explorer.no_series")}
                )
        return panels_data(t("explorer.mission"), list(self.choices), drawn, t("explorer.static_note"), kind="explorer")

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/html"] = self.card.value + self.figure.value
        bundle["text/plain"] = f"{t('explorer.mission')}: {len(self.choices)}"
        if for_the_book():
            bundle[PANELS_MIME] = self.panels()
        return bundle
