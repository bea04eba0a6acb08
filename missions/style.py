"""The house style for charts, and the Chart object every plotting function returns.

A Chart renders once to PNG and closes its matplotlib figure, so a notebook cell shows it
exactly once. Its display bundle carries an HTML <figure> with alt text, caption and source
line, which Jupyter shows, and the alt text as plain text; for the book build it also carries the
image and its words as data (CHART_MIME), which the book writes as an image file and a figure.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")  # the package draws off-screen; notebooks display Chart objects
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from PIL import Image

from .display import CHART_MIME, for_the_book
from .text import t

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
PALETTE_CYCLE = [PALETTE[name] for name in ("blue", "orange", "green", "vermillion", "purple", "sky", "black")]

HOUSE_RC = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE_CYCLE),
    "legend.frameon": False,
    "svg.hashsalt": "nl-on-mission",  # deterministic SVG ids, so outputs compare in nbval
}


def new_figure(**kwargs) -> tuple[Figure, plt.Axes]:
    """A figure and axes in the house style."""
    with plt.rc_context(HOUSE_RC):
        fig, ax = plt.subplots(**kwargs)
    return fig, ax


PNG_DPI = 110


def _png_bytes(fig: Figure) -> bytes:
    """PNG with a 64-colour palette: charts use few colours, and the page weight drops about threefold."""
    buffer = io.BytesIO()
    with plt.rc_context(HOUSE_RC):
        fig.savefig(buffer, format="png", bbox_inches="tight", dpi=PNG_DPI, metadata={"Software": None})
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    small = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(small, format="PNG")
    return small.getvalue()


@dataclass
class Chart:
    """A finished chart: the image plus the words a reader needs (alt text, caption, source)."""

    figure: Figure = field(repr=False)
    alt: str
    caption: str
    source: str
    png: bytes = field(init=False, repr=False)

    def __post_init__(self):
        for name in ("alt", "caption", "source"):
            if not getattr(self, name).strip():
                raise ValueError(f"a Chart needs a non-empty {name}")
        self.png = _png_bytes(self.figure)
        plt.close(self.figure)

    def to_html(self) -> str:
        """A self-contained <figure> for Jupyter: image with alt text, caption and source line."""
        data = base64.b64encode(self.png).decode("ascii")
        return (
            f'<figure class="mission-chart">'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt)}">'
            f"<figcaption>{html.escape(self.caption)}"
            f'<span class="chart-source">{html.escape(t("source"))}: {html.escape(self.source)}</span>'
            f"</figcaption></figure>"
        )

    def to_data(self) -> dict:
        """The chart as JSON data: base64 PNG, alt text, caption, source."""
        return {
            "png": base64.b64encode(self.png).decode("ascii"),
            "alt": self.alt,
            "caption": self.caption,
            "source": self.source,
        }

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/html": self.to_html(), "text/plain": self.alt}
        if for_the_book():
            bundle[CHART_MIME] = self.to_data()
        return bundle
