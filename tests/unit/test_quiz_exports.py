"""The quiz exports (missions/exports) as independent readers see them: every question, option,
correct answer and piece of feedback of the bank arrives, in Moodle XML and in QTI 3.0, and a broken
export is caught. The browser test tests/built/test_qti_player.py plays the items in a QTI player."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from missions.exports import bank
from missions.exports.moodle import moodle_xml
from missions.exports.qti import qti_package
from missions.quiz import load_quiz
from tests.export_checks import moodle_problems, qti_problems

TITLE = "The Netherlands on Mission"


@pytest.fixture(scope="module")
def quizzes():
    return bank()


@pytest.fixture(scope="module")
def moodle(quizzes):
    return moodle_xml(quizzes, TITLE)


@pytest.fixture(scope="module")
def package(quizzes):
    with zipfile.ZipFile(io.BytesIO(qti_package("question-bank", TITLE, quizzes))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_bank_holds_every_quiz_but_the_drawn_review(quizzes):
    assert "review" not in quizzes
    assert {"lithuania", "iraq", "timeline", "money"} <= set(quizzes)
    kinds = {q["kind"] for quiz in quizzes.values() for q in quiz["questions"]}
    assert kinds == {"single", "multiple", "true_false", "numeric", "order"}


def test_moodle_export_carries_every_question_option_answer_and_feedback(moodle, quizzes):
    assert moodle_problems(moodle, quizzes) == []


def test_qti_export_carries_every_question_option_answer_and_feedback(package, quizzes):
    assert qti_problems(package, quizzes) == []


def test_a_single_quiz_exports_alone():
    quizzes = {"lithuania": load_quiz("lithuania")}
    assert moodle_problems(moodle_xml(quizzes, TITLE), quizzes) == []
    with zipfile.ZipFile(io.BytesIO(qti_package("lithuania", TITLE, quizzes))) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert qti_problems(files, quizzes) == []
    assert len([f for f in files if f.startswith("items/")]) == len(quizzes["lithuania"]["questions"])


def test_the_review_exports_with_the_ids_of_its_sources():
    quizzes = {"review": load_quiz("review")}
    assert moodle_problems(moodle_xml(quizzes, TITLE), quizzes) == []


def test_exports_are_the_same_bytes_every_time(quizzes, package):
    again = qti_package("question-bank", TITLE, quizzes)
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == package
    assert moodle_xml(quizzes, TITLE) == moodle_xml(quizzes, TITLE)


def test_options_are_not_written_right_answer_first(moodle):
    """The YAML often lists the right answer first; the export must not."""
    firsts = re.findall(rb'<single>true</single>.*?<answer fraction="([-\d.]+)"', moodle, re.S)
    assert len(firsts) > 50
    assert firsts.count(b"100") < len(firsts) / 2


# Broken exports are caught: the checks above are not vacuous.


def _edit(xml: bytes, old: bytes, new: bytes) -> bytes:
    assert old in xml, old
    return xml.replace(old, new, 1)


def test_a_moodle_question_with_a_wrong_key_is_caught(moodle, quizzes):
    broken = _edit(moodle, b'<answer fraction="100"', b'<answer fraction="0"')
    assert any("fraction" in p for p in moodle_problems(broken, quizzes))


def test_a_moodle_option_without_its_feedback_is_caught(moodle, quizzes):
    broken = re.sub(
        rb"(<answer fraction=\"0\" format=\"html\">\s*<text>[^<]*</text>)\s*<feedback.*?</feedback>",
        rb"\1",
        moodle,
        count=1,
        flags=re.S,
    )
    assert broken != moodle
    assert any("feedback of option" in p for p in moodle_problems(broken, quizzes))


def test_a_missing_moodle_question_is_named(moodle, quizzes):
    broken = _edit(moodle, b'<question type="ordering">', b'<question type="essay">')
    problems = moodle_problems(broken, quizzes)
    assert len(problems) == 1 and "missing (no ordering question" in problems[0]


def test_a_qti_item_without_a_feedback_is_caught(package, quizzes):
    item = package["items/lithuania-why-warsaw.xml"]
    broken = re.sub(
        rb'<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="A".*?</qti-modal-feedback>',
        b"",
        item,
        flags=re.S,
    )
    problems = qti_problems({**package, "items/lithuania-why-warsaw.xml": broken}, quizzes)
    assert problems and all(p.startswith("lithuania-why-warsaw: no or other feedback") for p in problems)


def test_a_qti_item_with_a_wrong_tolerance_is_caught(package, quizzes):
    path = next(p for p in package if b"<qti-lte>" in package[p])
    broken = re.sub(rb'(<qti-lte>.*?<qti-base-value base-type="float">)[^<]*', rb"\g<1>1e9", package[path], flags=re.S)
    assert broken != package[path]
    assert any("not within" in p for p in qti_problems({**package, path: broken}, quizzes))


def test_an_item_outside_the_qti_3_namespace_is_caught(package, quizzes):
    """qti-convert reports a file that is not QTI 3.0 and leaves it unconverted, so it also fails the checks."""
    item = package["items/lithuania-why-warsaw.xml"]
    broken = _edit(item, b'xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"', b'xmlns="http://example.org/not-qti"')
    problems = qti_problems({**package, "items/lithuania-why-warsaw.xml": broken}, quizzes)
    assert problems and all("lithuania-why-warsaw" in p for p in problems)
    assert any("not-qti" in p for p in problems)
    assert "lithuania-why-warsaw: 0 choices, the quiz has 4" in problems


def test_a_package_without_an_item_names_it(package, quizzes):
    broken = {k: v for k, v in package.items() if k != "items/iraq-" + quizzes["iraq"]["questions"][0]["id"] + ".xml"}
    problems = qti_problems(broken, quizzes)
    assert problems == [
        f"iraq-{quizzes['iraq']['questions'][0]['id']}: no item items/iraq-{quizzes['iraq']['questions'][0]['id']}.xml in the package and its manifest"
    ]
