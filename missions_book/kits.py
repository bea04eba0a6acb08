"""The kit of a lesson plan: every material its steps hand out, as HTML for the plan's page and as a
printable for paper.

Organisers, cards, role cards and worksheets are written in the plan (`kit`); exit tickets are made
from the plan's assessment; a paper notebook, a source pack, a decision case or the timeline point to
the printables their own modules make.
"""

from __future__ import annotations

import html
from pathlib import Path

from missions.text import t

from .handouts import task_title
from .lessons import load_plan, plan_names
from .printables import lines, name_and_class, printable

e = html.escape
# The kinds of material are named by text keys kit.<kind> (missions/text.py).
SLIPS_PER_PAGE = 3


def materials(plan: dict) -> list[dict]:
    """The kit with the two exit tickets, in the order the lessons hand them out."""
    tickets = [
        {
            "id": f"exit-ticket-{task['lesson']}",
            "kind": "exit-ticket",
            "title": task_title(task),
            "task": task,
        }
        for task in plan["assessment"]
        if task["kind"] == "exit-ticket"
    ]
    return [*plan["kit"], *sorted(tickets, key=lambda t: t["id"])]


def printable_name(plan: dict, item: dict) -> str:
    """The printable (downloads/pdf/<name>.pdf) that puts this material on paper."""
    chapter = Path(plan["chapter"]).stem
    if item["kind"] == "paper-notebook":
        return f"paper-{item['notebook']}"
    if item["kind"] == "source-pack":
        return f"sources-{chapter}"
    if item["kind"] == "decision":
        return f"decision-{item['case']}"
    if item["kind"] == "timeline":
        return "timeline"
    return f"kit-{chapter}-{item['id']}"


def title(item: dict) -> str:
    return item.get("title") or t(f"kit.{item['kind']}")


def material_html(item: dict) -> str:
    """The material as printed (for the kinds a plan writes itself)."""
    kind = item["kind"]
    head = f"<p>{e(item['instructions'])}</p>" if "instructions" in item else ""
    if kind == "organiser":
        cols = "".join(f'<th scope="col">{e(c)}</th>' for c in item["columns"])
        empty = "".join("<tr>" + "<td></td>" * len(item["columns"]) + "</tr>" for _ in range(item["rows"]))
        return f'{head}<table class="organiser"><thead><tr>{cols}</tr></thead><tbody>{empty}</tbody></table>'
    if kind in ("cards", "roles"):
        cards = "".join(
            f'<div class="card"><p><strong>{e(c["title"])}</strong></p><p>{e(c["text"])}</p>{lines(c.get("lines", 0))}</div>'
            for c in item["cards"]
        )
        return f'{head}<div class="grid cards">{cards}</div>'
    if kind == "worksheet":
        questions = "".join(f"<li><p>{e(q['text'])}</p>{lines(q.get('lines', 3))}</li>" for q in item["questions"])
        return f"{head}<ol>{questions}</ol>"
    if kind == "exit-ticket":
        slip = (
            f'<div class="card slip"><p><strong>{e(item["title"])}</strong></p>'
            + name_and_class()
            + f"<p>{e(item['task']['task'])}</p>{lines(4)}</div>"
        )
        return slip * SLIPS_PER_PAGE
    raise ValueError(f"material kind {kind!r} is printed by its own module")


OWN_KINDS = ("organiser", "cards", "roles", "worksheet", "exit-ticket")


def register_printables() -> None:
    for name in plan_names():
        plan = load_plan(name)
        for item in materials(plan):
            if item["kind"] in OWN_KINDS:
                printable(printable_name(plan, item))(
                    lambda item=item: (
                        title(item),
                        f"<h1>{e(title(item))}</h1>"
                        + ("" if item["kind"] == "exit-ticket" else name_and_class())
                        + material_html(item),
                    )
                )
