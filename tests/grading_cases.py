"""The table of answer cases (tests/fixtures/grading_cases.yml) that both graders are held to."""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
QUIZ_DIR = FIXTURES / "quizzes"
QUIZ = "grading"


def cases() -> list[dict]:
    return yaml.safe_load((FIXTURES / "grading_cases.yml").read_text(encoding="utf-8"))["cases"]


def case_id(case: dict) -> str:
    return f"{case['question']}-{case.get('lang', 'en')}-{case['answer']!r}"


def response(question: dict, answer):
    """A case's answer as missions.quiz.grade takes it: indices into the YAML, or None."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        index = {option["text"]: i for i, option in enumerate(question["options"])}
        return index[answer] if kind == "single" and answer is not None else [index[a] for a in answer or []] or None
    if kind == "order":
        items = [item["text"] for item in question["items"]]
        return [items.index(a) for a in answer] if len(answer) == len(items) else None
    return answer
