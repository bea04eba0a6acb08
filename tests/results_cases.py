"""The results files of tests/fixtures/results/cases.yml, made from the book's own quizzes, for both
readers: missions.results.read_results and the class overview in the browser."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from missions import results
from missions.quiz import load_quiz

CASES = Path(__file__).resolve().parent / "fixtures" / "results" / "cases.yml"
QUIZ = "lithuania"  # the valid file answers its first three questions: right, wrong, right


def answer_for(question: dict, right: bool):
    """A stored response that is right or wrong, for any kind of question."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        good = [i for i, o in enumerate(question["options"]) if o.get("correct")]
        bad = [i for i, o in enumerate(question["options"]) if not o.get("correct")]
        if kind == "single":
            return good[0] if right else bad[0]
        return good if right else sorted(good[:1] + bad[:1])
    if kind == "true_false":
        return question["answer"] if right else not question["answer"]
    if kind == "numeric":
        answer = float(question["answer"])
        return answer if right else answer + 10 * float(question["tolerance"]) + 1
    places = list(range(1, len(question["items"]) + 1))
    return places if right else places[1:] + places[:1]


def valid_file(name: str = "Sanne de Vries", group: str = "5H2", pattern=(True, False, True)) -> dict:
    questions = load_quiz(QUIZ)["questions"]
    given = {q["id"]: (q, answer_for(q, right), "2026-12-02T09:00:00Z") for q, right in zip(questions, pattern)}
    return results.results({QUIZ: given}, name, group, "en")


def _walk(data, path: str):
    *parents, last = path.split(".")
    for key in parents:
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data, int(last) if isinstance(data, list) else last


def case_bytes(case: dict) -> bytes:
    """The file a case describes."""
    if "raw" in case:
        return case["raw"].encode()
    if "json" in case:
        return json.dumps(case["json"]).encode()
    data = valid_file()
    for path, value in case.get("set", {}).items():
        parent, key = _walk(data, path)
        parent[key] = value
    if "delete" in case:
        parent, key = _walk(data, case["delete"])
        del parent[key]
    for path, source in case.get("append", {}).items():
        target, key = _walk(data, path)
        origin, origin_key = _walk(data, source)
        target[key].append(copy.deepcopy(origin[origin_key]))
    text = json.dumps(data, indent=1)
    return (text + " " * max(0, case.get("pad", 0) - len(text))).encode()


def cases() -> list[dict]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
