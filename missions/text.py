"""Every user-facing string that code produces (chart titles, labels, widget text), keyed by language.

Sphinx's gettext route translates the book's prose; these strings are produced at run time,
so they live here, in one table, ready for the Dutch edition. The language comes from the
environment variable MISSIONS_LANG (default English).
"""

import os
import re
import string

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "source": "Source",
        "un_personnel.title": "Dutch uniformed personnel in UN peacekeeping, {start}-{end}",
        "un_personnel.ylabel": "Personnel at month end (people)",
        "un_personnel.xlabel": "Year",
        "un_personnel.caption": (
            "Dutch {kind} serving in UN peacekeeping missions, counted at the end of each month, {start} to {end}."
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
        "personnel.caption": "Dutch personnel in {names}, {years}, as reported by the sources in data/personnel.csv. Ceilings are maximums the government authorised; snapshots are numbers deployed on a date.",
        "personnel.alt": "Chart of Dutch personnel deployed in {names}, {period}. {details}",
        "period.one": "in {year}",
        "period.span": "from {start} to {end}",
        "personnel.alt_detail": "{name}: {n} figures, highest {peak:,} ({measure}) in {peak_year}",
        "personnel.source": "{publishers} (see data/personnel.csv)",
        "timeline.title": "Dutch contributions to international missions, {start}-{end}",
        "timeline.xlabel": "Year",
        "timeline.ongoing": "ongoing (as of the latest source)",
        "timeline.caption": "Each bar runs from the start to the end of a Dutch contribution; a bar ending in an arrow was still ongoing at the date of its newest source, where the bar stops. Missions on the government page of about 2019-2020 are marked with a star. Hatched bars start at the earliest date the sources show; the real start is earlier. Breaks within a contribution (such as the EUFOR Althea pause of 2017-2023) are not drawn.",
        "timeline.alt": "Timeline of {n} Dutch contributions to missions from {start} to {end}, by organisation: {counts}. {ongoing} were ongoing at the latest source. Longest: {longest}.",
        "timeline.source": "data/missions.csv; sources per row in data/sources.csv",
        "map.title": "Where Dutch personnel served, {period}",
        "map.caption": "Main location of each Dutch contribution; the area of a circle is proportional to the largest number of Dutch personnel deployed at one time (a small circle where that number is unknown). The Netherlands is shown in dark grey.",
        "map.alt": "Map of Europe, Africa, the Middle East and Asia with Dutch mission contributions, {period} ({n} in all), by region: {regions}. {largest}",
        "map.largest": "The largest circle is {name}, with up to {count:,} Dutch personnel at one time, at {place}.",
        "map.no_peak": "The sources give no peak number of personnel, so every circle has the smallest size.",
        "map.source": "data/missions.csv; country outlines: Natural Earth (public domain)",
        "quiz.check": "Check answer",
        "quiz.reset": "Start again",
        "quiz.correct": "Correct.",
        "quiz.incorrect": "Not quite.",
        "quiz.choose": "Choose an answer first.",
        "quiz.enter_number": "Type a number, such as 2,759 or 12.5.",
        "quiz.source": "Source",
        "quiz.gloss": "In English",
        "quiz.missed": "You did not choose: {option}",
        "quiz.numeric_answer": "The answer is {answer}.",
        "quiz.true": "True",
        "quiz.false": "False",
        "quiz.your_estimate": "Your estimate",
        "quiz.order_hint": "Give each event its place in time: 1 for the earliest.",
        "quiz.read": "Read more: {section}",
        "quiz.score": "Score: {score} of {total} questions answered correctly.",
        "quiz.kept": "Your checked answers are kept in this browser only, and nothing is sent.",
        "quiz.my_progress": "See My progress",
        "export.number_hint": "Type digits only, without a thousands separator: 2759, not 2,759.",
        "export.order_hint": "Put the events in order of time, the earliest first.",
        "export.bank": "The whole question bank (without the review, whose questions it holds)",
        "export.caption": "Every quiz as Moodle XML and as a QTI 3.0 package",
        "export.quiz": "Quiz",
        "export.questions": "Questions",
        "export.moodle": "Moodle XML",
        "export.qti": "QTI 3.0 package",
        # the teacher's loop: My progress and the class overview
        "progress.caption": "Your quizzes, in the order of the book",
        "progress.quiz": "Quiz",
        "progress.score_head": "Score",
        "progress.to_do": "Still to do",
        "progress.noscript": "This page needs JavaScript, which your browser has switched off.",
        "progress.reread_none": "Nothing to re-read yet: every question you answered is right, or you have not answered any.",
        "progress.name": "Your name",
        "progress.class": "Your class",
        "progress.download": "Download results file",
        "progress.print": "Print results slip",
        "progress.clear": "Clear my progress",
        "progress.score": "{right} of {total} right",
        "progress.left": "{count} questions not answered",
        "progress.all_done": "All answered",
        "progress.not_started": "Not started",
        "progress.answered": "You have answered {count} questions in {quizzes} quizzes.",
        "progress.nothing_yet": "You have not answered any quiz questions in this browser yet.",
        "progress.reread": "Re-read: {section}",
        "progress.objectives": "It helps you to:",
        "progress.no_storage": "This browser does not let the book keep your answers (a private window, or storage switched off). Quizzes still work, but nothing is kept when you close the page.",
        "progress.name_needed": "Type your name first, so your teacher knows whose results these are.",
        "progress.nothing_to_export": "There is nothing to hand in yet: answer some quiz questions first.",
        "progress.downloaded": "Saved as {file} in your downloads folder. Hand this file in to your teacher.",
        "progress.confirm_clear": "Clear every answer this browser kept for the book? This cannot be undone.",
        "progress.cleared": "Your progress is cleared. Nothing of it is left in this browser.",
        "progress.slip_title": "Results slip",
        "progress.slip_caption": "Quizzes answered",
        "progress.slip_score": "{right} right of {answered} answered ({total} questions)",
        "progress.slip_note": "From the book The Netherlands on Mission. The results file holds the same answers.",
        "progress.date": "Date",
        "overview.folder": "Open a folder of results files",
        "overview.files": "Or choose one or more results files",
        "overview.csv_students": "Download students table (CSV)",
        "overview.csv_questions": "Download questions table (CSV)",
        "overview.read": "Read {count} of {files} files: {students} students.",
        "overview.no_files": "No results files (.json) were in what you chose.",
        "overview.skipped": "Skipped files:",
        "overview.notes": "Answers left out:",
        "overview.left_out": "{file}: quiz '{quiz}' is not in this edition of the book; its answers are left out.",
        "overview.changed": "{file}: question '{question}' of quiz '{quiz}' has changed since it was answered; left out.",
        "overview.older_file": "{file}: an older copy of the '{quiz}' answers of {name}; the newer file counts.",
        "overview.too_large": "{file}: too large to be a results file.",
        "overview.not_json": "{file}: not a results file (it is not JSON).",
        "overview.not_ours": "{file}: not a results file of this book (field 'format').",
        "overview.bad_version": "{file}: made by another version of the book (field 'version': {version}).",
        "overview.bad_field": "{file}: damaged or edited (field '{field}').",
        "overview.duplicate": "{file}: the same answer appears twice (field '{field}').",
        "overview.edited": "{file}: edited by hand: the score or a verdict does not match the answers (field '{field}').",
        "overview.students_caption": "Students by quiz: questions right of those answered",
        "overview.student": "Student",
        "overview.class": "Class",
        "overview.quiz_total": "{quiz} ({total} questions)",
        "overview.right": "{right} of {answered}",
        "overview.not_done": "not done",
        "overview.questions_caption": "{quiz}: each question",
        "overview.quiz": "Quiz",
        "overview.number": "Number",
        "overview.question": "Question",
        "overview.answered": "Answered by",
        "overview.right_count": "Right",
        "overview.share": "Share right",
        "overview.wrong_most": "Most-chosen wrong answer (how many)",
        "overview.wrong_count": "Chosen by",
        "overview.what_it_shows": "What that answer suggests",
        "overview.none_wrong": "no wrong answers",
        "overview.missed_option": "left out: {option}",
        "overview.placed": "put in the wrong place: {item}",
        "overview.true": "True",
        "overview.false": "False",
        "decade.title": "Dutch contributions started per decade, by organisation",
        "decade.ylabel": "Contributions started",
        "decade.xlabel": "Decade",
        "decade.caption": "Number of Dutch contributions in data/missions.csv that started in each decade, by the organisation that led the mission.",
        "decade.alt": "Stacked bar chart of Dutch mission contributions by the decade they started: {summary}. The busiest decade was the {busiest} with {n}.",
        "events.start": "start",
        "events.end": "end",
        "minusma.title": "Largest contributors of uniformed personnel to MINUSMA, {year}",
        "minusma.xlabel": "Uniformed personnel (annual mean of month-end counts)",
        "minusma.caption": "Countries with the most uniformed personnel in MINUSMA in {year}, as the mean of the UN's monthly counts. The Netherlands is orange.",
        "minusma.alt": "Bar chart of contributors to MINUSMA in {year}, which had {total:,} uniformed personnel on average from {n} countries. Largest: {leaders}. The Netherlands contributed {dutch:,} on average, rank {rank}, {share}% of the mission.",
        "un_yearly.source": "UN Peacekeeping open data (troop and police contributions by gender), yearly means compiled by UN_Peacekeeping_Analytics; derived in data/un_contributions.csv",
        "compare.title": "Uniformed personnel in all UN missions, {start}-{end}",
        "compare.ylabel": "Personnel (annual mean)",
        "compare.caption": "Uniformed personnel each country had in UN peacekeeping missions, as yearly means of monthly counts. The years 2010, 2012, 2017 and 2021 are incomplete in the source and read low.",
        "compare.alt": "Line chart of uniformed personnel in all UN missions per year from {start} to {end} for {countries}. Highest values: {peaks}.",
        "spending.title": "Dutch spending on crisis management operations",
        "spending.ylabel": "Million euro (nominal)",
        "spending.realised": "realised",
        "spending.budgeted": "budgeted",
        "spending.caption": "Budget line: {line}. Realised amounts are solid bars, budgeted amounts hatched. Budget lines changed over the years; compare within one line only.",
        "spending.alt": "Bar chart of the budget line {line}, in million euro: {listing}.",
        "spending.source": "Annual reports and budgets of the Ministry of Defence and Statistics Netherlands (CBS); see data/spending.csv",
        "explorer.mission": "Mission",
        "explorer.measure": "Show",
        "explorer.measure.personnel": "Personnel over time",
        "explorer.measure.map": "Location on the map",
        "explorer.period": "Years",
        "explorer.organisation": "Led by",
        "explorer.where": "Main Dutch location",
        "explorer.dates": "Dutch contribution",
        "explorer.kind": "Kind of mission",
        "explorer.peak": "Most Dutch personnel at one time",
        "explorer.total": "Dutch personnel over the whole mission",
        "explorer.deaths": "Dutch deaths",
        "explorer.unknown": "not known from the sources used",
        "explorer.ongoing": "ongoing at the latest source",
        "explorer.range": "{low:,} to {high:,} (sources differ)",
        "explorer.sources": "Sources:",
        "explorer.no_chart": "The book's data has neither personnel figures over time nor a place on the map for this contribution.",
        "explorer.no_series": "The book's data has no personnel figures over time for this mission yet.",
        "explorer.static_note": "In the book, each mission's card and chart were drawn in advance. Open the notebook in Jupyter to choose the measure and the years as well.",
        "exercise.right": "Right.",
        "exercise.not_yet": "Not yet: {reason}",
        "exercise.blank": "replace each `...` with your code, then run the cell again.",
        "exercise.not_number": "the answer should be one number, but it is a {kind}.",
        "exercise.one_value": "the answer is a {kind} with one value in it; take the number itself out (with .iloc[0] or .item()).",
        "exercise.wrong_number": "you got {value}, which is not the result the task asks for. Read the task again and check each step.",
        "exercise.not_table": "the answer should be a {wanted}, but it is a {kind}.",
        "exercise.missing_columns": "the table lacks the column(s) {columns}.",
        "exercise.extra_rows": "the table has {n} row(s) it should not have, such as {examples}: check your filter.",
        "exercise.missing_rows": "the table lacks {n} row(s) it should have, such as {examples}: check your filter.",
        "exercise.wrong_column": "the rows are right, but the values in column '{column}' are not.",
        "exercise.wrong_values": "{n} value(s) are not right, such as those for {examples}.",
        "exercise.not_chart": "the answer should be a chart (the `ax` or `fig` from plt.subplots()), but it is a {kind}.",
        "exercise.no_bars": "the chart has no bars: draw them with ax.bar() or ax.barh().",
        "exercise.no_lines": "the chart has no line: draw it with ax.plot().",
        "exercise.wrong_count": "the chart shows {drawn} values, but the task needs {wanted}.",
        "exercise.wrong_heights": "the chart has the right number of values, but not the right ones: check the column you plot.",
        "exercise.missing_labels": "the chart does not name {labels} on its axis.",
        "exercise.no_title": "the chart needs a title that says what it shows (ax.set_title).",
        "exercise.no_axis_labels": "both axes need a label that says what they measure (ax.set_xlabel, ax.set_ylabel).",
        "exercise.untitled": "a chart without a title",
        "exercise.chart_alt": "The student's chart, '{title}', with '{x}' on the horizontal axis and '{y}' on the vertical axis.",
        "exercise.chart_caption": "Your chart: {title}.",
        "exercise.chart_source": "your own code, from the book's data",
        "events.title": "Events of the Dutch missions, {start}-{end}",
        "events.caption": "Each mark is a dated event from data/events.csv: a decision, a deployment, an incident, an evaluation, the end of a mission, or a rule for all missions. Shape and colour show the kind.",
        "events.alt": "Timeline of {n} events from {start} to {end} in {lanes} rows, one per mission. By kind: {counts}. First: {first}. Last: {last}.",
        "events.source": "data/events.csv; sources per row in data/sources.csv",
        "events.policy_lane": "All missions (policy)",
        "events.kind.decision": "decision",
        "events.kind.deployment": "deployment",
        "events.kind.incident": "incident",
        "events.kind.evaluation": "evaluation",
        "events.kind.end": "end",
        "events.kind.policy": "policy",
        "decision.weight.for": "Speaks for sending",
        "decision.weight.mixed": "Cuts both ways",
        "decision.weight.against": "Speaks against sending",
        "decision.why": "Why? Your reasons, in a sentence or two",
        "decision.decide": "Step 2: decide",
        "decision.brief": "Step 3: the core of the letter to parliament (artikel 100-brief)",
        "decision.reveal": "Step 4: what happened",
        "decision.decide_first": "Decide first (step 2); then look at what happened.",
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
        "personnel.caption": "Nederlands personeel in {names}, {years}, volgens de bronnen in data/personnel.csv. Een plafond is het maximum dat de regering toestond; een momentopname is het aantal ingezet op een datum.",
        "personnel.alt": "Grafiek van Nederlands personeel in {names}, {period}. {details}",
        "period.one": "in {year}",
        "period.span": "van {start} tot {end}",
        "personnel.alt_detail": "{name}: {n} cijfers, hoogste {peak:,} ({measure}) in {peak_year}",
        "personnel.source": "{publishers} (zie data/personnel.csv)",
        "timeline.title": "Nederlandse bijdragen aan internationale missies, {start}-{end}",
        "timeline.xlabel": "Jaar",
        "timeline.ongoing": "lopend (volgens de laatste bron)",
        "timeline.caption": "Elke balk loopt van begin tot eind van een Nederlandse bijdrage; een balk met een pijl liep nog op de datum van zijn nieuwste bron, waar de balk stopt. Missies op de regeringspagina van rond 2019-2020 hebben een ster. Gearceerde balken beginnen op de vroegste datum uit de bronnen; het echte begin ligt eerder. Onderbrekingen binnen een bijdrage (zoals de pauze in EUFOR Althea van 2017-2023) zijn niet getekend.",
        "timeline.alt": "Tijdlijn van {n} Nederlandse bijdragen aan missies van {start} tot {end}, per organisatie: {counts}. {ongoing} liepen nog bij de laatste bron. Langste: {longest}.",
        "timeline.source": "data/missions.csv; bronnen per rij in data/sources.csv",
        "map.title": "Waar Nederlands personeel diende, {period}",
        "map.caption": "Hoofdlocatie van elke Nederlandse bijdrage; de oppervlakte van een cirkel is evenredig met het grootste aantal Nederlanders dat tegelijk was ingezet (een kleine cirkel als dat aantal onbekend is). Nederland is donkergrijs.",
        "map.alt": "Kaart van Europa, Afrika, het Midden-Oosten en Azië met Nederlandse bijdragen aan missies, {period} ({n} in totaal), per regio: {regions}. {largest}",
        "map.largest": "De grootste cirkel is {name}, met tot {count:,} Nederlanders tegelijk, bij {place}.",
        "map.no_peak": "De bronnen geven geen hoogste aantal personeel, dus elke cirkel heeft de kleinste maat.",
        "map.source": "data/missions.csv; landsgrenzen: Natural Earth (publiek domein)",
        "quiz.check": "Controleer antwoord",
        "quiz.reset": "Opnieuw beginnen",
        "quiz.correct": "Goed.",
        "quiz.incorrect": "Niet helemaal.",
        "quiz.choose": "Kies eerst een antwoord.",
        "quiz.enter_number": "Typ een getal, zoals 2.759 of 12,5.",
        "quiz.source": "Bron",
        "quiz.gloss": "In het Engels",
        "quiz.missed": "Je koos niet: {option}",
        "quiz.numeric_answer": "Het antwoord is {answer}.",
        "quiz.true": "Waar",
        "quiz.false": "Niet waar",
        "quiz.your_estimate": "Jouw schatting",
        "quiz.order_hint": "Geef elke gebeurtenis haar plaats in de tijd: 1 voor de vroegste.",
        "quiz.read": "Lees meer: {section}",
        "quiz.score": "Score: {score} van {total} vragen goed beantwoord.",
        "quiz.kept": "Je gecontroleerde antwoorden worden alleen in deze browser bewaard; er wordt niets verstuurd.",
        "quiz.my_progress": "Bekijk Mijn voortgang",
        "export.number_hint": "Typ alleen cijfers, zonder punt voor de duizendtallen: 2759, niet 2.759.",
        "export.order_hint": "Zet de gebeurtenissen in de volgorde van de tijd, de vroegste eerst.",
        "export.bank": "De hele vragenbank (zonder de herhaling, waarvan de vragen er al in zitten)",
        "export.caption": "Elke quiz als Moodle XML en als QTI 3.0-pakket",
        "export.quiz": "Quiz",
        "export.questions": "Vragen",
        "export.moodle": "Moodle XML",
        "export.qti": "QTI 3.0-pakket",
        # the teacher's loop: My progress and the class overview
        "progress.caption": "Jouw quizzen, in de volgorde van het boek",
        "progress.quiz": "Quiz",
        "progress.score_head": "Score",
        "progress.to_do": "Nog te doen",
        "progress.noscript": "Deze pagina heeft JavaScript nodig, en dat staat uit in je browser.",
        "progress.reread_none": "Nog niets om terug te lezen: je hebt alles goed, of je hebt nog geen vragen beantwoord.",
        "progress.name": "Je naam",
        "progress.class": "Je klas",
        "progress.download": "Resultatenbestand downloaden",
        "progress.print": "Resultatenstrook afdrukken",
        "progress.clear": "Mijn voortgang wissen",
        "progress.score": "{right} van {total} goed",
        "progress.left": "{count} vragen nog niet beantwoord",
        "progress.all_done": "Alles beantwoord",
        "progress.not_started": "Nog niet begonnen",
        "progress.answered": "Je hebt {count} vragen beantwoord in {quizzes} quizzen.",
        "progress.nothing_yet": "Je hebt in deze browser nog geen quizvragen beantwoord.",
        "progress.reread": "Lees terug: {section}",
        "progress.objectives": "Daarmee leer je:",
        "progress.no_storage": "Deze browser laat het boek je antwoorden niet bewaren (een privévenster, of opslag staat uit). De quizzen werken wel, maar er blijft niets bewaard als je de pagina sluit.",
        "progress.name_needed": "Typ eerst je naam, zodat je docent weet van wie deze resultaten zijn.",
        "progress.nothing_to_export": "Er is nog niets in te leveren: beantwoord eerst een paar quizvragen.",
        "progress.downloaded": "Opgeslagen als {file} in je map Downloads. Lever dit bestand in bij je docent.",
        "progress.confirm_clear": "Alle antwoorden wissen die deze browser voor het boek heeft bewaard? Dit kun je niet ongedaan maken.",
        "progress.cleared": "Je voortgang is gewist. Er staat er niets meer van in deze browser.",
        "progress.slip_title": "Resultatenstrook",
        "progress.slip_caption": "Beantwoorde quizzen",
        "progress.slip_score": "{right} goed van {answered} beantwoord ({total} vragen)",
        "progress.slip_note": "Uit het boek Nederland op missie. Het resultatenbestand bevat dezelfde antwoorden.",
        "progress.date": "Datum",
        "overview.folder": "Open een map met resultatenbestanden",
        "overview.files": "Of kies een of meer resultatenbestanden",
        "overview.csv_students": "Tabel met leerlingen downloaden (CSV)",
        "overview.csv_questions": "Tabel met vragen downloaden (CSV)",
        "overview.read": "{count} van {files} bestanden gelezen: {students} leerlingen.",
        "overview.no_files": "In wat je koos zaten geen resultatenbestanden (.json).",
        "overview.skipped": "Overgeslagen bestanden:",
        "overview.notes": "Niet meegeteld:",
        "overview.left_out": "{file}: quiz '{quiz}' zit niet in deze editie van het boek; die antwoorden tellen niet mee.",
        "overview.changed": "{file}: vraag '{question}' van quiz '{quiz}' is veranderd sinds hij werd beantwoord; telt niet mee.",
        "overview.older_file": "{file}: een oudere kopie van de antwoorden van {name} op '{quiz}'; het nieuwere bestand telt.",
        "overview.too_large": "{file}: te groot voor een resultatenbestand.",
        "overview.not_json": "{file}: geen resultatenbestand (het is geen JSON).",
        "overview.not_ours": "{file}: geen resultatenbestand van dit boek (veld 'format').",
        "overview.bad_version": "{file}: gemaakt door een andere versie van het boek (veld 'version': {version}).",
        "overview.bad_field": "{file}: beschadigd of bewerkt (veld '{field}').",
        "overview.duplicate": "{file}: hetzelfde antwoord staat er twee keer in (veld '{field}').",
        "overview.edited": "{file}: met de hand bewerkt: de score of een oordeel klopt niet met de antwoorden (veld '{field}').",
        "overview.students_caption": "Leerlingen per quiz: goede antwoorden van het aantal beantwoorde vragen",
        "overview.student": "Leerling",
        "overview.class": "Klas",
        "overview.quiz_total": "{quiz} ({total} vragen)",
        "overview.right": "{right} van {answered}",
        "overview.not_done": "niet gemaakt",
        "overview.questions_caption": "{quiz}: per vraag",
        "overview.quiz": "Quiz",
        "overview.number": "Nummer",
        "overview.question": "Vraag",
        "overview.answered": "Beantwoord door",
        "overview.right_count": "Goed",
        "overview.share": "Deel goed",
        "overview.wrong_most": "Vaakst gekozen fout antwoord (hoe vaak)",
        "overview.wrong_count": "Gekozen door",
        "overview.what_it_shows": "Wat dat antwoord laat zien",
        "overview.none_wrong": "geen foute antwoorden",
        "overview.missed_option": "niet gekozen: {option}",
        "overview.placed": "op de verkeerde plek gezet: {item}",
        "overview.true": "Waar",
        "overview.false": "Niet waar",
        "decade.title": "Nederlandse bijdragen per decennium van start, per organisatie",
        "decade.ylabel": "Gestarte bijdragen",
        "decade.xlabel": "Decennium",
        "decade.caption": "Aantal Nederlandse bijdragen in data/missions.csv dat in elk decennium begon, per organisatie die de missie leidde.",
        "decade.alt": "Gestapeld staafdiagram van Nederlandse bijdragen per decennium van start: {summary}. Het drukste decennium waren de {busiest} met {n}.",
        "events.start": "begin",
        "events.end": "einde",
        "minusma.title": "Grootste leveranciers van geüniformeerd personeel aan MINUSMA, {year}",
        "minusma.xlabel": "Geüniformeerd personeel (jaargemiddelde van maandtellingen)",
        "minusma.caption": "Landen met het meeste geüniformeerde personeel in MINUSMA in {year}, als gemiddelde van de maandelijkse VN-tellingen. Nederland is oranje.",
        "minusma.alt": "Staafdiagram van de landen die in {year} bijdroegen aan MINUSMA, dat gemiddeld {total:,} geüniformeerden had uit {n} landen. Grootste: {leaders}. Nederland leverde gemiddeld {dutch:,}, plaats {rank}, {share}% van de missie.",
        "un_yearly.source": "Open data van VN-vredesmissies (bijdragen naar geslacht), jaargemiddelden verzameld door UN_Peacekeeping_Analytics; afgeleid in data/un_contributions.csv",
        "compare.title": "Geüniformeerd personeel in alle VN-missies, {start}-{end}",
        "compare.ylabel": "Personeel (jaargemiddelde)",
        "compare.caption": "Geüniformeerd personeel per land in VN-vredesmissies, als jaargemiddelde van maandtellingen. De jaren 2010, 2012, 2017 en 2021 zijn onvolledig in de bron en vallen te laag uit.",
        "compare.alt": "Lijngrafiek van geüniformeerd personeel in alle VN-missies per jaar van {start} tot {end} voor {countries}. Hoogste waarden: {peaks}.",
        "spending.title": "Nederlandse uitgaven aan crisisbeheersingsoperaties",
        "spending.ylabel": "Miljoen euro (nominaal)",
        "spending.realised": "gerealiseerd",
        "spending.budgeted": "begroot",
        "spending.caption": "Begrotingspost: {line}. Gerealiseerde bedragen zijn volle staven, begrote gearceerd. De posten veranderden door de jaren; vergelijk alleen binnen één post.",
        "spending.alt": "Staafdiagram van de begrotingspost {line}, in miljoen euro: {listing}.",
        "spending.source": "Jaarverslagen en begrotingen van Defensie en het CBS; zie data/spending.csv",
        "explorer.mission": "Missie",
        "explorer.measure": "Toon",
        "explorer.measure.personnel": "Personeel door de tijd",
        "explorer.measure.map": "Plaats op de kaart",
        "explorer.period": "Jaren",
        "explorer.organisation": "Geleid door",
        "explorer.where": "Belangrijkste Nederlandse locatie",
        "explorer.dates": "Nederlandse bijdrage",
        "explorer.kind": "Soort missie",
        "explorer.peak": "Meeste Nederlanders tegelijk",
        "explorer.total": "Nederlanders over de hele missie",
        "explorer.deaths": "Nederlandse doden",
        "explorer.unknown": "niet bekend uit de gebruikte bronnen",
        "explorer.ongoing": "lopend bij de laatste bron",
        "explorer.range": "{low:,} tot {high:,} (bronnen verschillen)",
        "explorer.sources": "Bronnen:",
        "explorer.no_chart": "De gegevens van het boek bevatten voor deze bijdrage geen personeelscijfers door de tijd en geen plaats op de kaart.",
        "explorer.no_series": "De gegevens van het boek bevatten voor deze missie nog geen personeelscijfers door de tijd.",
        "explorer.static_note": "In het boek zijn de kaart en grafiek van elke missie vooraf getekend. Open het notebook in Jupyter om ook de maatstaf en de jaren te kiezen.",
        "exercise.right": "Goed.",
        "exercise.not_yet": "Nog niet: {reason}",
        "exercise.blank": "vervang elke `...` door je eigen code en voer de cel opnieuw uit.",
        "exercise.not_number": "het antwoord moet één getal zijn, maar het is een {kind}.",
        "exercise.one_value": "het antwoord is een {kind} met één waarde erin; haal het getal zelf eruit (met .iloc[0] of .item()).",
        "exercise.wrong_number": "je krijgt {value}, en dat is niet de uitkomst die de opdracht vraagt. Lees de opdracht nog eens en controleer elke stap.",
        "exercise.not_table": "het antwoord moet een {wanted} zijn, maar het is een {kind}.",
        "exercise.missing_columns": "de tabel mist de kolom(men) {columns}.",
        "exercise.extra_rows": "de tabel heeft {n} rij(en) te veel, zoals {examples}: controleer je filter.",
        "exercise.missing_rows": "de tabel mist {n} rij(en), zoals {examples}: controleer je filter.",
        "exercise.wrong_column": "de rijen kloppen, maar de waarden in de kolom '{column}' niet.",
        "exercise.wrong_values": "{n} waarde(n) kloppen niet, zoals die voor {examples}.",
        "exercise.not_chart": "het antwoord moet een grafiek zijn (de `ax` of `fig` van plt.subplots()), maar het is een {kind}.",
        "exercise.no_bars": "de grafiek heeft geen staven: teken ze met ax.bar() of ax.barh().",
        "exercise.no_lines": "de grafiek heeft geen lijn: teken die met ax.plot().",
        "exercise.wrong_count": "de grafiek toont {drawn} waarden, maar de opdracht vraagt er {wanted}.",
        "exercise.wrong_heights": "de grafiek heeft het goede aantal waarden, maar niet de goede: controleer welke kolom je tekent.",
        "exercise.missing_labels": "de grafiek noemt {labels} niet langs de as.",
        "exercise.no_title": "de grafiek heeft een titel nodig die zegt wat hij toont (ax.set_title).",
        "exercise.no_axis_labels": "beide assen hebben een label nodig dat zegt wat ze meten (ax.set_xlabel, ax.set_ylabel).",
        "exercise.untitled": "een grafiek zonder titel",
        "exercise.chart_alt": "De grafiek van de leerling, '{title}', met '{x}' op de horizontale as en '{y}' op de verticale as.",
        "exercise.chart_caption": "Jouw grafiek: {title}.",
        "exercise.chart_source": "je eigen code, met de gegevens van het boek",
        "events.title": "Gebeurtenissen in de Nederlandse missies, {start}-{end}",
        "events.caption": "Elke markering is een gedateerde gebeurtenis uit data/events.csv: een besluit, een inzet, een incident, een evaluatie, het einde van een missie of een regel voor alle missies. Vorm en kleur tonen de soort.",
        "events.alt": "Tijdlijn van {n} gebeurtenissen van {start} tot {end} in {lanes} rijen, één per missie. Per soort: {counts}. Eerste: {first}. Laatste: {last}.",
        "events.source": "data/events.csv; bronnen per rij in data/sources.csv",
        "events.policy_lane": "Alle missies (beleid)",
        "events.kind.decision": "besluit",
        "events.kind.deployment": "inzet",
        "events.kind.incident": "incident",
        "events.kind.evaluation": "evaluatie",
        "events.kind.end": "einde",
        "events.kind.policy": "beleid",
        "decision.weight.for": "Pleit voor uitzenden",
        "decision.weight.mixed": "Snijdt aan twee kanten",
        "decision.weight.against": "Pleit tegen uitzenden",
        "decision.why": "Waarom? Je redenen, in een of twee zinnen",
        "decision.decide": "Stap 2: besluit",
        "decision.brief": "Stap 3: de kern van de artikel 100-brief aan de Kamer",
        "decision.reveal": "Stap 4: wat er gebeurde",
        "decision.decide_first": "Besluit eerst (stap 2); kijk daarna wat er gebeurde.",
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


def template(key: str, lang: str | None = None) -> str:
    """A string with its placeholders ("{score}") left in, for a script that fills them in."""
    table = STRINGS[lang or language()]
    if key not in table:
        raise KeyError(f"no text for {key!r} in language {lang or language()!r} (missions/text.py)")
    return table[key]


class _NumberFormatter(string.Formatter):
    """Fills a template the way its language writes numbers: Python writes a number field the English
    way ("{peak:,}" as 1,600, a float as 12.5), and another language swaps in its own separators
    (1.600, 12,5). Text fields are left alone."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec: str) -> str:
        text = super().format_field(value, spec)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return text
        return _separators(text, self.lang)


def t(key: str, lang: str | None = None, **values) -> str:
    """Look up a string by key and fill in its placeholders, numbers written as the language writes them."""
    return _NumberFormatter(lang or language()).format(template(key, lang), **values)


# How each language writes a number: (thousands separator, decimal separator).
SEPARATORS = {"en": (",", "."), "nl": (".", ",")}


def parse_number(text: str, lang: str | None = None) -> float | None:
    """A number as a student types it in the book's language ("2,759" or "12.5" in English, "2.759"
    or "12,5" in Dutch; spaces and a final % ignored), or None if it is not one. Thousands separators
    must group three digits, so "2,75" is not read as anything in English. book/_static/quiz.js has
    the same rules (tests/fixtures/grading_cases.yml holds both to them)."""
    group, decimal = SEPARATORS[lang or language()]
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", str(text)).removesuffix("%")
    g, d = re.escape(group), re.escape(decimal)
    if not re.fullmatch(rf"[+-]?(?:[0-9]{{1,3}}(?:{g}[0-9]{{3}})+|[0-9]+)(?:{d}[0-9]+)?", cleaned):
        return None
    return float(cleaned.replace(group, "").replace(decimal, "."))


def format_number(value: float, lang: str | None = None, decimals: int = 0) -> str:
    """A number as the book's language writes it: 9,084 and 12.5 in English, 9.084 and 12,5 in Dutch."""
    return _separators(f"{value:,.{decimals}f}", lang or language())


def _separators(text: str, lang: str) -> str:
    """A number Python wrote the English way ("9,084.5"), with the language's separators."""
    group, decimal = SEPARATORS[lang]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}


def format_date(date, precision: str = "day", lang: str | None = None) -> str:
    """A date as the book's language writes it: "1 May 2019" / "1 mei 2019"; "May 2019" for precision "month"."""
    month = MONTHS[lang or language()][date.month - 1]
    return f"{month} {date.year}" if precision == "month" else f"{date.day} {month} {date.year}"
