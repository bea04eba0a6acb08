"""Shared code for the course book "The Netherlands on Mission": data, charts and widgets.

Notebooks import from here so that every cell reads like a lesson step.
"""

from .charts import (
    comparison_chart,
    comparison_series,
    decade_chart,
    dutch_un_monthly,
    key_events,
    minusma_contributors_chart,
    personnel_chart,
    spending_chart,
    timeline_chart,
    un_personnel_chart,
)
from .data import (
    DataError,
    load_missions,
    load_personnel,
    load_sources,
    load_spending,
    load_table,
    load_un_contributions,
)
from .explorer import Explorer, fact_card
from .maps import load_world, map_chart
from .quiz import QuizError, quiz
from .style import PALETTE, Chart
from .widgets import ChartPicker

__all__ = [
    "PALETTE",
    "Chart",
    "ChartPicker",
    "DataError",
    "Explorer",
    "QuizError",
    "comparison_chart",
    "comparison_series",
    "decade_chart",
    "dutch_un_monthly",
    "fact_card",
    "key_events",
    "load_missions",
    "load_personnel",
    "load_sources",
    "load_spending",
    "load_table",
    "load_un_contributions",
    "load_world",
    "map_chart",
    "minusma_contributors_chart",
    "personnel_chart",
    "quiz",
    "spending_chart",
    "timeline_chart",
    "un_personnel_chart",
]
