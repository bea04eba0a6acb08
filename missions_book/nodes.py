"""Docutils nodes the book's Sphinx directives share."""

from __future__ import annotations

from docutils import nodes


def table(headers: list[str], rows: list[list], widths: list[int], classes: list[str]) -> nodes.table:
    """A table with a header row. A cell is text, a node, or a list of nodes."""
    result = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    result += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    header = nodes.row()
    for cell in headers:
        header += nodes.entry("", nodes.paragraph(text=str(cell)))
    head += header
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            for child in cell if isinstance(cell, list) else [cell]:
                entry += child if isinstance(child, nodes.Node) else nodes.paragraph(text=str(child))
            row += entry
        body += row
    return result


def generated(found: list[nodes.Node]) -> list[nodes.Node]:
    """Nodes a directive made from content that is already in the edition's language (a YAML file
    read through its own catalog, missions.text): gettext neither extracts nor translates them, so a
    page's catalog holds only the page's own prose."""
    for node in found:
        for element in node.findall(nodes.TextElement):
            element["translatable"] = False
    return found
