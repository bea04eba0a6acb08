"""Controls that work in both worlds: live in a Jupyter kernel, and without one in the built book.

A ChartPicker shows a dropdown and a chart. In a kernel it is an ipywidgets Dropdown that redraws
the chart on change. Its display bundle also carries an HTML fallback: a native <select> and the
charts for every choice drawn in advance, switched by book/_static/chart-picker.js. The book is
configured to prefer text/html, so its readers get a control that works with no kernel and no
widget JavaScript; Jupyter prefers the widget view, so students get the live version.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable

import ipywidgets as widgets
from .style import Chart
from .text import t


class ChartPicker:
    """A dropdown of named choices, each drawn by `draw(choice)` into a Chart."""

    def __init__(self, choices: dict[str, object], draw: Callable[[object], Chart], label: str | None = None):
        if not choices:
            raise ValueError("ChartPicker needs at least one choice")
        self.choices = dict(choices)
        self.draw = draw
        self.label = label or t("picker.label")
        self.dropdown = widgets.Dropdown(options=list(self.choices), description=self.label)
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

    def static_html(self) -> str:
        """The kernel-free version: a labelled <select> and one pre-drawn figure per choice."""
        ident = "picker-" + hashlib.sha1("|".join([self.label, *self.choices]).encode()).hexdigest()[:10]
        options = "".join(
            f'<option value="{i}">{html.escape(name)}</option>' for i, name in enumerate(self.choices)
        )
        panels = "".join(self.draw(value).to_html(hidden=i > 0) for i, value in enumerate(self.choices.values()))
        return (
            f'<div class="chart-picker" data-chart-picker>'
            f'<label for="{ident}">{html.escape(self.label)}</label> '
            f'<select id="{ident}">{options}</select>'
            f'<div class="chart-picker-panels" aria-live="polite">{panels}</div>'
            f'<p class="chart-picker-note">{html.escape(t("picker.static_note"))}</p>'
            f"</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = f"{self.label}: {', '.join(self.choices)}"
        return bundle
