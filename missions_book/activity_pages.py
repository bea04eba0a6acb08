"""Source-analysis packs and paper versions of the notebooks, on pages and on paper.

- ```{source-pack} iraq```: the excerpts and the questions, for students;
- ```{source-pack-guidance} iraq```: what good answers say, for the teacher;
- ```{worksheet} 01-un-peacekeepers```: a notebook's tasks on paper, with their charts and tables;
- printables: each pack (student sheet and teacher key) and each worksheet (sheet and key).
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from missions.text import format_number, language, t

from .activities import ActivityError, load_source_pack, load_worksheet, names, shown
from .inputs import note_content_dependency
from .printables import lines, name_and_class, pdf_path, printable, source_links

e = html.escape
# The questions of "Reading Like a Historian", asked of every excerpt (text keys sourcing.<name>).
SOURCING = ("author", "date", "purpose", "audience", "reliability")


def _letter(i: int) -> str:
    return "ABCDE"[i]


def _excerpt(i: int, x: dict) -> str:
    edition = language()
    # A quotation the edition's catalog translated is in the edition's language; any other keeps its words.
    shown_lang = edition if x.get("translated") else x["lang"]
    shows_gloss = "gloss" in x and shown_lang != edition  # (an English quotation has none)
    gloss = f'<p class="gloss"><em>{e(t("quiz.gloss"))}:</em> {e(x["gloss"])}</p>' if shows_gloss else ""
    if x["lang"] == edition:
        origin = ""
    else:
        origin = " " + t(
            "source.translated" if shown_lang == edition else "source.original", language=t(f"lang.{x['lang']}")
        )
    return (
        f'<section class="excerpt"><h3>{e(t("source.heading", letter=_letter(i), genre=x["genre"]))}</h3>'
        f'<p class="meta">{e(x["author"])}, {e(x["date"])}{e(origin)}</p><p>{e(x["context"])}</p>'
        f'<blockquote lang="{shown_lang}"><p>“{e(x["quote"])}”</p></blockquote>{gloss}'
        f'<p class="source-ref">{e(t("source"))}: {source_links([x["source"]])}</p></section>'
    )


def pack_html(pack: dict, paper: bool = False) -> str:
    excerpts = "".join(_excerpt(i, x) for i, x in enumerate(pack["excerpts"]))
    asked = "".join(f"<li>{e(t(f'sourcing.{key}'))}{lines(2) if paper else ''}</li>" for key in SOURCING)
    letters = ", ".join(_letter(i) for i in range(len(pack["excerpts"])))
    return (
        f'<div class="source-pack"><p>{e(pack["intro"])}</p>{excerpts}'
        f"<h3>{e(t('source.questions', letters=letters))}</h3><ol>{asked}</ol>"
        f"<h3>{e(t('source.compare'))}</h3><p>{e(pack['compare']['question'])}</p>{lines(6) if paper else ''}</div>"
    )


def guidance_html(pack: dict) -> str:
    parts = []
    for i, x in enumerate(pack["excerpts"]):
        rows = "".join(
            f'<tr><th scope="row">{e(t(f"sourcing.{key}.label"))}</th><td>{e(x["guidance"][key])}</td></tr>'
            for key in SOURCING
        )
        parts.append(
            f'<div class="task"><h3>{e(t("source.guidance_heading", letter=_letter(i), author=x["author"], date=x["date"]))}</h3>'
            f"<table><tbody>{rows}</tbody></table>"
            + (
                f'<p class="meta">{e(t("source.also"))} {source_links(x["source_ids"])}.</p>'
                if "source_ids" in x
                else ""
            )
            + "</div>"
        )
    compare = "".join(f"<li>{e(point)}</li>" for point in pack["compare"]["guidance"])
    parts.append(f"<h3>{e(t('source.compare'))}</h3><p>{e(pack['compare']['question'])}</p><ul>{compare}</ul>")
    return "".join(parts)


def _show(show: dict) -> str:
    result = shown(show)
    if "chart" in show:  # a Chart (missions.style), drawn only when a sheet is printed
        data = result.to_data()
        return (
            f'<figure><img src="data:image/png;base64,{data["png"]}" alt="{e(data["alt"])}">'
            f"<figcaption>{e(data['caption'])} {e(t('source'))}: {e(data['source'])}</figcaption></figure>"
        )
    table = result.to_frame() if isinstance(result, pd.Series) else result
    table = table[show["columns"]] if "columns" in show else table
    index = isinstance(result, pd.Series)
    return table.head(show.get("rows", 40)).to_html(
        index=index, classes="organiser worksheet-table", border=0, float_format=_decimal_number
    )


def _decimal_number(value: float) -> str:
    """A decimal number on a printed sheet as the edition writes it (16,83 in Dutch), with as many
    decimals as the value has (up to three): pandas would print 16.83, which a Dutch student reads
    as sixteen hundred and eighty-three."""
    decimals = min(len(f"{value:.3f}".rstrip("0").partition(".")[2]), 3)
    return format_number(value, decimals=decimals)


def worksheet_html(sheet: dict, answers: bool = False, printed: bool = True) -> str:
    """The sheet; on a page (printed=False) the charts and tables stay on the PDF and the notebook."""
    tasks = []
    for n, task in enumerate(sheet["tasks"], 1):
        if "show" not in task:
            shown_part = ""
        elif printed:
            shown_part = _show(task["show"])
        else:
            shown_part = f'<p class="meta">{e(t("worksheet.printed"))}</p>'

        after = (
            f'<div class="answer"><p><strong>{e(t("handout.answer"))}</strong> {e(task["answer"])}</p></div>'
            if answers
            else lines(task.get("lines", 3))
        )
        tasks.append(
            f'<div class="worksheet-task"><h3>{e(t("worksheet.task", n=n))}</h3><p>{e(task["task"])}</p>{shown_part}{after}</div>'
        )
    return f'<div class="worksheet"><p>{e(sheet["intro"])}</p>{"".join(tasks)}</div>'


def register_printables() -> None:
    for name in names("source-packs"):
        pack = load_source_pack(name)
        printable(f"sources-{name}")(
            lambda pack=pack: (
                pack["title"],
                f"<h1>{e(pack['title'])}</h1>" + name_and_class() + pack_html(pack, paper=True),
            )
        )
        printable(f"sources-{name}-key")(
            lambda pack=pack: (
                t("source.guidance_title", title=pack["title"]),
                f"<h1>{e(t('source.guidance_for_teacher', title=pack['title']))}</h1>" + guidance_html(pack),
            )
        )
    for name in names("worksheets"):
        sheet = load_worksheet(name)
        printable(f"paper-{name}")(
            lambda sheet=sheet: (
                sheet["title"],
                f"<h1>{e(sheet['title'])}</h1>" + name_and_class() + worksheet_html(sheet),
            )
        )
        printable(f"paper-{name}-key")(
            lambda sheet=sheet: (
                t("worksheet.answers_title", title=sheet["title"]),
                f"<h1>{e(t('worksheet.answers_title', title=sheet['title']))}</h1>"
                + worksheet_html(sheet, answers=True),
            )
        )


class _ActivityDirective(SphinxDirective):
    required_arguments = 1
    kind = ""

    def load(self):
        name = self.arguments[0]
        note_content_dependency(self.env, Path(self.env.relfn2path(f"/book/activities/{self.kind}/{name}.yml")[1]))
        self.env.note_dependency(str(self.env.relfn2path("/data/sources.csv")[1]))
        try:
            return load_source_pack(name) if self.kind == "source-packs" else load_worksheet(name)
        except ActivityError as error:
            raise self.error(str(error)) from None

    def links(self, *items: tuple[str, str]) -> str:
        up = "../" * self.env.docname.count("/")
        return (
            '<ul class="print-links">'
            + "".join(f'<li><a href="{up}{pdf_path(n)}" download>{e(t)}</a></li>' for n, t in items)
            + "</ul>"
        )

    def raw(self, body: str) -> list[nodes.Node]:
        return [nodes.raw("", body, format="html")]


class SourcePackDirective(_ActivityDirective):
    kind = "source-packs"

    def run(self):
        name = self.arguments[0]
        return self.raw(pack_html(self.load()) + self.links((f"sources-{name}", t("source.on_paper"))))


class SourcePackGuidanceDirective(_ActivityDirective):
    kind = "source-packs"

    def run(self):
        name = self.arguments[0]
        return self.raw(guidance_html(self.load()) + self.links((f"sources-{name}-key", t("source.guidance_on_paper"))))


class WorksheetDirective(_ActivityDirective):
    kind = "worksheets"

    def run(self):
        name = self.arguments[0]
        sheet = self.load()
        return self.raw(
            f"<h2>{e(sheet['title'])}</h2>"
            + worksheet_html(sheet, printed=False)
            + self.links(
                (f"paper-{name}", t("worksheet.pdf", title=sheet["title"])),
                (f"paper-{name}-key", t("worksheet.answers_pdf")),
            )
        )


def setup(app) -> None:
    app.add_directive("source-pack", SourcePackDirective)
    app.add_directive("source-pack-guidance", SourcePackGuidanceDirective)
    app.add_directive("worksheet", WorksheetDirective)
