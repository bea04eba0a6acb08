"""The data tables: the real ones load and validate; each kind of bad input fails with file, row and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from missions.data import DataError, clear_cache, load_table
from missions.paths import data_dir

DATA_DIR = data_dir()

SOURCES = """id,title,publisher,date,url,language,kind
src-a,Title A,Ministerie van Defensie,2019-05-01,https://example.org/a,nl,government
src-b,Title B,NOS,2020,https://example.org/b,nl,news
"""
MISSIONS_HEADER = (
    "id,name,full_name,organisation,host_country,region,location,latitude,longitude,start_date,start_precision,end_date,"
    "kind,peak_personnel,total_personnel_low,total_personnel_high,deaths,on_government_page,parent_id,source_ids,note"
)
GOOD_MISSION = "alpha,Alpha,Alpha Mission,UN,Lebanon,Middle East,Haris,33.2,35.3,1979-02-25,day,1985-11-06,peacekeeping,800,8000,9084,9,no,,src-a;src-b,two totals"
CHILD_MISSION = (
    "beta,Beta,Beta Mission,NATO,Lithuania,Europe,Rukla,55.0,24.3,2017-02-01,month,,deterrence,270,,,,yes,alpha,src-a,"
)
PERSONNEL_HEADER = "mission_id,date,count,personnel_type,measure,source_ids,note"
GOOD_PERSONNEL = "beta,2017-03-01,270,military,ceiling,src-a,"


@pytest.fixture
def data_dir(tmp_path):
    """A tiny valid copy of the data folder: the real datapackage.json with small tables."""
    shutil.copy(DATA_DIR / "datapackage.json", tmp_path / "datapackage.json")
    write(tmp_path, "sources.csv", SOURCES)
    write(tmp_path, "missions.csv", "\n".join([MISSIONS_HEADER, GOOD_MISSION, CHILD_MISSION]) + "\n")
    write(tmp_path, "personnel.csv", "\n".join([PERSONNEL_HEADER, GOOD_PERSONNEL]) + "\n")
    clear_cache()
    yield tmp_path
    clear_cache()


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def bad_missions(folder: Path, row: str) -> None:
    write(folder, "missions.csv", "\n".join([MISSIONS_HEADER, GOOD_MISSION, row]) + "\n")


def error_of(name: str, folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_table(name, folder)
    return str(caught.value)


def test_fixture_loads_with_proper_dtypes(data_dir):
    frame = load_table("missions", data_dir)
    assert list(frame["id"]) == ["alpha", "beta"]
    assert pd.api.types.is_datetime64_any_dtype(frame["start_date"])
    assert isinstance(frame["organisation"].dtype, pd.CategoricalDtype)
    assert frame.loc[1, "end_date"] is pd.NaT
    assert frame["on_government_page"].tolist() == [False, True]
    assert frame.loc[0, "total_personnel_high"] == 9084
    assert pd.isna(frame.loc[1, "deaths"])


@pytest.mark.parametrize(
    "row, expected",
    [
        (
            CHILD_MISSION.replace("2017-02-01", "2017-02-30"),
            ["missions.csv", "row 2 (line 3)", "field 'start_date'", "2017-02-30"],
        ),
        (CHILD_MISSION.replace("2017-02-01", "1 Feb 2017"), ["missions.csv", "row 2", "field 'start_date'"]),
        (CHILD_MISSION.replace("2017-02-01", ""), ["missions.csv", "row 2", "field 'start_date'", "required"]),
        (
            CHILD_MISSION.replace("2017-02-01,month,", "2017-02-01,month,2016-01-01"),
            ["missions.csv", "row 2", "field 'end_date'", "before"],
        ),
        (CHILD_MISSION.replace(",270,", ",-270,"), ["missions.csv", "row 2", "field 'peak_personnel'", "minimum"]),
        (
            CHILD_MISSION.replace("src-a,", "src-zz,"),
            ["missions.csv", "row 2", "field 'source_ids'", "unknown source id 'src-zz'"],
        ),
        (CHILD_MISSION.replace(",src-a,", ",,"), ["missions.csv", "row 2", "field 'source_ids'", "required"]),
        (CHILD_MISSION.replace("55.0", "95.0"), ["missions.csv", "row 2", "field 'latitude'", "maximum"]),
        (CHILD_MISSION.replace("beta,Beta", "alpha,Beta"), ["missions.csv", "row 2", "field 'id'", "alpha"]),
        (
            CHILD_MISSION.replace(",alpha,", ",gamma,"),
            ["missions.csv", "row 2", "field 'parent_id'", "unknown mission id 'gamma'"],
        ),
        (CHILD_MISSION.replace("deterrence", "invasion"), ["missions.csv", "row 2", "field 'kind'", "invasion"]),
        (CHILD_MISSION.replace(",month,", ",decade,"), ["missions.csv", "row 2", "field 'start_precision'", "decade"]),
        (CHILD_MISSION.rsplit(",", 3)[0], ["missions.csv", "row 2", "missing cell"]),
    ],
    ids=[
        "impossible-date",
        "malformed-date",
        "missing-date",
        "end-before-start",
        "negative-count",
        "unknown-source",
        "no-source",
        "latitude-out-of-range",
        "duplicate-id",
        "unknown-parent",
        "unknown-kind",
        "unknown-precision",
        "malformed-row",
    ],
)
def test_bad_mission_row_is_named(data_dir, row, expected):
    bad_missions(data_dir, row)
    message = error_of("missions", data_dir)
    for part in expected:
        assert part in message, f"{part!r} not in: {message}"


def test_total_low_above_high_is_an_error(data_dir):
    bad_missions(data_dir, CHILD_MISSION.replace(",270,,,", ",270,500,400,"))
    message = error_of("missions", data_dir)
    assert "field 'total_personnel_high'" in message and "row 2" in message


def test_unknown_mission_in_personnel_is_named(data_dir):
    write(
        data_dir,
        "personnel.csv",
        "\n".join([PERSONNEL_HEADER, GOOD_PERSONNEL, "omega,2018-01-01,5,military,snapshot,src-a,"]) + "\n",
    )
    message = error_of("personnel", data_dir)
    assert (
        "personnel.csv" in message and "row 2" in message and "field 'mission_id'" in message and "'omega'" in message
    )


EVENTS_HEADER = "id,date,date_precision,mission_id,kind,label,source_ids,note"
GOOD_EVENT = "beta-arrives,2017-02-07,day,beta,deployment,The first troops arrive,src-a,"


@pytest.mark.parametrize(
    ("row", "field", "what"),
    [
        ("e2,2018-01-01,day,omega,incident,Something happens,src-a,", "mission_id", "unknown mission id 'omega'"),
        ("e2,2018-01-01,day,beta,rumour,Something happens,src-a,", "kind", "constraint"),
        ("e2,2018-13-01,day,beta,incident,Something happens,src-a,", "date", "type"),
        ("e2,2018-01-01,day,beta,incident,Something happens,src-z,", "source_ids", "unknown source id 'src-z'"),
        ("beta-arrives,2018-01-01,day,beta,incident,Something happens,src-a,", "id", "unique"),
        (f"e2,2018-01-01,day,beta,incident,{'x' * 91},src-a,", "label", "constraint"),
    ],
)
def test_bad_event_row_is_named(data_dir, row, field, what):
    write(data_dir, "events.csv", "\n".join([EVENTS_HEADER, GOOD_EVENT, row]) + "\n")
    message = error_of("events", data_dir)
    assert "events.csv" in message and "row 2 (line 3)" in message and f"field '{field}'" in message
    assert what in message.lower() or what in message, message


def test_an_event_of_policy_has_no_mission(data_dir):
    write(
        data_dir,
        "events.csv",
        "\n".join([EVENTS_HEADER, GOOD_EVENT, "rule,2000-06-01,month,,policy,A new rule,src-a,"]) + "\n",
    )
    events = load_table("events", data_dir)
    assert events["mission_id"].isna().sum() == 1


def test_negative_personnel_count_is_named(data_dir):
    write(
        data_dir, "personnel.csv", "\n".join([PERSONNEL_HEADER, "beta,2018-01-01,-5,military,snapshot,src-a,"]) + "\n"
    )
    message = error_of("personnel", data_dir)
    assert "row 1 (line 2)" in message and "field 'count'" in message


def test_missing_table_file_is_named(data_dir):
    (data_dir / "personnel.csv").unlink()
    message = error_of("personnel", data_dir)
    assert "personnel.csv" in message and "missing" in message


def test_missing_descriptor_is_named(tmp_path):
    with pytest.raises(DataError, match=r"datapackage\.json"):
        load_table("missions", tmp_path)


def test_duplicate_source_id_is_named(data_dir):
    write(data_dir, "sources.csv", SOURCES + "src-a,Again,NOS,2021,https://example.org/c,nl,news\n")
    message = error_of("sources", data_dir)
    assert "sources.csv" in message and "row 3" in message and "field 'id'" in message


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org/a/", "https://www.example.org/a", "HTTPS://EXAMPLE.ORG/a"]
)
def test_two_ids_for_one_document_are_named(data_dir, url):
    write(data_dir, "sources.csv", SOURCES + f"src-c,Title A again,NOS,2021,{url},nl,news\n")
    message = error_of("sources", data_dir)
    assert "sources.csv, row 3 (line 4), field 'url'" in message
    assert "same document as row 1 (id 'src-a')" in message


def test_different_documents_on_one_site_pass(data_dir):
    write(data_dir, "sources.csv", SOURCES + "src-c,Other,NOS,2021,https://example.org/a2,nl,news\n")
    assert len(load_table("sources", data_dir)) == 3


# The real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    clear_cache()
    return {name: load_table(name) for name in ("sources", "missions", "personnel", "un_contributions")}


def test_real_tables_load(real):
    assert len(real["missions"]) >= 25
    assert len(real["sources"]) >= 50
    assert not real["personnel"].empty


def test_government_page_missions_are_all_present(real):
    ids = set(real["missions"]["id"])
    for required in (
        "counter-isis",
        "f16-2014",
        "cbmi-erbil",
        "nmi",
        "minusma",
        "eutm-mali",
        "eucap-sahel-mali",
        "eucap-sahel-niger",
        "resolute-support",
        "isaf",
        "tfu",
        "kunduz",
        "efp-lithuania",
        "civilian-mission-pool",
    ):
        assert required in ids, f"data/missions.csv has no row '{required}'"
    flagged = set(real["missions"].loc[real["missions"]["on_government_page"], "id"])
    assert {"minusma", "resolute-support", "efp-lithuania", "counter-isis", "civilian-mission-pool"} <= flagged


def test_disagreements_are_recorded_as_ranges(real):
    unifil = real["missions"].set_index("id").loc["unifil"]
    assert unifil["total_personnel_low"] < unifil["total_personnel_high"], "UNIFIL totals disagree (8,000-9,084)"
    assert "9,084" in unifil["note"] or "9084" in unifil["note"] or "9.084" in unifil["note"]


def _activity_sources(root: Path) -> set[str]:
    """Source ids of the activities: source packs, decision cases, the curriculum map."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source_ids":
                    found.update(item)
                elif key == "source" and isinstance(item, str):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in [*root.glob("book/activities/*/*.yml"), root / "book" / "teachers" / "curriculum.yml"]:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_source_is_used_by_a_table_or_a_page(real):
    """An orphan row in sources.csv is a source nobody can trace a fact to."""
    import re

    used = {"rijksoverheid-missies-2019"}
    for table, column in (("missions", "source_ids"), ("personnel", "source_ids"), ("un_contributions", "source_id")):
        for value in real[table][column].dropna():
            used |= {part.strip() for part in str(value).split(";")}
    used |= {part.strip() for value in load_table("events")["source_ids"] for part in str(value).split(";")}
    root = DATA_DIR.parent
    for page in [*root.glob("book/*.md"), *root.glob("notebooks/*.ipynb")]:
        for cited in re.findall(r"\{cite\}`([^`]+)`", page.read_text(encoding="utf-8")):
            used |= {part.strip() for part in cited.split(";")}
    for quiz in root.glob("book/quizzes/*.yml"):  # what a question shows to work from
        for question in yaml.safe_load(quiz.read_text(encoding="utf-8")).get("questions", []):
            used |= set(question.get("stimulus", {}).get("source", []))
    for table in ("spending", "population"):
        for value in load_table(table)["source_ids"].dropna():
            used |= {part.strip() for part in str(value).split(";")}
    used |= _activity_sources(root)
    unused = sorted(set(real["sources"]["id"]) - used)
    assert unused == [], f"data/sources.csv rows no table or page uses: {unused}"


def test_schema_check_is_skipped_only_for_the_exact_file_that_passed(tmp_path, monkeypatch):
    """The stamp names a hash of the file: change one byte and Frictionless checks it again."""
    import missions.data as data_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("datapackage.json", "sources.csv", "missions.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    checked = []
    real = data_module._frictionless_check
    monkeypatch.setattr(data_module, "_frictionless_check", lambda d, r: (checked.append(r["name"]), real(d, r)))
    clear_cache()
    load_table("missions", tmp_path)
    assert sorted(checked) == ["missions", "sources"]
    checked.clear()
    clear_cache()
    load_table("missions", tmp_path)
    assert checked == [], "unchanged files that passed are not checked again"
    rows = (tmp_path / "missions.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    broken = rows[1].split(",")
    broken[header.index("start_date")] = "not-a-date"
    (tmp_path / "missions.csv").write_text("\n".join([rows[0], ",".join(broken), *rows[2:]]) + "\n", encoding="utf-8")
    clear_cache()
    with pytest.raises(DataError, match=r"missions.csv, row 1 \(line 2\), field 'start_date'"):
        load_table("missions", tmp_path)
    assert checked == ["missions"]
    clear_cache()
