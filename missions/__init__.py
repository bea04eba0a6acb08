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
from .explorer import Explorer, fact_card
from .maps import load_world, map_chart
from .quiz import QuizError, quiz
from .data import (
    DataError,
    load_missions,
    load_personnel,
    load_sources,
    load_spending,
    load_table,
    load_un_contributions,
)
from .style import PALETTE, Chart
from .widgets import ChartPicker

__all__ = [
    "Explorer",
    "comparison_chart",
    "comparison_series",
    "decade_chart",
    "fact_card",
    "key_events",
    "minusma_contributors_chart",
    "spending_chart",
    "PALETTE",
    "Chart",
    "ChartPicker",
    "DataError",
    "dutch_un_monthly",
    "load_missions",
    "load_personnel",
    "load_sources",
    "load_spending",
    "load_table",
    "load_un_contributions",
    "load_world",
    "map_chart",
    "personnel_chart",
    "quiz",
    "QuizError",
    "timeline_chart",
    "un_personnel_chart",
]
