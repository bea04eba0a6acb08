"""Every user-facing string that code produces (chart titles, labels, widget text), keyed by language.

Sphinx's gettext route translates the book's prose; these strings are produced at run time,
so they live here, in one table, ready for the Dutch edition. The language comes from the
environment variable MISSIONS_LANG (default English).
"""

import os

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "source": "Source",
        "un_personnel.title": "Dutch uniformed personnel in UN peacekeeping, {start}-{end}",
        "un_personnel.ylabel": "Personnel at month end (people)",
        "un_personnel.xlabel": "Year",
        "un_personnel.caption": (
            "Dutch {kind} serving in UN peacekeeping missions, counted at the end of each month, "
            "{start} to {end}."
        ),
        "un_personnel.alt": (
            "Line chart of Dutch {kind} in UN peacekeeping missions per month from {start} to {end}. "
            "The count peaks at {peak:,} in {peak_month}. The latest value, for {last_month}, is {last:,}."
        ),
        "un_personnel.source": (
            "UN DPKO monthly contribution reports, compiled by the International Peace Institute "
            "(Providing for Peacekeeping); derived in data/un_contributions.csv"
        ),
        "personnel.troops": "troops",
        "personnel.police": "police",
        "personnel.experts": "military experts on mission",
        "personnel.total": "uniformed personnel (all types)",
        "picker.label": "Show",
        "picker.static_note": (
            "In the book these charts were drawn in advance for each choice. "
            "Open the notebook in Jupyter to run the code and explore further."
        ),
    },
    "nl": {
        "source": "Bron",
        "un_personnel.title": "Nederlands geüniformeerd personeel in VN-vredesmissies, {start}-{end}",
        "un_personnel.ylabel": "Personeel aan het eind van de maand (personen)",
        "un_personnel.xlabel": "Jaar",
        "un_personnel.caption": (
            "Nederlandse {kind} in VN-vredesmissies, geteld aan het eind van elke maand, {start} tot {end}."
        ),
        "un_personnel.alt": (
            "Lijngrafiek van Nederlandse {kind} in VN-vredesmissies per maand van {start} tot {end}. "
            "Het hoogste aantal is {peak:,} in {peak_month}. De laatste waarde, voor {last_month}, is {last:,}."
        ),
        "un_personnel.source": (
            "Maandelijkse VN-overzichten van bijdragen per land, verzameld door het International Peace "
            "Institute (Providing for Peacekeeping); afgeleid in data/un_contributions.csv"
        ),
        "personnel.troops": "militairen (troepen)",
        "personnel.police": "politiemensen",
        "personnel.experts": "militaire waarnemers en experts",
        "personnel.total": "geüniformeerd personeel (alle soorten)",
        "picker.label": "Toon",
        "picker.static_note": (
            "In het boek zijn deze grafieken vooraf getekend voor elke keuze. "
            "Open het notebook in Jupyter om de code zelf uit te voeren."
        ),
    },
}


def language() -> str:
    """The language chosen for generated text: MISSIONS_LANG, or English."""
    lang = os.environ.get("MISSIONS_LANG", "en")
    if lang not in STRINGS:
        raise ValueError(f"MISSIONS_LANG={lang!r} is not one of {sorted(STRINGS)}")
    return lang


def t(key: str, lang: str | None = None, **values) -> str:
    """Look up a string by key and fill in its placeholders."""
    table = STRINGS[lang or language()]
    if key not in table:
        raise KeyError(f"no text for {key!r} in language {lang or language()!r} (missions/text.py)")
    return table[key].format(**values)
