"""A map of the Dutch contributions: Natural Earth country outlines (data/world-110m.json) and one
circle per mission at its main location, sized by peak Dutch personnel, coloured by organisation."""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection

from . import paths
from .charts import ORGANISATION_COLOURS, latest_source_date
from .data import DataError, load_missions
from .style import Chart, new_figure
from .text import t

MAP_FILE = "world-110m.json"
EXTENT = (-20, 110, -8, 62)  # lon min, lon max, lat min, lat max: Europe, Africa, Middle East, Asia


@cache
def load_world() -> list[dict]:
    """Country outlines: [{'name', 'id', 'rings': [[[lon, lat], ...], ...]}, ...]."""
    path = paths.data_dir() / MAP_FILE
    if not path.exists():
        raise DataError(f"{path}: the world map is missing (make it with scripts/derive_world_map.py)")
    countries = json.loads(path.read_text(encoding="utf-8")).get("countries")
    if not countries:
        raise DataError(f"{path}: no 'countries' in the map file")
    for n, country in enumerate(countries):
        if not country.get("name") or not country.get("rings"):
            raise DataError(f"{path}: country {n} has no name or no outline")
    return countries


def marker_sizes(personnel: pd.Series, largest: float = 900.0) -> np.ndarray:
    """Circle areas proportional to personnel (area, not radius, so big missions do not swamp small ones)."""
    values = personnel.astype("Float64").fillna(0).to_numpy(dtype=float)
    top = values.max() if len(values) and values.max() > 0 else 1.0
    return np.where(values > 0, 30 + largest * values / top, 30)


def map_chart(
    mission_ids=None, start_year: int | None = None, end_year: int | None = None, missions: pd.DataFrame | None = None
) -> Chart:
    """Missions active at some point between start_year and end_year (all when not given)."""

    missions = load_missions() if missions is None else missions
    chosen = missions if mission_ids is None else missions[missions["id"].isin(mission_ids)]
    if start_year is not None:
        chosen = chosen[chosen["end_date"].isna() | (chosen["end_date"].dt.year >= start_year)]
    if end_year is not None:
        chosen = chosen[chosen["start_date"].dt.year <= end_year]
    chosen = chosen.dropna(subset=["latitude", "longitude"]).sort_values(
        "peak_personnel", ascending=False, na_position="last"
    )
    if chosen.empty:
        raise ValueError(f"no missions with a location in {start_year}-{end_year}")
    fig, ax = new_figure(figsize=(9, 5.4))
    polygons = [np.array(ring) for country in load_world() for ring in country["rings"]]
    ax.add_collection(PolyCollection(polygons, facecolor="#eeeeee", edgecolor="#9a9a9a", linewidth=0.4))
    netherlands = [np.array(r) for c in load_world() if c["name"] == "Netherlands" for r in c["rings"]]
    ax.add_collection(PolyCollection(netherlands, facecolor="#555555", edgecolor="#000000", linewidth=0.6))
    sizes = pd.Series(marker_sizes(chosen["peak_personnel"]), index=chosen.index)
    for organisation, colour in ORGANISATION_COLOURS.items():
        part = chosen[chosen["organisation"] == organisation]
        if not part.empty:
            ax.scatter(
                part["longitude"],
                part["latitude"],
                s=sizes[part.index],
                color=colour,
                alpha=0.75,
                edgecolor="#222222",
                linewidth=0.7,
                label=organisation,
                zorder=3,
            )
    labelled: list[tuple[float, float]] = []
    for row in chosen.head(10).itertuples(index=False):
        if any(abs(row.longitude - x) < 4 and abs(row.latitude - y) < 2.5 for x, y in labelled):
            continue  # keep labels readable: skip one that would sit on top of a bigger mission's label
        labelled.append((row.longitude, row.latitude))
        ax.annotate(
            row.name.split(" (")[0],
            (row.longitude, row.latitude),
            xytext=(6, 4),
            textcoords="offset points",
            fontsize=8.5,
            zorder=4,
        )
    ax.set_xlim(*EXTENT[:2])
    ax.set_ylim(*EXTENT[2:])
    ax.set_aspect(1.2)
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if end_year is None:
        ongoing = chosen["end_date"].isna().any()
        end_year = latest_source_date(chosen["source_ids"]).year if ongoing else chosen["end_date"].max().year
    period = f"{start_year or chosen['start_date'].min().year}-{end_year}"
    ax.set_title(t("map.title", period=period))
    ax.legend(loc="lower left", fontsize=9, frameon=True, markerscale=0.5)
    regions = chosen["region"].value_counts()
    largest = chosen.iloc[0]
    largest_text = (
        t(
            "map.largest",
            name=largest["name"],
            count=int(largest["peak_personnel"]),
            place=largest["location"] or largest["host_country"],
        )
        if pd.notna(largest["peak_personnel"])
        else t("map.no_peak")
    )
    return Chart(
        fig,
        alt=t(
            "map.alt",
            n=len(chosen),
            period=period,
            regions=", ".join(f"{region} {int(count)}" for region, count in regions.items() if count),
            largest=largest_text,
        ),
        caption=t("map.caption"),
        source=t("map.source"),
    )
