"""Render the lesson package's outputs in the book: a myst-nb MIME renderer plugin.

Notebook outputs carry charts, pre-drawn pickers and quizzes as data (missions.display). This plugin,
registered under the entry point group `myst_nb.mime_renderers` in pyproject.toml, turns them into
docutils nodes: a chart becomes an image node (myst-nb writes the file, Sphinx copies it to
`_images/` and the page loads it lazily), a picker becomes a labelled <select> over panels, a quiz
becomes the static form of missions_book.quiz_html. A page's quizzes are recorded for its Downloads.
"""

from __future__ import annotations

import hashlib
import html
from typing import ClassVar

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer
from sphinx.writers.html5 import HTML5Translator

from missions.decision import load_case
from missions.display import CHART_MIME, DECISION_MIME, PANELS_MIME, QUIZ_MIME
from missions.quiz import quiz
from missions.text import t

from .decisions import form_html
from .quiz_html import check_sections, quiz_html

HIDDEN = "chart-picker-hidden"  # shown by book/_static/chart-picker.js when chosen


class chart_figure(nodes.figure):
    """A chart: written as a <figure> like any other, but not numbered ("Fig. 13") by Sphinx,
    whose numbering would count every pre-drawn panel of a picker."""


def _chart_figure(renderer: NbElementRenderer, data: MimeData, chart: dict, hidden: bool = False) -> chart_figure:
    png = MimeData("image/png", chart["png"], cell_metadata=data.cell_metadata, line=data.line)
    image = renderer.render_image(png)[0]
    image["alt"] = chart["alt"]
    image["loading"] = "lazy"
    figure = chart_figure(classes=["mission-chart", *([HIDDEN] if hidden else [])])
    figure += image
    caption = nodes.caption()
    caption += nodes.Text(chart["caption"])
    caption += nodes.inline(text=f"{t('source')}: {chart['source']}", classes=["chart-source"])
    figure += caption
    return figure


def _panels(renderer: NbElementRenderer, data: MimeData, spec: dict) -> nodes.container:
    ident = f"{spec['kind']}-" + hashlib.sha1("|".join([spec["label"], *spec["options"]]).encode()).hexdigest()[:10]
    options = "".join(f'<option value="{i}">{html.escape(name)}</option>' for i, name in enumerate(spec["options"]))
    picker = nodes.container(classes=["chart-picker", *(["explorer"] if spec["kind"] == "explorer" else [])])
    picker += nodes.raw(
        "",
        f'<label for="{ident}">{html.escape(spec["label"])}</label> <select id="{ident}">{options}</select>',
        format="html",
    )
    shown = nodes.container(classes=["chart-picker-panels"])
    for i, panel in enumerate(spec["panels"]):
        if "html" not in panel and "text" not in panel:
            shown += _chart_figure(renderer, data, panel["chart"], hidden=i > 0)
            continue
        box = nodes.container(classes=["explorer-panel", *([HIDDEN] if i else [])])
        if "html" in panel:
            box += nodes.raw("", panel["html"], format="html")
        if "chart" in panel:
            box += _chart_figure(renderer, data, panel["chart"])
        if "text" in panel:
            box += nodes.paragraph(text=panel["text"])
        shown += box
    picker += shown
    picker += nodes.paragraph(text=spec["note"], classes=["chart-picker-note"])
    return picker


def _quiz(renderer: NbElementRenderer, spec: dict) -> nodes.raw:
    shown = quiz(spec["name"])
    check_sections(shown)
    env = renderer.renderer.sphinx_env
    if env is not None:
        env.nl_quizzes.setdefault(env.docname, [])
        if shown.name not in env.nl_quizzes[env.docname]:
            env.nl_quizzes[env.docname].append(shown.name)
    return nodes.raw("", quiz_html(shown), format="html")


class LessonOutputs:
    """myst-nb MimeRenderPlugin for the MIME types of missions.display."""

    mime_priority_overrides: ClassVar = [
        ("*", QUIZ_MIME, 1),
        ("*", DECISION_MIME, 1),
        ("*", PANELS_MIME, 2),
        ("*", CHART_MIME, 3),
    ]

    @staticmethod
    def handle_mime(renderer: NbElementRenderer, data: MimeData, inline: bool) -> list[nodes.Element] | None:
        if inline:
            return None
        if data.mime_type == CHART_MIME:
            return [_chart_figure(renderer, data, data.content)]
        if data.mime_type == PANELS_MIME:
            return [_panels(renderer, data, data.content)]
        if data.mime_type == QUIZ_MIME:
            return [_quiz(renderer, data.content)]
        if data.mime_type == DECISION_MIME:
            return [nodes.raw("", form_html(load_case(data.content["case"])), format="html")]
        return None


def _purge(app, env, docname: str) -> None:
    env.nl_quizzes.pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    env.nl_quizzes.update({name: other.nl_quizzes[name] for name in docnames if name in other.nl_quizzes})


def _init(app) -> None:
    if not hasattr(app.env, "nl_quizzes"):
        app.env.nl_quizzes = {}


def page_quizzes(env, docname: str) -> list[str]:
    """The quizzes a page shows, in the order it shows them."""
    return list(getattr(env, "nl_quizzes", {}).get(docname, []))


def setup(app) -> None:
    app.add_node(chart_figure, html=(HTML5Translator.visit_figure, HTML5Translator.depart_figure))
    app.connect("builder-inited", _init)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
