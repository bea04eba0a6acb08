"""Results a student hands in: one small JSON file, the same from the static book and a live notebook.

The static book keeps each answer in the browser (book/_static/progress.js) and its "My progress" page
downloads them as this file; a live quiz writes it with `Quiz.save_results()`. The teacher's class
overview (book/_static/class-overview.js) reads a folder of them. The format is documented by
results_schema.json (FORMAT, VERSION); this module writes and reads it in Python, and the browser
reads it by the same rules (both held to tests/fixtures/results/cases.yml).

A response is stored in a form that does not depend on the order options are shown in, nor on the
language numbers were typed in:

- single: the option's index in the quiz file; multiple: the sorted indices of the chosen options;
- true_false: true or false; numeric: the number as read; order: the place (1, 2, ...) the student
  gave each item, in the order of the quiz file.

A teacher cannot trust a file a student could edit, so a reader grades every answer again from the
quiz and refuses a file whose "correct" or "score" does not agree. Each answer carries the
fingerprint of its question's grading (kind, which options are right, the answer and tolerance): an
answer to a question that has since changed is left out of the count, not graded against new keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path

from .text import parse_number


def now() -> str:
    """The time in the file's form: UTC, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


FORMAT = "the-netherlands-on-mission/results"
VERSION = 1
SCHEMA_FILE = Path(__file__).parent / "results_schema.json"
MAX_BYTES = 1_000_000  # a class's files are a few kB each; anything this big is not one


class ResultsError(ValueError):
    """A results file cannot be used; the message names the file and the field."""


def fingerprint(question: dict) -> str:
    """What decides whether an answer is right, hashed: changes when the key changes, not when a
    text is reworded or translated."""
    kind = question["kind"]
    key: list = [question["id"], kind]
    if kind in ("single", "multiple"):
        key.append([bool(option.get("correct")) for option in question["options"]])
    elif kind == "true_false":
        key.append(question["answer"])
    elif kind == "numeric":
        key += [float(question["answer"]), float(question["tolerance"])]
    else:
        key.append(len(question["items"]))
    return hashlib.sha256(json.dumps(key).encode()).hexdigest()[:12]


def stored_response(question: dict, response, lang: str | None = None):
    """A live quiz's response (missions.quiz.Quiz.response) in the file's form; None if unanswered."""
    kind = question["kind"]
    if response is None or response == [] or response == "":
        return None
    if kind == "multiple":
        return sorted(int(i) for i in response)
    if kind == "numeric":
        return parse_number(str(response), lang)
    if kind == "order":  # item indices from earliest to latest -> each item's place
        places = [0] * len(question["items"])
        for place, item in enumerate(response, 1):
            places[item] = place
        return places
    return response


def within(value: float, question: dict) -> bool:
    """A number inside the margin, edges included. The slack of a millionth of the margin keeps an
    edge right where binary fractions fall a hair outside it (47.2 - 46.9 is 0.30000000000000426).
    missions.quiz.grade, quiz.js and class-overview.js grade with the same rule."""
    tolerance = float(question["tolerance"])
    return abs(value - float(question["answer"])) <= tolerance * (1 + 1e-6)


def is_correct(question: dict, response) -> bool:
    """Grade a stored response, as missions.quiz.grade grades a live one."""
    kind = question["kind"]
    if kind == "single":
        return bool(question["options"][response].get("correct"))
    if kind == "multiple":
        return set(response) == {i for i, o in enumerate(question["options"]) if o.get("correct")}
    if kind == "true_false":
        return response is question["answer"]
    if kind == "numeric":
        return within(response, question)
    return response == list(range(1, len(question["items"]) + 1))


def results(answers: dict[str, dict[str, tuple]], name: str, group: str, edition: str) -> dict:
    """The file's content. `answers`: quiz name -> question id -> (question, stored response, time)."""
    if not name.strip():
        raise ResultsError("results: a student's name is needed")
    quizzes = []
    for quiz_name, given in answers.items():
        rows = [
            {
                "question": qid,
                "fingerprint": fingerprint(question),
                "response": response,
                "correct": is_correct(question, response),
                "time": time,
            }
            for qid, (question, response, time) in given.items()
        ]
        if rows:
            quizzes.append({"quiz": quiz_name, "score": sum(r["correct"] for r in rows), "answers": rows})
    student = {"name": name.strip(), "class": group.strip()}
    return {
        "format": FORMAT,
        "version": VERSION,
        "edition": edition,
        "saved": now(),
        "student": student,
        "quizzes": quizzes,
    }


@cache
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def read_results(raw: bytes, filename: str, bank: dict[str, dict]) -> tuple[dict, list[str]]:
    """A results file checked against the question bank (quiz name -> quiz as missions.quiz.load_quiz
    gives it): (the data, notes on answers left out). Raises ResultsError, naming the file and field,
    for a file that is not one of this book's, is malformed, or was edited."""
    if len(raw) > MAX_BYTES:
        raise ResultsError(f"{filename}: too large for a results file ({len(raw):,} bytes)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResultsError(f"{filename}: not a results file (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsError(f"{filename}: not a results file of this book (field 'format')")
    if data.get("version") != VERSION:
        raise ResultsError(f"{filename}, field 'version': version {data.get('version')!r}; this book reads {VERSION}")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        field = ".".join(str(p) for p in errors[0].absolute_path) or "(top)"
        raise ResultsError(f"{filename}, field '{field}': {errors[0].message}")
    return data, _check_against(data, filename, bank)


def _check_against(data: dict, filename: str, bank: dict[str, dict]) -> list[str]:
    """Grade every answer again; drop (with a note) answers to quizzes or questions the bank lacks or
    has changed; refuse the file where its own verdicts or scores disagree."""
    notes, seen = [], set()
    for q, entry in enumerate(data["quizzes"]):
        where = f"{filename}, field 'quizzes.{q}"
        if entry["quiz"] in seen:
            raise ResultsError(f"{where}.quiz': quiz '{entry['quiz']}' appears twice")
        seen.add(entry["quiz"])
        questions = {question["id"]: question for question in bank.get(entry["quiz"], {}).get("questions", [])}
        if not questions:
            notes.append(f"{filename}: quiz '{entry['quiz']}' is not in this book; left out")
        right, kept, ids = 0, [], set()
        for a, answer in enumerate(entry["answers"]):
            if answer["question"] in ids:
                raise ResultsError(f"{where}.answers.{a}.question': question '{answer['question']}' appears twice")
            ids.add(answer["question"])
            question = questions.get(answer["question"])
            right += answer["correct"]
            if question is None or answer["fingerprint"] != fingerprint(question):
                if questions:
                    notes.append(f"{filename}: {entry['quiz']}/{answer['question']} has changed since; left out")
                continue
            _check_response(question, answer["response"], f"{where}.answers.{a}.response'")
            if answer["correct"] != is_correct(question, answer["response"]):
                said = "right" if answer["correct"] else "wrong"
                raise ResultsError(f"{where}.answers.{a}.correct': edited (the answer is marked {said}, and is not)")
            kept.append(answer)
        if entry["score"] != right:
            raise ResultsError(f"{where}.score': edited (score {entry['score']}, but {right} answers are right)")
        entry["answers"] = kept
        entry["score"] = sum(answer["correct"] for answer in kept)
    data["quizzes"] = [entry for entry in data["quizzes"] if entry["answers"]]
    return notes


def _check_response(question: dict, response, where: str) -> None:
    """A response of the question's kind that points at options and items the question has."""
    kind, count = question["kind"], len(question.get("options", question.get("items", [])))
    ok = {
        "single": lambda r: type(r) is int and 0 <= r < count,
        "multiple": lambda r: (
            isinstance(r, list) and r == sorted(set(r)) and all(type(i) is int and 0 <= i < count for i in r)
        ),
        "true_false": lambda r: isinstance(r, bool),
        "numeric": lambda r: type(r) in (int, float),
        "order": lambda r: (
            isinstance(r, list) and len(r) == count and all(type(p) is int and 1 <= p <= count for p in r)
        ),
    }[kind](response)
    if not ok:
        raise ResultsError(f"{where}: not an answer to this {kind.replace('_', '/')} question")
