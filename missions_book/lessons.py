"""Lesson plans of the teacher guide: content in book/lesson-plans/<chapter>.yml.

A plan names its chapter, objectives, materials (notebooks, quizzes, data tables) and a 45- and a
90-minute lesson as timed steps. `load_plan` checks the schema and what a schema cannot: the steps add
up to the lesson's length, and every chapter, notebook, quiz and table named exists, so the teacher
guide cannot point at material that is not in the book.

`python -m missions_book.lessons` checks every plan and prints a one-line summary of each.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docutils.nodes import make_id

from missions import paths
from missions.content import check_schema, read_yaml
from missions.data import read_package

from .objectives import check_numbers
from .quiz_html import headings

SCHEMA = json.loads((Path(__file__).parent / "lesson_schema.json").read_text(encoding="utf-8"))


class LessonPlanError(ValueError):
    """A lesson plan is invalid; the message names the file and the field."""


def _check_material(data: dict, name: str) -> None:
    if not (paths.root() / data["chapter"]).exists():
        raise LessonPlanError(f"{name}, field 'chapter': '{data['chapter']}' does not exist")
    materials = data["materials"]
    for n, notebook in enumerate(materials.get("notebooks", [])):
        if not (paths.notebooks_dir() / f"{notebook}.ipynb").exists():
            raise LessonPlanError(f"{name}, field 'materials.notebooks.{n}': no notebook notebooks/{notebook}.ipynb")
    for n, quiz in enumerate(materials["quizzes"]):
        if not (paths.quiz_dir() / f"{quiz}.yml").exists():
            raise LessonPlanError(f"{name}, field 'materials.quizzes.{n}': no quiz book/quizzes/{quiz}.yml")
    tables = {resource["name"] for resource in read_package()["resources"]}
    for n, table in enumerate(materials.get("data", [])):
        if table not in tables:
            raise LessonPlanError(f"{name}, field 'materials.data.{n}': no table '{table}' in data/datapackage.json")


def _check_steps(data: dict, name: str) -> None:
    lengths = [lesson["minutes"] for lesson in data["lessons"]]
    if sorted(lengths) != [45, 90]:
        raise LessonPlanError(f"{name}, field 'lessons': needs one 45-minute and one 90-minute lesson, has {lengths}")
    listed = {
        "notebook": data["materials"].get("notebooks", []),
        "quiz": data["materials"]["quizzes"],
        "data": data["materials"].get("data", []),
        "chapter": [Path(data["chapter"]).stem],
    }
    for i, lesson in enumerate(data["lessons"]):
        total = sum(step["minutes"] for step in lesson["steps"])
        if total != lesson["minutes"]:
            raise LessonPlanError(
                f"{name}, field 'lessons.{i}.steps': the steps take {total} minutes, the lesson {lesson['minutes']}"
            )
        for j, step in enumerate(lesson["steps"]):
            if "uses" in step:
                kind, target = step["uses"].split(":", 1)
                target, _, anchor = target.partition("#")
                where = f"{name}, field 'lessons.{i}.steps.{j}.uses'"
                if target not in listed[kind]:
                    raise LessonPlanError(f"{where}: {kind} '{target}' is not listed under materials")
                if anchor and anchor not in {make_id(h) for h in headings(paths.root() / data["chapter"])}:
                    raise LessonPlanError(f"{where}: '#{anchor}' is not a heading of {data['chapter']}")


def _check_tasks(data: dict, name: str) -> None:
    """Marking schemes add up, levels run from full marks down to 0, objectives exist, and both lessons
    close with an exit ticket."""
    for i, task in enumerate(data["assessment"]):
        chapter = paths.root() / data["chapter"]
        check_numbers(task["objectives"], chapter, name, LessonPlanError, f"assessment.{i}.objectives")
        if "scheme" not in task:
            continue
        where = f"{name}, field 'assessment.{i}.levels'"
        full = sum(item["points"] for item in task["scheme"])
        points = [level["points"] for level in task["levels"]]
        if points[0] != full:
            raise LessonPlanError(f"{where}: the top level gives {points[0]} points, the scheme {full}")
        if points[-1] != 0 or points != sorted(set(points), reverse=True):
            raise LessonPlanError(f"{where}: points must fall from {full} to 0, are {points}")
    closing = sorted(task["lesson"] for task in data["assessment"] if task["kind"] == "exit-ticket")
    if closing != [45, 90]:
        raise LessonPlanError(
            f"{name}, field 'assessment': needs one exit ticket per lesson (45 and 90), has {closing}"
        )


# Words in a step that name something handed out, and the kinds of kit material that can be it.
NAMED_MATERIALS = {
    r"\bexit tickets?\b": {"exit-ticket"},
    r"\borgani[sz]ers?\b": {"organiser"},
    r"\brole cards?\b|\bdebate roles\b|\broles for\b": {"roles"},
    r"\b(?<!role )cards?\b|\bslips?\b": {"cards", "roles", "exit-ticket"},
    r"\bworksheets?\b|\bpaper version\b": {"worksheet", "paper-notebook"},
    r"\bsource pack\b": {"source-pack"},
    r"\bcase file\b": {"decision"},
    r"\bprinted timeline\b|\btimeline handout\b": {"timeline"},
}
EXIT_TICKETS = {f"exit-ticket-{minutes}": minutes for minutes in (45, 90)}


def kit_kinds(data: dict) -> dict[str, str]:
    """Every printable id of a plan and its kind: the kit's materials and the two exit tickets."""
    return {**{item["id"]: item["kind"] for item in data["kit"]}, **dict.fromkeys(EXIT_TICKETS, "exit-ticket")}


def _check_kit(data: dict, name: str) -> None:
    """Every material a step names or prints exists in the kit, every kit item is handed out, and
    each lesson's main activity has a support and an extension variant."""
    import re

    from missions.decision import case_names

    from .activities import names as activity_names

    ids = [item["id"] for item in data["kit"]]
    if len(ids) != len(set(ids)) or set(ids) & set(EXIT_TICKETS):
        raise LessonPlanError(f"{name}, field 'kit': ids must be unique and not {', '.join(EXIT_TICKETS)}, got {ids}")
    chapter = Path(data["chapter"]).stem
    for n, item in enumerate(data["kit"]):
        where = f"{name}, field 'kit.{n}'"
        if item["kind"] == "paper-notebook" and item["notebook"] not in activity_names("worksheets"):
            raise LessonPlanError(
                f"{where}.notebook: no paper version book/activities/worksheets/{item['notebook']}.yml"
            )
        if item["kind"] == "source-pack" and chapter not in activity_names("source-packs"):
            raise LessonPlanError(f"{where}: no source pack book/activities/source-packs/{chapter}.yml")
        if item["kind"] == "decision" and item["case"] not in case_names():
            raise LessonPlanError(f"{where}.case: no case book/activities/decisions/{item['case']}.yml")
    kinds, handed_out = kit_kinds(data), set()
    for i, lesson in enumerate(data["lessons"]):
        variants = [j for j, step in enumerate(lesson["steps"]) if "support" in step]
        if len(variants) != 1:
            raise LessonPlanError(
                f"{name}, field 'lessons.{i}.steps': the main activity (one step) needs a 'support' and an "
                f"'extension' variant; {len(variants)} steps have them"
            )
        for j, step in enumerate(lesson["steps"]):
            where = f"{name}, field 'lessons.{i}.steps.{j}"
            printed = step.get("prints", [])
            for material in printed:
                if material not in kinds:
                    raise LessonPlanError(
                        f"{where}.prints': no material '{material}' in the kit (has {', '.join(kinds)})"
                    )
                if material in EXIT_TICKETS and EXIT_TICKETS[material] != lesson["minutes"]:
                    raise LessonPlanError(f"{where}.prints': '{material}' belongs to the other lesson")
            handed_out |= set(printed)
            for pattern, wanted in NAMED_MATERIALS.items():
                found = re.search(pattern, step["activity"], re.I)
                if found and not wanted & {kinds[m] for m in printed}:
                    raise LessonPlanError(
                        f"{where}.activity': names '{found.group(0)}' but prints no {' or '.join(sorted(wanted))} "
                        f"(add it to 'kit' and to the step's 'prints')"
                    )
    unused = [item["id"] for item in data["kit"] if item["id"] not in handed_out]
    if unused:
        raise LessonPlanError(f"{name}, field 'kit': no step hands out {', '.join(unused)}")


def validate(data, path: Path) -> dict:
    check_schema(data, SCHEMA, path.name, LessonPlanError)
    if path.stem != Path(data["chapter"]).stem:
        raise LessonPlanError(
            f"{path.name}, field 'chapter': the file must be named after its chapter ({Path(data['chapter']).stem}.yml)"
        )
    _check_material(data, path.name)
    _check_steps(data, path.name)
    _check_tasks(data, path.name)
    _check_kit(data, path.name)
    data["lessons"].sort(key=lambda lesson: lesson["minutes"])
    return data


def load_plan(name: str, plan_dir: Path | None = None) -> dict:
    path = Path(plan_dir or paths.lesson_plan_dir()) / f"{name}.yml"
    return validate(read_yaml(path, LessonPlanError, "lesson plan"), path)


def plan_names(plan_dir: Path | None = None) -> list[str]:
    return sorted(path.stem for path in Path(plan_dir or paths.lesson_plan_dir()).glob("*.yml"))


def main(argv: list[str]) -> int:
    names = [Path(arg).stem for arg in argv] or plan_names()
    failed = 0
    for name in names:
        try:
            plan = load_plan(name)
        except LessonPlanError as error:
            print(f"FAIL {error}")
            failed += 1
            continue
        materials = plan["materials"]
        print(
            f"ok   {name}: {len(plan['assessment'])} tasks, notebooks {materials.get('notebooks', [])}, "
            f"quizzes {materials['quizzes']}, {len(plan['discussion'])} prompts"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
