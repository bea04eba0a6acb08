"""The "Data and sources" page: every table of data/datapackage.json, the disagreements between
sources, and the full bibliography, generated from data/ so the page cannot drift from the tables."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from missions import paths
from missions.data import PACKAGE_FILE, load_missions, load_table, read_package
from missions.text import t
from missions.translation import translated_package

from .citations import _sources, source_entry
from .inputs import note_data_dependency
from .nodes import generated, table


def _constraints(field: dict, lang: str) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "enum":
            parts.append(t("data.rule.enum", lang, values=", ".join(value)))
        elif key in ("required", "unique") and value:
            parts.append(t(f"data.rule.{key}", lang))
        elif key in ("minimum", "maximum"):
            parts.append(t(f"data.rule.{key}", lang, value=value))
    return "; ".join(parts)


def _download(env, path: str, lang: str) -> addnodes.download_reference:
    link = addnodes.download_reference("", "", reftarget=f"/data/{path}", refdoc=env.docname)
    link += nodes.literal(text=t("data.download", lang, path=path))
    return link


class DataTablesDirective(SphinxDirective):
    """Describe every table of data/datapackage.json: what it holds, rows, download, fields."""

    def run(self):
        lang = self.config.language
        package = translated_package(read_package(), paths.data_dir() / PACKAGE_FILE, lang)
        note_data_dependency(self.env)
        result = []
        for resource in package["resources"]:
            if "schema" not in resource:  # the map: described, downloadable, not a table
                para = nodes.paragraph(text=f"{resource['title']} ({resource['path']}): {resource['description']} ")
                para += _download(self.env, resource["path"], lang)
                result += [nodes.rubric(text=resource["title"]), para]
                continue
            frame = load_table(resource["name"])
            result.append(nodes.rubric(text=f"{resource['title']} ({resource['path']})"))
            para = nodes.paragraph()
            para += nodes.Text(f"{resource['description']} {t('data.rows', lang, rows=len(frame))} ")
            para += _download(self.env, resource["path"], lang)
            result.append(para)
            rows = [
                [
                    nodes.paragraph("", "", nodes.literal(text=field["name"])),
                    t(f"data.type.{field['type']}", lang),
                    field.get("description", ""),
                    _constraints(field, lang),
                ]
                for field in resource["schema"]["fields"]
            ]
            headers = [t(f"data.column.{column}", lang) for column in ("field", "type", "meaning", "rules")]
            result.append(table(headers, rows, [18, 10, 50, 22], ["data-fields"]))
        return generated(result)


class DisagreementsDirective(SphinxDirective):
    """List the missions whose sources disagree on the total, with the range and the note."""

    def run(self):
        note_data_dependency(self.env)
        missions = load_missions()
        ranged = missions[
            missions["total_personnel_low"].notna()
            & (missions["total_personnel_low"] != missions["total_personnel_high"])
        ]
        listing = nodes.bullet_list()
        for row in ranged.itertuples(index=False):
            item = nodes.list_item()
            low, high = int(row.total_personnel_low), int(row.total_personnel_high)
            sentence = t("data.disagreement", self.config.language, name=row.name, low=low, high=high)
            item += nodes.paragraph(text=f"{sentence} {row.note or ''}".strip())
            listing += item
        return generated([listing])


class AllSourcesDirective(SphinxDirective):
    """The full bibliography: every row of data/sources.csv, with an anchor per source."""

    def run(self):
        note_data_dependency(self.env)
        listing = nodes.bullet_list(classes=["sources-list"])
        for source in sorted(_sources().values(), key=lambda s: (s["publisher"].lower(), s.get("date") or "")):
            listing += source_entry(source, self.config.language)
        return [nodes.paragraph(text=t("sources.count", self.config.language, count=len(_sources()))), listing]


def setup(app: Sphinx) -> None:
    app.add_directive("data-tables", DataTablesDirective)
    app.add_directive("data-disagreements", DisagreementsDirective)
    app.add_directive("all-sources", AllSourcesDirective)
