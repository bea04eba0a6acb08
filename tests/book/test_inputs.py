"""The Dutch edition's pages are re-read, and its notebooks re-run, when a catalog that translates
their content changes, not only when the English does."""

from __future__ import annotations

from types import SimpleNamespace

from missions import paths
from missions.translation import catalog_path
from missions_book import inputs


def _env(lang: str, noted: list) -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(language=lang), note_dependency=noted.append)


def test_the_dutch_edition_counts_the_catalogs_of_data_and_quizzes_as_inputs():
    english, dutch = set(inputs.input_files("en")), set(inputs.input_files("nl"))
    locales = paths.root() / "locales"
    assert english < dutch and not any(path.is_relative_to(locales) for path in english)
    added = dutch - english
    assert catalog_path(paths.data_dir() / "missions.csv", "nl") in added
    assert catalog_path(paths.quiz_dir() / "iraq.yml", "nl") in added
    # The execution caches of the editions are keyed apart, so a Dutch catalog cannot reuse English runs.
    assert inputs.fingerprint(tuple(sorted(english))) != inputs.fingerprint(tuple(sorted(dutch)))


def test_a_content_page_depends_on_the_catalog_of_its_edition(monkeypatch, tmp_path):
    pack = paths.root() / "book" / "activities" / "source-packs" / "iraq.yml"
    noted: list[str] = []
    inputs.note_content_dependency(_env("nl", noted), pack)
    assert noted == [str(pack), str(catalog_path(pack, "nl"))]
    noted.clear()
    inputs.note_content_dependency(_env("en", noted), pack)
    assert noted == [str(pack)]
    # A catalog not written yet is no dependency: a missing file would re-read the page on every build.
    monkeypatch.setattr(inputs, "catalog_path", lambda path, lang: tmp_path / "none.po")
    noted.clear()
    inputs.note_content_dependency(_env("nl", noted), pack)
    assert noted == [str(pack)]
