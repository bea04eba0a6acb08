"""Quizzes: schema and bad input, grading, the live ipywidgets quiz, and the static HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from missions.quiz import QuizError, grade, load_quiz, quiz

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"


def variant(tmp_path, change) -> Path:
    data = yaml.safe_load((FIXTURES / "good.yml").read_text())
    change(data)
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return tmp_path


def error_for(tmp_path, change) -> str:
    folder = variant(tmp_path, change)
    with pytest.raises(QuizError) as caught:
        load_quiz("bad", folder)
    return str(caught.value)


def test_good_quiz_loads():
    data = load_quiz("good", FIXTURES)
    assert [q["kind"] for q in data["questions"]] == ["single", "multiple", "true_false", "numeric", "order"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda d: d["questions"][0]["options"][1].pop("correct"),
            ["bad.yml", "question 1 ('offline')", "no option is marked correct"],
        ),
        (
            lambda d: d["questions"][0]["options"][0].update(correct=True),
            ["bad.yml", "question 1 ('offline')", "2 correct options"],
        ),
        (lambda d: d["questions"][2].update(kind="essay"), ["bad.yml", "question 3 ('keyboard')", "kind", "'essay'"]),
        (
            lambda d: d["questions"][1]["options"][2].pop("feedback"),
            ["bad.yml", "question 2 ('parts')", "'feedback' is a required property"],
        ),
        (
            lambda d: d["questions"][3].pop("tolerance"),
            ["bad.yml", "question 4 ('number')", "'tolerance' is a required property"],
        ),
        (
            lambda d: d["questions"][3].update(answer={"fact": "nope.nothing"}),
            ["bad.yml", "question 4 ('number')", "unknown fact 'nope.nothing'"],
        ),
        (lambda d: d["questions"][1].update(id="offline"), ["bad.yml", "question 2 ('offline')", "duplicate"]),
    ],
    ids=[
        "no-correct",
        "two-correct-single",
        "unknown-kind",
        "missing-feedback",
        "no-tolerance",
        "unknown-fact",
        "duplicate-id",
    ],
)
def test_bad_quiz_is_named(tmp_path, change, expected):
    message = error_for(tmp_path, change)
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"


def test_numeric_answer_can_come_from_data(tmp_path):
    folder = variant(tmp_path, lambda d: d["questions"][3].update(answer={"fact": "unifil.total_personnel_high"}))
    from missions.facts import all_facts

    assert load_quiz("bad", folder)["questions"][3]["answer"] == float(all_facts()["unifil.total_personnel_high"])


def test_grading_by_hand():
    data = load_quiz("good", FIXTURES)
    single, multiple, true_false, numeric, order = data["questions"]
    assert grade(single, 1) == (True, ["Yes: the folder of pages is all you need."])
    assert grade(single, 0)[0] is False
    assert grade(multiple, [0, 1])[0] is True
    ok, lines = grade(multiple, [0])
    assert not ok and any("A source line" in line for line in lines)
    assert grade(true_false, True)[0] and not grade(true_false, False)[0]
    assert grade(numeric, "250")[0] and grade(numeric, "300")[0] and not grade(numeric, "301")[0]
    assert grade(numeric, "many") == (None, ["Type a number, such as 2,759 or 12.5."])
    assert grade(order, [0, 1, 2])[0] and not grade(order, [1, 0, 2])[0]


def test_live_quiz_through_the_widget_api():
    live = quiz("good", FIXTURES)
    live.widget()
    live.answer("offline", 0)
    assert live.check("offline") is False
    assert "Not quite." in live.feedback("offline") and "pages load nothing" in live.feedback("offline")
    live.answer("offline", 1)
    assert live.check("offline") is True and "Correct." in live.feedback("offline")
    live.answer("parts", [0, 1])
    live.answer("sequence", [0, 1, 2])
    live.answer("number", 262)
    assert live.check("parts") and live.check("sequence") and live.check("number")
    assert live.score == 4
    assert "4 of 5" in live._score.value
    live.reset()
    assert live.score == 0 and live.feedback("offline") == "" and live.response("offline") is None


def test_display_bundle_has_widget_and_names_the_quiz_for_the_book():
    bundle = quiz("good", FIXTURES)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["application/vnd.nl-on-mission.quiz+json"] == {"name": "good"}
    assert "text/html" not in bundle, "the lesson package does not write the book's quiz form"


def test_missing_quiz_is_named(tmp_path):
    with pytest.raises(QuizError, match=r"nothing\.yml"):
        load_quiz("nothing", tmp_path)


def test_order_items_are_shown_shuffled_but_graded_by_true_order():
    from missions.quiz import display_order

    live = quiz("good", FIXTURES)
    question = live.questions[4]
    shown = display_order(question)
    assert sorted(shown) == [0, 1, 2] and shown != [0, 1, 2]
    assert shown == display_order(question), "the order must be the same on every run"
    live.answer("sequence", [0, 1, 2])
    assert live.check("sequence") is True
    live.answer("sequence", [2, 1, 0])
    assert live.check("sequence") is False


# Option order carries no hint -------------------------------------------------------------------


def _shown_texts(question: dict) -> list[str]:
    from missions.quiz import display_order

    return [question["options"][i]["text"] for i in display_order(question)]


def test_options_are_shown_in_an_order_the_yaml_does_not_set():
    question = load_quiz("good", FIXTURES)["questions"][1]
    reordered = {**question, "options": list(reversed(question["options"]))}
    assert _shown_texts(question) == _shown_texts(reordered), "listing options differently must not move them"
    assert _shown_texts(question) == _shown_texts(dict(question)), "the order must be the same on every run"


def test_live_quiz_shows_options_in_display_order_and_grades_by_option():
    from missions.quiz import display_order

    live = quiz("good", FIXTURES)
    live.widget()
    single = live.questions[0]
    labels = [label for label, _ in live._controls["offline"].options]
    assert labels == _shown_texts(single)
    multiple = live.questions[1]
    boxes = [box.description for box in live._controls["parts"].children]
    assert boxes == _shown_texts(multiple)
    right = sorted(i for i, o in enumerate(multiple["options"]) if o.get("correct"))
    live.answer("parts", right)
    assert live.response("parts") == right and live.check("parts") is True
    from missions.text import t

    wrong = [i for i, o in enumerate(multiple["options"]) if not o.get("correct")]
    missed_in_shown_order = [multiple["options"][i]["text"] for i in display_order(multiple) if i in right]
    expected = [multiple["options"][i]["feedback"] for i in wrong] + [
        t("quiz.missed", option=text) for text in missed_in_shown_order
    ]
    assert grade(multiple, wrong)[1] == expected, "feedback follows the order the student sees, as the browser's does"
    assert grade(multiple, []) == (None, [t("quiz.choose")]), "an empty answer is asked for, not graded"


def _bank():
    from missions import paths

    quizzes = [load_quiz(path.stem) for path in sorted(paths.quiz_dir().glob("*.yml"))]
    return [q for data in quizzes if "draw" not in data for q in data["questions"]]  # drawn: counted at home


@pytest.fixture(params=["en", "nl"])
def edition(request, monkeypatch):
    """Each bank-wide check runs in both editions: a translation must not give the answer away."""
    monkeypatch.setenv("MISSIONS_LANG", request.param)
    return request.param


def test_over_the_whole_bank_no_position_holds_the_answer(edition):
    """Issue 13: no position holds the correct single-choice answer in more than 40% of questions, and
    the correct options of a multiple-choice question come first in at most half of them."""
    from collections import Counter

    from missions.quiz import display_order

    single = [q for q in _bank() if q["kind"] == "single"]
    positions = Counter(
        display_order(q).index(next(i for i, o in enumerate(q["options"]) if o.get("correct"))) for q in single
    )
    worst, count = positions.most_common(1)[0]
    assert count / len(single) <= 0.40, f"position {worst + 1} holds the answer in {count} of {len(single)} questions"
    multiple = [q for q in _bank() if q["kind"] == "multiple"]
    first = 0
    for q in multiple:
        flags = [bool(q["options"][i].get("correct")) for i in display_order(q)]
        first += all(flags[: sum(flags)])
    assert first / len(multiple) <= 0.5, f"correct options come first in {first} of {len(multiple)} questions"


def test_over_the_whole_bank_length_and_truth_give_nothing_away(edition):
    """Issue 13: the correct single-choice option is the longest in at most 40% of questions, and
    between 30% and 70% of the true/false statements are true. Length must not point the other way
    either: "never the longest" or "usually the shortest" is a hint too."""
    bank = _bank()
    single = [q for q in bank if q["kind"] == "single"]
    longest, shortest = [], []
    for q in single:
        lengths = [len(o["text"]) for o in q["options"]]
        right = lengths[next(i for i, o in enumerate(q["options"]) if o.get("correct"))]
        if right == max(lengths) and lengths.count(right) == 1:
            longest.append(q["id"])
        if right == min(lengths) and lengths.count(right) == 1:
            shortest.append(q["id"])
    n = len(single)
    assert len(longest) / n <= 0.40, f"the correct option is the longest in {len(longest)} of {n}: {longest}"
    assert len(longest) / n >= 0.15, f"the correct option is the longest in only {len(longest)} of {n} questions"
    assert len(shortest) / n <= 0.40, f"the correct option is the shortest in {len(shortest)} of {n}: {shortest}"
    statements = [q for q in bank if q["kind"] == "true_false"]
    true = sum(q["answer"] is True for q in statements)
    assert 0.30 <= true / len(statements) <= 0.70, f"{true} of {len(statements)} true/false statements are true"
