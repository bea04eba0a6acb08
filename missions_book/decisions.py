"""The "What would you decide?" cases in the book: a form that needs no kernel and no script, and paper.

- ```{decision-case} minusma-2013```: the case file, a fieldset per point of the framework (for, both
  ways, against, and a note), the choice, the parts of the letter to write, and behind a disclosure
  what was decided and what happened. Native form controls, so keyboard and screen reader work as
  they do everywhere; nothing is sent or saved.
- ```{decision-roles} minusma-2013```: the roles for a whole class (teacher guide).
- printables: the case file to fill in, the roles to cut out, and what happened (handed out after).
"""

from __future__ import annotations

import html
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from missions.decision import WEIGHTS, DecisionError, case_names, load_case
from missions.text import format_date, t

from .inputs import note_content_dependency
from .printables import lines, name_and_class, pdf_path, printable, source_links

e = html.escape
# Labels: text keys decision.weight.<weight> and decision.group.<group> (missions/text.py).


def _date(text: str) -> str:
    import pandas as pd

    return format_date(pd.Timestamp(text if len(text) > 7 else f"{text}-01"), "day" if len(text) > 7 else "month")


def _fact(fact: dict) -> str:
    return f'{e(fact["text"])} <span class="fact-sources">({source_links(fact["source_ids"])})</span>'


def case_file_html(case: dict) -> str:
    """What students know at the moment: setting, situation, request, framework."""
    situation = "".join(f"<p>{_fact(f)}</p>" for f in case["situation"])
    return (
        f'<p class="decision-setting"><strong>{e(case["setting"])}</strong></p>'
        f"<h3>{e(t('decision.situation_on' if len(case['moment']) > 7 else 'decision.situation_in', date=_date(case['moment'])))}</h3>{situation}"
        f"<h3>{e(t('decision.request'))}</h3><p>{_fact(case['request'])}</p>"
        f"<h3>{e(t('decision.framework', name=case['framework']['name']))}</h3>"
        f"<p>{e(case['framework']['text'])} ({source_links(case['framework']['source_ids'])})</p>"
    )


def outcome_html(case: dict, heading: str = "h3") -> str:
    def items(group: str) -> str:
        return "".join(
            f"<li><strong>{_date(item['date'])}.</strong> {e(item['text'])} ({source_links(item['source_ids'])})</li>"
            for item in case[group]
        )

    decided, happened = e(t("decision.decided")), e(t("decision.happened"))
    return f"<{heading}>{decided}</{heading}><ul>{items('decided')}</ul><{heading}>{happened}</{heading}><ul>{items('happened')}</ul>"


def form_html(case: dict) -> str:
    """The case as a form: weigh, decide, write, then look."""
    cid = case["id"]
    parts = [f'<section class="decision" id="decision-{cid}" aria-label="{e(case["title"])}">']
    parts.append(case_file_html(case))
    parts.append(f"<h3>{e(t('decision.step1'))}</h3>")
    for n, criterion in enumerate(case["criteria"], 1):
        name = f"{cid}-{criterion['id']}"
        facts = "".join(f"<li>{_fact(f)}</li>" for f in criterion["facts"])
        weights = "".join(
            f'<label><input type="radio" name="{name}" value="{w}"> {e(t(f"decision.weight.{w}"))}</label>'
            for w in WEIGHTS
        )
        parts.append(
            f'<fieldset class="decision-point"><legend>{n}. {e(criterion["name"])}</legend>'
            f"<p>{e(criterion['question'])}</p><ul>{facts}</ul>"
            f'<fieldset class="decision-weights"><legend>{e(t("decision.weigh"))}</legend>{weights}</fieldset>'
            f'<label class="decision-note">{e(t("decision.why_short"))} <textarea name="{name}-note" rows="2"></textarea></label></fieldset>'
        )
    choices = "".join(
        f'<label><input type="radio" name="{cid}-choice" value="{c["id"]}"> {e(c["text"])}</label>'
        for c in case["choices"]
    )
    parts.append(f'<fieldset class="decision-choice"><legend>{e(t("decision.decide"))}</legend>{choices}</fieldset>')
    brief = "".join(
        f'<label class="decision-brief-part"><strong>{e(b["heading"])}</strong> <span>{e(b["prompt"])}</span>'
        f'<textarea name="{cid}-brief-{n}" rows="3"></textarea></label>'
        for n, b in enumerate(case["brief"], 1)
    )
    parts.append(f'<fieldset class="decision-brief"><legend>{e(t("decision.step3"))}</legend>{brief}</fieldset>')
    parts.append(
        f'<details class="decision-outcome"><summary>{e(t("decision.step4"))}</summary>{outcome_html(case, "h4")}</details>'
    )
    parts.append(f'<p class="decision-privacy">{e(t("decision.privacy"))}</p></section>')
    return "".join(parts)


def roles_html(case: dict) -> str:
    cards = "".join(
        f'<div class="card"><p><strong>{e(r["name"])}</strong><br><span class="meta">{e(t("decision.group." + r["group"]))}</span></p>'
        f'<p>{e(r["brief"])}</p><p class="meta">{e(t("decision.based_on"))} {source_links(r["source_ids"])}</p></div>'
        for r in case["roles"]
    )
    return f'<div class="grid roles">{cards}</div>'


def _paper_case(case: dict) -> str:
    rows = "".join(
        f"<tr><td><strong>{e(c['name'])}</strong><br>{e(c['question'])}<ul>{''.join(f'<li>{_fact(f)}</li>' for f in c['facts'])}</ul></td>"
        + "<td>"
        + "<br>".join(f"&#9744; {e(t(f'decision.paper.{w}'))}" for w in WEIGHTS)
        + "</td><td></td></tr>"
        for c in case["criteria"]
    )
    choices = "".join(f"<li>&#9744; {e(c['text'])}</li>" for c in case["choices"])
    brief = "".join(f"<p><strong>{e(b['heading'])}</strong> {e(b['prompt'])}</p>{lines(3)}" for b in case["brief"])
    return (
        f"<h1>{e(t('decision.title', title=case['title']))}</h1>" + name_and_class() + f"{case_file_html(case)}"
        f'<h2>{e(t("decision.step1_paper"))}</h2><table class="organiser"><thead><tr>'
        + "".join(
            f'<th scope="col">{e(t(key))}</th>' for key in ("decision.point", "decision.weighs", "decision.why_short")
        )
        + f"</tr></thead><tbody>{rows}</tbody></table>"
        f'<h2>{e(t("decision.decide"))}</h2><ul class="options">{choices}</ul>'
        f"<h2>{e(t('decision.step3_paper'))}</h2>{brief}"
    )


def register_printables() -> None:
    for name in case_names():
        case = load_case(name)
        printable(f"decision-{name}")(
            lambda case=case: (t("decision.case_file", title=case["title"]), _paper_case(case))
        )
        printable(f"decision-{name}-outcome")(
            lambda case=case: (
                t("decision.what_happened", title=case["title"]),
                f"<h1>{e(t('decision.what_happened', title=case['title']))}</h1>{outcome_html(case, 'h2')}",
            )
        )
        printable(f"decision-{name}-roles")(
            lambda case=case: (
                t("decision.roles", title=case["title"]),
                f"<h1>{e(t('decision.roles', title=case['title']))}</h1>{roles_html(case)}",
            )
        )


class _CaseDirective(SphinxDirective):
    required_arguments = 1

    def case(self) -> dict:
        name = self.arguments[0]
        note_content_dependency(self.env, Path(self.env.relfn2path(f"/book/activities/decisions/{name}.yml")[1]))
        self.env.note_dependency(str(self.env.relfn2path("/data/sources.csv")[1]))
        try:
            return load_case(name)
        except DecisionError as error:
            raise self.error(str(error)) from None

    def pdf_links(self, *names: tuple[str, str]) -> str:
        up = "../" * self.env.docname.count("/")
        links = "".join(f'<li><a href="{up}{pdf_path(n)}" download>{e(label)}</a></li>' for n, label in names)
        return f'<ul class="print-links">{links}</ul>'


class DecisionCaseDirective(_CaseDirective):
    def run(self):
        case = self.case()
        name = case["id"]
        body = form_html(case) + self.pdf_links(
            (f"decision-{name}", t("decision.case_pdf")),
            (f"decision-{name}-outcome", t("decision.outcome_pdf")),
        )
        return [nodes.raw("", body, format="html")]


class DecisionRolesDirective(_CaseDirective):
    def run(self):
        case = self.case()
        body = roles_html(case) + self.pdf_links((f"decision-{case['id']}-roles", t("decision.roles_pdf")))
        return [nodes.raw("", body, format="html")]


def setup(app) -> None:
    app.add_directive("decision-case", DecisionCaseDirective)
    app.add_directive("decision-roles", DecisionRolesDirective)
