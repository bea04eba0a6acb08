"""Charts for the book and the notebooks. Each function returns a Chart (image, alt, caption, source)."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from .data import (
    load_events,
    load_missions,
    load_personnel,
    load_sources,
    load_spending,
    load_un_contributions,
)
from .style import PALETTE, Chart, new_figure
from .text import format_date, t

PALETTE_ORDER = [PALETTE[n] for n in ("blue", "orange", "green", "vermillion", "purple", "sky", "black")]
PERSONNEL_TYPES = ("total", "troops", "police", "experts")


def dutch_un_monthly(personnel_type: str = "total", frame: pd.DataFrame | None = None) -> pd.Series:
    """Dutch uniformed personnel in UN missions at each month end, for one personnel type."""
    if personnel_type not in PERSONNEL_TYPES:
        raise ValueError(f"unknown personnel type {personnel_type!r}; choose one of {PERSONNEL_TYPES}")
    frame = load_un_contributions() if frame is None else frame
    rows = frame[(frame["dataset"] == "nl_monthly") & (frame["personnel_type"] == personnel_type)]
    if rows.empty:
        raise ValueError(f"no Dutch monthly UN figures for personnel type {personnel_type!r}")
    series = rows.set_index(pd.to_datetime(rows["period"]))["count"].astype(int).sort_index()
    series.name = personnel_type
    return series


def un_personnel_chart(personnel_type: str = "total", frame: pd.DataFrame | None = None) -> Chart:
    """Line chart of Dutch uniformed personnel in UN missions per month."""
    series = dutch_un_monthly(personnel_type, frame)
    start, end = series.index.min().year, series.index.max().year
    kind = t(f"personnel.{personnel_type}")
    fig, ax = new_figure()
    ax.plot(series.index, series.values, color=PALETTE["blue"], linewidth=1.8)
    ax.set_title(t("un_personnel.title", start=start, end=end))
    ax.set_ylabel(t("un_personnel.ylabel"))
    ax.set_xlabel(t("un_personnel.xlabel"))
    ax.set_ylim(bottom=0)
    peak_date = series.idxmax()
    alt = t(
        "un_personnel.alt",
        kind=kind,
        start=format_date(series.index.min(), "month"),
        end=format_date(series.index.max(), "month"),
        peak=int(series.max()),
        peak_month=format_date(peak_date, "month"),
        last=int(series.iloc[-1]),
        last_month=format_date(series.index.max(), "month"),
    )
    caption = t("un_personnel.caption", kind=kind, start=start, end=end)
    return Chart(fig, alt=alt, caption=caption, source=t("un_personnel.source"))


MEASURE_MARKERS = {"snapshot": "o", "average": "s", "planned": "^", "ceiling": "_"}
ORGANISATION_COLOURS = {
    "UN": PALETTE["sky"],
    "NATO": PALETTE["blue"],
    "EU": PALETTE["orange"],
    "coalition": PALETTE["vermillion"],
    "other": PALETTE["green"],
}


def _known_missions(mission_ids, missions: pd.DataFrame) -> pd.DataFrame:
    unknown = sorted(set(mission_ids) - set(missions["id"]))
    if unknown:
        raise ValueError(f"unknown mission id(s) {unknown}; see data/missions.csv for the ids")
    return missions.set_index("id").loc[list(mission_ids)]


def personnel_chart(mission_ids, personnel: pd.DataFrame | None = None, missions: pd.DataFrame | None = None) -> Chart:
    """Dutch personnel over time for one or more missions: one colour per mission, one marker per measure."""

    mission_ids = [mission_ids] if isinstance(mission_ids, str) else list(mission_ids)
    missions = load_missions() if missions is None else missions
    personnel = load_personnel() if personnel is None else personnel
    names = _known_missions(mission_ids, missions)["name"]
    rows = personnel[personnel["mission_id"].isin(mission_ids)].sort_values("date")
    if rows.empty:
        raise ValueError(f"no personnel figures for {mission_ids} in data/personnel.csv")
    fig, ax = new_figure()
    details = []
    for colour, mission_id in zip(PALETTE_ORDER, mission_ids):
        own = rows[rows["mission_id"] == mission_id]
        if own.empty:
            continue
        deployed = own[own["measure"].isin(["snapshot", "average"])]
        ax.plot(deployed["date"], deployed["count"], color=colour, linewidth=1.5, label=names[mission_id])
        for measure, marker in MEASURE_MARKERS.items():
            part = own[own["measure"] == measure]
            if not part.empty:
                ax.scatter(
                    part["date"],
                    part["count"],
                    color=colour,
                    marker=marker,
                    s=70 if measure == "ceiling" else 40,
                    linewidths=2.5 if measure == "ceiling" else 1,
                    zorder=3,
                    facecolors="none" if measure == "planned" else colour,
                )
        top = own.loc[own["count"].astype(int).idxmax()]
        details.append(
            t(
                "personnel.alt_detail",
                name=names[mission_id],
                n=len(own),
                peak=int(top["count"]),
                measure=t(f"personnel.measure.{top['measure']}"),
                peak_year=top["date"].year,
            )
        )
    for measure, marker in MEASURE_MARKERS.items():
        if (rows["measure"] == measure).any():
            ax.scatter(
                [],
                [],
                color="#555555",
                marker=marker,
                label=t(f"personnel.measure.{measure}"),
                facecolors="none" if measure == "planned" else "#555555",
            )
    label_names = ", ".join(names)
    ax.set_title(t("personnel.title", names=label_names))
    ax.set_ylabel(t("personnel.ylabel"))
    ax.set_xlabel(t("personnel.xlabel"))
    ax.set_ylim(bottom=0)
    # Dates read well whether the figures span weeks or decades.
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10)
    start, end = rows["date"].min().year, rows["date"].max().year
    sources = load_sources().set_index("id")
    source_ids = sorted({s.strip() for ids in rows["source_ids"] for s in str(ids).split(";") if s.strip()})
    publishers = ", ".join(sorted({sources.at[s, "publisher"] for s in source_ids if s in sources.index}))
    return Chart(
        fig,
        alt=t(
            "personnel.alt",
            names=label_names,
            details="; ".join(details) + ".",
            period=t("period.one", year=start) if start == end else t("period.span", start=start, end=end),
        ),
        caption=t("personnel.caption", names=label_names, years=str(start) if start == end else f"{start}-{end}"),
        source=t("personnel.source", publishers=publishers),
    )


def latest_source_date(source_id_lists) -> pd.Timestamp:
    """The date of the newest source behind some rows: how far "ongoing" is known to reach."""

    sources = load_sources().set_index("id")
    ids = {s.strip() for ids in source_id_lists for s in str(ids).split(";") if s.strip()}
    dates = [sources.at[i, "date"] for i in ids if i in sources.index and pd.notna(sources.at[i, "date"])]
    if not dates:
        raise ValueError("none of these rows' sources has a date; give as_of explicitly")
    return max(pd.Timestamp(d if len(d) > 4 else f"{d}-07-01") for d in dates)


def timeline_chart(mission_ids=None, missions: pd.DataFrame | None = None, as_of: str | None = None) -> Chart:
    """A Gantt chart of Dutch contributions, coloured by organisation; ongoing ones end in an arrow."""

    missions = load_missions() if missions is None else missions
    chosen = missions if mission_ids is None else _known_missions(mission_ids, missions).reset_index()
    chosen = chosen.sort_values("start_date", ascending=False).reset_index(drop=True)
    as_of = pd.Timestamp(as_of) if as_of else latest_source_date(chosen["source_ids"])
    fig, ax = new_figure(figsize=(9, max(3.0, 0.32 * len(chosen) + 1.2)))
    for i, row in chosen.iterrows():
        ongoing = pd.isna(row["end_date"])
        end = row["end_date"]
        if ongoing:  # an ongoing bar runs to the date of its own newest source: as far as it is known to reach
            try:
                end = min(as_of, latest_source_date([row["source_ids"]]))
            except ValueError:  # no dated source for this row
                end = as_of
        width = max((end - row["start_date"]).days, 60)
        # A start known only as "no later than" gets a hatched bar: the real start lies further left.
        uncertain = row.get("start_precision") == "no-later-than"
        ax.barh(
            i,
            width,
            left=row["start_date"],
            color=ORGANISATION_COLOURS[row["organisation"]],
            edgecolor="#333333",
            linewidth=0.6,
            height=0.7,
            hatch="///" if uncertain else None,
        )
        if ongoing:
            ax.annotate(
                "",
                xy=(end + pd.Timedelta(days=400), i),
                xytext=(end, i),
                arrowprops={"arrowstyle": "-|>", "color": "#333333"},
            )
    labels = [f"{'★ ' if gov else ''}{name}" for name, gov in zip(chosen["name"], chosen["on_government_page"])]
    ax.set_yticks(range(len(chosen)), labels, fontsize=9)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(t("timeline.xlabel"))
    start, end = chosen["start_date"].min().year, as_of.year
    ax.set_title(t("timeline.title", start=start, end=end))
    from matplotlib.patches import Patch

    present = [o for o in ORGANISATION_COLOURS if (chosen["organisation"] == o).any()]
    ax.legend(
        handles=[Patch(color=ORGANISATION_COLOURS[o], label=o) for o in present],
        loc="lower left",
        fontsize=9,
        frameon=True,
    )
    counts = chosen["organisation"].value_counts()
    durations = chosen["end_date"].fillna(as_of) - chosen["start_date"]
    longest = chosen.loc[durations.idxmax()]
    return Chart(
        fig,
        alt=t(
            "timeline.alt",
            n=len(chosen),
            start=start,
            end=end,
            counts=", ".join(f"{o} {int(counts[o])}" for o in present),
            ongoing=int(chosen["end_date"].isna().sum()),
            longest=f"{longest['name']} ({longest['start_date'].year}-{'' if pd.isna(longest['end_date']) else longest['end_date'].year})",
        ),
        caption=t("timeline.caption"),
        source=t("timeline.source"),
    )


def decade_chart(missions: pd.DataFrame | None = None) -> Chart:
    """Stacked bars: Dutch contributions that started in each decade, by organisation."""

    missions = load_missions() if missions is None else missions
    decades = (missions["start_date"].dt.year // 10 * 10).rename("decade")
    table = pd.crosstab(decades, missions["organisation"].astype(str))
    fig, ax = new_figure()
    bottom = pd.Series(0, index=table.index)
    for organisation, colour in ORGANISATION_COLOURS.items():
        if organisation in table:
            ax.bar(
                [f"{d}s" for d in table.index],
                table[organisation],
                bottom=bottom,
                color=colour,
                edgecolor="#333333",
                linewidth=0.6,
                label=organisation,
            )
            bottom += table[organisation]
    ax.set_title(t("decade.title"))
    ax.set_ylabel(t("decade.ylabel"))
    ax.set_xlabel(t("decade.xlabel"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=10)
    busiest = bottom.idxmax()
    summary = "; ".join(
        f"{d}s: {int(bottom[d])} ({', '.join(f'{o} {int(n)}' for o, n in table.loc[d].items() if n)})"
        for d in table.index
    )
    return Chart(
        fig,
        alt=t("decade.alt", summary=summary, busiest=f"{busiest}s", n=int(bottom.max())),
        caption=t("decade.caption"),
        source=t("timeline.source"),
    )


KEY_EVENTS = ("srebrenica-falls",)  # events.csv rows that charts of personnel mark on their time axis


def key_events(
    event_ids=KEY_EVENTS,
    mission_boundaries=(("tfu", "start_date"), ("minusma", "start_date"), ("resolute-support", "end_date")),
):
    """Events to mark on a time axis: chosen rows of data/events.csv plus chosen starts and ends of missions."""
    missions = load_missions().set_index("id")
    rows = load_events().set_index("id").loc[list(event_ids)]
    events = [(row.date, row.label) for row in rows.itertuples()]
    for mission_id, column in mission_boundaries:
        if pd.notna(missions.at[mission_id, column]):
            word = t("events.start") if column == "start_date" else t("events.end")
            events.append((missions.at[mission_id, column], f"{missions.at[mission_id, 'name']}: {word}"))
    return sorted(events)


EVENT_MARKERS = {  # kind -> (marker, colour): shape and colour both tell the kinds apart
    "decision": ("D", PALETTE["blue"]),
    "deployment": ("^", PALETTE["green"]),
    "incident": ("X", PALETTE["vermillion"]),
    "evaluation": ("s", PALETTE["purple"]),
    "end": ("v", PALETTE["black"]),
    "policy": ("o", PALETTE["orange"]),
}


def events_chart(mission_ids=None, kinds=None, events: pd.DataFrame | None = None) -> Chart:
    """The events of data/events.csv on a time axis, one row per mission, marked by kind."""
    events = load_events() if events is None else events
    missions = load_missions().set_index("id")
    chosen = events if mission_ids is None else events[events["mission_id"].isin(list(mission_ids))]
    if kinds is not None:
        chosen = chosen[chosen["kind"].isin(list(kinds))]
    if chosen.empty:
        raise ValueError("no events for these missions and kinds")
    lanes = chosen["mission_id"].fillna("").astype(str)
    order = sorted(lanes.unique(), key=lambda m: chosen.loc[lanes == m, "date"].min())
    fig, ax = new_figure(figsize=(9, max(2.6, 0.38 * len(order) + 1.4)))
    for kind, (marker, colour) in EVENT_MARKERS.items():
        rows = chosen[chosen["kind"] == kind]
        if len(rows):
            y = [order.index(m) for m in lanes[rows.index]]
            ax.scatter(
                rows["date"],
                y,
                marker=marker,
                color=colour,
                s=46,
                edgecolor="white",
                linewidth=0.5,
                label=t(f"events.kind.{kind}"),
                zorder=3,
            )
    names = [missions.at[m, "name"] if m else t("events.policy_lane") for m in order]
    ax.set_yticks(range(len(order)), names, fontsize=9)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(t("timeline.xlabel"))
    start, end = chosen["date"].min().year, chosen["date"].max().year
    ax.set_title(t("events.title", start=start, end=end))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
    counts = chosen["kind"].value_counts()
    first, last = chosen.iloc[0], chosen.iloc[-1]
    return Chart(
        fig,
        alt=t(
            "events.alt",
            n=len(chosen),
            start=start,
            end=end,
            lanes=len(order),
            counts=", ".join(f"{t(f'events.kind.{k}')} {int(counts[k])}" for k in EVENT_MARKERS if counts.get(k, 0)),
            first=f"{first['date']:%Y-%m-%d} {first['label']}",
            last=f"{last['date']:%Y-%m-%d} {last['label']}",
        ),
        caption=t("events.caption"),
        source=t("events.source"),
    )


def mark_events(ax, events, start, end) -> list[str]:
    """Dashed vertical lines with labels for the events inside [start, end]; returns the labels used."""
    used = []
    top = ax.get_ylim()[1]
    for n, (date, label) in enumerate(e for e in events if start <= e[0] <= end):
        ax.axvline(date, color="#555555", linestyle="--", linewidth=1)
        ax.text(date, top * (0.95 - 0.09 * (n % 3)), f" {label}", fontsize=9, va="top", ha="left", color="#222222")
        used.append(f"{label} ({format_date(date, 'month')})")
    return used


def minusma_contributors_chart(year: int = 2015, top: int = 12, frame: pd.DataFrame | None = None) -> Chart:
    """Horizontal bars: the largest contributors to MINUSMA in one year (annual means), the Netherlands highlighted."""
    frame = load_un_contributions() if frame is None else frame
    rows = frame[
        (frame["dataset"] == "mission_yearly") & (frame["mission"] == "MINUSMA") & (frame["period"] == str(year))
    ]
    total_rows = rows[rows["country"] == "all"]
    rows = rows[rows["country"] != "all"].sort_values("count", ascending=False)
    if rows.empty or total_rows.empty:
        raise ValueError(f"no MINUSMA figures for {year}; the UN table covers 2013-2021")
    total = int(total_rows["count"].iloc[0])
    rank = list(rows["country"]).index("Netherlands") + 1 if (rows["country"] == "Netherlands").any() else None
    shown = rows.head(top)
    if rank and rank > top:
        shown = pd.concat([shown, rows[rows["country"] == "Netherlands"]])
    fig, ax = new_figure(figsize=(8, 0.35 * len(shown) + 1.5))
    colours = [PALETTE["orange"] if c == "Netherlands" else PALETTE["sky"] for c in shown["country"]]
    ax.barh(
        list(shown["country"])[::-1],
        list(shown["count"].astype(int))[::-1],
        color=colours[::-1],
        edgecolor="#333333",
        linewidth=0.6,
    )
    ax.set_title(t("minusma.title", year=year))
    ax.set_xlabel(t("minusma.xlabel"))
    ax.grid(axis="y", visible=False)
    dutch = int(rows.loc[rows["country"] == "Netherlands", "count"].iloc[0]) if rank else 0
    leaders = ", ".join(f"{c} {int(n):,}" for c, n in zip(rows["country"].head(3), rows["count"].head(3)))
    return Chart(
        fig,
        alt=t(
            "minusma.alt",
            year=year,
            total=total,
            leaders=leaders,
            dutch=dutch,
            rank=rank or "-",
            share=round(100 * dutch / total, 1) if total else 0,
            n=len(rows),
        ),
        caption=t("minusma.caption", year=year),
        source=t("un_yearly.source"),
    )


def comparison_series(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """All-missions UN contributions per year (annual means) for the comparison countries, years x
    countries; which countries the table compares is chosen where it is derived (scripts/)."""
    frame = load_un_contributions() if frame is None else frame
    rows = frame[(frame["dataset"] == "mission_yearly") & (frame["mission"] == "all") & (frame["country"] != "all")]
    table = rows.pivot_table(index="period", columns="country", values="count", aggfunc="sum").astype(int)
    table.index = table.index.astype(int)
    return table


def comparison_chart(
    countries=("Netherlands", "Belgium", "Ireland", "Sweden", "Austria"), frame: pd.DataFrame | None = None
) -> Chart:
    """Lines: uniformed personnel in all UN missions per year for similar European countries."""
    table = comparison_series(frame)
    unknown = sorted(set(countries) - set(table.columns))
    if unknown:
        raise ValueError(f"no UN figures for {unknown}; choose from {sorted(table.columns)}")
    fig, ax = new_figure()
    for colour, country in zip(PALETTE_ORDER, countries):
        dutch = country == "Netherlands"
        ax.plot(
            table.index,
            table[country],
            color=colour,
            linewidth=3 if dutch else 1.6,
            marker="o" if dutch else "s",
            markersize=5,
            label=country,
        )
    ax.set_title(t("compare.title", start=table.index.min(), end=table.index.max()))
    ax.set_ylabel(t("compare.ylabel"))
    ax.set_xlabel(t("un_personnel.xlabel"))
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=10, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    peaks = "; ".join(f"{c} {int(table[c].max()):,} in {int(table[c].idxmax())}" for c in countries)
    return Chart(
        fig,
        alt=t(
            "compare.alt", countries=", ".join(countries), start=table.index.min(), end=table.index.max(), peaks=peaks
        ),
        caption=t("compare.caption"),
        source=t("un_yearly.source"),
    )


def spending_chart(budget_line: str, spending: pd.DataFrame | None = None) -> Chart:
    """Bars per year for one budget line; realised and budgeted amounts told apart by hatching and legend."""

    spending = load_spending() if spending is None else spending
    rows = spending[spending["budget_line"] == budget_line].sort_values("year")
    if rows.empty:
        raise ValueError(
            f"unknown budget line {budget_line!r}; choose one of {sorted(spending['budget_line'].unique())}"
        )
    fig, ax = new_figure()
    for measure, style in (
        ("realised", {"color": PALETTE["blue"]}),
        ("budgeted", {"color": "white", "hatch": "//", "edgecolor": PALETTE["blue"]}),
    ):
        part = rows[rows["measure"] == measure]
        if not part.empty:
            ax.bar(
                part["year"].astype(int) + (0.2 if measure == "budgeted" else -0.2),
                part["amount_eur_million"].astype(float),
                width=0.4,
                label=t(f"spending.{measure}"),
                linewidth=1,
                **{"edgecolor": "#333333", **style},
            )
    ax.set_title(t("spending.title"), fontsize=12)
    ax.set_ylabel(t("spending.ylabel"))
    ax.set_xlabel(t("un_personnel.xlabel"))
    ax.legend(fontsize=10)
    ax.xaxis.get_major_locator().set_params(integer=True)
    listing = "; ".join(
        f"{int(r.year)} {float(r.amount_eur_million):,.1f} ({t('spending.' + r.measure)})" for r in rows.itertuples()
    )
    return Chart(
        fig,
        alt=t("spending.alt", line=budget_line, listing=listing),
        caption=t("spending.caption", line=budget_line),
        source=t("spending.source"),
    )
