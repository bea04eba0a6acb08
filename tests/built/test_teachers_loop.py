"""The teacher's loop in a real browser, from the built book opened as a folder (file://, no server):
two students answer quizzes on two pages, come back, open "My progress", download their results and
print a slip; the teacher opens their files in the class overview and reads the tables. Nothing may
leave the page on the way. The overview refuses the same files the Python reader refuses
(tests/fixtures/results/cases.yml)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader

from missions import results
from missions.quiz import load_quiz
from missions.text import t, template
from missions_book.progress_pages import quiz_pages
from tests.results_cases import case_bytes, cases

from .conftest import HTML_DIR

pytestmark = pytest.mark.xdist_group("teachers-loop")  # one worker: the students' files pass from test to test
CHAPTER, NOTEBOOK = "lithuania", "people-over-time"
PAGES = dict(quiz_pages())
THEME_KEYS = {"theme", "mode"}  # the theme keeps the light or dark mode (the privacy statement says so)


def url(docname: str) -> str:
    return (HTML_DIR / f"{docname}.html").as_uri()


class Student:
    """One browser profile: its own localStorage, as on a student's own computer. Records every
    request that is not the book's own files."""

    def __init__(self, browser):
        self.context = browser.new_context(accept_downloads=True, offline=True)
        self.context.add_init_script("window.print = () => { window.printed = true; }")
        self.requests = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, docname: str):
        self.page.goto(url(docname))
        self.requests.clear()  # from here on, nothing may be asked of anyone
        return self.page


def _question(page, quiz: str, n: int):
    return page.locator(f'[data-quiz="{quiz}"] .quiz-question').nth(n)


def answer_choice(page, quiz: str, n: int, right: bool) -> str:
    """Choose a right or wrong option of a single-choice question by keyboard; returns its text."""
    question = _question(page, quiz, n)
    assert question.get_attribute("data-kind") == "single", f"{quiz} question {n + 1} is no longer single choice"
    option = question.locator(f'input[data-correct="{str(right).lower()}"]').first
    option.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    return option.get_attribute("data-text")


def first_single(quiz: str, after: int = 0) -> int:
    kinds = [q["kind"] for q in load_quiz(quiz)["questions"]]
    return kinds.index("single", after)


@pytest.fixture(scope="module")
def handed_in(browser, tmp_path_factory):
    """Two students' results files, made as students make them; and what each did."""
    folder = tmp_path_factory.mktemp("class")
    done = {}
    one, two = first_single(CHAPTER), first_single(CHAPTER, first_single(CHAPTER) + 1)
    nb = first_single(NOTEBOOK)
    for name, group, rights in (
        ("Sanne de Vries", "5H2", (True, False, True)),
        ("Daan <b>Bakker</b>", "5H2", (False, False, True)),
    ):
        student = Student(browser)
        page = student.open(PAGES[CHAPTER])
        chosen = [answer_choice(page, CHAPTER, one, rights[0]), answer_choice(page, CHAPTER, two, rights[1])]
        page = student.open(PAGES[NOTEBOOK])
        chosen.append(answer_choice(page, NOTEBOOK, nb, rights[2]))
        assert student.requests == [], "answering a quiz made a request"
        page = student.open("book/progress")
        page.get_by_label(t("progress.name", "en")).fill(name)
        page.get_by_label(t("progress.class", "en")).fill(group)
        with page.expect_download() as download:
            page.get_by_role("button", name=t("progress.download", "en")).click()
        path = folder / download.value.suggested_filename
        download.value.save_as(path)
        done[name] = {"rights": rights, "chosen": chosen, "file": path, "student": student}
        assert [r for r in student.requests if not r.startswith("blob:")] == [], "exporting made a request"
    yield done
    for entry in done.values():
        entry["student"].context.close()


def test_answers_are_kept_and_shown_again_after_a_reload(handed_in):
    entry = handed_in["Sanne de Vries"]
    page = entry["student"].open(PAGES[CHAPTER])
    question = _question(page, CHAPTER, first_single(CHAPTER))
    checked = question.locator("input:checked")
    assert checked.get_attribute("data-text") == entry["chosen"][0]
    assert t("quiz.correct", "en") in question.locator(".quiz-feedback").inner_text()
    total = len(load_quiz(CHAPTER)["questions"])
    assert page.locator(f'[data-quiz="{CHAPTER}"] .quiz-score').inner_text() == t(
        "quiz.score", "en", score=1, total=total
    )
    assert entry["student"].errors == []


def test_my_progress_lists_every_quiz_with_score_and_what_to_reread(handed_in):
    page = handed_in["Sanne de Vries"]["student"].open("book/progress")
    rows = page.locator(".progress-table tbody tr")
    assert rows.count() == len(PAGES), "one row per quiz of the book"
    titles = {name: load_quiz(name)["title"] for name in PAGES}
    by_title = {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())
    }
    total = len(load_quiz(CHAPTER)["questions"])
    assert by_title[titles[CHAPTER]] == [
        t("progress.score", "en", right=1, total=total),
        t("progress.left", "en", count=total - 2),
    ]
    assert by_title[titles["iraq"]][0] == t("progress.not_started", "en")
    # the wrong answer's section, linked, with its objectives in words
    wrong = load_quiz(CHAPTER)["questions"][first_single(CHAPTER, first_single(CHAPTER) + 1)]
    link = page.get_by_role("link", name=t("progress.reread", "en", section=wrong["section"]))
    assert link.count() == 1
    target = link.get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + target)
    assert page.locator(f"#{target.split('#')[1]}").count() == 1, f"{target}: the section is not on the page"


def test_the_downloaded_file_is_read_by_the_python_reader_with_the_same_scores(handed_in):
    bank = {name: load_quiz(name) for name in PAGES}
    for name, entry in handed_in.items():
        data, notes = results.read_results(entry["file"].read_bytes(), entry["file"].name, bank)
        assert notes == [] and data["student"]["name"] == name
        scores = {q["quiz"]: (q["score"], len(q["answers"])) for q in data["quizzes"]}
        rights = entry["rights"]
        assert scores == {CHAPTER: (sum(rights[:2]), 2), NOTEBOOK: (int(rights[2]), 1)}


def test_the_results_slip_prints_on_one_page(handed_in, tmp_path):
    page = handed_in["Sanne de Vries"]["student"].open("book/progress")
    page.get_by_label(t("progress.name", "en")).fill("Sanne de Vries")
    page.get_by_label(t("progress.class", "en")).fill("5H2")
    page.get_by_role("button", name=t("progress.print", "en")).click()
    assert page.evaluate("window.printed") is True
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1, f"the slip takes {len(pdf.pages)} pages"
    assert "Sanne de Vries" in text and "5H2" in text and load_quiz(CHAPTER)["title"] in text
    assert t("progress.caption", "en") not in text, "the rest of the page is printed too"


def test_the_class_overview_shows_students_and_questions(handed_in, browser, tmp_path):
    teacher = Student(browser)
    page = teacher.open("book/teachers/class-overview")
    edited = tmp_path / "edited.json"
    data = json.loads(handed_in["Sanne de Vries"]["file"].read_text())
    data["quizzes"][0]["score"] += 1
    edited.write_text(json.dumps(data))
    files = [entry["file"] for entry in handed_in.values()] + [edited]
    page.locator("#overview-files").set_input_files(files)
    report = page.locator(".overview-report")
    report.get_by_text(t("overview.read", "en", count=2, files=3, students=2)).wait_for()
    assert t("overview.edited", "en", file="edited.json", field="quizzes.0.score") in report.inner_text()

    students = page.locator(".overview-students table")
    total = len(load_quiz(CHAPTER)["questions"])
    header = students.locator("thead th").all_inner_texts()
    assert header[:3] == [
        "Student",
        "Class",
        t("overview.quiz_total", "en", quiz=load_quiz(CHAPTER)["title"], total=total),
    ]
    rows = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts()
        for row in students.locator("tbody tr").all()
    }
    assert rows["Daan <b>Bakker</b>"][:2] == ["5H2", t("overview.right", "en", right=0, answered=2)]  # a name is text
    assert rows["Sanne de Vries"][:2] == ["5H2", t("overview.right", "en", right=1, answered=2)]

    # the second question both answered: both wrong, with the same wrong option
    second = first_single(CHAPTER, first_single(CHAPTER) + 1)
    question = load_quiz(CHAPTER)["questions"][second]
    table = page.locator(".overview-questions table").first
    row = table.locator("tbody tr").nth(second)
    cells = row.locator("td").all_inner_texts()
    wrong_text = handed_in["Sanne de Vries"]["chosen"][1]
    feedback = next(o["feedback"] for o in question["options"] if o["text"] == wrong_text)
    assert cells == ["2", "0%", f"{wrong_text} (2)", feedback]
    first = table.locator("tbody tr").nth(first_single(CHAPTER)).locator("td").all_inner_texts()
    assert first[:2] == ["2", "50%"]

    with page.expect_download() as download:
        page.get_by_role("button", name=t("overview.csv_students", "en")).click()
    table_rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert table_rows[0][:2] == ["Student", "Class"] and len(table_rows) == 3
    assert [r for r in teacher.requests if not r.startswith("blob:")] == [], "the overview made a request"
    assert teacher.errors == []
    teacher.context.close()


def test_the_overview_refuses_what_the_python_reader_refuses(browser, tmp_path):
    teacher = Student(browser)
    page = teacher.open("book/teachers/class-overview")
    paths = []
    for case in cases():
        path = tmp_path / f"{case['name']}.json"
        path.write_bytes(case_bytes(case))
        paths.append(path)
    page.locator("#overview-files").set_input_files(paths)
    report = page.locator(".overview-report")
    accepted = [case for case in cases() if "refused" not in case]
    report.get_by_text(t("overview.read", "en", count=len(accepted), files=len(paths), students=1)).wait_for()
    lines = report.locator("li").all_inner_texts()
    for case in cases():
        if "refused" in case:
            refused = case["refused"]
            said = t(
                f"overview.{refused['kind']}",
                "en",
                file=f"{case['name']}.json",
                field=refused.get("field", ""),
                version=2,
            )
            assert said in lines, f"{case['name']}: the overview did not say {said!r}; it said {lines}"
    # The cases' own notes; which of two copies of one student's answers is called older depends on
    # the order the browser reads the files in and on their times, so those notes are not counted.
    older = template("overview.older_file", "en").split("{file}")[1].split("{")[0]
    notes = [line for line in lines if line.startswith(("changed-question.json", "unknown-quiz.json"))]
    notes = [line for line in notes if older not in line]
    assert len(notes) == sum(case.get("notes", 0) for case in cases()), notes
    assert teacher.errors == []
    teacher.context.close()


def test_a_folder_of_results_files_opens_too(handed_in, browser):
    teacher = Student(browser)
    page = teacher.open("book/teachers/class-overview")
    folder = next(iter(handed_in.values()))["file"].parent
    page.locator("#overview-folder").set_input_files(folder)
    page.locator(".overview-report").get_by_text(t("overview.read", "en", count=2, files=2, students=2)).wait_for()
    teacher.context.close()


def test_clearing_progress_leaves_nothing_in_the_browser(handed_in):
    student = handed_in["Daan <b>Bakker</b>"]["student"]
    page = student.open("book/progress")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=t("progress.clear", "en")).click()
    assert page.locator(".progress-message").inner_text() == t("progress.cleared", "en")
    kept = page.evaluate("Object.keys(localStorage)")
    assert [key for key in kept if key.startswith("the-netherlands-on-mission")] == [], kept
    assert set(kept) <= THEME_KEYS, f"unexpected keys in localStorage: {kept}"
    assert page.locator(".progress-status").inner_text() == t("progress.nothing_yet", "en")
    page = student.open(PAGES[CHAPTER])
    assert page.locator(f'[data-quiz="{CHAPTER}"] input:checked').count() == 0
