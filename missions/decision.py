""" "What would you decide?": cases in which students sit in the Dutch cabinet at a real moment.

A case is data (book/activities/decisions/<id>.yml, schema decision_schema.json): the case file known at
that moment, the points of the assessment framework to weigh, the choices, the parts of the letter to
parliament to write, and then what was decided and what happened. The book renders it as a form that
needs no kernel; in a notebook, `decision(id)` gives the same steps as widgets.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import paths
from .content import check_schema, read_yaml
from .data import load_sources

SCHEMA = json.loads((Path(__file__).parent / "decision_schema.json").read_text(encoding="utf-8"))
WEIGHTS = ("for", "mixed", "against")  # how a point of the framework weighs: for sending, both ways, against


class DecisionError(ValueError):
    """A case file is invalid; the message names the file and the field."""


def case_dir() -> Path:
    return paths.root() / "book" / "activities" / "decisions"


def case_names() -> list[str]:
    return sorted(path.stem for path in case_dir().glob("*.yml"))


def _source_ids(value, where: str):
    """(field, id) for every source id in a case."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source_ids":
                yield from ((f"{where}.{key}.{i}", s) for i, s in enumerate(item))
            else:
                yield from _source_ids(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _source_ids(item, f"{where}.{i}")


def load_case(name: str, folder: Path | None = None) -> dict:
    path = Path(folder or case_dir()) / f"{name}.yml"
    data = read_yaml(path, DecisionError, "decision case")
    check_schema(data, SCHEMA, path.name, DecisionError)
    if data["id"] != path.stem:
        raise DecisionError(f"{path.name}, field 'id': '{data['id']}' is not the file's name '{path.stem}'")
    known = set(load_sources()["id"].astype(str))
    for field, source_id in _source_ids(data, ""):
        if source_id not in known:
            raise DecisionError(f"{path.name}, field '{field}': no source '{source_id}' in data/sources.csv")
    for group in ("criteria", "choices", "roles"):
        ids = [item["id"] for item in data[group]]
        if len(ids) != len(set(ids)):
            raise DecisionError(f"{path.name}, field '{group}': ids must be unique, got {ids}")
    late = [f"{field}" for field, item in _dated(data) if item["date"] < data["moment"]]
    if late:
        raise DecisionError(
            f"{path.name}, field '{late[0]}': what was decided or happened cannot come before the moment {data['moment']}"
        )
    return data


def _dated(data: dict):
    for group in ("decided", "happened"):
        for i, item in enumerate(data[group]):
            yield f"{group}.{i}.date", item


def _facts_html(facts: list[dict], sources) -> str:
    import html

    def cited(fact):
        names = "; ".join(html.escape(sources.get(s, s)) for s in fact["source_ids"])
        return f"{html.escape(fact['text'])} <small>({names})</small>"

    return "<ul>" + "".join(f"<li>{cited(f)}</li>" for f in facts) + "</ul>"


class Decision:
    """A case as Jupyter widgets: weigh each point, decide, write the letter, then see what happened.
    In the book the same case renders as a form (DECISION_MIME), so it needs no kernel there."""

    def __init__(self, name: str):
        self.name = name
        self.case = load_case(name)
        self._widget = None

    def widget(self):
        import html

        import ipywidgets as widgets

        from .text import t

        case = self.case
        sources = {row.id: f"{row.publisher}, {str(row.date)[:4]}" for row in load_sources().itertuples()}
        parts = [
            widgets.HTML(f"<h3>{html.escape(case['title'])}</h3><p><b>{html.escape(case['setting'])}</b></p>"),
            widgets.HTML(_facts_html([*case["situation"], case["request"]], sources)),
            widgets.HTML(
                f"<p><b>{html.escape(case['framework']['name'])}.</b> {html.escape(case['framework']['text'])}</p>"
            ),
        ]
        self.weights, self.notes = {}, {}
        labels = [(t(f"decision.weight.{w}"), w) for w in WEIGHTS]
        for n, criterion in enumerate(case["criteria"], 1):
            head = f"<h4>{n}. {html.escape(criterion['name'])}</h4><p>{html.escape(criterion['question'])}</p>"
            self.weights[criterion["id"]] = widgets.RadioButtons(options=labels, value=None, description="")
            self.notes[criterion["id"]] = widgets.Textarea(placeholder=t("decision.why"), layout={"width": "90%"})
            parts += [
                widgets.HTML(head + _facts_html(criterion["facts"], sources)),
                self.weights[criterion["id"]],
                self.notes[criterion["id"]],
            ]
        self.choice = widgets.RadioButtons(
            options=[(c["text"], c["id"]) for c in case["choices"]], value=None, layout={"width": "95%"}
        )
        parts += [widgets.HTML(f"<h4>{t('decision.decide')}</h4>"), self.choice]
        self.brief = {}
        parts.append(widgets.HTML(f"<h4>{t('decision.brief')}</h4>"))
        for part in case["brief"]:
            self.brief[part["heading"]] = widgets.Textarea(
                placeholder=part["prompt"], layout={"width": "90%", "height": "5em"}
            )
            parts += [widgets.HTML(f"<b>{html.escape(part['heading'])}</b>"), self.brief[part["heading"]]]
        self.reveal = widgets.Button(description=t("decision.reveal"))
        self.outcome = widgets.HTML()
        self.reveal.on_click(self._show_outcome)
        parts += [self.reveal, self.outcome]
        return widgets.VBox(parts)

    def summary(self) -> dict:
        """What the student chose and wrote, for a notebook cell to print or save."""
        return {
            "case": self.name,
            "weights": {k: w.value for k, w in self.weights.items()},
            "notes": {k: n.value for k, n in self.notes.items()},
            "choice": self.choice.value,
            "brief": {k: b.value for k, b in self.brief.items()},
        }

    def _show_outcome(self, _button=None) -> None:
        import html

        from .text import t

        if self.choice.value is None:
            self.outcome.value = f"<p>{t('decision.decide_first')}</p>"
            return
        items = [*self.case["decided"], *self.case["happened"]]
        self.outcome.value = (
            "<ul>"
            + "".join(f"<li><b>{html.escape(i['date'])}</b>: {html.escape(i['text'])}</li>" for i in items)
            + "</ul>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        from .display import DECISION_MIME

        if self._widget is None:
            self._widget = self.widget()
        bundle = self._widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle[DECISION_MIME] = {"case": self.name}
        bundle["text/plain"] = f"{self.case['title']}: {len(self.case['criteria'])} points to weigh"
        return bundle


def decision(name: str) -> Decision:
    """The case book/activities/decisions/<name>.yml, ready to display in a notebook."""
    return Decision(name)
