"""Results files (missions.results): written from a live quiz, read back, and refused by name and field
when they are not this book's, are malformed or were edited (tests/fixtures/results/cases.yml)."""

from __future__ import annotations

import json

import pytest

from missions import results
from missions.quiz import load_quiz, quiz
from tests.results_cases import QUIZ, answer_for, case_bytes, cases, valid_file

# What the Python reader says for each kind of refusal (the browser says it in the book's language).
SAYS = {
    "not_json": "not JSON",
    "not_ours": "not a results file of this book",
    "bad_version": "this book reads 1",
    "bad_field": "",
    "edited": "edited",
    "duplicate": "appears twice",
    "too_large": "too large",
}


@pytest.fixture(scope="module")
def bank():
    return {QUIZ: load_quiz(QUIZ)}


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["name"])
def test_the_reader_accepts_or_refuses_each_case_naming_file_and_field(case, bank):
    raw, filename = case_bytes(case), f"{case['name']}.json"
    if "refused" in case:
        with pytest.raises(results.ResultsError) as caught:
            results.read_results(raw, filename, bank)
        message = str(caught.value)
        assert message.startswith(filename)
        assert SAYS[case["refused"]["kind"]] in message
        if "field" in case["refused"]:
            assert f"field '{case['refused']['field']}" in message
    else:
        data, notes = results.read_results(raw, filename, bank)
        assert len(notes) == case.get("notes", 0), notes
        assert data["student"] == {"name": "Sanne de Vries", "class": "5H2"}


def test_a_valid_file_counts_what_is_right(bank):
    data, notes = results.read_results(json.dumps(valid_file()).encode(), "f.json", bank)
    (entry,) = data["quizzes"]
    assert (entry["quiz"], entry["score"], len(entry["answers"])) == (QUIZ, 2, 3)
    assert notes == []


def test_a_changed_question_is_left_out_of_the_score(bank):
    data = valid_file()
    data["quizzes"][0]["answers"][0]["fingerprint"] = "0" * 12  # the first answer (right) is to an older key
    kept, notes = results.read_results(json.dumps(data).encode(), "f.json", bank)
    assert kept["quizzes"][0]["score"] == 1 and len(kept["quizzes"][0]["answers"]) == 2
    assert "has changed" in notes[0]


@pytest.mark.parametrize("kind", ["single", "multiple", "true_false", "numeric", "order"])
def test_right_and_wrong_responses_of_every_kind_are_graded_as_the_quiz_grades_them(kind):
    from missions.quiz import grade

    question = next(
        q
        for name in ("lithuania", "iraq", "sahel", "longer-view", "timeline")
        for q in load_quiz(name)["questions"]
        if q["kind"] == kind
    )
    for right in (True, False):
        stored = answer_for(question, right)
        assert results.is_correct(question, stored) is right
        live = {  # the same answer as the live widget hands it to grade()
            "multiple": stored,
            "numeric": str(stored),
            "order": sorted(range(len(stored)), key=lambda i: stored[i]) if kind == "order" else None,
        }.get(kind, stored)
        assert grade(question, live, "en")[0] is right


def test_fingerprint_changes_with_the_key_not_with_the_wording():
    question = load_quiz(QUIZ)["questions"][0]
    reworded = {
        **question,
        "text": "Another wording",
        "options": [{**o, "text": o["text"] + "!"} for o in question["options"]],
    }
    assert results.fingerprint(reworded) == results.fingerprint(question)
    flipped = [{**o, "correct": not o.get("correct")} for o in question["options"]]
    assert results.fingerprint({**question, "options": flipped}) != results.fingerprint(question)


def test_a_live_quiz_writes_a_file_the_reader_accepts(tmp_path, bank):
    shown = quiz(QUIZ)
    questions = shown.questions[:2]
    for question in questions:
        shown.answer(question["id"], _live(question, right=True))
        assert shown.check(question["id"]) is True
    path = shown.save_results("Daan Bakker", "5V1", tmp_path)
    assert path.name == "results-daan-bakker-lithuania.json"
    data, notes = results.read_results(path.read_bytes(), path.name, bank)
    assert data["quizzes"][0]["score"] == 2 and notes == []
    assert [a["question"] for a in data["quizzes"][0]["answers"]] == [q["id"] for q in questions]


def test_a_live_quiz_needs_a_name(tmp_path):
    shown = quiz(QUIZ)
    with pytest.raises(results.ResultsError, match="name"):
        shown.save_results("  ", "5V1", tmp_path)


def _live(question: dict, right: bool):
    stored = answer_for(question, right)
    if question["kind"] == "order":
        return sorted(range(len(stored)), key=lambda i: stored[i])
    return str(stored) if question["kind"] == "numeric" else stored
