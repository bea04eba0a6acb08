"""The missions package: charts, the chart picker, translations and facts, on small hand-made data."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import missions
from missions import facts, text
from missions.display import BOOK_VARIABLE, CHART_MIME, PANELS_MIME
from missions.style import Chart, new_figure
from missions.text import t


def un_frame(rows):
    return pd.DataFrame(rows, columns=["dataset", "period", "country", "mission", "personnel_type", "count", "measure"])


@pytest.fixture
def un_small():
    return un_frame(
        [
            ("nl_monthly", "1993-08-31", "Netherlands", "all", "total", 100, "month_end"),
            ("nl_monthly", "1993-09-30", "Netherlands", "all", "total", 300, "month_end"),
            ("nl_monthly", "1993-10-31", "Netherlands", "all", "total", 50, "month_end"),
            ("nl_monthly", "1993-09-30", "Netherlands", "all", "police", 7, "month_end"),
            ("mission_yearly", "2015", "Netherlands", "MINUSMA", "total", 550, "annual_mean"),
            ("mission_yearly", "2015", "all", "MINUSMA", "total", 10000, "annual_mean"),
        ]
    )


@pytest.fixture
def mission_frames():
    m = pd.DataFrame(
        {
            "id": ["a", "b"],
            "name": ["Alpha", "Beta"],
            "organisation": ["UN", "NATO"],
            "start_date": pd.to_datetime(["1990-01-01", "2000-06-01"]),
            "end_date": pd.to_datetime(["1995-01-01", None]),
            "on_government_page": [False, True],
            "source_ids": ["s1", "s1"],
        }
    )
    p = pd.DataFrame(
        {
            "mission_id": ["b", "b", "b"],
            "date": pd.to_datetime(["2001-01-01", "2002-01-01", "2002-01-01"]),
            "count": [120, 480, 400],
            "personnel_type": "military",
            "measure": ["snapshot", "ceiling", "snapshot"],
            "source_ids": "s1",
        }
    )
    return m, p


def test_chart_refuses_empty_alt_text():
    fig, _ = new_figure()
    with pytest.raises(ValueError, match="alt"):
        Chart(fig, alt=" ", caption="c", source="s")


def test_chart_html_escapes_text_and_closes_the_figure():
    fig, _ = new_figure()
    before = len(plt.get_fignums())
    chart = Chart(fig, alt='<script>alert("x")</script> chart', caption="a & b", source="s")
    assert len(plt.get_fignums()) == before - 1
    html = chart.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html
    assert chart._repr_mimebundle_()["text/plain"].startswith("<script>")  # plain text is not HTML


def test_un_series_and_chart_report_the_peak(un_small):
    series = missions.dutch_un_monthly("total", un_small)
    assert list(series) == [100, 300, 50]
    chart = missions.un_personnel_chart("total", un_small)
    assert "peaks at 300 in September 1993" in chart.alt
    assert "October 1993, is 50" in chart.alt


def test_unknown_personnel_type_is_a_clear_error(un_small):
    with pytest.raises(ValueError, match="unknown personnel type 'navy'"):
        missions.dutch_un_monthly("navy", un_small)


def test_personnel_chart_names_unknown_missions(mission_frames):
    m, p = mission_frames
    with pytest.raises(ValueError, match=r"unknown mission id\(s\) \['zz'\]"):
        missions.personnel_chart(["b", "zz"], personnel=p, missions=m)


def test_personnel_chart_alt_text_gives_highest_figure(mission_frames, monkeypatch):
    m, p = mission_frames
    monkeypatch.setattr(missions.charts, "load_sources", lambda: pd.DataFrame({"id": ["s1"], "publisher": ["NOS"]}))
    chart = missions.personnel_chart(["b"], personnel=p, missions=m)
    assert "Beta: 3 figures, highest 480 (ceiling set by the government) in 2002" in chart.alt
    assert "NOS" in chart.source


def test_personnel_chart_without_rows_is_an_error(mission_frames):
    m, p = mission_frames
    with pytest.raises(ValueError, match="no personnel figures"):
        missions.personnel_chart(["a"], personnel=p, missions=m)


def test_timeline_counts_organisations_and_ongoing(mission_frames):
    m, _ = mission_frames
    chart = missions.timeline_chart(missions=m, as_of="2020-01-01")
    assert "2 Dutch contributions" in chart.alt
    assert "UN 1, NATO 1" in chart.alt
    assert "1 were ongoing" in chart.alt
    assert "Longest: Beta (2000-)" in chart.alt


def _choices_chart(value):
    fig, ax = new_figure()
    ax.plot([0, 1], [0, value])
    return Chart(fig, alt=f"A line rising to {value} for testing", caption=f"to {value}", source="test")


def test_chart_picker_live_and_static():
    picker = missions.ChartPicker({"One": 1, "Two": 2, "Three": 3}, draw=_choices_chart, label="Height")
    assert "rising to 1" in picker.chart.alt
    assert "rising to 3" in picker.select("Three").alt
    assert "rising to 3" in picker.figure.value  # the live widget shows the new chart
    panels = picker.panels()
    assert panels["label"] == "Height" and panels["options"] == ["One", "Two", "Three"]
    assert [p["chart"]["alt"] for p in panels["panels"]] == [f"A line rising to {n} for testing" for n in (1, 2, 3)]
    bundle = picker._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "rising to 3" in bundle["text/html"]


def test_a_dutch_chart_picker_shows_dutch_names_and_keeps_the_codes_names(monkeypatch):
    """The notebook's code names its one-word choices in English; the Dutch edition shows them in
    Dutch, a name the edition has no word for (a year, a mission) as the code gives it, and the label
    as the Dutch code gives it (from the notebook's code catalog)."""
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    picker = missions.ChartPicker({"Police": 1, "Bosnia": 2, "2016": 3}, draw=_choices_chart, label="Regio")
    assert picker.dropdown.description == "Regio"
    assert [label for label, _ in picker.dropdown.options] == ["Politie", "Bosnië", "2016"]
    assert "rising to 2" in picker.select("Bosnia").alt  # chosen by the code's name, as before
    panels = picker.panels()
    assert panels["label"] == "Regio" and panels["options"] == ["Politie", "Bosnië", "2016"]
    assert picker._repr_mimebundle_()["text/plain"] == "Regio: Politie, Bosnië, 2016"
    monkeypatch.setenv("MISSIONS_LANG", "en")
    assert missions.ChartPicker({"Bosnia": 2}, draw=_choices_chart, label="Region").panels()["options"] == ["Bosnia"]


def test_panels_are_drawn_only_for_the_book(monkeypatch):
    drawn = []

    def counting(value):
        drawn.append(value)
        return _choices_chart(value)

    monkeypatch.delenv(BOOK_VARIABLE, raising=False)
    picker = missions.ChartPicker({"One": 1, "Two": 2, "Three": 3}, draw=counting)
    bundle = picker._repr_mimebundle_()
    assert PANELS_MIME not in bundle and CHART_MIME not in picker.chart._repr_mimebundle_()
    assert drawn == [1], "a student's kernel draws only the chart it shows"
    monkeypatch.setenv(BOOK_VARIABLE, "1")
    bundle = picker._repr_mimebundle_()
    assert len(bundle[PANELS_MIME]["panels"]) == 3 and CHART_MIME in picker.chart._repr_mimebundle_()


def test_chart_picker_rejects_unknown_choice_and_empty_choices():
    picker = missions.ChartPicker({"One": 1}, draw=_choices_chart)
    with pytest.raises(KeyError, match="unknown choice 'Nine'"):
        picker.select("Nine")
    with pytest.raises(ValueError):
        missions.ChartPicker({}, draw=_choices_chart)


def test_every_string_exists_in_every_language():
    languages = list(text.STRINGS)
    for lang in languages:
        assert set(text.STRINGS[lang]) == set(text.STRINGS["en"]), f"{lang} lacks or adds keys"


def test_language_comes_from_environment(monkeypatch):
    monkeypatch.setenv("MISSIONS_LANG", "nl")
    assert text.t("source") == "Bron"
    monkeypatch.setenv("MISSIONS_LANG", "fr")
    with pytest.raises(ValueError, match="MISSIONS_LANG='fr'"):
        text.t("source")


def test_unknown_text_key_is_named():
    with pytest.raises(KeyError, match="no text for 'nope'"):
        text.t("nope", lang="en")


def test_fact_formatting():
    assert facts.format_value(9084) == "9,084"
    assert facts.format_value(pd.Timestamp("2006-08-01")) == "1 August 2006"
    assert facts.format_value(5.5) == "5.5"
    assert facts.format_value("NATO") == "NATO"
    with pytest.raises(ValueError):
        facts.format_value(pd.NA)


def test_un_facts_compute_share_by_hand(un_small):
    derived = facts.un_facts(un_small)
    assert derived["un.nl_monthly_peak"] == 300
    assert derived["un.nl_monthly_peak_month"] == "September 1993"
    assert derived["un.minusma_nl_share_2015"] == 5.5  # 550 / 10,000


def test_unknown_fact_suggests_keys():
    with pytest.raises(KeyError, match=r"unknown fact 'tfu\.dead'.*tfu\.deaths"):
        facts.fact_text("tfu.dead", {"tfu.deaths": 24, "tfu.name": "Task Force Uruzgan"})


def test_map_circles_scale_by_area():
    from missions.maps import marker_sizes

    sizes = marker_sizes(pd.Series([1000, 250, None]), largest=900)
    assert sizes[0] == 930 and sizes[1] == 30 + 225 and sizes[2] == 30


def test_world_map_has_the_countries_the_book_needs():
    from missions.maps import load_world

    names = {country["name"] for country in load_world()}
    for needed in ("Netherlands", "Mali", "Iraq", "Afghanistan", "Lithuania", "Lebanon", "Bosnia and Herz."):
        assert needed in names, f"data/world-110m.json lacks {needed}"


def test_map_of_an_empty_period_is_a_clear_error(mission_frames):
    m, _ = mission_frames
    m = m.assign(
        latitude=[33.0, 55.0],
        longitude=[35.0, 24.0],
        peak_personnel=[800, 270],
        region=["Middle East", "Europe"],
        location=["Haris", "Rukla"],
        host_country=["Lebanon", "Lithuania"],
    )
    with pytest.raises(ValueError, match="no missions with a location in 1960-1970"):
        missions.map_chart(missions=m, start_year=1960, end_year=1970)
    chart = missions.map_chart(missions=m, start_year=1980, end_year=1990)
    assert "1980-1990 (1 in all)" in chart.alt and "Alpha" in chart.alt


def test_explorer_update_gives_the_chosen_mission_and_period():
    explorer = missions.Explorer()
    personnel = missions.load_personnel()
    mission_id = personnel["mission_id"].value_counts().index[0]  # the mission with most figures
    years = personnel.loc[personnel["mission_id"] == mission_id, "date"].dt.year
    chart, card = explorer.update(mission_id, "personnel", (int(years.min()), int(years.min())))
    name = explorer.missions.set_index("id").at[mission_id, "name"]
    expected_n = int((years == years.min()).sum())
    assert f"{name}: {expected_n} figures" in chart.alt
    assert f", in {years.min()}." in chart.alt  # one year: "in 2017", not "from 2017 to 2017"
    assert explorer.missions.set_index("id").at[mission_id, "full_name"] in card
    map_chart, _ = explorer.update(mission_id, "map")
    assert map_chart.alt.startswith("Map of")


def test_explorer_rejects_unknown_mission_and_measure():
    explorer = missions.Explorer()
    with pytest.raises(ValueError, match="unknown mission id 'atlantis'"):
        explorer.update("atlantis")
    with pytest.raises(ValueError, match="unknown measure 'cost'"):
        explorer.update(explorer.missions["id"].iloc[0], "cost")


def test_explorer_widgets_drive_the_card():
    explorer = missions.Explorer()
    last = list(explorer.choices.items())[-1]
    explorer.mission.value = last[1]
    assert explorer.missions.set_index("id").at[last[1], "full_name"] in explorer.card.value
    assert explorer.figure.value.startswith('<figure class="mission-chart"')


def test_fact_card_escapes_and_shows_ranges():
    m = pd.DataFrame(
        {
            "id": ["x"],
            "full_name": ["<b>X</b> force"],
            "organisation": ["UN"],
            "location": ["Haris"],
            "host_country": ["Lebanon"],
            "start_date": [pd.Timestamp("1979-02-25")],
            "end_date": [pd.NaT],
            "kind": ["peacekeeping"],
            "peak_personnel": [pd.NA],
            "total_personnel_low": [8000],
            "total_personnel_high": [9084],
            "deaths": [9],
            "source_ids": ["s1"],
            "note": [None],
        }
    )
    s = pd.DataFrame({"id": ["s1"], "url": ["https://example.org/?a=1&b=2"], "publisher": ["NIMH"], "title": ["T"]})
    card = missions.fact_card("x", m, s)
    assert "&lt;b&gt;X&lt;/b&gt;" in card and "8,000 to 9,084 (sources differ)" in card
    assert "not known from the sources used" in card and "ongoing at the latest source" in card
    assert 'href="https://example.org/?a=1&amp;b=2"' in card


def test_import_missions_loads_no_book_machinery():
    """A student's kernel: no Sphinx, docutils, Playwright, pypdf or jsonschema on `import missions`,
    and no Frictionless or jsonschema for data and quizzes that passed their checks before."""
    import subprocess
    import sys

    code = (
        "import sys, missions\n"
        "heavy = ('sphinx', 'docutils', 'playwright', 'pypdf', 'jsonschema', 'frictionless', 'missions_book')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
        "missions.load_missions(); missions.quiz('iraq')\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy})))\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert first[0] == "", f"import missions loaded {first[0]}"
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert again[1] == "", f"a second load of checked, unchanged data and quiz imported {again[1]}"


def test_names_and_submodules_load_on_first_use():
    import subprocess
    import sys

    code = (
        "import sys, missions\n"
        "assert 'missions.charts' not in sys.modules\n"
        "assert missions.charts.personnel_chart is missions.personnel_chart\n"
        "assert 'load_missions' in dir(missions)\n"
        "try:\n    missions.no_such_name\nexcept AttributeError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "has no attribute 'no_such_name'" in done.stdout


def test_using_a_decision_or_an_exercise_keeps_missions_quiz_callable():
    """Importing a submodule named like a lazy function (missions.quiz) would hide the function."""
    import subprocess
    import sys

    code = (
        "import missions\n"
        "missions.decision('minusma-2013'); missions.check('months-over-1000', 40)\n"
        "assert callable(missions.quiz), type(missions.quiz)\n"
        "missions.quiz('timeline')\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)


def test_explorer_shows_a_note_for_a_mission_without_figures_or_place():
    from missions.explorer import Explorer
    from missions.text import t

    explorer = Explorer()
    chart, card = explorer.update("civilian-mission-pool", "map")
    assert chart is None and "civilian mission pool" in card
    explorer.mission.value = "civilian-mission-pool"
    explorer.refresh()
    assert t("explorer.no_chart") in explorer.figure.value


def test_generated_text_writes_numbers_the_way_its_language_does():
    """A number field is written with the language's separators; years, counts and text stay as they are."""
    values = {"name": "Task Force Uruzgan", "n": 6, "peak": 1600, "measure": "maximum", "peak_year": 2007}
    assert t("personnel.alt_detail", "en", **values) == "Task Force Uruzgan: 6 figures, highest 1,600 (maximum) in 2007"
    assert t("personnel.alt_detail", "nl", **values) == "Task Force Uruzgan: 6 cijfers, hoogste 1.600 (maximum) in 2007"
    minusma = {"year": 2016, "total": 12345, "n": 50, "leaders": "a", "dutch": 450, "rank": 10, "share": 3.6}
    assert "gemiddeld 12.345 geüniformeerden" in t("minusma.alt", "nl", **minusma)
    assert "3,6% van de missie" in t("minusma.alt", "nl", **minusma)
    assert "3.6% of the mission" in t("minusma.alt", "en", **minusma)
    assert t("quiz.numeric_answer", "nl", answer="2.759") == "Het antwoord is 2.759."  # text is not reformatted
