"""The quizzes, lesson plans and activities in the Dutch edition: read through their catalogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from missions import paths, translation
from missions.quiz import QuizError, grade, load_quiz
from missions_book import catalogs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'


def _entry(english: str, dutch: str, fuzzy: bool = False) -> str:
    flag = "#, fuzzy\n" if fuzzy else ""
    return f'{flag}msgid "{english}"\nmsgstr "{dutch}"\n\n'


@pytest.fixture
def book(tmp_path, monkeypatch):
    """A copy of the book's layout holding the fixture quiz, with a Dutch catalog for it."""
    quizzes = tmp_path / "book" / "quizzes"
    quizzes.mkdir(parents=True)
    shutil.copy(FIXTURES / "good.yml", quizzes / "good.yml")
    po = tmp_path / "locales" / "nl" / "LC_MESSAGES" / "book" / "quizzes" / "good.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        HEADER
        + _entry("What do you need to read the built book?", "Wat heb je nodig om het gebouwde boek te lezen?")
        + _entry("Only a browser", "Alleen een browser")
        + _entry("Yes: the folder of pages is all you need.", "Ja: de map met pagina's is alles wat je nodig hebt.")
        + _entry("An internet connection", "Een internetverbinding (oud)", fuzzy=True),
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "root", lambda: tmp_path)
    return quizzes


def test_every_key_of_the_content_is_text_or_code():
    """A new key in a quiz or lesson plan must be sorted: reader's text (translated) or a name for the code."""
    unsorted = set()

    def walk(node, key, folder, path):
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name, folder, path)
        elif isinstance(node, list):
            for item in node:
                walk(item, key, folder, path)
        elif isinstance(node, str) and key not in translation.TEXT_KEYS[folder] | translation.CODE_KEYS:
            unsorted.add(f"{path.name}: key {key!r}")

    for path in catalogs.content_files():
        folder = path.relative_to(paths.root()).parent.as_posix()
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), None, folder, path)
    assert not unsorted, "add these keys to TEXT_KEYS or CODE_KEYS in missions/translation.py: " + ", ".join(
        sorted(unsorted)
    )


def test_a_quiz_reads_in_dutch_and_keeps_its_names_and_answers(book, monkeypatch):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    question = load_quiz("good", book)["questions"][0]
    assert question["text"] == "Wat heb je nodig om het gebouwde boek te lezen?"
    assert [option["text"] for option in question["options"]] == ["An internet connection", "Alleen een browser"]
    assert question["options"][1]["feedback"].startswith("Ja: de map")
    # Names for the code stay: id, kind, section (the chapter's catalog translates the section's title).
    assert (question["id"], question["kind"], question["section"]) == ("offline", "single", "Working offline")
    assert grade(question, 1, lang="nl")[0] is True
    assert grade(question, 0, lang="nl")[0] is False


def test_a_fuzzy_or_missing_translation_leaves_the_english(book, monkeypatch):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    data = load_quiz("good", book)
    assert data["questions"][0]["options"][0]["text"] == "An internet connection"
    assert data["questions"][1]["text"] == "Which of these does every chart have?"


def test_the_english_edition_ignores_the_catalog(book, monkeypatch):
    monkeypatch.delenv("MISSIONS_LANG", raising=False)
    assert load_quiz("good", book)["questions"][0]["text"] == "What do you need to read the built book?"


def test_a_changed_catalog_is_read_again(book, monkeypatch):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert load_quiz("good", book)["questions"][0]["options"][1]["text"] == "Alleen een browser"
    po = paths.root() / "locales" / "nl" / "LC_MESSAGES" / "book" / "quizzes" / "good.po"
    po.write_text(HEADER + _entry("Only a browser", "Een browser, verder niets"), encoding="utf-8")
    assert load_quiz("good", book)["questions"][0]["options"][1]["text"] == "Een browser, verder niets"


def test_a_broken_catalog_is_named(book, monkeypatch):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    po = paths.root() / "locales" / "nl" / "LC_MESSAGES" / "book" / "quizzes" / "good.po"
    po.write_text(HEADER + 'msgid "Only a browser"\nmsgstr Alleen\n', encoding="utf-8")
    with pytest.raises(QuizError, match=r"good\.po"):
        load_quiz("good", book)


def test_texts_are_the_readers_strings_each_once():
    data = {
        "id": "q1",
        "text": "Same",
        "options": [{"text": "Same", "feedback": "Other"}],
        "rows": [["A cell", {"fact": "personnel.x"}, 3]],
        "source": ["kst-1"],
    }
    assert translation.texts(data, translation.TEXT_KEYS["book/quizzes"]) == ["Same", "Other", "A cell"]


def test_templates_hold_every_content_file(tmp_path):
    written = catalogs.write_content_templates(tmp_path)
    names = {path.relative_to(tmp_path).with_suffix("").as_posix() for path in written}
    assert {"book/quizzes/iraq", "book/lesson-plans/sahel", "book/activities/source-packs/lithuania"} <= names
    iraq = (tmp_path / "book" / "quizzes" / "iraq.pot").read_text(encoding="utf-8")
    english = yaml.safe_load((paths.root() / "book" / "quizzes" / "iraq.yml").read_text(encoding="utf-8"))
    assert english["questions"][0]["text"][:40] in iraq
    assert 'msgid "single"' not in iraq and f'msgid "{english["questions"][0]["id"]}"' not in iraq


def test_a_quiz_links_to_its_section_under_the_dutch_title(monkeypatch):
    from missions.quiz import quiz
    from missions_book.quiz_html import section_title, section_url

    monkeypatch.setenv("MISSIONS_LANG", "nl")
    live = quiz("lithuania")
    first = live.questions[0]
    assert first["section"] == "The situation and the mandate"
    assert section_title(live, first) == "De situatie en het mandaat"
    # The anchor stays the English one, as Sphinx keeps the ids of translated headings.
    assert section_url(live, first) == "lithuania.html#the-situation-and-the-mandate"


def test_a_data_table_reads_its_names_in_dutch(tmp_path, monkeypatch):
    from missions.data import load_events, load_missions, load_table

    po = tmp_path / "locales" / "nl" / "LC_MESSAGES" / "data" / "missions.po"
    po.parent.mkdir(parents=True)
    missions = load_table("missions", lang="en")
    name = missions.loc[missions["id"] == "untac", "name"].item()
    po.write_text(HEADER + _entry(name, "UNTAC (Cambodja)") + _entry("Lebanon", "Libanon"), encoding="utf-8")
    shutil.copytree(paths.data_dir(), tmp_path / "data")
    monkeypatch.setattr(paths, "root", lambda: tmp_path)
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    dutch = load_missions().set_index("id")
    assert dutch.at["untac", "name"] == "UNTAC (Cambodja)"
    assert dutch.at["unifil", "host_country"] == "Lebanon"  # a value the notebooks' code compares stays
    assert dutch.at["unifil", "name"] == missions.set_index("id").at["unifil", "name"]  # no entry: English
    assert load_events()["label"].equals(load_table("events", lang="en")["label"])  # no catalog: English


def test_a_translated_quiz_shows_its_options_in_the_english_order(monkeypatch):
    from missions.quiz import display_order

    monkeypatch.setenv("MISSIONS_LANG", "en")
    english = load_quiz("lithuania")["questions"]
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    dutch = load_quiz("lithuania")["questions"]
    assert dutch[0]["text"] != english[0]["text"]  # the catalog is there
    assert [display_order(q) for q in dutch] == [display_order(q) for q in english]


def test_a_quotation_is_marked_in_the_language_it_is_shown_in(monkeypatch, tmp_path):
    """A quotation the catalog translated speaks the edition's language; one it did not keeps its own."""
    from missions import translation
    from missions.quiz import stimulus_html
    from missions_book.activities import load_source_pack
    from missions_book.activity_pages import pack_html

    monkeypatch.setenv("MISSIONS_LANG", "nl")
    quoted = [q for q in load_quiz("longer-view")["questions"] if "quote" in q.get("stimulus", {})]
    krstic = next(q for q in quoted if q["stimulus"].get("lang", "en") == "en")  # the ICTY judgment
    assert '<blockquote lang="nl">' in stimulus_html(krstic)
    pack = load_source_pack("lithuania")  # English and Dutch originals
    english = [x for x in pack["excerpts"] if x["lang"] == "en"]
    dutch = [x for x in pack["excerpts"] if x["lang"] == "nl"]
    assert english and dutch and all(x["translated"] for x in english) and not any(x["translated"] for x in dutch)
    page = pack_html(pack)
    assert page.count('<blockquote lang="nl">') == len(english) + len(dutch) and '<blockquote lang="en">' not in page
    assert page.count("vertaald uit het Engels") == len(english)
    # Without a catalog, the English quotations stay English and say nothing of a translation.
    monkeypatch.setattr(translation, "catalog_path", lambda path, lang: tmp_path / "none.po")
    page = pack_html(load_source_pack("lithuania"))
    assert page.count('<blockquote lang="en">') == len(english) and "vertaald uit" not in page


def test_the_dutch_table_of_contents_has_dutch_part_captions():
    from missions_book.build_edition import write_toc

    english = yaml.safe_load((paths.root() / "_toc.yml").read_text(encoding="utf-8"))
    dutch = yaml.safe_load(write_toc("nl").read_text(encoding="utf-8"))
    captions = [part["caption"] for part in dutch["parts"]]
    assert "De missies" in captions and "The missions" not in captions
    assert [p["chapters"] for p in dutch["parts"]] == [p["chapters"] for p in english["parts"]]
    assert dutch["root"] == english["root"]


def test_every_dropdown_a_notebook_makes_has_dutch_names():
    """A notebook's code names its dropdowns in English (`label="Region"`, `{"Bosnia": [...]}`); the
    Dutch edition shows the notebook's code catalog's words (names of more than one word) or
    missions.text.SHOWN's (one word), so a new English name cannot stay English there."""
    import re

    import nbformat

    from missions.text import SHOWN
    from missions.translation import messages
    from missions_book.notebook_code import code_catalog_path

    missing = set()
    for path in sorted(paths.notebooks_dir().glob("*.ipynb")):
        translated = {en for en, nl in messages(code_catalog_path(path, "nl")).items() if en != nl}
        code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        for i, source in enumerate(code):
            if "ChartPicker(" not in source:
                continue
            named = re.search(r"ChartPicker\(\s*(\w+)", source)
            defining = [s for s in code[: i + 1] if named and re.search(rf"^{named.group(1)} = \{{", s, re.M)]
            names = re.findall(r'label="([^"]+)"', source)
            names += re.findall(r'^\s*\{?"([^"]+)":', "\n".join([source, *defining[-1:]]), re.M)
            missing |= {
                f"{path.name}: {name}"
                for name in names
                if not re.fullmatch(r"[\d -]+", name) and name not in SHOWN["nl"] and name not in translated
            }
    assert not missing, "add Dutch names to the code catalog or missions.text.SHOWN: " + ", ".join(sorted(missing))


def test_a_dutch_mission_card_writes_dates_numbers_and_kinds_in_dutch(monkeypatch):
    """The explorer's card: 10 maart 1992, 9.753, vredeshandhaving, VN; every mission's card renders,
    and a new kind, organisation or country without a Dutch word fails here."""
    from missions.data import load_missions
    from missions.explorer import fact_card
    from missions.text import SHOWN

    values = load_missions()[["organisation", "kind", "host_country"]].astype(str).stack()  # not translated
    missing = sorted(set(values) - set(SHOWN["nl"]))
    assert not missing, f"add Dutch names to missions.text.SHOWN: {missing}"

    monkeypatch.setenv("MISSIONS_LANG", "nl")
    card = fact_card("unprofor")
    for dutch in ("10 maart 1992 - 20 december 1995", "9.753", "vredeshandhaving", ">VN<", "Bosnië en Herzegovina"):
        assert dutch in card, dutch
    for english in ("March", "9,753", "peacekeeping", ">UN<", "Bosnia and Herzegovina"):
        assert english not in card, english
    for mission_id in load_missions()["id"]:
        fact_card(mission_id)


def test_the_data_package_reads_in_dutch_and_keeps_its_names(tmp_path, monkeypatch):
    """The descriptor's titles and descriptions come through its catalog; names, paths, types and
    constraints, which the code reads, stay as they are."""
    package = {
        "title": "Tables",
        "resources": [
            {
                "name": "sources",
                "path": "sources.csv",
                "title": "Sources",
                "description": "One row per source.",
                "schema": {"fields": [{"name": "id", "type": "string", "description": "Short slug"}]},
            }
        ],
    }
    po = tmp_path / "locales" / "nl" / "LC_MESSAGES" / "data" / "datapackage.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid "Sources"\nmsgstr "Bronnen"\n\nmsgid "One row per source."\nmsgstr "Eén rij per bron."\n\n'
        'msgid "Short slug"\nmsgstr ""\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "root", lambda: tmp_path)
    dutch = translation.translated_package(package, tmp_path / "data" / "datapackage.json", "nl")
    resource = dutch["resources"][0]
    assert (resource["title"], resource["description"]) == ("Bronnen", "Eén rij per bron.")
    assert resource["schema"]["fields"][0] == {"name": "id", "type": "string", "description": "Short slug"}
    assert (resource["name"], resource["path"], dutch["title"]) == ("sources", "sources.csv", "Tables")
    assert translation.translated_package(package, tmp_path / "data" / "datapackage.json", "en") is package


def test_publishing_an_edition_replaces_its_pages_and_keeps_its_printed_pdfs(tmp_path, monkeypatch):
    """`make html` publishes a fresh build; the PDFs `make pdf` printed from the last one stay."""
    from missions_book.build_edition import publish

    monkeypatch.setattr(paths, "root", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match="no Nederlands edition built"):
        publish("nl")
    built = tmp_path / "_build" / "nl" / "_build" / "html"
    (built / ".doctrees").mkdir(parents=True)
    (built / "index.html").write_text("new", encoding="utf-8")
    old = tmp_path / "_build" / "html" / "nl"
    (old / "downloads" / "pdf").mkdir(parents=True)
    (old / "gone.html").write_text("old", encoding="utf-8")
    (old / "index.html").write_text("old", encoding="utf-8")
    (old / "downloads" / "pdf" / "iraq.pdf").write_bytes(b"%PDF")
    publish("nl")
    assert sorted(p.relative_to(old).as_posix() for p in old.rglob("*") if p.is_file()) == [
        "downloads/pdf/iraq.pdf",
        "index.html",
    ]
    assert (old / "index.html").read_text(encoding="utf-8") == "new"


def test_every_edition_config_is_an_edition_the_book_knows():
    """`make html` builds an edition for each _config.<lang>.yml; missions_book.editions must know it."""
    from missions_book.editions import NAMES, OTHERS

    overlays = sorted(path.name.split(".")[1] for path in paths.root().glob("_config.*.yml"))
    assert overlays == sorted(OTHERS) and set(OTHERS) < NAMES.keys()
