"""The Python grader against the one table of answer cases (the browser's: tests/built/test_grading_cases.py)."""

from __future__ import annotations

import pytest

from missions.quiz import grade, load_quiz
from tests.grading_cases import QUIZ, QUIZ_DIR, case_id, cases, response

VERDICTS = {True: "right", False: "wrong", None: "unanswered"}


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_python_grader_gives_the_verdict_and_feedback_of_the_table(case):
    question = {q["id"]: q for q in load_quiz(QUIZ, QUIZ_DIR)["questions"]}[case["question"]]
    correct, lines = grade(question, response(question, case["answer"]), lang=case.get("lang", "en"))
    assert (VERDICTS[correct], lines) == (case["verdict"], case["feedback"])


def test_the_table_has_every_kind_and_every_verdict():
    questions = {q["id"]: q["kind"] for q in load_quiz(QUIZ, QUIZ_DIR)["questions"]}
    seen = {(questions[case["question"]], case["verdict"]) for case in cases()}
    for kind in set(questions.values()):
        for verdict in ("right", "wrong", "unanswered"):
            assert (kind, verdict) in seen, f"no {verdict} case for a {kind} question"
    assert {case.get("lang", "en") for case in cases() if questions[case["question"]] == "numeric"} == {"en", "nl"}
