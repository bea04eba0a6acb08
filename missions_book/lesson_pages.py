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
from missions.text import language, t
from missions.translation import text_in

from .assessment import assessed_by, quizzes_of
from .downloads import data_file, handout_pdf, tables
from .handouts import has_versions, task_title
from .inputs import note_content_dependency
from .kits import OWN_KINDS, material_html, materials, printable_name, title
from .lessons import LessonPlanError, load_plan, plan_names
from .nodes import generated, table
from .objectives import objectives
from .printables import pdf_path
from .quiz_html import headings, page_title
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


def _section(document, key: str, *children: nodes.Node, **values) -> nodes.section:
    """A section titled by the text key `key` in the edition's language; its id is the English
    title's in every edition, as Sphinx keeps for translated headings, so links meet."""
    title = t(key, **values)
    section = nodes.section(ids=[make_id(t(key, "en", **values))], names=[nodes.fully_normalize_name(title)])
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
        return page_title(Path(self.env.doc2path(docname))) or docname

    def quiz_title(self, name: str) -> str:
        """A quiz's title in the edition's language; the page is read again when the quiz changes."""
        note_content_dependency(self.env, paths.quiz_dir() / f"{name}.yml")
        return load_quiz(name)["title"]

    def load(self, name: str) -> dict:
        note_content_dependency(self.env, paths.lesson_plan_dir() / f"{name}.yml")
        try:
            return load_plan(name)
        except LessonPlanError as error:
            raise self.error(str(error)) from error

    def materials(self, plan: dict) -> list[nodes.Node]:
        chapter = plan["chapter"][:-3]
        items = [_link(t("plan.chapter", title=self.title_of(chapter)), self.page(chapter))]
        for notebook in plan["materials"].get("notebooks", []):
            items.append(
                _link(
                    t("plan.notebook", title=self.title_of("notebooks/" + notebook)), self.page(f"notebooks/{notebook}")
                )
            )
        for quiz in plan["materials"]["quizzes"]:
            para = nodes.paragraph(text=t("plan.quiz", title=self.quiz_title(quiz)))
            para += nodes.reference(text=t("plan.sheet_pdf"), refuri=self.uri(handout_pdf(quiz, "sheet")))
            para += nodes.Text(", ")
            para += nodes.reference(text=t("plan.key_pdf"), refuri=self.uri(handout_pdf(quiz, "key")))
            if has_versions(load_quiz(quiz)):
                para += nodes.Text(t("plan.version_b"))
                para += nodes.reference(text=t("plan.sheet_b_pdf"), refuri=self.uri(handout_pdf(quiz, "sheet", "B")))
                para += nodes.Text(", ")
                para += nodes.reference(text=t("plan.key_b_pdf"), refuri=self.uri(handout_pdf(quiz, "key", "B")))
            items.append(para)
        for name in plan["materials"].get("data", []):
            items.append(self.data_link(name))
        return items

    def assessment_map(self, page: str) -> nodes.table:
        """Objective by objective, what assesses it; quiz questions link to the quiz on the page."""
        rows = []
        found = assessed_by(page)
        for number, text in enumerate(objectives(paths.root() / page, language()), 1):
            what = []
            for assessor in found[number]:
                if assessor.task is not None:
                    what.append(_para(t("plan.see_assessment", task=task_title(assessor.task))))
                else:
                    question = assessor.question
                    skill = t(f"skill.{question['skill']}")
                    asked = _short(question["text"])
                    what.append(
                        _para(
                            t(
                                "plan.question",
                                title=self.quiz_title(assessor.quiz),
                                n=assessor.number,
                                skill=skill,
                                text=asked,
                            )
                        )
                    )
            rows.append([_para(f"{number}. {text}"), what])
        return table([t("plan.objective"), t("plan.assessed_by")], rows, [2, 3], ["lesson-assessment-map"])

    def data_link(self, table: str) -> nodes.paragraph:
        return _link(t("plan.data", table=tables()[table]), self.uri(data_file(table)))


class LessonPlanDirective(_PlanDirective):
    required_arguments = 1

    def run(self):
        plan = self.load(self.arguments[0])
        doc = self.state.document
        sections = [
            _section(
                doc,
                "plan.objectives",
                _para(t("plan.objectives_intro")),
                self.assessment_map(plan["chapter"]),
            ),
            _section(
                doc,
                "plan.before",
                _para(t("plan.prior"), strong=True),
                _bullets(plan["prior_knowledge"]),
                _para(t("plan.materials"), strong=True),
                _bullets(self.materials(plan)),
            ),
        ]
        sections.append(
            _section(
                doc,
                "plan.to_print",
                _para(t("plan.to_print_intro")),
                *self.kit(plan),
            )
        )
        for lesson in plan["lessons"]:
            sections.append(_section(doc, "plan.lesson", self.timing(lesson, plan), minutes=lesson["minutes"]))
        prompts = []
        for n, item in enumerate(plan["discussion"], 1):
            prompts += [
                _para(f"{n}. {item['prompt']}", strong=True),
                _para(t("plan.good_answer")),
                _bullets(item["good_answer"]),
            ]
        sections.append(_section(doc, "plan.discussion", *prompts))
        rows = [[_para(item["belief"]), _para(item["correction"])] for item in plan["misconceptions"]]
        sections.append(
            _section(
                doc,
                "plan.misconceptions",
                table([t("plan.belief"), t("plan.correction")], rows, [1, 1], ["lesson-misconceptions"]),
            )
        )
        sections.append(
            _section(doc, "plan.assessment", *[node for task in plan["assessment"] for node in _task(task)])
        )
        return generated([_para(plan["summary"]), *sections])

    def kit(self, plan: dict) -> list[nodes.Node]:
        found = []
        for item in materials(plan):
            para = nodes.paragraph()
            kind = t("kit." + item["kind"]).lower()
            para += nodes.strong(text=f"{title(item)} ({kind}). ")
            para += nodes.reference(text=t("plan.pdf"), refuri=self.uri(pdf_path(printable_name(plan, item))))
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
                activity += [
                    _para(t("plan.support", text=step["support"])),
                    _para(t("plan.extension", text=step["extension"])),
                ]
            used = [self.use_link(step.get("uses"))]
            for material in step.get("prints", []):
                item = printed[material]
                used.append(_link(t("plan.print", title=title(item)), self.uri(pdf_path(printable_name(plan, item)))))
            rows.append([f"{start}-{end}", activity, used])
            start = end
        columns = [t("plan.minutes"), t("plan.activity"), t("plan.material")]
        return table(columns, rows, [1, 6, 2], ["lesson-timing"])

    def use_link(self, uses: str | None) -> nodes.Node:
        if not uses:
            return nodes.paragraph()
        kind, target = uses.split(":", 1)
        name, _, anchor = target.partition("#")
        if kind == "chapter":
            path = Path(self.env.doc2path(f"book/{name}"))
            titles = {make_id(title): text_in(path, title, language()) for title in headings(path)}
            text = t("plan.chapter_section", section=titles[anchor]) if anchor else t("plan.chapter_only")
            return _link(text, self.page(f"book/{name}", anchor))
        if kind == "notebook":
            return _link(t("plan.notebook_number", number=name[:2]), self.page(f"notebooks/{name}"))
        if kind == "quiz":
            return _link(t("plan.quiz_sheet", title=self.quiz_title(name)), self.uri(handout_pdf(name, "sheet")))
        return self.data_link(name)


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _task(task: dict) -> list[nodes.Node]:
    """A task of the plan: what students do, the objectives, the marking scheme and the levels."""
    shown = [_para(task_title(task), strong=True), _para(task["task"])]
    numbers = ", ".join(map(str, task["objectives"]))
    shown.append(
        _para(t("plan.assesses_many" if len(task["objectives"]) > 1 else "plan.assesses_one", numbers=numbers))
    )
    if "scheme" in task:
        full = sum(item["points"] for item in task["scheme"])
        shown += [
            _para(t("plan.scheme", points=full)),
            _bullets(
                [
                    t(
                        "plan.points_many" if item["points"] > 1 else "plan.points_one",
                        text=item["text"],
                        points=item["points"],
                    )
                    for item in task["scheme"]
                ]
            ),
            table(
                [t("handout.points"), t("handout.level"), t("handout.example")],
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
                note_content_dependency(self.env, paths.quiz_dir() / f"{quiz}.yml")
            shown += [
                _link(self.title_of(f"notebooks/{path.stem}"), self.page(f"notebooks/{path.stem}")),
                self.assessment_map(page),
            ]
        return generated(shown)


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
                        _link(t("plan.lesson_plan"), self.page(f"book/teachers/{name}")),
                    ],
                    _bullets(objectives(paths.root() / plan["chapter"], language())),
                    notebooks or [nodes.paragraph(text="-")],
                    [nodes.paragraph(text=", ".join(plan["materials"]["quizzes"]))],
                ]
            )
        columns = [t("plan.column.chapter"), t("plan.column.can"), t("plan.column.notebooks"), t("plan.column.quizzes")]
        return generated([table(columns, rows, [3, 7, 3, 2], ["lesson-overview"])])


def setup(app) -> None:
    app.add_directive("lesson-plan", LessonPlanDirective)
    app.add_directive("lesson-overview", LessonOverviewDirective)
    app.add_directive("assessment-map", AssessmentMapDirective)
