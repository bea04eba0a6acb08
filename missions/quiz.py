"""Quizzes: content in book/quizzes/<name>.yml, one renderer for both worlds.

`quiz("lithuania")` returns a Quiz. In a live kernel it displays as ipywidgets (check, feedback,
score, try again, reset) with the grading done in Python. Its display bundle also carries a
self-contained HTML form (native radio buttons, checkboxes, number inputs and selects, with labels)
that book/_static/quiz.js grades in the browser; the book prefers that HTML, so the same quiz works
in the static book with no kernel and no network. Every text is HTML-escaped.

Question kinds: single, multiple, true_false, numeric (answer +/- tolerance), order.
Numeric answers can name a fact from data/ (`answer: {fact: key}`) so they are never typed twice.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
import jsonschema
import yaml
from docutils.nodes import make_id

from .text import t

ROOT = Path(__file__).resolve().parent.parent
QUIZ_DIR = ROOT / "book" / "quizzes"
SCHEMA = json.loads((Path(__file__).parent / "quiz_schema.json").read_text(encoding="utf-8"))


class QuizError(ValueError):
    """A quiz file is invalid; the message names the file and the question."""


def headings(chapter: Path) -> list[str]:
    """Headings of a MyST chapter or of a notebook's Markdown cells, in order."""
    text = chapter.read_text(encoding="utf-8")
    if chapter.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return [m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", text, re.M)]


def _resolve_answer(question: dict, where: str):
    answer = question["answer"]
    if isinstance(answer, dict):
        from .facts import all_facts

        facts = all_facts()
        if answer["fact"] not in facts:
            raise QuizError(f"{where}: unknown fact '{answer['fact']}' (see python -m missions.facts)")
        return float(facts[answer["fact"]])
    return answer


def validate(data: dict, path: Path) -> dict:
    """Schema check, then the rules a schema cannot express; returns the quiz with facts resolved."""
    name = path.name
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        location = list(error.absolute_path)
        question = ""
        if len(location) >= 2 and location[0] == "questions":
            q = data["questions"][location[1]]
            question = f", question {location[1] + 1} ('{q.get('id', '?') if isinstance(q, dict) else '?'}')"
        field = f", field '{'.'.join(str(p) for p in location[2:])}'" if len(location) > 2 else ""
        raise QuizError(f"{name}{question}{field}: {error.message}")
    chapter = ROOT / data["chapter"]
    if not chapter.exists():
        raise QuizError(f"{name}: chapter file '{data['chapter']}' does not exist")
    section_titles = set(headings(chapter))
    seen = set()
    for n, question in enumerate(data["questions"], 1):
        where = f"{name}, question {n} ('{question['id']}')"
        if question["id"] in seen:
            raise QuizError(f"{where}: duplicate question id")
        seen.add(question["id"])
        if question["section"] not in section_titles:
            raise QuizError(f"{where}: section '{question['section']}' is not a heading of {data['chapter']}")
        kind = question["kind"]
        if kind in ("single", "multiple"):
            correct = sum(1 for option in question["options"] if option.get("correct"))
            if correct == 0:
                raise QuizError(f"{where}: no option is marked correct")
            if kind == "single" and correct > 1:
                raise QuizError(f"{where}: a single-choice question has {correct} correct options")
        if kind == "numeric":
            question["answer"] = _resolve_answer(question, where)
    return data


def read_yaml(path: Path, error: type[ValueError], what: str):
    """A YAML file of the book (a quiz, a lesson plan); a missing or broken file raises `error` naming it."""
    if not path.exists():
        raise error(f"{path}: no such {what}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise error(f"{path.name}: not valid YAML: {problem}") from problem


def load_quiz(name: str, quiz_dir: Path | None = None) -> dict:
    path = Path(quiz_dir or QUIZ_DIR) / f"{name}.yml"
    return validate(read_yaml(path, QuizError, "quiz"), path)


def grade(question: dict, response) -> tuple[bool, list[str]]:
    """Grade one response; returns (correct, feedback lines). The browser's quiz.js mirrors this."""
    kind = question["kind"]
    if kind == "single":
        if response is None:
            return False, [t("quiz.choose")]
        option = question["options"][response]
        return bool(option.get("correct")), [option["feedback"]]
    if kind == "multiple":
        chosen = set(response or [])
        right = {i for i, o in enumerate(question["options"]) if o.get("correct")}
        lines = [question["options"][i]["feedback"] for i in sorted(chosen)]
        lines += [t("quiz.missed", option=question["options"][i]["text"]) for i in sorted(right - chosen)]
        return chosen == right, lines or [t("quiz.choose")]
    if kind == "true_false":
        if response is None:
            return False, [t("quiz.choose")]
        return response == question["answer"], [question["explanation"]]
    if kind == "numeric":
        try:
            value = float(str(response).replace(",", "."))
        except ValueError:
            return False, [t("quiz.enter_number")]
        correct = abs(value - float(question["answer"])) <= question["tolerance"]
        return correct, [t("quiz.numeric_answer", answer=f"{question['answer']:,.0f}"), question["explanation"]]
    if kind == "order":
        expected = list(range(len(question["items"])))
        return list(response or []) == expected, [question["explanation"]]
    raise QuizError(f"unknown question kind {kind!r}")


def display_order(question: dict) -> list[int]:
    """The order in which an ordering question shows its items: shuffled, never already sorted, and the
    same on every run (seeded by the question id) so outputs compare in nbval."""
    order = list(range(len(question["items"])))
    random.Random(question["id"]).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _status(correct: bool) -> str:
    return t("quiz.correct") if correct else t("quiz.incorrect")


@dataclass
class Quiz:
    name: str
    data: dict

    @property
    def questions(self) -> list[dict]:
        return self.data["questions"]

    def section_url(self, question: dict) -> str:
        page = Path(self.data["chapter"]).with_suffix(".html").name
        return f"{page}#{make_id(question['section'])}"

    # --- live: ipywidgets -------------------------------------------------------------
    def widget(self) -> widgets.VBox:
        if not hasattr(self, "_widget"):
            self._controls, self._feedback, self._results = {}, {}, {}
            boxes = [widgets.HTML(f"<strong>{html.escape(self.data['title'])}</strong>")]
            for n, question in enumerate(self.questions, 1):
                boxes.append(self._question_box(n, question))
            self._score = widgets.HTML(self._score_text())
            reset = widgets.Button(description=t("quiz.reset"))
            reset.on_click(lambda _: self.reset())
            boxes += [self._score, reset]
            self._widget = widgets.VBox(boxes)
        return self._widget

    def _question_box(self, n: int, question: dict) -> widgets.VBox:
        kind, qid = question["kind"], question["id"]
        if kind == "single":
            control = widgets.RadioButtons(options=[(o["text"], i) for i, o in enumerate(question["options"])], value=None)
        elif kind == "multiple":
            control = widgets.VBox([widgets.Checkbox(description=o["text"], indent=False) for o in question["options"]])
        elif kind == "true_false":
            control = widgets.RadioButtons(options=[(t("quiz.true"), True), (t("quiz.false"), False)], value=None)
        elif kind == "numeric":
            control = widgets.Text(value="", description=t("quiz.your_estimate"), placeholder="0")
        else:  # order
            positions = list(range(1, len(question["items"]) + 1))
            control = widgets.VBox([widgets.Dropdown(options=[("-", None), *[(str(p), p) for p in positions]],
                                                     description=question["items"][i]["text"][:40], value=None)
                                    for i in display_order(question)])
        self._controls[qid] = control
        self._feedback[qid] = widgets.HTML()
        check = widgets.Button(description=t("quiz.check"))
        check.on_click(lambda _: self.check(qid))
        prompt = widgets.HTML(f"<p><strong>{n}.</strong> {html.escape(question['text'])}</p>")
        return widgets.VBox([prompt, control, check, self._feedback[qid]])

    def response(self, qid: str):
        question = self._question(qid)
        control = self._controls[qid]
        if question["kind"] == "multiple":
            return [i for i, box in enumerate(control.children) if box.value]
        if question["kind"] == "order":  # item indices, in the order of the positions the student gave
            shown = display_order(question)
            positions = {item: dropdown.value for item, dropdown in zip(shown, control.children)}
            if None in positions.values():
                return None
            return sorted(positions, key=lambda item: positions[item])
        return control.value

    def answer(self, qid: str, value) -> None:
        """Set a response as a student would (tests and teachers use this)."""
        self.widget()
        question, control = self._question(qid), self._controls[qid]
        if question["kind"] == "multiple":
            for i, box in enumerate(control.children):
                box.value = i in value
        elif question["kind"] == "order":  # value: item indices from earliest to latest
            shown = display_order(question)
            for rank, item_index in enumerate(value, 1):
                control.children[shown.index(item_index)].value = rank
        else:
            control.value = str(value) if question["kind"] == "numeric" else value

    def check(self, qid: str) -> bool:
        self.widget()
        correct, lines = grade(self._question(qid), self.response(qid))
        self._results[qid] = correct
        body = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self._feedback[qid].value = f"<p><strong>{_status(correct)}</strong></p><ul>{body}</ul>"
        self._score.value = self._score_text()
        return correct

    @property
    def score(self) -> int:
        return sum(1 for ok in getattr(self, "_results", {}).values() if ok)

    def reset(self) -> None:
        """Clear every answer, feedback and the score."""
        self.widget()
        for question in self.questions:
            control = self._controls[question["id"]]
            if question["kind"] == "multiple":
                for box in control.children:
                    box.value = False
            elif question["kind"] == "order":
                for dropdown in control.children:
                    dropdown.value = None
            else:
                control.value = "" if question["kind"] == "numeric" else None
            self._feedback[question["id"]].value = ""
        self._results = {}
        self._score.value = self._score_text()

    def feedback(self, qid: str) -> str:
        return self._feedback[qid].value

    def _score_text(self) -> str:
        return html.escape(t("quiz.score", score=self.score, total=len(self.questions)))

    def _question(self, qid: str) -> dict:
        for question in self.questions:
            if question["id"] == qid:
                return question
        raise KeyError(f"quiz '{self.name}' has no question '{qid}'")

    # --- static: HTML for quiz.js -------------------------------------------------------
    def static_html(self) -> str:
        e = html.escape
        parts = [f'<section class="quiz" data-quiz aria-label="{e(self.data["title"])}">',
                 f'<p class="quiz-title"><strong>{e(self.data["title"])}</strong></p>']
        for n, question in enumerate(self.questions, 1):
            parts.append(self._question_html(n, question))
        template = html.escape(t("quiz.score", score="{score}", total="{total}"))
        parts.append(f'<p class="quiz-score" role="status" aria-live="polite" data-total="{len(self.questions)}"'
                     f' data-template="{template}">{self._score_text()}</p>')
        parts.append(f'<button type="button" class="quiz-reset">{e(t("quiz.reset"))}</button></section>')
        return "".join(parts)

    def _question_html(self, n: int, question: dict) -> str:
        e, kind = html.escape, question["kind"]
        qid = f"quiz-{self.name}-{question['id']}"
        key = {"kind": kind, "correct": e(t("quiz.correct")), "incorrect": e(t("quiz.incorrect")),
               "choose": e(t("quiz.choose"))}
        body = []
        if kind in ("single", "multiple", "true_false"):
            options = question["options"] if kind != "true_false" else [
                {"text": t("quiz.true"), "correct": question["answer"] is True, "feedback": question["explanation"]},
                {"text": t("quiz.false"), "correct": question["answer"] is False, "feedback": question["explanation"]}]
            kind_input = "checkbox" if kind == "multiple" else "radio"
            for i, option in enumerate(options):
                body.append(
                    f'<div class="quiz-option"><input type="{kind_input}" id="{qid}-{i}" name="{qid}" value="{i}"'
                    f' data-correct="{str(bool(option.get("correct"))).lower()}" data-feedback="{e(option["feedback"])}"'
                    f' data-text="{e(option["text"])}"><label for="{qid}-{i}">{e(option["text"])}</label></div>')
            key["missed"] = e(t("quiz.missed", option="{option}"))
        elif kind == "numeric":
            body.append(f'<label for="{qid}-value">{e(t("quiz.your_estimate"))}</label> '
                        f'<input type="number" id="{qid}-value" step="any" inputmode="decimal"'
                        f' data-answer="{question["answer"]}" data-tolerance="{question["tolerance"]}"'
                        f' data-feedback="{e(question["explanation"])}"'
                        f' data-answer-text="{e(t("quiz.numeric_answer", answer=format(question["answer"], ",.0f")))}">')
            key["enter"] = e(t("quiz.enter_number"))
        else:  # order
            count = len(question["items"])
            for i in display_order(question):
                item = question["items"][i]
                options = '<option value="">-</option>' + "".join(f'<option value="{p}">{p}</option>' for p in range(1, count + 1))
                body.append(f'<div class="quiz-order-item"><label for="{qid}-{i}">{e(item["text"])}</label> '
                            f'<select id="{qid}-{i}" data-position="{i + 1}">{options}</select></div>')
            body.append(f'<span hidden class="quiz-explanation">{e(question["explanation"])}</span>')
        data_attrs = " ".join(f'data-{k}="{v}"' for k, v in key.items())
        return (
            f'<fieldset class="quiz-question" {data_attrs}>'
            f'<legend><span class="quiz-number">{n}.</span> {e(question["text"])}</legend>'
            + ("" if kind not in ("order",) else f'<p class="quiz-hint">{e(t("quiz.order_hint"))}</p>')
            + "".join(body)
            + f'<button type="button" class="quiz-check">{e(t("quiz.check"))}</button>'
            + '<div class="quiz-feedback" role="status" aria-live="polite"></div>'
            + f'<p class="quiz-section"><a href="{e(self.section_url(question))}">{e(t("quiz.read", section=question["section"]))}</a></p>'
            + "</fieldset>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = f"{self.data['title']}: {len(self.questions)} questions"
        return bundle


def quiz(name: str, quiz_dir: Path | None = None) -> Quiz:
    """The quiz book/quizzes/<name>.yml, validated, ready to display."""
    return Quiz(name, load_quiz(name, quiz_dir))
