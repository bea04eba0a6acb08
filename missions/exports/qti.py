"""Quizzes as a QTI 3.0 content package: a zip with imsmanifest.xml, one assessment test (a section
per quiz) and one assessment item per question, in the QTI 3.0 namespaces of 1EdTech.

How the book's kinds map:
- single, multiple: qti-choice-interaction (shuffle on), the right options as the correct response;
- true_false: a choice between the book's "True" and "False" (not shuffled);
- numeric: qti-text-entry-interaction, base type float, right from answer - tolerance up to answer +
  tolerance (the book's rule), written with qti-gte and qti-lte: players need not support
  qti-equal's tolerance modes (Citolab's does not);
- order: qti-order-interaction (shuffle on), the items in time order as the correct response.

Every item scores 1 or 0, as in the book (SCORE, MAXSCORE 1). Feedback is modal feedback: for
choices, the feedback of each option the student chose (outcome FEEDBACK, the response itself); for
every kind "correct" or "not quite" with the explanation, where the book has one, and the section to
re-read (outcome VERDICT). Each outcome is set directly, without combining containers, which not
every player handles.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from missions.quiz import display_order
from missions.text import language, t

from . import body_html, explanation, item_id, letter, number, read_more

QTI = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEM_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # fixed, so the same bank gives the same bytes

ET.register_namespace("xsi", XSI)


def _el(parent: ET.Element, tag: str, attributes: dict | None = None, text: str | None = None) -> ET.Element:
    """A child element; attribute names are written with "_" for QTI's "-" (response_identifier)."""
    attributes = {key.replace("_", "-"): str(value) for key, value in (attributes or {}).items()}
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _html(parent: ET.Element, markup: str) -> None:
    """XHTML from the book's own markup (missions.quiz.stimulus_html and body_html, which escape all
    text) into the item body; `lang` becomes xml:lang, as QTI content has it."""
    for child in ET.fromstring(f"<div>{markup}</div>"):
        for element in child.iter():
            if "lang" in element.attrib:
                element.set(XML_LANG, element.attrib.pop("lang"))
        parent.append(child)


def _declare(item: ET.Element, identifier: str, cardinality: str, base_type: str, values=None, default=None):
    declaration = "qti-response-declaration" if identifier == "RESPONSE" else "qti-outcome-declaration"
    element = _el(item, declaration, {"identifier": identifier, "cardinality": cardinality, "base_type": base_type})
    if values is not None:
        correct = _el(element, "qti-correct-response")
        for value in values:
            _el(correct, "qti-value", text=value)
    if default is not None:
        _el(_el(element, "qti-default-value"), "qti-value", text=default)


def _interaction(body: ET.Element, question: dict, lang: str | None) -> tuple[str, str, list[str]]:
    """Writes the interaction; returns the response's cardinality, base type and correct value(s)."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        options = question["options"]
        order = display_order(question)
        maximum = 1 if kind == "single" else 0
        attributes = {"response_identifier": "RESPONSE", "shuffle": "true", "max_choices": maximum}
        choice = _el(body, "qti-choice-interaction", attributes)
        for position, i in enumerate(order):
            _el(choice, "qti-simple-choice", {"identifier": letter(position)}, options[i]["text"])
        right = [letter(p) for p, i in enumerate(order) if options[i].get("correct")]
        return ("single" if kind == "single" else "multiple"), "identifier", right
    if kind == "true_false":
        attributes = {"response_identifier": "RESPONSE", "shuffle": "false", "max_choices": 1}
        choice = _el(body, "qti-choice-interaction", attributes)
        _el(choice, "qti-simple-choice", {"identifier": "TRUE"}, t("quiz.true", lang))
        _el(choice, "qti-simple-choice", {"identifier": "FALSE"}, t("quiz.false", lang))
        return "single", "identifier", ["TRUE" if question["answer"] else "FALSE"]
    if kind == "numeric":
        paragraph = _el(body, "p")
        _el(paragraph, "qti-text-entry-interaction", {"response_identifier": "RESPONSE", "expected_length": "12"})
        return "single", "float", [number(question["answer"])]
    order = display_order(question)
    interaction = _el(body, "qti-order-interaction", {"response_identifier": "RESPONSE", "shuffle": "true"})
    for position, i in enumerate(order):
        _el(interaction, "qti-simple-choice", {"identifier": letter(position)}, question["items"][i]["text"])
    by_item = {i: letter(position) for position, i in enumerate(order)}
    return "ordered", "identifier", [by_item[i] for i in range(len(question["items"]))]


def _set(branch: ET.Element, outcome: str, tag: str, attributes: dict, text: str | None = None) -> None:
    _el(_el(branch, "qti-set-outcome-value", {"identifier": outcome}), tag, attributes, text)


def _verdict(branch: ET.Element, kind: str, score: str, verdict: str) -> None:
    _set(branch, "SCORE", "qti-base-value", {"base_type": "float"}, score)
    _set(branch, "VERDICT", "qti-base-value", {"base_type": "identifier"}, verdict)
    if kind in ("single", "multiple"):  # the chosen options select their own feedback
        _set(branch, "FEEDBACK", "qti-variable", {"identifier": "RESPONSE"})


def _processing(item: ET.Element, question: dict) -> None:
    processing = _el(item, "qti-response-processing")
    condition = _el(processing, "qti-response-condition")
    test = _el(condition, "qti-response-if")
    if question["kind"] == "numeric":  # answer - tolerance <= typed <= answer + tolerance
        answer, tolerance = float(question["answer"]), float(question["tolerance"])
        both = _el(test, "qti-and")
        for operator, bound in (("qti-gte", answer - tolerance), ("qti-lte", answer + tolerance)):
            compare = _el(both, operator)
            _el(compare, "qti-variable", {"identifier": "RESPONSE"})
            _el(compare, "qti-base-value", {"base_type": "float"}, number(bound))
    else:
        compare = _el(test, "qti-match")
        _el(compare, "qti-variable", {"identifier": "RESPONSE"})
        _el(compare, "qti-correct", {"identifier": "RESPONSE"})
    _verdict(test, question["kind"], "1", "CORRECT")
    _verdict(_el(condition, "qti-response-else"), question["kind"], "0", "INCORRECT")


def _modal(item: ET.Element, outcome: str, identifier: str, *paragraphs: str) -> None:
    attributes = {"outcome_identifier": outcome, "identifier": identifier, "show_hide": "show"}
    feedback = _el(item, "qti-modal-feedback", attributes)
    body = _el(feedback, "qti-content-body")
    for text in paragraphs:
        if text:
            _el(body, "p", text=text)


def item_xml(quiz_name: str, question: dict, lang: str | None = None, chapter: str = "") -> bytes:
    item = ET.Element(
        "qti-assessment-item",
        {
            "identifier": item_id(quiz_name, question),
            "title": question["id"],
            "adaptive": "false",
            "time-dependent": "false",
            XML_LANG: lang or language(),
            f"{{{XSI}}}schemaLocation": f"{QTI} {ITEM_XSD}",
        },
    )
    body = ET.Element("qti-item-body")
    _html(body, body_html(question, lang))
    cardinality, base_type, correct = _interaction(body, question, lang)
    _declare(item, "RESPONSE", cardinality, base_type, values=correct)
    _declare(item, "SCORE", "single", "float", default="0")
    _declare(item, "MAXSCORE", "single", "float", default="1")
    _declare(item, "VERDICT", "single", "identifier")
    if question["kind"] in ("single", "multiple"):
        _declare(item, "FEEDBACK", cardinality, "identifier")
    item.append(body)
    _processing(item, question)
    if question["kind"] in ("single", "multiple"):
        options = question["options"]
        for position, i in enumerate(display_order(question)):
            _modal(item, "FEEDBACK", letter(position), options[i]["feedback"])
    for verdict, key in (("CORRECT", "quiz.correct"), ("INCORRECT", "quiz.incorrect")):
        _modal(item, "VERDICT", verdict, t(key, lang), explanation(question, lang), read_more(question, lang, chapter))
    return _serialise(item)


def _serialise(root: ET.Element, namespace: str = QTI) -> bytes:
    """Elements are made without a namespace and the root declares it as the default (ElementTree's
    own default_namespace cannot take attributes without one)."""
    root.set("xmlns", namespace)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def assessment_test_xml(identifier: str, title: str, quizzes: dict[str, dict], lang: str | None = None) -> bytes:
    """The assessment test: one section per quiz, its items in the book's order; SCORE sums the items."""
    test = ET.Element(
        "qti-assessment-test",
        {
            "identifier": identifier,
            "title": title,
            XML_LANG: lang or language(),
            f"{{{XSI}}}schemaLocation": f"{QTI} {ITEM_XSD}",
        },
    )
    _declare(test, "SCORE", "single", "float", default="0")
    part = _el(
        test, "qti-test-part", {"identifier": "part", "navigation_mode": "nonlinear", "submission_mode": "individual"}
    )
    for name, quiz in quizzes.items():
        section = _el(
            part, "qti-assessment-section", {"identifier": f"section-{name}", "title": quiz["title"], "visible": "true"}
        )
        for question in quiz["questions"]:
            ref = item_id(name, question)
            _el(section, "qti-assessment-item-ref", {"identifier": ref, "href": f"items/{ref}.xml"})
    outcome = _el(_el(test, "qti-outcome-processing"), "qti-set-outcome-value", {"identifier": "SCORE"})
    _el(_el(outcome, "qti-sum"), "qti-test-variables", {"variable_identifier": "SCORE"})
    return _serialise(test)


def manifest_xml(identifier: str, items: list[str]) -> bytes:
    manifest = ET.Element("manifest", {"identifier": identifier, f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD}"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTI Package"
    ET.SubElement(metadata, "schemaversion").text = "3.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    test = ET.SubElement(
        resources, "resource", {"identifier": f"{identifier}-test", "type": "imsqti_test_xmlv3p0", "href": "test.xml"}
    )
    ET.SubElement(test, "file", {"href": "test.xml"})
    for ref in items:
        ET.SubElement(test, "dependency", {"identifierref": ref})
    for ref in items:
        href = f"items/{ref}.xml"
        resource = ET.SubElement(
            resources, "resource", {"identifier": ref, "type": "imsqti_item_xmlv3p0", "href": href}
        )
        ET.SubElement(resource, "file", {"href": href})
    return _serialise(manifest, CP)


def qti_package(identifier: str, title: str, quizzes: dict[str, dict], lang: str | None = None) -> bytes:
    """The zip: imsmanifest.xml, test.xml and items/<quiz>-<question>.xml."""
    files = {}
    for name, quiz in quizzes.items():
        for question in quiz["questions"]:
            files[f"items/{item_id(name, question)}.xml"] = item_xml(name, question, lang, quiz["chapter"])
    items = [path.removeprefix("items/").removesuffix(".xml") for path in files]
    files = {
        "imsmanifest.xml": manifest_xml(identifier, items),
        "test.xml": assessment_test_xml(identifier, title, quizzes, lang),
    } | files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(zipfile.ZipInfo(path, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
