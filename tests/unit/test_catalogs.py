"""The Dutch catalogs are complete and sound (missions_book.catalogs.check), and the check itself
fails on each kind of bad entry, naming the file, line and entry."""

from __future__ import annotations

import textwrap

import pytest

from missions_book import catalogs


@pytest.mark.parametrize("po", catalogs.catalogs(), ids=lambda po: str(po.relative_to(catalogs.locale_dir())))
def test_catalog_is_ready(po):
    problems = catalogs.check(po)
    assert not problems, "\n".join(problems)


def test_the_dutch_glossary_defines_its_terms():
    assert {"mandaat", "navo", "artikel 100-procedure", "geïntegreerde benadering"} <= catalogs.glossary_terms()


def _po(tmp_path, msgid: str, msgstr: str, flags: str = ""):
    po = tmp_path / "page.po"
    entry = f"#, {flags}\n" if flags else ""
    po.write_text(
        textwrap.dedent("""\
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=utf-8\\n"

            """)
        + f'{entry}msgid "{msgid}"\nmsgstr "{msgstr}"\n',
        encoding="utf-8",
    )
    return po


GOOD_ID = "The {term}`Mandate` was set in 2013 {cite}`un-2013-2100`, see {doc}`the chapter <sahel>`."
GOOD_STR = "Het {term}`mandaat <Mandaat>` kwam er in 2013 {cite}`un-2013-2100`, zie {doc}`het hoofdstuk <sahel>`."


def test_a_sound_entry_passes(tmp_path):
    assert catalogs.check(_po(tmp_path, GOOD_ID, GOOD_STR)) == []


@pytest.mark.parametrize(
    ("msgstr", "flags", "complaint"),
    [
        ("", "", "not translated"),
        (GOOD_STR, "fuzzy", "marked fuzzy"),
        (GOOD_STR.replace("un-2013-2100", "un-2013-2164"), "", "markup differs"),
        (GOOD_STR.replace(" {cite}`un-2013-2100`", ""), "", "markup differs"),
        (GOOD_STR.replace("<sahel>", "<iraq>"), "", "markup differs"),
        (GOOD_STR.replace("<Mandaat>", "<Mandate>"), "", "is not a term of the translated glossary"),
        (
            GOOD_STR + " De Nederlandse inzet richt zich primair op de instabiele regio’s rond Europa.",
            "",
            "shares eight words with",
        ),
    ],
    ids=["empty", "fuzzy", "changed-citation", "lost-citation", "changed-page", "english-term", "copied"],
)
def test_a_bad_entry_is_named(tmp_path, msgstr, flags, complaint):
    po = _po(tmp_path, GOOD_ID, msgstr, flags)
    problems = catalogs.check(po)
    assert len(problems) == 1 and complaint in problems[0], problems
    msgid_line = 6 if flags else 5
    assert problems[0].startswith(f"{po}:{msgid_line}: msgid 'The {{term}}`Mandate`"), problems


def test_a_quoted_run_of_the_government_page_is_allowed():
    quoted = "Het kabinet schreef: “De Nederlandse inzet richt zich primair op de instabiele regio’s rond Europa.”"
    assert catalogs.shared_run(quoted) is None
    assert catalogs.shared_run(quoted.replace("“", "").replace("”", "")) is not None


def test_a_broken_catalog_names_its_file(tmp_path):
    po = tmp_path / "broken.po"
    po.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.po:2: not a line of a gettext catalog"):
        catalogs.check(po)
