"""What the quiz exports must carry, checked through readers that are not the project's own:
moodle-xml-parser for Moodle's multiple-choice questions, and Citolab's qti-convert, which reads the
QTI 3.0 package and writes it as QTI 2.1 (warning about anything it does not know). The expected
values come straight from the quiz files. Each check returns a list of problems, each naming the
question, so that a test can also show that a broken export is caught.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from moodle_xml_parser.parser import parse_string
from qti_convert import downgrade_package_files

from missions.text import t

QTI21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def plain(markup: str | None) -> str:
    """Text without tags and entities, spaces collapsed. Only real tags go: moodle-xml-parser has
    already decoded "&lt;" in an option such as `ms[ms["start_date"] < "2000-01-01"]`."""
    text = html.unescape(re.sub(r"</?[a-zA-Z][^<>]*>", " ", markup or ""))
    return re.sub(r"\s+", " ", text).strip()


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def text_of(element) -> str:
    return norm("".join(element.itertext()))


def questions(quizzes: dict[str, dict]):
    for name, quiz in quizzes.items():
        for question in quiz["questions"]:
            yield f"{name}-{question['id']}", question


# --- Moodle XML -------------------------------------------------------------------------------


def moodle_problems(xml: bytes, quizzes: dict[str, dict]) -> list[str]:
    problems = []
    parsed = {q.name: q for q in parse_string(xml.decode("utf-8"))["multichoice"]}
    root = ET.fromstring(xml)
    others = {
        q.findtext("name/text"): q for q in root.iter("question") if q.get("type") not in ("category", "multichoice")
    }
    expected = dict(questions(quizzes))
    for name in sorted(set(parsed) | set(others) - set(expected)):
        if name not in expected:
            problems.append(f"{name}: in the export, not in the quizzes")
    for name, question in expected.items():
        if question["kind"] in ("single", "multiple"):
            problems += _moodle_choice(name, question, parsed.get(name))
        else:
            problems += _moodle_other(name, question, others.get(name))
    categories = [q for q in root.iter("question") if q.get("type") == "category"]
    if len(categories) != len(quizzes):
        problems.append(f"{len(categories)} categories for {len(quizzes)} quizzes")
    return problems


def _moodle_choice(name: str, question: dict, parsed) -> list[str]:
    if parsed is None:
        return [f"{name}: missing (no multichoice question of that name)"]
    problems = []
    if parsed.single != (question["kind"] == "single"):
        problems.append(f"{name}: single is {parsed.single}")
    if not parsed.shuffle_answers:
        problems.append(f"{name}: options not shuffled")
    given = {plain(option.answer): option for option in parsed.options}
    for option in question["options"]:
        found = given.get(plain(option["text"]))
        if found is None:
            problems.append(f"{name}: option missing: {option['text'][:40]}")
            continue
        if (found.score_fraction > 0) != bool(option.get("correct")):
            problems.append(f"{name}: option '{option['text'][:40]}' has fraction {found.score_fraction}")
        if plain(found.feedback) != plain(option["feedback"]):
            problems.append(f"{name}: feedback of option '{option['text'][:40]}' differs")
    if len(given) != len(question["options"]):
        problems.append(f"{name}: {len(given)} options, the quiz has {len(question['options'])}")
    if question["kind"] == "multiple":
        total = sum(o.score_fraction for o in parsed.options if o.score_fraction > 0)
        if abs(total - 100) > 0.01:
            problems.append(f"{name}: the right options add up to {total}%")
    return problems


def _moodle_other(name: str, question: dict, element) -> list[str]:
    """True/false, numerical and ordering, read as Moodle's importer (question/format/xml) reads them."""
    kind = question["kind"]
    want = {"true_false": "truefalse", "numeric": "numerical", "order": "ordering"}[kind]
    if element is None or element.get("type") != want:
        return [f"{name}: missing (no {want} question of that name)"]
    answers = element.findall("answer")
    if kind == "true_false":
        right = [a.findtext("text") for a in answers if float(a.get("fraction")) == 100]
        feedback = {plain(a.findtext("feedback/text")) for a in answers}
        problems = [] if right == [str(question["answer"]).lower()] else [f"{name}: right answer {right}"]
        return problems + ([] if feedback == {plain(question["explanation"])} else [f"{name}: feedback differs"])
    if kind == "numeric":
        right = [a for a in answers if float(a.get("fraction")) == 100]
        if len(right) != 1:
            return [f"{name}: {len(right)} right answers"]
        value, tolerance = float(right[0].findtext("text")), float(right[0].findtext("tolerance"))
        if value != float(question["answer"]) or tolerance != float(question["tolerance"]):
            return [f"{name}: answer {value} ± {tolerance}"]
        if plain(question["explanation"]) not in plain(right[0].findtext("feedback/text")):
            return [f"{name}: explanation missing"]
        return []
    texts = [plain(a.findtext("text")) for a in sorted(answers, key=lambda a: float(a.get("fraction")))]
    problems = [] if texts == [plain(i["text"]) for i in question["items"]] else [f"{name}: items or order differ"]
    if element.findtext("gradingtype") != "ALL_OR_NOTHING":
        problems.append(f"{name}: graded {element.findtext('gradingtype')}")
    return problems


# --- QTI 3.0 ----------------------------------------------------------------------------------


def qti_problems(package: dict[str, bytes], quizzes: dict[str, dict], lang: str = "en") -> list[str]:
    """`package`: path -> content of the zip."""
    converted = downgrade_package_files(package)
    problems = [f"qti-convert: {w.file or ''} {w.code}: {w.message}" for w in converted.warnings]
    files = converted.files
    manifest = ET.fromstring(_bytes(files["imsmanifest.xml"]))
    listed = {r.get("href") for r in manifest.iter() if r.tag.endswith("resource")}
    for name, question in questions(quizzes):
        path = f"items/{name}.xml"
        if path not in files or path not in listed:
            problems.append(f"{name}: no item {path} in the package and its manifest")
            continue
        problems += [f"{name}: {p}" for p in _qti_item(ET.fromstring(_bytes(files[path])), question, lang)]
    return problems


def _bytes(content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _all(element, tag: str) -> list:
    return list(element.iter(f"{QTI21}{tag}"))


def _qti_item(item, question: dict, lang: str) -> list[str]:
    problems = []
    correct = [v.text for response in _all(item, "correctResponse") for v in _all(response, "value")]
    feedback = {f.get("identifier"): text_of(f) for f in _all(item, "modalFeedback")}
    choices = {c.get("identifier"): text_of(c) for c in _all(item, "simpleChoice")}
    by_text = {text: identifier for identifier, text in choices.items()}
    kind = question["kind"]
    if kind in ("single", "multiple"):
        if len(choices) != len(question["options"]):
            problems.append(f"{len(choices)} choices, the quiz has {len(question['options'])}")
        for option in question["options"]:
            identifier = by_text.get(norm(option["text"]))
            if identifier is None:
                problems.append(f"option missing: {option['text'][:40]}")
                continue
            if (identifier in correct) != bool(option.get("correct")):
                problems.append(
                    f"option '{option['text'][:40]}' wrongly {'in' if identifier in correct else 'out of'} the correct response"
                )
            if feedback.get(identifier) != norm(option["feedback"]):
                problems.append(f"no or other feedback for option '{option['text'][:40]}'")
        interaction = _all(item, "choiceInteraction")
        if not interaction or interaction[0].get("shuffle") != "true":
            problems.append("choices not shuffled")
    elif kind == "true_false":
        label = t("quiz.true" if question["answer"] else "quiz.false", lang)
        if [choices.get(c) for c in correct] != [label]:
            problems.append(f"correct response {correct} is not '{label}'")
    elif kind == "numeric":
        answer, tolerance = float(question["answer"]), float(question["tolerance"])
        bounds = [
            float(v.text) for operator in ("gte", "lte") for e in _all(item, operator) for v in _all(e, "baseValue")
        ]
        if [float(v) for v in correct] != [answer]:
            problems.append(f"correct response {correct}")
        expected = [answer - tolerance, answer + tolerance]
        if len(bounds) != 2 or any(abs(b - e) > 1e-9 for b, e in zip(bounds, expected)):
            problems.append(f"right from {bounds}, not within {tolerance} of {answer}")
        if not _all(item, "textEntryInteraction"):
            problems.append("no text entry")
    else:
        if [choices.get(c) for c in correct] != [norm(i["text"]) for i in question["items"]]:
            problems.append("correct order differs from the quiz")
        if not _all(item, "orderInteraction"):
            problems.append("no order interaction")
    for verdict in ("CORRECT", "INCORRECT"):
        if norm(question.get("explanation", "")) not in feedback.get(verdict, "-"):
            problems.append(f"no feedback {verdict} with the explanation")
    return problems
