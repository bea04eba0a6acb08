"""The built QTI 3.0 package played in Citolab's QTI player (@citolab/qti-components, a web-component
player of QTI 3.0 items, from tools/vendor) in Chromium, offline: every item of the bank, answered
once right and once wrong as the quiz file says. A right answer must score 1 and show "correct",
a wrong one 0 and "not quite"; a chosen option must show its own feedback."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
import zipfile

import pytest

from missions import paths
from missions.exports import BANK, bank
from missions.text import t
from missions_book.progress_pages import quiz_pages
from tests.export_checks import norm, questions

pytestmark = pytest.mark.xdist_group("qti-player")

PLAYER = paths.root() / "tools/vendor/node_modules/@citolab/qti-components"

# Renders one item, gives it a response and runs its response processing. A choice is clicked by its
# text, as a student would; a number or an order is given through the player's response API.
PLAY = """async ({xml, choose, value}) => {
  const stage = document.getElementById("stage");
  stage.innerHTML = QtiComponents.qtiTransformItem().parse(xml).html();
  const item = stage.querySelector("qti-assessment-item");
  await customElements.whenDefined("qti-assessment-item");
  await item.updateComplete;
  await new Promise(resolve => requestAnimationFrame(resolve));
  const text = el => el.textContent.replace(/\\s+/g, " ").trim();
  const choices = [...item.querySelectorAll("qti-simple-choice")];
  const byText = Object.fromEntries(choices.map(c => [text(c), c]));
  const missing = [...(choose || []), ...(Array.isArray(value) ? value : [])].filter(label => !(label in byText));
  if (missing.length) return {missing};
  for (const label of choose || []) byText[label].click();
  if (value !== null) {
    const order = Array.isArray(value) ? value.map(label => byText[label].getAttribute("identifier")) : String(value);
    item.updateResponseVariable("RESPONSE", order);
  }
  item.processResponse();
  await new Promise(resolve => requestAnimationFrame(resolve));
  const shown = [...item.querySelectorAll("qti-modal-feedback")].filter(f => f.showStatus === "on").map(text);
  return {score: Number(item.getOutcome("SCORE").value), shown};
}"""


@pytest.fixture(scope="module")
def player(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("player")
    shutil.copy(PLAYER / "cdn/index.global.js", folder)
    shutil.copy(PLAYER / "dist/item.css", folder)
    (folder / "player.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>player</title>'
        '<link rel="stylesheet" href="item.css"><script src="index.global.js"></script></head>'
        '<body><main id="stage"></main></body></html>',
        encoding="utf-8",
    )
    context = browser.new_context()
    outside = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto((folder / "player.html").as_uri())
    yield page
    context.close()
    assert outside == [], f"the player asked the network for {outside}"


@pytest.fixture(scope="module")
def items():
    path = paths.root() / "_build/html/downloads/quizzes" / f"{BANK}.qti.zip"
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(f"items/{name}.xml").decode("utf-8") for name, _ in questions(bank())}


def _answers(question: dict):
    """(choose, value) for the right answer and for a wrong one, from the quiz file."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        options = question["options"]
        right = [norm(o["text"]) for o in options if o.get("correct")]
        wrong = [norm(o["text"]) for o in options if not o.get("correct")][:1]
        return (right, None), ((wrong if kind == "single" else right + wrong), None)
    if kind == "true_false":
        labels = {True: t("quiz.true"), False: t("quiz.false")}
        return ([labels[question["answer"]]], None), ([labels[not question["answer"]]], None)
    if kind == "numeric":
        answer, tolerance = float(question["answer"]), float(question["tolerance"])
        return (None, answer + tolerance / 2), (None, answer + 2 * tolerance + 1)
    texts = [norm(item["text"]) for item in question["items"]]
    return (None, texts), (None, texts[1:] + texts[:1])


def test_every_item_scores_and_gives_feedback_in_the_qti_player(player, items):
    problems = []
    for name, question in questions(bank()):
        right, wrong = _answers(question)
        for verdict, (choose, value), score, status in (
            (True, right, 1, "quiz.correct"),
            (False, wrong, 0, "quiz.incorrect"),
        ):
            result = player.evaluate(PLAY, {"xml": items[name], "choose": choose, "value": value})
            if "missing" in result:
                problems.append(f"{name}: no choice with the text {result['missing']}")
                continue
            if result["score"] != score:
                problems.append(f"{name}: a {'right' if verdict else 'wrong'} answer scores {result['score']}")
            if not any(shown.startswith(t(status)) for shown in result["shown"]):
                problems.append(f"{name}: '{t(status)}' not shown after a {'right' if verdict else 'wrong'} answer")
            if question["kind"] in ("single", "multiple"):
                chosen = [o for o in question["options"] if norm(o["text"]) in (choose or [])]
                for option in chosen:
                    if norm(option["feedback"]) not in result["shown"]:
                        problems.append(f"{name}: the feedback of '{option['text'][:30]}' is not shown")
            elif norm(question["explanation"]) not in " ".join(result["shown"]):
                problems.append(f"{name}: the explanation is not shown")
    assert problems == []


def test_the_platforms_page_links_every_export_and_each_opens(offline_page, book_url):
    """Every quiz and the bank, in both formats, linked from the teacher guide and readable."""
    offline_page.goto(f"{book_url}/book/teachers/platforms.html")
    rows = offline_page.locator("table.quiz-exports tbody tr")
    names = [*(name for name, _ in quiz_pages()), BANK]
    assert rows.count() == len(names)
    built = paths.root() / "_build/html/book/teachers"
    for n, name in enumerate(names):
        links = rows.nth(n).locator("a[download]")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert [href.rsplit("/", 1)[-1] for href in hrefs] == [f"{name}.moodle.xml", f"{name}.qti.zip"]
        title = rows.nth(n).locator("th").inner_text()
        assert [links.nth(i).text_content() for i in range(2)] == [f"Moodle XML: {title}", f"QTI 3.0 package: {title}"]
        moodle, qti = ((built / href).resolve() for href in hrefs)
        assert ET.parse(moodle).getroot().tag == "quiz"
        with zipfile.ZipFile(qti) as archive:
            assert "imsmanifest.xml" in archive.namelist()
    counts = rows.locator("td:nth-child(2)").all_inner_texts()
    assert int(counts[-1]) == sum(int(c) for c, (name, _) in zip(counts, quiz_pages()) if name != "review")
