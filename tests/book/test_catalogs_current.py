"""The Dutch catalogs hold exactly the English text of today: the messages are extracted afresh
(Sphinx's gettext builder, as `make catalogs` runs it) and compared with locales/nl/."""

from __future__ import annotations

import subprocess

from missions import paths
from missions_book import catalogs
from missions_book.build_edition import GETTEXT_OVERRIDES, write_config

ROOT = paths.root()


def test_catalogs_match_the_english_text(tmp_path):
    config = write_config("nl", GETTEXT_OVERRIDES, tmp_path / "_config.yml")
    command = [ROOT / ".venv" / "bin" / "jupyter-book", "build", ROOT, "--config", config, "--path-output", tmp_path]
    command += ["--builder", "custom", "--custom-builder", "gettext"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    templates = tmp_path / "_build" / "gettext"
    assert len(list(templates.rglob("*.pot"))) > 40, f"{templates}: too few pages extracted"
    assert len(catalogs.write_content_templates(templates)) > 40, "too few quizzes, lesson plans and activities"
    problems = catalogs.compare(templates)
    assert not problems, "\n".join(problems)


def test_a_page_missing_or_changed_is_named(tmp_path, monkeypatch):
    lang_dir = tmp_path / "locales" / "nl"
    (lang_dir / "LC_MESSAGES").mkdir(parents=True)
    (lang_dir / catalogs.PENDING).write_text("# pages\nbook/gone\n", encoding="utf-8")
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
    templates = tmp_path / "pot"
    (templates / "book").mkdir(parents=True)
    (templates / "book" / "a.pot").write_text(header + 'msgid "New text"\nmsgstr ""\n', encoding="utf-8")
    (templates / "book" / "b.pot").write_text(header + 'msgid "Text"\nmsgstr ""\n', encoding="utf-8")
    (lang_dir / "LC_MESSAGES" / "book").mkdir()
    (lang_dir / "LC_MESSAGES" / "book" / "a.po").write_text(
        header + 'msgid "Old text"\nmsgstr "Oud"\n', encoding="utf-8"
    )
    monkeypatch.setattr(catalogs, "locale_dir", lambda lang="nl": lang_dir / "LC_MESSAGES")
    problems = "\n".join(catalogs.compare(templates))
    assert "'book/gone' is neither a page nor a content file of the book" in problems
    assert "a.po: the English has a message the catalog lacks ('make catalogs'): 'New text'" in problems
    assert "a.po: the English no longer has this message ('make catalogs'): 'Old text'" in problems
    assert "b.po: missing: page 'book/b' has no nl catalog" in problems
