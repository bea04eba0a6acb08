"""The "Data and sources" page: every table of data/datapackage.json, the disagreements between
sources, and the full bibliography, generated from data/ so the page cannot drift from the tables."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from missions.data import load_missions, load_table, read_package
from missions.text import t

from .citations import _sources, source_entry
from .inputs import note_data_dependency
from .nodes import table


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
        note_data_dependency(self.env)
        result = []
        for resource in package["resources"]:
            if "schema" not in resource:  # the map: described, downloadable, not a table
                para = nodes.paragraph(text=f"{resource['title']} ({resource['path']}): {resource['description']} ")
                link = addnodes.download_reference(
                    "", "", reftarget=f"/data/{resource['path']}", refdoc=self.env.docname
                )
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
                [
                    nodes.paragraph("", "", nodes.literal(text=field["name"])),
                    field["type"],
                    field.get("description", ""),
                    _constraints(field),
                ]
                for field in resource["schema"]["fields"]
            ]
            result.append(
                table(["Field", "Type", "Meaning and unit", "Rules"], rows, [18, 10, 50, 22], ["data-fields"])
            )
        return result


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
            item += nodes.paragraph(
                text=(
                    f"{row.name}: between {int(row.total_personnel_low):,} and {int(row.total_personnel_high):,} "
                    f"Dutch personnel in total, depending on the source. {row.note or ''}"
                )
            )
            listing += item
        return [listing]


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
