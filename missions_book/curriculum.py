"""Which Dutch upper-secondary syllabus domains each chapter serves (book/teachers/curriculum.yml).

```{curriculum-map}``` renders one table per subject: chapter, the domains it serves and why, with the
syllabus documents cited. The build checks the file: its schema, that every document is a row of
data/sources.csv, that every entry names a document and a domain code it has, and that every chapter
with a lesson plan is mapped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from missions import paths
from missions.content import check_schema, read_yaml
from missions.data import load_sources
from missions.text import format_date, t

from .inputs import note_content_dependency
from .lessons import plan_names
from .printables import source_links
from .quiz_html import headings

SCHEMA = json.loads((Path(__file__).parent / "curriculum_schema.json").read_text(encoding="utf-8"))
SUBJECTS = {
    "maatschappijwetenschappen": "Maatschappijwetenschappen",
    "geschiedenis": "Geschiedenis",
    "burgerschap": "Burgerschap",
}


class CurriculumError(ValueError):
    """book/teachers/curriculum.yml is invalid; the message names the field."""


def curriculum_file() -> Path:
    return paths.root() / "book" / "teachers" / "curriculum.yml"


def load_curriculum(path: Path | None = None) -> dict:
    path = path or curriculum_file()
    data = read_yaml(path, CurriculumError, "curriculum map")
    check_schema(data, SCHEMA, path.name, CurriculumError)
    known = set(load_sources()["id"].astype(str))
    documents = {}
    for i, doc in enumerate(data["documents"]):
        if doc["source"] not in known:
            raise CurriculumError(
                f"{path.name}, field 'documents.{i}.source': no source '{doc['source']}' in data/sources.csv"
            )
        documents[doc["id"]] = {d["code"] for d in doc["domains"]}
    for chapter, entries in data["chapters"].items():
        for j, entry in enumerate(entries):
            where = f"{path.name}, field 'chapters.{chapter}.{j}'"
            if entry["document"] not in documents:
                raise CurriculumError(
                    f"{where}.document: no document '{entry['document']}' (has {', '.join(documents)})"
                )
            if entry["domain"] not in documents[entry["document"]]:
                raise CurriculumError(f"{where}.domain: '{entry['domain']}' is not a domain of {entry['document']}")
    missing = sorted(set(plan_names()) - set(data["chapters"]))
    if missing:
        raise CurriculumError(f"{path.name}, field 'chapters': no entry for {', '.join(missing)}")
    return data


def map_html(data: dict, chapter_title, lang: str = "en") -> str:
    e = html.escape
    documents = {doc["id"]: doc for doc in data["documents"]}
    parts = []
    for subject, name in SUBJECTS.items():
        rows = []
        for chapter, entries in data["chapters"].items():
            for entry in (x for x in entries if documents[x["document"]]["subject"] == subject):
                doc = documents[entry["document"]]
                domain = next(d for d in doc["domains"] if d["code"] == entry["domain"])
                rows.append(
                    f"<tr><td>{e(chapter_title(chapter))}</td><td>{e(domain['code'])}: {e(domain['name'])} "
                    f'<span class="meta">({e(domain["gloss"])})</span></td><td>{e(entry["why"])}</td></tr>'
                )
        cited = "; ".join(
            f"{e(d['title'])} ({', '.join(d['levels'])}{', ' + e(d['year']) if d.get('year') else ''}; {source_links([d['source']])})"
            for d in data["documents"]
            if d["subject"] == subject
        )
        head = "".join(
            f'<th scope="col">{e(t(f"curriculum.column.{column}", lang))}</th>'
            for column in ("chapter", "domain", "why")
        )
        parts.append(
            f"<h3>{name}</h3><p>{e(t('curriculum.syllabus', lang))} {cited}.</p>"
            f'<table class="events curriculum"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
    as_of = dt.date.fromisoformat(f"{data['as_of']}-01")  # the schema allows YYYY-MM only
    checked = t("curriculum.checked", lang, date=format_date(as_of, "month", lang))
    return f'<div class="curriculum-map"><p class="meta">{e(checked)}</p>{"".join(parts)}</div>'


class CurriculumMapDirective(SphinxDirective):
    def run(self):
        note_content_dependency(self.env, curriculum_file())
        try:
            data = load_curriculum()
        except CurriculumError as error:
            raise self.error(str(error)) from None

        def title(chapter: str) -> str:
            found = headings(paths.root() / "book" / f"{chapter}.md")
            return found[0] if found else chapter

        return [nodes.raw("", map_html(data, title, self.config.language), format="html")]


def setup(app) -> None:
    app.add_directive("curriculum-map", CurriculumMapDirective)
