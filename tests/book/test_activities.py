"""Classroom activities: source packs, decision cases, the timeline, paper notebooks and the lesson
plans' printable kits. Each loads and is complete; bad input is named by file and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from missions.data import load_events, load_missions
from missions.decision import DecisionError, case_dir, case_names, load_case
from missions.exercises import exercises
from missions.paths import lesson_plan_dir
from missions_book.activities import ActivityError, folder, load_source_pack, load_worksheet, names
from missions_book.kits import material_html, materials
from missions_book.lessons import LessonPlanError, load_plan, plan_names
from missions_book.printables import all_printables
from missions_book.timeline import CHAPTER_MISSIONS, chapter_events

ROOT = Path(__file__).resolve().parents[2]
PACK_CHAPTERS = {"integrated-approach", "iraq", "sahel", "afghanistan", "lithuania", "civilian-mission-pool"}
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


def _copy(source: Path, tmp_path: Path, change) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    (tmp_path / source.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


# Source packs


def test_every_mission_chapter_and_the_integrated_approach_has_a_source_pack():
    assert set(names("source-packs")) == PACK_CHAPTERS
    for name in PACK_CHAPTERS:
        assert (ROOT / "book" / "activities" / f"sources-{name}.md").exists(), f"no page for the {name} pack"


@pytest.mark.parametrize("name", sorted(PACK_CHAPTERS))
def test_source_pack_is_valid(name):
    pack = load_source_pack(name)
    kinds = [x["kind"] for x in pack["excerpts"]]
    assert 2 <= kinds.count("primary") <= 4 and {"voice", "critic"} & set(kinds)
    for x in pack["excerpts"]:
        assert len(x["quote"].split()) <= 60, f"{name}.yml, excerpt '{x['id']}': a quotation must stay short"


PACK_BREAKS = [
    (
        lambda d: d["excerpts"][0].update(lang="nl") or d["excerpts"][0].pop("gloss", None),
        "'gloss' is a required property",
    ),
    (
        lambda d: d["excerpts"][0].update(source="no-such-source"),
        "field 'excerpts.0.source': no source 'no-such-source'",
    ),
    (
        lambda d: [x.update(kind="primary") for x in d["excerpts"]],
        "needs 2 to 4 primary documents and at least one voice or critic",
    ),
    (lambda d: d.update(objectives=[99]), "field 'objectives': no objective 99"),
]


@pytest.mark.parametrize(("change", "expected"), PACK_BREAKS)
def test_bad_source_pack_is_named(tmp_path, change, expected):
    base = _copy(folder("source-packs") / "iraq.yml", tmp_path, change)
    with pytest.raises(ActivityError, match=r"iraq\.yml") as raised:
        load_source_pack("iraq", base)
    assert expected in str(raised.value)


# Decision cases


def test_there_are_at_least_two_decision_cases_with_pages():
    assert len(case_names()) >= 2
    for name in case_names():
        assert (ROOT / "book" / "activities" / f"decide-{name}.md").exists()


@pytest.mark.parametrize("name", case_names())
def test_decision_case_is_valid_and_fills_a_class(name):
    case = load_case(name)
    groups = {role["group"] for role in case["roles"]}
    assert len(case["roles"]) >= 12, f"{name}: a whole class needs at least 12 roles"
    assert {"party", "host-country", "ngo"} <= groups, f"{name}: roles lack parties, the host country or NGOs: {groups}"
    assert groups & {"cabinet", "ministry"}, f"{name}: no cabinet or ministry roles"


CASE_BREAKS = [
    (lambda d: d["happened"][0].update(date="1990-01-01"), "cannot come before the moment"),
    (
        lambda d: d["criteria"][0]["facts"][0].update(source_ids=["nope"]),
        "field 'criteria.0.facts.0.source_ids.0': no source 'nope'",
    ),
    (lambda d: d.update(id="other"), "field 'id'"),
    (lambda d: d.pop("roles"), "'roles' is a required property"),
]


@pytest.mark.parametrize(("change", "expected"), CASE_BREAKS)
def test_bad_decision_case_is_named(tmp_path, change, expected):
    name = case_names()[0]
    base = _copy(case_dir() / f"{name}.yml", tmp_path, change)
    with pytest.raises(DecisionError, match=re.escape(f"{name}.yml")) as raised:
        load_case(name, base)
    assert expected in str(raised.value)


# Timeline


def test_every_mission_belongs_to_one_chapter_and_has_events():
    listed = [m for ids in CHAPTER_MISSIONS.values() for m in ids if m]
    assert sorted(listed) == sorted(load_missions()["id"]), "CHAPTER_MISSIONS and missions.csv disagree"
    events = load_events()
    assert len(events) >= 80, f"the timeline needs at least 80 events, has {len(events)}"
    lacking = sorted(set(listed) - set(events["mission_id"].dropna()))
    assert not lacking, f"missions without any event: {lacking}"
    for chapter in CHAPTER_MISSIONS:
        kinds = set(chapter_events(chapter)["kind"])
        if chapter != "introduction":
            assert {"decision", "end"} & kinds and len(kinds) >= 2, f"{chapter}: its events are all of kinds {kinds}"


@pytest.mark.parametrize("chapter", [c for c in CHAPTER_MISSIONS if c != "introduction"])
def test_each_mission_chapter_shows_its_timeline(chapter):
    text = (ROOT / "book" / f"{chapter}.md").read_text(encoding="utf-8")
    assert f"```{{timeline}} {chapter}" in text, f"book/{chapter}.md does not show its timeline"


# Paper versions of the notebooks


def test_every_notebook_has_a_paper_version_of_every_exercise():
    assert set(names("worksheets")) == set(NOTEBOOKS)
    page = (ROOT / "book" / "activities" / "paper-notebooks.md").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        sheet = load_worksheet(notebook)
        assert f"```{{worksheet}} {notebook}" in page, f"paper-notebooks.md does not show {notebook}"
        on_paper = {task.get("exercise") for task in sheet["tasks"]}
        missing = sorted(e.id for e in exercises().values() if e.notebook == notebook and e.id not in on_paper)
        assert not missing, f"{notebook}: exercises without a paper version: {missing}"


def test_a_printed_sheet_writes_decimals_as_its_edition_does(monkeypatch):
    """The population of the Netherlands in millions: 16.83 on the English sheet, 16,83 on the Dutch one
    (where 16.83 would read as sixteen hundred and eighty-three); years and counts keep no separator."""
    from missions_book.activity_pages import worksheet_html

    sheet = load_worksheet("06-sharing-the-load")
    english = worksheet_html(sheet)
    assert "<td>16.83</td>" in english and "<td>2016</td>" in english
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    dutch = worksheet_html(load_worksheet("06-sharing-the-load"))
    assert "<td>16,83</td>" in dutch and "<td>16.83</td>" not in dutch and "<td>2016</td>" in dutch


def test_bad_worksheet_is_named(tmp_path):
    source = folder("worksheets") / "01-un-peacekeepers.yml"
    base = _copy(source, tmp_path, lambda d: d["tasks"][0].update(show={"chart": "no_such_chart"}))
    with pytest.raises(ActivityError, match=r"01-un-peacekeepers.yml, field 'tasks.0.show': AttributeError"):
        load_worksheet("01-un-peacekeepers", base)


# Kits


@pytest.mark.parametrize("name", plan_names())
def test_every_material_of_a_plan_prints(name):
    plan = load_plan(name)
    printables = all_printables()
    from missions_book.kits import printable_name

    for item in materials(plan):
        assert printable_name(plan, item) in printables, f"{name}: no printable for {item['id']}"
    kinds = {item["kind"] for item in materials(plan)}
    assert "exit-ticket" in kinds


KIT_BREAKS = [
    (lambda d: d["lessons"][0]["steps"][2].pop("prints"), "names 'organiser' but prints no organiser"),
    (
        lambda d: d["lessons"][0]["steps"][2].update(prints=["nothing-like-it"]),
        "no material 'nothing-like-it' in the kit",
    ),
    (lambda d: d["kit"].append({"id": "spare", "kind": "timeline"}), "no step hands out spare"),
    (
        lambda d: [(s.pop("support", None), s.pop("extension", None)) for s in d["lessons"][1]["steps"]],
        "needs a 'support' and an 'extension'",
    ),
    (
        lambda d: d["lessons"][1]["steps"][3].pop("support"),
        "'support' is a dependency of 'extension'",
    ),
    (lambda d: d["lessons"][0]["steps"][5].update(prints=["exit-ticket-90"]), "belongs to the other lesson"),
    (
        lambda d: d["kit"].append({"id": "case", "kind": "decision", "case": "nope"}),
        "no case book/activities/decisions/nope.yml",
    ),
]


@pytest.mark.parametrize(("change", "expected"), KIT_BREAKS)
def test_a_plan_naming_a_material_that_does_not_exist_fails(tmp_path, change, expected):
    base = _copy(lesson_plan_dir() / "sahel.yml", tmp_path, change)
    with pytest.raises(LessonPlanError, match=r"sahel\.yml") as raised:
        load_plan("sahel", base)
    assert expected in str(raised.value)


def test_an_organiser_prints_its_columns_and_empty_rows():
    text = material_html(
        {"id": "o", "kind": "organiser", "instructions": "Fill it in.", "columns": ["A", "B"], "rows": 3}
    )
    assert text.count('<th scope="col">') == 2 and text.count("<tr>") == 4


def test_every_printable_renders(tmp_path):
    from missions_book.printables import write_printables

    written = write_printables(tmp_path)
    assert {p.stem for p in written} == set(all_printables())
    assert "timeline" in {p.stem for p in written}
    shutil.rmtree(tmp_path)


# The syllabus map


def test_every_chapter_is_mapped_to_the_syllabus():
    from missions_book.curriculum import load_curriculum

    data = load_curriculum()
    subjects = {d["id"]: d["subject"] for d in data["documents"]}
    assert set(subjects.values()) == {"maatschappijwetenschappen", "geschiedenis", "burgerschap"}
    for chapter, entries in data["chapters"].items():
        assert len({subjects[e["document"]] for e in entries}) >= 2, f"{chapter}: mapped to one subject only"


def test_the_dutch_syllabus_map_has_no_english_of_its_own(monkeypatch):
    """The table's headings, the date it was checked and the documents' years follow the edition."""
    from missions_book.curriculum import load_curriculum, map_html

    english = map_html(load_curriculum(), str, "en")
    assert ">Chapter</th>" in english and "as of December 2026" in english
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    dutch = map_html(load_curriculum(), str, "nl")
    assert ">Hoofdstuk</th>" in dutch and "december 2026" in dutch and "in werking sinds 1 augustus 2022" in dutch
    for english_text in ("Chapter", "Syllabus:", "Checked against", "in force from", "the syllabi for the exams"):
        assert english_text not in dutch


CURRICULUM_BREAKS = [
    (lambda d: d["chapters"][next(iter(d["chapters"]))][0].update(domain="Z9"), "is not a domain of"),
    (lambda d: d["chapters"].pop("iraq"), "no entry for iraq"),
    (lambda d: d["documents"][0].update(source="nope"), "field 'documents.0.source': no source 'nope'"),
]


@pytest.mark.parametrize(("change", "expected"), CURRICULUM_BREAKS)
def test_bad_curriculum_map_is_named(tmp_path, change, expected):
    from missions_book.curriculum import CurriculumError, curriculum_file, load_curriculum

    base = _copy(curriculum_file(), tmp_path, change)
    with pytest.raises(CurriculumError, match=r"curriculum\.yml") as raised:
        load_curriculum(base / "curriculum.yml")
    assert expected in str(raised.value)
