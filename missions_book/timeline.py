"""The timeline of data/events.csv: in each mission chapter, on the activities page, and on paper.

- ```{timeline} sahel```: the events of the missions a chapter treats, as a table (date, mission, what
  happened, kind, sources); ```{timeline} all``` gives every event, grouped by chapter.
- the printable `timeline` (A4, grouped by chapter) for a wall or a folder.

Which chapter treats which mission is said once, here (CHAPTER_MISSIONS); a test holds it to missions.csv.
"""

from __future__ import annotations

import html

import pandas as pd
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from missions.data import load_events, load_missions
from missions.text import format_date, t

from .printables import pdf_path, printable, source_links

CHAPTER_MISSIONS = {
    "introduction": [""],  # events of Dutch policy as a whole (no mission)
    "iraq": [
        "counter-isis",
        "f16-2014",
        "cbmi-erbil",
        "trainers-baghdad",
        "f16-2018",
        "nmi",
        "jordan-force-protection",
    ],
    "sahel": ["minusma", "eutm-mali", "eucap-sahel-mali", "eucap-sahel-niger"],
    "afghanistan": ["isaf", "tfu", "kunduz", "resolute-support"],
    "lithuania": ["efp-lithuania"],
    "civilian-mission-pool": ["civilian-mission-pool"],
    "longer-view": [
        "unifil",
        "untac",
        "unprofor",
        "ifor-sfor",
        "kfor",
        "unmee",
        "sfir",
        "eufor-althea",
        "unifil-maritime",
        "atalanta",
    ],
}


def chapter_events(chapter: str) -> pd.DataFrame:
    if chapter not in CHAPTER_MISSIONS:
        raise ValueError(f"no timeline for '{chapter}' (known: all, {', '.join(CHAPTER_MISSIONS)})")
    events = load_events()
    return events[events["mission_id"].fillna("").astype(str).isin(CHAPTER_MISSIONS[chapter])]


def events_table(events: pd.DataFrame, caption: str = "") -> str:
    """An accessible table of events: date, mission, what happened, kind, sources."""
    if events.empty:
        raise ValueError("a timeline needs at least one event")
    names = load_missions().set_index("id")["name"]
    rows = []
    for row in events.itertuples():
        mission = html.escape(names.get(row.mission_id, "")) if pd.notna(row.mission_id) else t("events.policy_lane")
        rows.append(
            f'<tr><td class="date">{format_date(row.date, row.date_precision)}</td><td>{mission}</td>'
            f"<td>{html.escape(row.label)}</td><td>{t(f'events.kind.{row.kind}')}</td>"
            f"<td>{source_links(row.source_ids)}</td></tr>"
        )
    columns = ("date", "mission", "what", "kind", "sources")
    head = "".join(f'<th scope="col">{html.escape(t(f"events_table.column.{c}"))}</th>' for c in columns)
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="events">{caption_html}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def all_groups_html(heading: str = "h2") -> str:
    parts = []
    for chapter in CHAPTER_MISSIONS:  # titled by text keys events_table.group.<chapter>
        events = chapter_events(chapter)
        if len(events):
            title = html.escape(t(f"events_table.group.{chapter}"))
            parts.append(f'<{heading} class="group">{title}</{heading}>{events_table(events)}')
    return "".join(parts)


def timeline_printable() -> tuple[str, str]:
    title = t("events_table.title")
    kinds = ", ".join(
        t(f"events.kind.{kind}") for kind in ("decision", "deployment", "incident", "evaluation", "end", "policy")
    )
    meta = t("events_table.meta", count=len(load_events()), kinds=kinds)
    body = f'<h1>{html.escape(title)}</h1><p class="meta">{html.escape(meta)}</p>' + all_groups_html()
    return title, body


def register_printables() -> None:
    printable("timeline")(timeline_printable)


class TimelineDirective(SphinxDirective):
    """```{timeline} sahel``` or ```{timeline} all```."""

    required_arguments = 1

    def run(self):
        chapter = self.arguments[0]
        for name in ("events", "missions", "sources"):
            self.env.note_dependency(f"data/{name}.csv")
        try:
            if chapter == "all":
                body = all_groups_html("h3")
            else:
                events = chapter_events(chapter)
                body = events_table(events, caption=t("events_table.caption", count=len(events)))
        except (ValueError, KeyError) as error:
            raise self.error(f"timeline {chapter}: {error}") from None
        here = self.env.docname.count("/")
        link = "../" * here + pdf_path("timeline")
        body += f'<p class="timeline-print"><a href="{link}" download>{html.escape(t("events_table.pdf"))}</a></p>'
        return [nodes.raw("", f'<div class="timeline">{body}</div>', format="html")]


def setup(app) -> None:
    app.add_directive("timeline", TimelineDirective)
