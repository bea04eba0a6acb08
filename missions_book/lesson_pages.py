"""Sphinx directives that render the teacher guide from book/lesson-plans/*.yml.

- ```{lesson-plan} iraq```: the whole plan of one chapter as sections of the page.
- ```{lesson-overview}```: one table mapping every chapter to its objectives, notebooks and quizzes.
- ```{assessment-map} notebooks```: for every notebook, its objectives and the quiz questions that
  assess them (a plan shows the map of its own chapter under "Objectives").

Plans are data so that the build can check them (missions/lessons.py) and the overview cannot drift
from the plans.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes
from docutils.nodes import make_id
from sphinx.util.docutils import SphinxDirective

from missions import paths
from missions.quiz import load_quiz

from .assessment import assessed_by, quizzes_of
from .downloads import data_file, handout_pdf, tables
from .handouts import has_versions, task_title
from .kits import KIND_NAMES, OWN_KINDS, material_html, materials, printable_name, title
from .lessons import LessonPlanError, load_plan, plan_names
from .nodes import table
from .objectives import objectives
from .printables import pdf_path
from .quiz_html import headings
from .toc import book_pages


def _inline(text: str) -> list[nodes.Node]:
    """Plain text with `backticks` as code."""
    parts = re.split(r"`([^`]+)`", text)
    return [nodes.literal(text=part) if i % 2 else nodes.Text(part) for i, part in enumerate(parts) if part]


def _para(text: str, strong: bool = False) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.strong("", "", *_inline(text)) if strong else _inline(text)
    return para


def _bullets(items: list) -> nodes.bullet_list:
    listing = nodes.bullet_list()
    for item in items:
        entry = nodes.list_item()
        entry += item if isinstance(item, nodes.Node) else _para(item)
        listing += entry
    return listing


def _section(document, title: str, *children: nodes.Node) -> nodes.section:
    section = nodes.section(ids=[make_id(title)], names=[nodes.fully_normalize_name(title)])
    section += nodes.title(text=title)
    for child in children:
        section += child
    document.note_implicit_target(section, section)
    return section


def _link(text: str, uri: str) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.reference(text=text, refuri=uri)
    return para


class _PlanDirective(SphinxDirective):
    def uri(self, path: str) -> str:
        """A path under the book's root (a page without suffix, or a file) relative to this page."""
        return posixpath.relpath(path, posixpath.dirname(self.env.docname) or ".")

    def page(self, docname: str, anchor: str = "") -> str:
        return self.uri(docname) + ".html" + (f"#{anchor}" if anchor else "")

    def title_of(self, docname: str) -> str:
        """A page's first heading, read from its source (other pages may not be read yet)."""
        path = Path(self.env.doc2path(docname))
        found = headings(path) if path.exists() else []
        return found[0] if found else docname

    def load(self, name: str) -> dict:
        self.env.note_dependency(str(paths.lesson_plan_dir() / f"{name}.yml"))
        try:
            return load_plan(name)
        except LessonPlanError as error:
            raise self.error(str(error)) from error

    def materials(self, plan: dict) -> list[nodes.Node]:
        chapter = plan["chapter"][:-3]
        items = [_link(f"Chapter: {self.title_of(chapter)}", self.page(chapter))]
        for notebook in plan["materials"].get("notebooks", []):
            items.append(
                _link(f"Notebook: {self.title_of('notebooks/' + notebook)}", self.page(f"notebooks/{notebook}"))
            )
        for quiz in plan["materials"]["quizzes"]:
            para = nodes.paragraph(text=f"Quiz '{quiz}': ")
            para += nodes.reference(text="answer sheet (PDF)", refuri=self.uri(handout_pdf(quiz, "sheet")))
            para += nodes.Text(", ")
            para += nodes.reference(text="answer key (PDF)", refuri=self.uri(handout_pdf(quiz, "key")))
            if has_versions(load_quiz(quiz)):
                para += nodes.Text("; parallel version B for a test: ")
                para += nodes.reference(text="sheet (PDF)", refuri=self.uri(handout_pdf(quiz, "sheet", "B")))
                para += nodes.Text(", ")
                para += nodes.reference(text="key (PDF)", refuri=self.uri(handout_pdf(quiz, "key", "B")))
            items.append(para)
        for name in plan["materials"].get("data", []):
            items.append(self.data_link(name))
        return items

    def assessment_map(self, page: str) -> nodes.table:
        """Objective by objective, what assesses it; quiz questions link to the quiz on the page."""
        rows = []
        found = assessed_by(page)
        for number, text in enumerate(objectives(paths.root() / page), 1):
            what = []
            for assessor in found[number]:
                if assessor.task is not None:
                    what.append(_para(f"{task_title(assessor.task)} (see Assessment)"))
                else:
                    question = assessor.question
                    what.append(
                        _para(
                            f"Quiz '{assessor.quiz}', question {assessor.number} ({question['skill']}): {_short(question['text'])}"
                        )
                    )
            rows.append([_para(f"{number}. {text}"), what])
        return table(["Objective", "Assessed by"], rows, [2, 3], ["lesson-assessment-map"])

    def data_link(self, table: str) -> nodes.paragraph:
        return _link(f"Data: {tables()[table]}", self.uri(data_file(table)))


class LessonPlanDirective(_PlanDirective):
    required_arguments = 1

    def run(self):
        plan = self.load(self.arguments[0])
        doc = self.state.document
        sections = [
            _section(
                doc,
                "Objectives",
                _para("The chapter's learning objectives, and the quiz questions and tasks below that assess each:"),
                self.assessment_map(plan["chapter"]),
            ),
            _section(
                doc,
                "Before the lesson",
                _para("Prior knowledge", strong=True),
                _bullets(plan["prior_knowledge"]),
                _para("Materials", strong=True),
                _bullets(self.materials(plan)),
            ),
        ]
        sections.append(
            _section(
                doc,
                "Materials to print",
                _para("Everything the lessons hand out, made from this plan; each has its own PDF."),
                *self.kit(plan),
            )
        )
        for lesson in plan["lessons"]:
            sections.append(_section(doc, f"The {lesson['minutes']}-minute lesson", self.timing(lesson, plan)))
        prompts = []
        for n, item in enumerate(plan["discussion"], 1):
            prompts += [
                _para(f"{n}. {item['prompt']}", strong=True),
                _para("A good answer:"),
                _bullets(item["good_answer"]),
            ]
        sections.append(_section(doc, "Discussion prompts", *prompts))
        rows = [[_para(item["belief"]), _para(item["correction"])] for item in plan["misconceptions"]]
        sections.append(
            _section(
                doc,
                "Common misconceptions",
                table(["Students may think", "What the chapter shows"], rows, [1, 1], ["lesson-misconceptions"]),
            )
        )
        sections.append(_section(doc, "Assessment", *[node for task in plan["assessment"] for node in _task(task)]))
        return [_para(plan["summary"]), *sections]

    def kit(self, plan: dict) -> list[nodes.Node]:
        found = []
        for item in materials(plan):
            para = nodes.paragraph()
            para += nodes.strong(text=f"{title(item)} ({KIND_NAMES[item['kind']].lower()}). ")
            para += nodes.reference(text="PDF", refuri=self.uri(pdf_path(printable_name(plan, item))))
            found.append(para)
            if item["kind"] in OWN_KINDS:
                found.append(nodes.raw("", f'<div class="kit-preview">{material_html(item)}</div>', format="html"))
        return found

    def timing(self, lesson: dict, plan: dict) -> nodes.table:
        rows, start = [], 0
        printed = {item["id"]: item for item in materials(plan)}
        for step in lesson["steps"]:
            end = start + step["minutes"]
            activity = [_para(step["activity"])]
            if "support" in step:
                activity += [_para(f"Support: {step['support']}"), _para(f"Extension: {step['extension']}")]
            used = [self.use_link(step.get("uses"))]
            for material in step.get("prints", []):
                item = printed[material]
                used.append(_link(f"Print: {title(item)}", self.uri(pdf_path(printable_name(plan, item)))))
            rows.append([f"{start}-{end}", activity, used])
            start = end
        return table(["Minutes", "Activity", "Material"], rows, [1, 6, 2], ["lesson-timing"])

    def use_link(self, uses: str | None) -> nodes.Node:
        if not uses:
            return nodes.paragraph()
        kind, target = uses.split(":", 1)
        name, _, anchor = target.partition("#")
        if kind == "chapter":
            titles = {make_id(title): title for title in headings(Path(self.env.doc2path(f"book/{name}")))}
            return _link(
                "Chapter" + (f", section “{titles[anchor]}”" if anchor else ""), self.page(f"book/{name}", anchor)
            )
        if kind == "notebook":
            return _link(f"Notebook {name[:2]}", self.page(f"notebooks/{name}"))
        if kind == "quiz":
            return _link(f"Quiz '{name}' (answer sheet)", self.uri(handout_pdf(name, "sheet")))
        return self.data_link(name)


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _task(task: dict) -> list[nodes.Node]:
    """A task of the plan: what students do, the objectives, the marking scheme and the levels."""
    shown = [_para(task_title(task), strong=True), _para(task["task"])]
    shown.append(
        _para(
            "Assesses objective"
            + ("s " if len(task["objectives"]) > 1 else " ")
            + ", ".join(map(str, task["objectives"]))
            + "."
        )
    )
    if "scheme" in task:
        full = sum(item["points"] for item in task["scheme"])
        shown += [
            _para(f"Marking scheme (maximum {full} points):"),
            _bullets(
                [
                    f"{item['text']}: {item['points']} point{'s' if item['points'] > 1 else ''}"
                    for item in task["scheme"]
                ]
            ),
            table(
                ["Points", "An answer at this level", "Example answer"],
                [
                    [str(level["points"]), _para(level["description"]), _para(level["example"])]
                    for level in task["levels"]
                ],
                [1, 4, 6],
                ["lesson-rubric"],
            ),
        ]
    return shown


class AssessmentMapDirective(_PlanDirective):
    """```{assessment-map} notebooks```: the map of every notebook's objectives."""

    required_arguments = 1

    def run(self):
        if self.arguments[0] != "notebooks":
            raise self.error("assessment-map: the only map on its own is 'notebooks' (a plan shows its chapter's)")
        shown = []
        for path in sorted(paths.notebooks_dir().glob("*.ipynb")):
            page = str(path.relative_to(paths.root()))
            for quiz in quizzes_of(page):
                self.env.note_dependency(str(paths.quiz_dir() / f"{quiz}.yml"))
            shown += [
                _link(self.title_of(f"notebooks/{path.stem}"), self.page(f"notebooks/{path.stem}")),
                self.assessment_map(page),
            ]
        return shown


class LessonOverviewDirective(_PlanDirective):
    def run(self):
        rows = []
        reading_order = [Path(docname).name for docname, _ in book_pages()]
        for name in sorted(
            plan_names(), key=lambda n: reading_order.index(n) if n in reading_order else len(reading_order)
        ):
            plan = self.load(name)
            chapter = plan["chapter"][:-3]
            notebooks = [
                _link(f"{n[:2]}. {self.title_of('notebooks/' + n)}", self.page(f"notebooks/{n}"))
                for n in plan["materials"].get("notebooks", [])
            ]
            rows.append(
                [
                    [
                        _link(self.title_of(chapter), self.page(chapter)),
                        _link("Lesson plan", self.page(f"book/teachers/{name}")),
                    ],
                    _bullets(objectives(paths.root() / plan["chapter"])),
                    notebooks or [nodes.paragraph(text="-")],
                    [nodes.paragraph(text=", ".join(plan["materials"]["quizzes"]))],
                ]
            )
        return [table(["Chapter", "Students can", "Notebooks", "Quizzes"], rows, [3, 7, 3, 2], ["lesson-overview"])]


def setup(app) -> None:
    app.add_directive("lesson-plan", LessonPlanDirective)
    app.add_directive("lesson-overview", LessonOverviewDirective)
    app.add_directive("assessment-map", AssessmentMapDirective)
