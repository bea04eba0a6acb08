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
        "personnel.title": "Dutch personnel deployed: {names}",
        "personnel.ylabel": "Personnel (people)",
        "personnel.xlabel": "Date",
        "personnel.measure.snapshot": "deployed (snapshot)",
        "personnel.measure.average": "deployed (average)",
        "personnel.measure.ceiling": "ceiling set by the government",
        "personnel.measure.planned": "planned",
        "personnel.caption": "Dutch personnel in {names}, {start}-{end}, as reported by the sources in data/personnel.csv. Ceilings are maximums the government authorised; snapshots are numbers deployed on a date.",
        "personnel.alt": "Chart of Dutch personnel deployed in {names} from {start} to {end}. {details}",
        "personnel.alt_detail": "{name}: {n} figures, highest {peak:,} ({measure}) in {peak_year}",
        "personnel.source": "{publishers} (see data/personnel.csv)",
        "timeline.title": "Dutch contributions to international missions, {start}-{end}",
        "timeline.xlabel": "Year",
        "timeline.ongoing": "ongoing (as of the latest source)",
        "timeline.caption": "Each bar runs from the start to the end of a Dutch contribution; bars ending in an arrow were ongoing at the latest source. Missions on the government page of about 2019-2020 are marked with a star.",
        "timeline.alt": "Timeline of {n} Dutch contributions to missions from {start} to {end}, by organisation: {counts}. {ongoing} were ongoing at the latest source. Longest: {longest}.",
        "timeline.source": "data/missions.csv; sources per row in data/sources.csv",
        "map.title": "Where Dutch personnel served, {period}",
        "map.caption": "Main location of each Dutch contribution; the area of a circle is proportional to the largest number of Dutch personnel deployed at one time (a small circle where that number is unknown). The Netherlands is shown in dark grey.",
        "map.alt": "Map of Europe, Africa, the Middle East and Asia with {n} Dutch mission contributions, {period}, by region: {regions}. The largest circle is {largest}, with up to {largest_count:,} Dutch personnel, at {place}.",
        "map.source": "data/missions.csv; country outlines: Natural Earth (public domain)",
        "quiz.check": "Check answer",
        "quiz.reset": "Start again",
        "quiz.correct": "Correct.",
        "quiz.incorrect": "Not quite.",
        "quiz.choose": "Choose an answer first.",
        "quiz.enter_number": "Type a number first.",
        "quiz.missed": "You did not choose: {option}",
        "quiz.numeric_answer": "The answer is {answer}.",
        "quiz.true": "True",
        "quiz.false": "False",
        "quiz.your_estimate": "Your estimate",
        "quiz.order_hint": "Give each event its place in time: 1 for the earliest.",
        "quiz.read": "Read more: {section}",
        "quiz.score": "Score: {score} of {total} questions answered correctly.",
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
        "personnel.title": "Nederlands personeel ingezet: {names}",
        "personnel.ylabel": "Personeel (personen)",
        "personnel.xlabel": "Datum",
        "personnel.measure.snapshot": "ingezet (momentopname)",
        "personnel.measure.average": "ingezet (gemiddelde)",
        "personnel.measure.ceiling": "plafond vastgesteld door de regering",
        "personnel.measure.planned": "gepland",
        "personnel.caption": "Nederlands personeel in {names}, {start}-{end}, volgens de bronnen in data/personnel.csv. Een plafond is het maximum dat de regering toestond; een momentopname is het aantal ingezet op een datum.",
        "personnel.alt": "Grafiek van Nederlands personeel in {names} van {start} tot {end}. {details}",
        "personnel.alt_detail": "{name}: {n} cijfers, hoogste {peak:,} ({measure}) in {peak_year}",
        "personnel.source": "{publishers} (zie data/personnel.csv)",
        "timeline.title": "Nederlandse bijdragen aan internationale missies, {start}-{end}",
        "timeline.xlabel": "Jaar",
        "timeline.ongoing": "lopend (volgens de laatste bron)",
        "timeline.caption": "Elke balk loopt van begin tot eind van een Nederlandse bijdrage; balken met een pijl liepen nog bij de laatste bron. Missies op de regeringspagina van rond 2019-2020 hebben een ster.",
        "timeline.alt": "Tijdlijn van {n} Nederlandse bijdragen aan missies van {start} tot {end}, per organisatie: {counts}. {ongoing} liepen nog bij de laatste bron. Langste: {longest}.",
        "timeline.source": "data/missions.csv; bronnen per rij in data/sources.csv",
        "map.title": "Waar Nederlands personeel diende, {period}",
        "map.caption": "Hoofdlocatie van elke Nederlandse bijdrage; de oppervlakte van een cirkel is evenredig met het grootste aantal Nederlanders dat tegelijk was ingezet (een kleine cirkel als dat aantal onbekend is). Nederland is donkergrijs.",
        "map.alt": "Kaart van Europa, Afrika, het Midden-Oosten en Azië met {n} Nederlandse bijdragen aan missies, {period}, per regio: {regions}. De grootste cirkel is {largest}, met tot {largest_count:,} Nederlanders, bij {place}.",
        "map.source": "data/missions.csv; landsgrenzen: Natural Earth (publiek domein)",
        "quiz.check": "Controleer antwoord",
        "quiz.reset": "Opnieuw beginnen",
        "quiz.correct": "Goed.",
        "quiz.incorrect": "Niet helemaal.",
        "quiz.choose": "Kies eerst een antwoord.",
        "quiz.enter_number": "Typ eerst een getal.",
        "quiz.missed": "Je koos niet: {option}",
        "quiz.numeric_answer": "Het antwoord is {answer}.",
        "quiz.true": "Waar",
        "quiz.false": "Niet waar",
        "quiz.your_estimate": "Jouw schatting",
        "quiz.order_hint": "Geef elke gebeurtenis haar plaats in de tijd: 1 voor de vroegste.",
        "quiz.read": "Lees meer: {section}",
        "quiz.score": "Score: {score} van {total} vragen goed beantwoord.",
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
