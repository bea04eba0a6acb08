"""The teacher's loop in the static book: the student's "My progress" page and the teacher's class overview.

- ```{my-progress} table```, ```{my-progress} reread``` and ```{my-progress} results```: the parts of
  the "My progress" page (book/_static/progress.js fills them from what this browser kept);
- ```{class-overview}```: the teacher guide's form that reads a folder of results files in the
  browser (book/_static/class-overview.js) and shows the class by quiz and by question.

Each embeds what its script needs as JSON: the quizzes in reading order with their pages, sections,
objectives and fingerprints, and for the overview the keys and option feedback to grade with. Both
scripts load only on the pages that use them. The file format is missions/results.py's.
"""

from __future__ import annotations

import html
import json
import posixpath

from docutils import nodes
from docutils.nodes import make_id
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from missions import paths, results
from missions.quiz import display_order, load_quiz, numeric_answer_text, quiz_names
from missions.text import language, t, template
from missions.translation import text_in

from .inputs import note_data_dependency
from .objectives import objectives
from .toc import book_pages

PROGRESS_STRINGS = (
    "score left all_done not_started answered nothing_yet reread objectives no_storage name_needed "
    "nothing_to_export downloaded confirm_clear cleared slip_title slip_caption slip_score slip_note "
    "name class date quiz score_head"
).split()  # what progress.js says; the table's headers and captions are written here
OVERVIEW_STRINGS = (
    "read no_files skipped notes left_out changed older_file too_large not_json not_ours bad_version bad_field "
    "duplicate edited students_caption student class quiz_total right not_done questions_caption quiz number "
    "question answered right_count share wrong_most wrong_count what_it_shows none_wrong missed_option placed "
    "true false"
).split()


def quiz_pages() -> list[tuple[str, str]]:
    """(quiz name, docname of the page that shows it), in reading order."""
    order = {docname: n for n, (docname, _) in enumerate(book_pages())}
    found = []
    for name in quiz_names():
        found.append((name, load_quiz(name)["chapter"].rsplit(".", 1)[0]))
    return sorted(found, key=lambda item: order.get(item[1], len(order)))


def _url(here: str, docname: str, anchor: str = "") -> str:
    page = posixpath.relpath(f"{docname}.html", posixpath.dirname(here))
    return f"{page}#{make_id(anchor)}" if anchor else page


def progress_bank(here: str) -> dict:
    """What "My progress" shows of each quiz: its page, and per question its fingerprint, section
    (linked) and objectives (in words)."""
    quizzes = []
    for name, docname in quiz_pages():
        quiz = load_quiz(name)
        questions = []
        for question in quiz["questions"]:
            chapter = question.get("chapter", quiz["chapter"])
            stated = objectives(paths.root() / chapter, language())
            questions.append(
                {
                    "id": question["id"],
                    "fingerprint": results.fingerprint(question),
                    "section": text_in(paths.root() / chapter, question["section"], language()),
                    "url": _url(here, chapter.rsplit(".", 1)[0], question["section"]),
                    "objectives": [stated[n - 1] for n in question["objectives"]],
                }
            )
        quizzes.append({"name": name, "title": quiz["title"], "url": _url(here, docname), "questions": questions})
    return {"format": results.FORMAT, "version": results.VERSION, "edition": language(), "quizzes": quizzes}


def overview_bank() -> dict:
    """What the class overview grades with: every question's key, and each option's text and feedback
    (what a wrong choice shows about the student's thinking)."""
    quizzes = []
    for name, _ in quiz_pages():
        quiz = load_quiz(name)
        questions = []
        for question in quiz["questions"]:
            entry = {"id": question["id"], "kind": question["kind"], "text": question["text"]}
            entry["fingerprint"] = results.fingerprint(question)
            kind = question["kind"]
            if kind in ("single", "multiple"):
                entry["options"] = [
                    {"text": o["text"], "feedback": o["feedback"], "correct": bool(o.get("correct"))}
                    for o in question["options"]
                ]
                entry["shown"] = display_order(question)
            elif kind == "true_false":
                entry |= {"answer": question["answer"], "explanation": question["explanation"]}
            elif kind == "numeric":
                entry |= {"answer": float(question["answer"]), "tolerance": float(question["tolerance"])}
                entry["explanation"] = f"{numeric_answer_text(question)} {question['explanation']}"
            else:
                entry |= {"items": [item["text"] for item in question["items"]], "explanation": question["explanation"]}
            questions.append(entry)
        quizzes.append({"name": name, "title": quiz["title"], "questions": questions})
    return {"format": results.FORMAT, "version": results.VERSION, "edition": language(), "quizzes": quizzes}


def _strings(prefix: str, keys: list[str]) -> str:
    return html.escape(json.dumps({key: template(f"{prefix}.{key}") for key in keys}, ensure_ascii=False))


def _json_script(css_class: str, data: dict) -> str:
    # "</" cannot end the script early: JSON allows "<\/" for "</"
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


def depends_on_quizzes(env) -> None:
    note_data_dependency(env)
    for name in quiz_names():
        chapter = load_quiz(name)["chapter"]
        env.note_dependency(str(paths.root() / chapter))


class MyProgress(SphinxDirective):
    required_arguments = 1

    def run(self):
        part = self.arguments[0]
        if part not in ("table", "reread", "results"):
            raise self.error(f"my-progress: part '{part}' is not one of table, reread, results")
        depends_on_quizzes(self.env)
        return [nodes.raw("", getattr(self, f"_{part}")(), format="html")]

    def _table(self) -> str:
        e = html.escape
        head = "".join(f'<th scope="col">{e(t(f"progress.{key}"))}</th>' for key in ("quiz", "score_head", "to_do"))
        return (
            f'<div data-my-progress data-strings="{_strings("progress", PROGRESS_STRINGS)}">'
            + _json_script("progress-bank", progress_bank(self.env.docname))
            + '<p class="progress-message" role="alert"></p>'
            + '<p class="progress-status" role="status"></p>'
            + f'<table class="progress-table"><caption>{e(t("progress.caption"))}</caption>'
            + f"<thead><tr>{head}</tr></thead><tbody></tbody></table>"
            + f"<noscript><p>{e(t('progress.noscript'))}</p></noscript></div>"
        )

    def _reread(self) -> str:
        return (
            '<ul class="progress-reread"></ul>'
            f'<p class="progress-reread-none">{html.escape(t("progress.reread_none"))}</p>'
        )

    def _results(self) -> str:
        e = html.escape
        return (
            '<div class="progress-results">'
            f'<p><label for="progress-name">{e(t("progress.name"))}</label> '
            '<input type="text" id="progress-name" class="progress-name" autocomplete="name" maxlength="100" required></p>'
            f'<p><label for="progress-class">{e(t("progress.class"))}</label> '
            '<input type="text" id="progress-class" class="progress-class" maxlength="40"></p>'
            f'<p><button type="button" class="progress-download">{e(t("progress.download"))}</button> '
            f'<button type="button" class="progress-print">{e(t("progress.print"))}</button> '
            f'<button type="button" class="progress-clear">{e(t("progress.clear"))}</button></p>'
            f'<section class="results-slip" aria-label="{e(t("progress.slip_title"))}"></section></div>'
        )


class ClassOverview(SphinxDirective):
    def run(self):
        e = html.escape
        depends_on_quizzes(self.env)
        self.env.nl_scripts = getattr(self.env, "nl_scripts", {})
        self.env.nl_scripts.setdefault(self.env.docname, set()).add("class-overview")
        body = (
            f'<div data-class-overview data-strings="{_strings("overview", OVERVIEW_STRINGS)}">'
            + _json_script("overview-bank", overview_bank())
            + f'<p><label for="overview-folder">{e(t("overview.folder"))}</label> '
            '<input type="file" id="overview-folder" class="overview-input" webkitdirectory multiple></p>'
            f'<p><label for="overview-files">{e(t("overview.files"))}</label> '
            '<input type="file" id="overview-files" class="overview-input" multiple accept=".json,application/json"></p>'
            '<div class="overview-report" role="status"></div>'
            '<div class="overview-students"></div><div class="overview-questions"></div>'
            f'<p class="overview-export" hidden><button type="button" class="overview-csv-students">{e(t("overview.csv_students"))}</button> '
            f'<button type="button" class="overview-csv-questions">{e(t("overview.csv_questions"))}</button></p>'
            f"<noscript><p>{e(t('progress.noscript'))}</p></noscript></div>"
        )
        return [nodes.raw("", body, format="html")]


def _page_scripts(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """The class overview's script, on its page only (progress.js, which the quizzes use, is on every page)."""
    if "class-overview" in getattr(app.env, "nl_scripts", {}).get(pagename, ()):
        app.add_js_file("class-overview.js", priority=900)  # after progress.js (html_js_files: 800)


def _purge(app, env, docname):
    getattr(env, "nl_scripts", {}).pop(docname, None)


def _merge(app, env, docnames, other):
    env.nl_scripts = getattr(env, "nl_scripts", {})
    env.nl_scripts.update({d: other.nl_scripts[d] for d in docnames if d in getattr(other, "nl_scripts", {})})


def setup(app: Sphinx) -> None:
    app.add_directive("my-progress", MyProgress)
    app.add_directive("class-overview", ClassOverview)
    app.connect("html-page-context", _page_scripts, priority=400)  # before pages.py filters the list
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
