"""Charts for the book and the notebooks. Each function returns a Chart (image, alt, caption, source)."""

from __future__ import annotations

import pandas as pd

from .data import load_un_contributions
from .style import PALETTE, Chart, new_figure
from .text import t

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
        start=series.index.min().strftime("%B %Y"),
        end=series.index.max().strftime("%B %Y"),
        peak=int(series.max()),
        peak_month=peak_date.strftime("%B %Y"),
        last=int(series.iloc[-1]),
        last_month=series.index.max().strftime("%B %Y"),
    )
    caption = t("un_personnel.caption", kind=kind, start=start, end=end)
    return Chart(fig, alt=alt, caption=caption, source=t("un_personnel.source"))
