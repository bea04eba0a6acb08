"""Controls that work in both worlds: live in a Jupyter kernel, and without one in the built book.

A ChartPicker shows a dropdown and a chart. In a kernel it is an ipywidgets Dropdown that redraws
the chart on change, and its HTML fallback is the current chart. When the book build runs the
notebook, the display bundle also carries the chart of every choice, drawn in advance, as data
(PANELS_MIME); the book renders them as a native <select> and panels that
book/_static/chart-picker.js switches, so readers get a control that works with no kernel and no
widget JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .display import PANELS_MIME, for_the_book
from .style import Chart
from .text import shown, t


def panels_data(label: str, names: list[str], panels: list[dict], note: str, kind: str = "picker") -> dict:
    """Pre-drawn choices as data: each panel has a `chart` (Chart.to_data()) and/or `html` and `text`."""
    return {"kind": kind, "label": label, "options": names, "panels": panels, "note": note}


class ChartPicker:
    """A dropdown of named choices, each drawn by `draw(choice)` into a Chart."""

    def __init__(self, choices: dict[str, object], draw: Callable[[object], Chart], label: str | None = None):
        if not choices:
            raise ValueError("ChartPicker needs at least one choice")
        self.choices = dict(choices)
        self.draw = draw
        self.label = shown(label) if label else t("picker.label")
        # The dropdown shows each choice in the edition's language; its value stays the code's name.
        self.dropdown = widgets.Dropdown(options=[(shown(name), name) for name in self.choices], description=self.label)
        # An HTML widget (not an Output widget) shows the chart: it keeps the alt text and caption,
        # and it publishes no extra display messages, so nbval sees only the cell's own output.
        self.figure = widgets.HTML()
        self.dropdown.observe(self._on_change, names="value")
        self._show(self.dropdown.value)

    @property
    def chart(self) -> Chart:
        """The chart for the current choice."""
        return self._current

    def select(self, name: str) -> Chart:
        """Choose by name, as a student would with the dropdown; returns the new chart."""
        if name not in self.choices:
            raise KeyError(f"unknown choice {name!r}; choose one of {list(self.choices)}")
        self.dropdown.value = name
        return self._current

    def _on_change(self, change):
        self._show(change["new"])

    def _show(self, name: str):
        self._current = self.draw(self.choices[name])
        self.figure.value = self._current.to_html()

    def widget(self) -> widgets.VBox:
        return widgets.VBox([self.dropdown, self.figure])

    def panels(self) -> dict:
        """Every choice drawn in advance, for the book."""
        drawn = [{"chart": self.draw(value).to_data()} for value in self.choices.values()]
        return panels_data(self.label, [shown(name) for name in self.choices], drawn, t("picker.static_note"))

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/html"] = self.chart.to_html()
        bundle["text/plain"] = f"{self.label}: {', '.join(shown(name) for name in self.choices)}"
        if for_the_book():
            bundle[PANELS_MIME] = self.panels()
        return bundle
