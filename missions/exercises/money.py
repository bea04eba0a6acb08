"""Checks for the exercises of notebook 08-money, and the tables of its paper version."""

from __future__ import annotations

import math

import pandas as pd

from ..data import load_spending
from . import NotYet, _axes, a_chart, exercise, same_number, same_series, say

NOTEBOOK = "08-money"
ALTHEA = "Defensie beleidsartikel 20 - EUFOR/Althea (uitgaven)"
BALKAN = "Defensie beleidsartikel 20 - Vrede en stabiliteit in Europa/Balkan (uitgaven)"
CRISIS = "Defensie beleidsartikel 20 Uitvoeren crisisbeheersingsoperaties (verplichtingen)"


def _amounts(budget_line: str, measure: str | None = "realised") -> pd.Series:
    """The amounts of one budget line by year (float), of one measure (None: every row)."""
    spending = load_spending()
    rows = spending[spending["budget_line"] == budget_line].sort_values("year", kind="stable")
    if measure is not None:
        rows = rows[rows["measure"] == measure]
    amounts = rows.set_index("year")["amount_eur_million"].astype(float)
    amounts.index = amounts.index.astype(int)
    return amounts


def _floats(answer) -> pd.Series | None:
    """The answer as floats indexed by text, or None if it cannot be read as numbers."""
    try:
        return pd.Series(answer.to_numpy(dtype=float, na_value=math.nan), index=[str(i) for i in answer.index])
    except (AttributeError, TypeError, ValueError):
        return None


def _close(answer, expected: pd.Series, tolerance: float) -> bool:
    """The same index and, within tolerance, the same values."""
    got = _floats(answer)
    if got is None or set(got.index) != set(map(str, expected.index)):
        return False
    want = pd.Series(expected.to_numpy(dtype=float), index=[str(i) for i in expected.index])
    return all(math.isclose(got[i], want[i], abs_tol=tolerance) for i in want.index)


def _same_list(drawn: list[float], values, tolerance: float) -> bool:
    values = [float(v) for v in values]
    return len(drawn) == len(values) and all(math.isclose(d, v, abs_tol=tolerance) for d, v in zip(drawn, values))


@exercise("althea-total", NOTEBOOK)
def althea_total(answer) -> None:
    althea, balkan = _amounts(ALTHEA), _amounts(BALKAN)
    same_number(
        answer,
        althea.sum(),
        tolerance=0.05,
        mistakes={
            althea.mean(): say(
                "that is the mean of one year; the task asks for all the years together (sum).",
                "dat is het gemiddelde van één jaar; de opdracht vraagt naar alle jaren samen (sum).",
            ),
            len(althea): say(
                "that is the number of rows (years); add up the amounts in the column amount_eur_million.",
                "dat is het aantal rijen (jaren); tel de bedragen in de kolom amount_eur_million op.",
            ),
            althea.max(): say(
                "that is the highest single year; add up the amounts of all the years (sum).",
                "dat is het hoogste losse jaar; tel de bedragen van alle jaren op (sum).",
            ),
            balkan.sum(): say(
                "that is the total of the line for all operations in Europe and the Balkans; "
                "keep only the line with EUFOR/Althea in its name.",
                "dat is het totaal van de regel voor alle operaties in Europa en op de Balkan; "
                "houd alleen de regel met EUFOR/Althea in de naam over.",
            ),
            althea.sum() + balkan.sum(): say(
                "you added up both Balkan lines, so EUFOR Althea is counted twice: its amounts are already "
                "part of the line for Europe and the Balkans. Keep only the Althea line.",
                "je telde beide Balkanregels op, dus EUFOR Althea telt twee keer mee: de bedragen zitten al in "
                "de regel voor Europa en de Balkan. Houd alleen de Althea-regel over.",
            ),
        },
    )


def _althea_share() -> pd.Series:
    althea, balkan = _amounts(ALTHEA), _amounts(BALKAN)
    return 100 * althea / balkan


@exercise("althea-share", NOTEBOOK)
def althea_share(answer) -> None:
    expected = _althea_share()
    althea, balkan = _amounts(ALTHEA), _amounts(BALKAN)
    if isinstance(answer, pd.DataFrame):
        raise NotYet(
            say(
                'you gave the whole table; give only its new column, table["share"].',
                'je gaf de hele tabel; geef alleen de nieuwe kolom, table["share"].',
            )
        )
    same_series(
        answer,
        expected,
        tolerance=0.06,
        mistakes=[
            (
                lambda a: _close(a, althea / balkan, 0.001),
                say(
                    "these are fractions (such as 0.98); multiply by 100 to get a percentage.",
                    "dit zijn breuken (zoals 0,98); vermenigvuldig met 100, dan krijg je een percentage.",
                ),
            ),
            (
                lambda a: _close(a, 100 * balkan / althea, 0.06) or _close(a, balkan / althea, 0.001),
                say(
                    "the division is the wrong way round: divide the Althea amount by the Europe/Balkan amount, "
                    "so that the share is at most 100%.",
                    "je deelt precies andersom: deel het Althea-bedrag door het bedrag voor Europa/Balkan, "
                    "dan is het aandeel hooguit 100%.",
                ),
            ),
            (
                lambda a: _close(a, 100 - expected, 0.06),
                say(
                    "this is the share of the other operations in Europe and the Balkans; the task asks for "
                    "the share of EUFOR Althea itself.",
                    "dit is het aandeel van de andere operaties in Europa en op de Balkan; de opdracht vraagt "
                    "naar het aandeel van EUFOR Althea zelf.",
                ),
            ),
        ],
    )


def _crisis_change() -> pd.Series:
    return _amounts(CRISIS).diff().dropna()


@exercise("crisis-change-chart", NOTEBOOK)
def crisis_change_chart(answer) -> None:
    expected = _crisis_change()
    realised = _amounts(CRISIS)
    axes = _axes(answer)
    if axes is not None and axes.patches:
        drawn = [float(p.get_height()) for p in axes.patches]
        every_row = _amounts(CRISIS, measure=None).diff().dropna()
        if _same_list(drawn, realised, 0.05):
            raise NotYet(
                say(
                    "these bars are the amounts themselves; draw the change from the year before (amounts.diff()).",
                    "deze staven zijn de bedragen zelf; teken de verandering ten opzichte van het jaar ervoor "
                    "(amounts.diff()).",
                )
            )
        if _same_list(drawn, every_row, 0.05):
            raise NotYet(
                say(
                    'you kept the budgeted amount of 2011; keep only the rows whose measure is "realised".',
                    "je hield het begrote bedrag van 2011 over; houd alleen de rijen over waarvan measure "
                    '"realised" is.',
                )
            )
        if _same_list(drawn, -expected, 0.05):
            raise NotYet(
                say(
                    "the bars point the wrong way: a fall must be a bar below zero. Use amounts.diff(), "
                    "which takes each year minus the year before.",
                    "de staven wijzen de verkeerde kant op: een daling moet een staaf onder nul zijn. Gebruik "
                    "amounts.diff(), dat elk jaar min het jaar ervoor neemt.",
                )
            )
        change = realised.pct_change().dropna()
        if _same_list(drawn, change, 0.001) or _same_list(drawn, 100 * change, 0.05):
            raise NotYet(
                say(
                    "these are changes in percent; the task asks for the change in million euro (diff(), "
                    "not pct_change()).",
                    "dit zijn veranderingen in procenten; de opdracht vraagt naar de verandering in miljoen "
                    "euro (diff(), niet pct_change()).",
                )
            )
    a_chart(answer, kind="bar", values=expected.to_list(), tolerance=0.05)


# Tables of the paper version (book/activities/worksheets/08-money.yml)


def budget_lines() -> pd.DataFrame:
    """Each budget line with its number of years, first and last year and number of amounts, longest first."""
    spending = load_spending()
    lines = spending.groupby("budget_line").agg(
        years=("year", "nunique"), first=("year", "min"), last=("year", "max"), amounts=("year", "size")
    )
    lines = lines.sort_values(["years", "amounts"], ascending=False, kind="stable")
    return lines.rename_axis("budget line").reset_index()


def line_amounts(budget_line: str = CRISIS) -> pd.DataFrame:
    """Every amount of one budget line: year, measure and million euro, oldest first."""
    spending = load_spending()
    rows = spending[spending["budget_line"] == budget_line].sort_values(["year", "measure"], kind="stable")
    return (
        rows[["year", "measure", "amount_eur_million"]]
        .rename(columns={"amount_eur_million": "million euro"})
        .reset_index(drop=True)
    )


def balkan_lines() -> pd.DataFrame:
    """Realised expenditure per year on all Europe/Balkan operations and, within it, on EUFOR Althea."""
    table = pd.DataFrame(
        {
            "Europe/Balkan, all operations (million euro)": _amounts(BALKAN),
            "of which EUFOR Althea (million euro)": _amounts(ALTHEA),
        }
    )
    return table.rename_axis("year").reset_index()


def crisis_realised() -> pd.DataFrame:
    """The realised commitments of the crisis management article per year, 2007-2011."""
    return _amounts(CRISIS).rename("realised commitments (million euro)").rename_axis("year").reset_index()


def all_amounts() -> pd.DataFrame:
    """Every amount of the table, by year: year, budget line, measure and million euro."""
    spending = load_spending().sort_values(["year", "budget_line"], kind="stable")
    return (
        spending[["year", "budget_line", "measure", "amount_eur_million"]]
        .rename(columns={"budget_line": "budget line", "amount_eur_million": "million euro"})
        .reset_index(drop=True)
    )
