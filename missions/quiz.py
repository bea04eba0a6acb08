"""Quizzes: content in book/quizzes/<name>.yml, one renderer for both worlds.

`quiz("lithuania")` returns a Quiz. In a live kernel it displays as ipywidgets (check, feedback,
score, try again, reset) with the grading done in Python. Its display bundle also carries the quiz's
name as data (missions.display.QUIZ_MIME); the book renders that as a self-contained HTML form which
book/_static/quiz.js grades in the browser, so the same quiz works in the static book with no kernel
and no network.

Question kinds: single, multiple, true_false, numeric (answer +/- tolerance), order.
Numeric answers can name a fact from data/ (`answer: {fact: key}`) so they are never typed twice.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths, stamps
from .content import read_yaml
from .display import QUIZ_MIME
from .results import now, within
from .text import format_number, language, parse_number, t

if TYPE_CHECKING:  # the widgets load with the first live quiz, not with the book build
    import ipywidgets as widgets

SCHEMA_FILE = Path(__file__).parent / "quiz_schema.json"


class QuizError(ValueError):
    """A quiz file is invalid; the message names the file and the question."""


def _resolve_answer(question: dict, where: str):
    answer = question["answer"]
    if isinstance(answer, dict):
        from .facts import all_facts

        facts = all_facts()
        if answer["fact"] not in facts:
            raise QuizError(f"{where}: unknown fact '{answer['fact']}' (see python -m missions.facts)")
        return float(facts[answer["fact"]])
    return answer


@cache
def _validator():
    import jsonschema  # only when a quiz is loaded: `import missions` stays light

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _schema_errors(data: dict, path: Path) -> list:
    """jsonschema's errors, skipped (missions/stamps.py) for a file that passed before: jsonschema
    costs a student's kernel about 20 MB."""
    stamp = stamps.key(path.read_bytes(), SCHEMA_FILE.read_bytes(), library="jsonschema")
    if stamps.passed(stamp):
        return []
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        stamps.record(stamp)
    return errors


def validate(data: dict, path: Path) -> dict:
    """Schema check, then the rules a schema cannot express; returns the quiz with facts resolved.
    (That each question's section is a heading of its chapter is checked by the book build.)"""
    name = path.name
    errors = _schema_errors(data, path)
    if errors:
        error = errors[0]
        location = list(error.absolute_path)
        question = ""
        if len(location) >= 2 and location[0] == "questions":
            q = data["questions"][location[1]]
            question = f", question {location[1] + 1} ('{q.get('id', '?') if isinstance(q, dict) else '?'}')"
        field = f", field '{'.'.join(str(p) for p in location[2:])}'" if len(location) > 2 else ""
        raise QuizError(f"{name}{question}{field}: {error.message}")
    if "draw" in data:
        return _draw(data, path)
    seen = set()
    for n, question in enumerate(data["questions"], 1):
        where = f"{name}, question {n} ('{question['id']}')"
        if question["id"] in seen:
            raise QuizError(f"{where}: duplicate question id")
        seen.add(question["id"])
        kind = question["kind"]
        if kind in ("single", "multiple"):
            correct = sum(1 for option in question["options"] if option.get("correct"))
            if correct == 0:
                raise QuizError(f"{where}: no option is marked correct")
            if kind == "single" and correct > 1:
                raise QuizError(f"{where}: a single-choice question has {correct} correct options")
        if kind == "numeric":
            question["answer"] = _resolve_answer(question, where)
        if "stimulus" in question:
            _check_stimulus(question["stimulus"], where)
    return data


def _check_stimulus(stimulus: dict, where: str) -> None:
    """Its sources are rows of data/sources.csv; a table cell naming a fact gets the fact's value."""
    from .data import load_sources
    from .facts import all_facts, format_value

    known = set(load_sources()["id"])
    for source in stimulus["source"]:
        if source not in known:
            raise QuizError(f"{where}, field 'stimulus.source': no source '{source}' in data/sources.csv")
    facts = all_facts() if "rows" in stimulus else {}
    for r, row in enumerate(stimulus.get("rows", [])):
        if len(row) != len(stimulus["columns"]):
            raise QuizError(
                f"{where}, field 'stimulus.rows.{r}': {len(row)} cells for {len(stimulus['columns'])} columns"
            )
        for c, cell in enumerate(row):
            if isinstance(cell, dict):
                if cell["fact"] not in facts:
                    raise QuizError(f"{where}, field 'stimulus.rows.{r}.{c}': unknown fact '{cell['fact']}'")
                row[c] = format_value(facts[cell["fact"]])


def draw_counts(sizes: dict[str, int], total: int) -> dict[str, int]:
    """How many questions each quiz gives a drawn quiz: `total` shared in proportion to the quizzes'
    sizes, the remainders going to the largest fractions (ties to the quiz listed first)."""
    bank = sum(sizes.values())
    exact = {name: total * size / bank for name, size in sizes.items()}
    counts = {name: int(share) for name, share in exact.items()}
    by_remainder = sorted(exact, key=lambda name: -(exact[name] - counts[name]))
    for name in by_remainder[: total - sum(counts.values())]:
        counts[name] += 1
    return counts


def _pick(questions: list[dict], count: int) -> list[dict]:
    """`count` questions of one quiz, in its order: understanding before recall, then as many
    different objectives as possible; ties broken by a hash of the id, so the draw is stable."""

    def rank(question):
        recall = question["skill"] in ("recall", "recall-number")
        return recall, hashlib.sha256(f"{ORDER_SALT}{question['id']}".encode()).digest()

    chosen, covered = [], set()
    candidates = sorted(questions, key=rank)
    while len(chosen) < count:
        fresh = [q for q in candidates if q not in chosen and not set(q["objectives"]) <= covered]
        question = (fresh or [q for q in candidates if q not in chosen])[0]
        chosen.append(question)
        covered |= set(question["objectives"])
    return [q for q in questions if q in chosen]


def _draw(data: dict, path: Path) -> dict:
    """A quiz drawn from the bank (the quizzes beside it): each question keeps its chapter (for "Read
    more") and gets an id that names its quiz."""
    name, sources = path.name, {}
    if len(set(data["draw"]["from"])) < len(data["draw"]["from"]):
        raise QuizError(f"{name}, field 'draw.from': a quiz is listed twice")
    for source in data["draw"]["from"]:
        try:
            if "draw" in (read_yaml(path.parent / f"{source}.yml", QuizError, "quiz") or {}):
                raise QuizError(f"'{source}' is itself drawn from other quizzes")
            sources[source] = load_quiz(source, path.parent)
        except QuizError as error:
            raise QuizError(f"{name}, field 'draw.from': {error}") from error
    sizes = {source: len(quiz["questions"]) for source, quiz in sources.items()}
    if data["draw"]["total"] > sum(sizes.values()):
        raise QuizError(
            f"{name}, field 'draw.total': {data['draw']['total']} questions asked, the bank has {sum(sizes.values())}"
        )
    questions = []
    for source, count in draw_counts(sizes, data["draw"]["total"]).items():
        for question in _pick(sources[source]["questions"], count):
            questions.append({**question, "id": f"{source}-{question['id']}", "chapter": sources[source]["chapter"]})
    return {**data, "questions": questions}


def quiz_names() -> list[str]:
    """Every quiz of the book, by name (the file names in book/quizzes/), sorted."""
    return sorted(path.stem for path in paths.quiz_dir().glob("*.yml"))


def load_quiz(name: str, quiz_dir: Path | None = None) -> dict:
    """A quiz in the edition's language. In another edition each question with options also keeps
    the English option texts (ORDER_TEXTS), so that its options are shown in the English order."""
    path = Path(quiz_dir or paths.quiz_dir()) / f"{name}.yml"
    data = validate(read_yaml(path, QuizError, "quiz"), path)
    english = read_yaml(path, QuizError, "quiz", lang="en") if language() != "en" else {}
    if "questions" in english:  # (a drawn quiz's questions come marked from their own quizzes)
        for question, original in zip(data["questions"], english["questions"], strict=True):
            if "options" in original:
                question[ORDER_TEXTS] = [option["text"] for option in original["options"]]
            if "quote" in original.get("stimulus", {}):
                question["stimulus"][TRANSLATED] = question["stimulus"]["quote"] != original["stimulus"]["quote"]
    return data


def grade(question: dict, response, lang: str | None = None) -> tuple[bool | None, list[str]]:
    """Grade one response; returns (correct, feedback lines). `correct` is None when there is nothing to
    grade yet (no option chosen, no number typed, an event without a place): the student is asked to
    answer and nothing is revealed. book/_static/quiz.js grades the same way; both are held to
    tests/fixtures/grading_cases.yml. Numbers are read in the book's language (`lang`)."""
    kind = question["kind"]
    if kind == "single":
        if response is None:
            return None, [t("quiz.choose", lang)]
        option = question["options"][response]
        return bool(option.get("correct")), [option["feedback"]]
    if kind == "multiple":
        chosen = set(response or [])
        if not chosen:
            return None, [t("quiz.choose", lang)]
        right = {i for i, o in enumerate(question["options"]) if o.get("correct")}
        shown = display_order(question)  # feedback in the order the student sees the options
        lines = [question["options"][i]["feedback"] for i in shown if i in chosen]
        lines += [t("quiz.missed", lang, option=question["options"][i]["text"]) for i in shown if i in right - chosen]
        return chosen == right, lines
    if kind == "true_false":
        if response is None:
            return None, [t("quiz.choose", lang)]
        return response == question["answer"], [question["explanation"]]
    if kind == "numeric":
        value = parse_number(str(response if response is not None else ""), lang)
        if value is None:
            return None, [t("quiz.enter_number", lang)]
        correct = within(value, question)
        return correct, [numeric_answer_text(question, lang), question["explanation"]]
    if kind == "order":
        if response is None:
            return None, [t("quiz.choose", lang)]
        expected = list(range(len(question["items"])))
        return list(response) == expected, [question["explanation"]]
    raise QuizError(f"unknown question kind {kind!r}")


def numeric_answer_text(question: dict, lang: str | None = None) -> str:
    """ "The answer is 2,759." or "... 12.5.": as many decimals as the answer has (at most two)."""
    answer = float(question["answer"])
    decimals = 0 if answer.is_integer() else 1 if round(answer, 1) == answer else 2
    return t("quiz.numeric_answer", lang, answer=format_number(answer, lang, decimals))


def stimulus_html(question: dict, lang: str | None = None) -> str:
    """What a question shows to work from (a quotation with its gloss, or a table), and its source, as
    HTML for the live widget, the static page and the printed sheet alike; '' if it shows nothing."""
    stimulus = question.get("stimulus")
    if not stimulus:
        return ""
    from .data import load_sources

    e = html.escape
    sources = load_sources().set_index("id")
    cited = []
    for source in stimulus["source"]:
        row = sources.loc[source]
        date = row["date"].strftime("%Y-%m-%d") if hasattr(row["date"], "strftime") else str(row["date"])
        cited.append(f'{e(row["publisher"])}, <a href="{e(row["url"])}">{e(row["title"])}</a> ({e(date)})')
    parts = ['<div class="quiz-stimulus">']
    if "quote" in stimulus:
        edition = lang or language()
        # A quotation the edition's catalog translated is in the edition's language (set by load_quiz).
        quote_lang = edition if stimulus.get(TRANSLATED) else stimulus.get("lang", "en")
        parts.append(f'<blockquote lang="{quote_lang}"><p>{e(stimulus["quote"])}</p></blockquote>')
        if "gloss" in stimulus and quote_lang != edition:
            parts.append(f'<p class="quiz-gloss">{e(t("quiz.gloss", lang))}: {e(stimulus["gloss"])}</p>')
    else:
        head = "".join(f'<th scope="col">{e(str(c))}</th>' for c in stimulus["columns"])
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in stimulus["rows"])
        caption = f"<caption>{e(stimulus['caption'])}</caption>" if "caption" in stimulus else ""
        parts.append(f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append(f'<p class="quiz-source-ref">{e(t("quiz.source", lang))}: {"; ".join(cited)}</p></div>')
    return "".join(parts)


# Mixed into the hash that orders options. Changing it reshuffles every quiz at once; it was picked
# (December 2026) so that over the whole bank the correct single-choice answers fall evenly on the
# positions. tests/unit/test_quiz.py checks the spread: if a changed bank fails it, pick another.
ORDER_SALT = "159"
# The English texts of a question's options, which order them in every edition (set by load_quiz).
ORDER_TEXTS = "_order_texts"
# Whether another edition's catalog translated a stimulus's quotation (set by load_quiz).
TRANSLATED = "_translated"


def display_order(question: dict, salt: str = ORDER_SALT) -> list[int]:
    """The order in which a question shows its options (single, multiple) or items (order), as indices
    into the YAML, so that the order an author writes carries no hint.

    Options are sorted by a hash of the question id and the option's English text (the same order in
    every edition): the shown order does not
    change when the YAML lists them differently, and is the same on every run, so the live widget, the
    static page, the printed sheet and its key agree and notebook outputs compare in nbval. Items of an
    ordering question are shuffled (seeded by the id) and never shown already sorted. Other kinds have
    nothing to order: an empty list."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        texts = question.get(ORDER_TEXTS) or [option["text"] for option in question["options"]]
        return sorted(
            range(len(texts)),
            key=lambda i: hashlib.sha256(f"{salt}{question['id']}\n{texts[i]}".encode()).digest(),
        )
    if kind != "order":
        return []
    order = list(range(len(question["items"])))
    # seeded by the id alone for the book's own order, as before salts existed (notebook outputs keep)
    random.Random(question["id"] if salt == ORDER_SALT else f"{salt}{question['id']}").shuffle(order)
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

    # --- live: ipywidgets -------------------------------------------------------------
    def widget(self) -> widgets.VBox:
        import ipywidgets as widgets

        if not hasattr(self, "_widget"):
            self._controls, self._feedback, self._results, self._answers = {}, {}, {}, {}
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
        import ipywidgets as widgets

        kind, qid = question["kind"], question["id"]
        if kind == "single":
            control = widgets.RadioButtons(
                options=[(question["options"][i]["text"], i) for i in display_order(question)], value=None
            )
        elif kind == "multiple":
            control = widgets.VBox(
                [
                    widgets.Checkbox(description=question["options"][i]["text"], indent=False)
                    for i in display_order(question)
                ]
            )
        elif kind == "true_false":
            control = widgets.RadioButtons(options=[(t("quiz.true"), True), (t("quiz.false"), False)], value=None)
        elif kind == "numeric":
            control = widgets.Text(value="", description=t("quiz.your_estimate"), placeholder="0")
        else:  # order
            positions = list(range(1, len(question["items"]) + 1))
            control = widgets.VBox(
                [
                    widgets.Dropdown(
                        options=[("-", None), *[(str(p), p) for p in positions]],
                        description=question["items"][i]["text"][:40],
                        value=None,
                    )
                    for i in display_order(question)
                ]
            )
        self._controls[qid] = control
        self._feedback[qid] = widgets.HTML()
        check = widgets.Button(description=t("quiz.check"))
        check.on_click(lambda _: self.check(qid))
        prompt = widgets.HTML(f"<p><strong>{n}.</strong> {html.escape(question['text'])}</p>{stimulus_html(question)}")
        return widgets.VBox([prompt, control, check, self._feedback[qid]])

    def response(self, qid: str):
        question = self._question(qid)
        control = self._controls[qid]
        if question["kind"] == "multiple":  # option indices in the YAML, whatever order they are shown in
            return sorted(i for i, box in zip(display_order(question), control.children) if box.value)
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
            for i, box in zip(display_order(question), control.children):
                box.value = i in value
        elif question["kind"] == "order":  # value: item indices from earliest to latest
            shown = display_order(question)
            for rank, item_index in enumerate(value, 1):
                control.children[shown.index(item_index)].value = rank
        else:
            control.value = str(value) if question["kind"] == "numeric" else value

    def check(self, qid: str) -> bool | None:
        """Grade a question as its Check button does; None if it has no answer yet."""
        self.widget()
        correct, lines = grade(self._question(qid), self.response(qid))
        if correct is None:
            self._results.pop(qid, None)
            self._answers.pop(qid, None)
            self._feedback[qid].value = f"<p><strong>{html.escape(lines[0])}</strong></p>"
            self._score.value = self._score_text()
            return None
        self._results[qid] = correct
        self._answers[qid] = (self.response(qid), now())
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
        self._results, self._answers = {}, {}
        self._score.value = self._score_text()

    def save_results(self, name: str, group: str = "", folder: str | Path = ".") -> Path:
        """Write the answers checked so far as a results file to hand in (missions/results.py, the
        format of the book's "My progress" page); returns its path."""
        from . import results

        self.widget()
        lang = language()
        answers = {
            qid: (self._question(qid), results.stored_response(self._question(qid), response, lang), time)
            for qid, (response, time) in self._answers.items()
        }
        data = results.results({self.name: answers}, name, group, lang)
        slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "student"
        path = Path(folder) / f"results-{slug}-{self.name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    def feedback(self, qid: str) -> str:
        return self._feedback[qid].value

    def _score_text(self) -> str:
        return html.escape(t("quiz.score", score=self.score, total=len(self.questions)))

    def _question(self, qid: str) -> dict:
        for question in self.questions:
            if question["id"] == qid:
                return question
        raise KeyError(f"quiz '{self.name}' has no question '{qid}'")

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle[QUIZ_MIME] = {"name": self.name}
        bundle["text/plain"] = f"{self.data['title']}: {len(self.questions)} questions"
        return bundle


def quiz(name: str, quiz_dir: Path | None = None) -> Quiz:
    """The quiz book/quizzes/<name>.yml, validated, ready to display."""
    return Quiz(name, load_quiz(name, quiz_dir))
