"""Facts and citations in the prose.

- {fact}`key`: a number or date from data/ (missions/facts.py), so prose and charts cannot drift.
- {cite}`id` or {cite}`id1;id2`: a citation of rows in data/sources.csv, linked to the source.
- ```{sources-list}```: the list of every source the page cites, generated from data/sources.csv.

An unknown fact key or source id is a build error (the book builds with warnings as errors).
Citations are our own code rather than sphinxcontrib-bibtex because the bibliography lives in a
CSV that the data tables already reference; a BibTeX copy would be a second list to keep in step.
"""

from __future__ import annotations

from functools import cache

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from missions import facts as facts_module
from missions.data import load_sources
from missions.text import t

from .inputs import note_data_dependency


@cache
def _facts() -> dict:
    return facts_module.all_facts()


@cache
def _sources() -> dict[str, dict]:
    frame = load_sources()
    return {row["id"]: row for row in frame.astype(object).where(frame.notna(), None).to_dict("records")}


def _year(source: dict, lang: str) -> str:
    return (source.get("date") or t("sources.no_year", lang))[:4]


def fact_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    note_data_dependency(inliner.document.settings.env)
    try:
        value = facts_module.fact_text(text.strip(), _facts())
    except (KeyError, ValueError) as error:
        message = inliner.reporter.error(f"{{fact}}`{text}`: {error}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, value, classes=["data-fact"])], []


def cite_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    note_data_dependency(inliner.document.settings.env)
    ids = [part.strip() for part in text.split(";") if part.strip()]
    unknown = [i for i in ids if i not in _sources()]
    if not ids or unknown:
        message = inliner.reporter.error(
            f"{{cite}}`{text}`: unknown source id(s) {unknown or ['(empty)']}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    result = [nodes.Text("(")]
    for n, source_id in enumerate(ids):
        source = _sources()[source_id]
        if n:
            result.append(nodes.Text("; "))
        label = f"{source['publisher']}, {_year(source, inliner.document.settings.env.config.language)}"
        ref = nodes.reference(label, label, refuri=source["url"], classes=["source-cite"])
        ref["source_id"] = source_id
        ref["reftitle"] = source["title"]
        result.append(ref)
    result.append(nodes.Text(")"))
    return result, []


class sources_placeholder(nodes.General, nodes.Element):
    """Replaced by the list of cited sources when the page has been read."""


class SourcesListDirective(SphinxDirective):
    has_content = False

    def run(self):
        return [sources_placeholder()]


def source_entry(source: dict, lang: str) -> nodes.list_item:
    item = nodes.list_item(ids=[f"source-{source['id']}"])
    para = nodes.paragraph()
    para += nodes.Text(f"{source['publisher']} ({source.get('date') or t('sources.undated', lang)}). ")
    para += nodes.emphasis(text=source["title"])
    para += nodes.Text(". ")
    para += nodes.reference(source["url"], source["url"], refuri=source["url"])
    para += nodes.Text(f" [{source['language']}, {t('sources.kind.' + source['kind'], lang)}]")
    item += para
    return item


def _fill_sources_lists(app: Sphinx, doctree) -> None:
    cited = []
    for ref in doctree.findall(nodes.reference):
        source_id = ref.get("source_id")
        if source_id and source_id not in cited:
            cited.append(source_id)
    for placeholder in list(doctree.findall(sources_placeholder)):
        listing = nodes.bullet_list(classes=["sources-list"])
        for source_id in sorted(
            cited, key=lambda i: (_sources()[i]["publisher"].lower(), _sources()[i].get("date") or "")
        ):
            listing += source_entry(_sources()[source_id], app.config.language)
        if not cited:
            listing = nodes.paragraph(text=t("sources.none", app.config.language))
        placeholder.replace_self(listing)


def setup(app: Sphinx) -> None:
    app.add_role("fact", fact_role)
    app.add_role("cite", cite_role)
    app.add_node(sources_placeholder)
    app.add_directive("sources-list", SourcesListDirective)
    app.connect("doctree-read", _fill_sources_lists)
