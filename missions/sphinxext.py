"""Sphinx extension for the book, loaded through `sphinx.local_extensions` in _config.yml.

- {fact}`key`: a number or date from data/ (missions/facts.py), so prose and charts cannot drift.
- {cite}`id` or {cite}`id1;id2`: a citation of rows in data/sources.csv, linked to the source.
- ```{sources-list}```: the list of every source the page cites, generated from data/sources.csv.
- Keeps pages offline-clean by dropping sphinx-thebe's CDN loader, and light by moving inline
  chart images to files that load when shown.
- Registers the Downloads box (missions/downloads.py) and the teacher guide's directives
  (missions/lesson_pages.py).

An unknown fact key or source id is a build error (the book builds with warnings as errors).
Citations are our own code rather than sphinxcontrib-bibtex because the bibliography lives in a
CSV that the data tables already reference; a BibTeX copy would be a second list to keep in step.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import downloads, lesson_pages
from .doc_nodes import table
from . import facts as facts_module
from .data import DATA_DIR, load_missions, load_sources, load_table, read_package


@cache
def _facts() -> dict:
    return facts_module.all_facts()


@cache
def _sources() -> dict[str, dict]:
    frame = load_sources()
    return {row["id"]: row for row in frame.astype(object).where(frame.notna(), None).to_dict("records")}


def _year(source: dict) -> str:
    return (source.get("date") or "n.d.")[:4]


def fact_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    try:
        value = facts_module.fact_text(text.strip(), _facts())
    except (KeyError, ValueError) as error:
        message = inliner.reporter.error(f"{{fact}}`{text}`: {error}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, value, classes=["data-fact"])], []


def cite_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    ids = [part.strip() for part in text.split(";") if part.strip()]
    unknown = [i for i in ids if i not in _sources()]
    if not ids or unknown:
        message = inliner.reporter.error(f"{{cite}}`{text}`: unknown source id(s) {unknown or ['(empty)']}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    result = [nodes.Text("(")]
    for n, source_id in enumerate(ids):
        source = _sources()[source_id]
        if n:
            result.append(nodes.Text("; "))
        label = f"{source['publisher']}, {_year(source)}"
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


def source_entry(source: dict) -> nodes.list_item:
    item = nodes.list_item(ids=[f"source-{source['id']}"])
    para = nodes.paragraph()
    para += nodes.Text(f"{source['publisher']} ({source.get('date') or 'undated'}). ")
    para += nodes.emphasis(text=source["title"])
    para += nodes.Text(". ")
    para += nodes.reference(source["url"], source["url"], refuri=source["url"])
    para += nodes.Text(f" [{source['language']}, {source['kind']}]")
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
        for source_id in sorted(cited, key=lambda i: (_sources()[i]["publisher"].lower(), _sources()[i].get("date") or "")):
            listing += source_entry(_sources()[source_id])
        if not cited:
            listing = nodes.paragraph(text="This page cites no sources.")
        placeholder.replace_self(listing)


def _constraints(field: dict) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "enum":
            parts.append("one of " + ", ".join(value))
        elif key == "required" and value:
            parts.append("required")
        elif key == "unique" and value:
            parts.append("unique")
        elif key in ("minimum", "maximum"):
            parts.append(f"{key} {value}")
    return "; ".join(parts)


class DataTablesDirective(SphinxDirective):
    """Describe every table of data/datapackage.json: what it holds, rows, download, fields."""

    def run(self):
        package = read_package()
        self.env.note_dependency(str(DATA_DIR / "datapackage.json"))
        result = []
        for resource in package["resources"]:
            self.env.note_dependency(str(DATA_DIR / resource["path"]))
            if "schema" not in resource:  # the map: described, downloadable, not a table
                para = nodes.paragraph(text=f"{resource['title']} ({resource['path']}): {resource['description']} ")
                link = addnodes.download_reference("", "", reftarget=f"/data/{resource['path']}", refdoc=self.env.docname)
                link += nodes.literal(text=f"Download {resource['path']}")
                para += link
                result += [nodes.rubric(text=resource["title"]), para]
                continue
            frame = load_table(resource["name"])
            result.append(nodes.rubric(text=f"{resource['title']} ({resource['path']})"))
            para = nodes.paragraph()
            para += nodes.Text(f"{resource['description']} {len(frame):,} rows. ")
            link = addnodes.download_reference("", "", reftarget=f"/data/{resource['path']}", refdoc=self.env.docname)
            link += nodes.literal(text=f"Download {resource['path']}")
            para += link
            result.append(para)
            rows = [
                [nodes.paragraph("", "", nodes.literal(text=field["name"])), field["type"],
                 field.get("description", ""), _constraints(field)]
                for field in resource["schema"]["fields"]
            ]
            result.append(table(["Field", "Type", "Meaning and unit", "Rules"], rows, [18, 10, 50, 22], ["data-fields"]))
        return result


class DisagreementsDirective(SphinxDirective):
    """List the missions whose sources disagree on the total, with the range and the note."""

    def run(self):
        missions = load_missions()
        ranged = missions[missions["total_personnel_low"].notna() & (missions["total_personnel_low"] != missions["total_personnel_high"])]
        listing = nodes.bullet_list()
        for row in ranged.itertuples(index=False):
            item = nodes.list_item()
            item += nodes.paragraph(text=(
                f"{row.name}: between {int(row.total_personnel_low):,} and {int(row.total_personnel_high):,} "
                f"Dutch personnel in total, depending on the source. {row.note or ''}"
            ))
            listing += item
        return [listing]


class AllSourcesDirective(SphinxDirective):
    """The full bibliography: every row of data/sources.csv, with an anchor per source."""

    def run(self):
        self.env.note_dependency(str(DATA_DIR / "sources.csv"))
        listing = nodes.bullet_list(classes=["sources-list"])
        for source in sorted(_sources().values(), key=lambda s: (s["publisher"].lower(), s.get("date") or "")):
            listing += source_entry(source)
        return [nodes.paragraph(text=f"{len(_sources()):,} sources."), listing]


def _drop_external_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Keep pages offline-clean and light.

    - Thebe is off here (it needs a server and a CDN), but sphinx-thebe still writes the CDN address of
      its bundle (its THEBE_JS_URL setting) into every page: drop that script and its loader.
    - myst-nb embeds the saved ipywidgets state (every pre-drawn image again) for a widget manager this
      book does not ship, because every widget shows its HTML version instead: drop it.
    """
    def keep(script) -> bool:
        attributes = getattr(script, "attributes", {})
        return ("THEBE_JS_URL" not in str(attributes.get("body", "")) and "sphinx-thebe" not in str(script)
                and attributes.get("type") != "application/vnd.jupyter.widget-state+json")

    context["script_files"] = [script for script in context.get("script_files", []) if keep(script)]


INLINE_PNG = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


def _inline_images_to_files(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Charts drawn by the package reach the page as base64 PNGs inside HTML outputs, so a picker
    with twenty choices puts twenty charts in the page. Write each to a file and load it lazily:
    the browser fetches a chart when it is shown, and the page itself stays small."""
    if "body" not in context:
        return
    folder = Path(app.outdir) / "_images" / "inline"

    def to_file(match: re.Match) -> str:
        data = base64.b64decode(match.group(1))
        name = hashlib.sha1(data).hexdigest()[:16] + ".png"
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / name).exists():
            (folder / name).write_bytes(data)
        src = posixpath.relpath(f"_images/inline/{name}", posixpath.dirname(pagename) or ".")
        return f'<img loading="lazy" src="{src}"'

    context["body"] = INLINE_PNG.sub(to_file, context["body"])


def _launch_notebooks_only(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Binder or a JupyterHub opens the page's file; for a chapter that is MyST Markdown, which
    JupyterLab shows as text, so the launch button stays on the notebook pages only."""
    if context.get("page_source_suffix") != ".ipynb":
        buttons = context.get("header_buttons", [])
        buttons[:] = [button for button in buttons if button.get("label") != "launch-buttons"]


def setup(app: Sphinx) -> dict:
    app.add_role("fact", fact_role)
    app.add_role("cite", cite_role)
    app.add_node(sources_placeholder)
    app.add_directive("sources-list", SourcesListDirective)
    app.add_directive("data-tables", DataTablesDirective)
    app.add_directive("data-disagreements", DisagreementsDirective)
    app.add_directive("all-sources", AllSourcesDirective)
    app.connect("doctree-read", _fill_sources_lists)
    app.connect("html-page-context", _drop_external_scripts)
    app.connect("html-page-context", _launch_notebooks_only, priority=600)
    app.connect("html-page-context", _inline_images_to_files)
    downloads.setup(app)
    lesson_pages.setup(app)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
