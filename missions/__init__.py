"""Shared code for the course book "The Netherlands on Mission": data, charts and widgets.

Notebooks import from here so that every cell reads like a lesson step. Names load their module on
first use, so the book build, which needs the data and the quizzes, does not import matplotlib and
ipywidgets, and `import missions` itself costs almost nothing.
"""

from importlib import import_module

_MODULES = {
    "charts": [
        "comparison_chart",
        "comparison_series",
        "decade_chart",
        "dutch_un_monthly",
        "events_chart",
        "key_events",
        "minusma_contributors_chart",
        "personnel_chart",
        "spending_chart",
        "timeline_chart",
        "un_personnel_chart",
    ],
    "data": [
        "DataError",
        "load_events",
        "load_missions",
        "load_personnel",
        "load_population",
        "load_sources",
        "load_spending",
        "load_table",
        "load_un_contributions",
    ],
    "decision": ["decision"],
    "exercises": ["check"],
    "explorer": ["Explorer", "fact_card"],
    "maps": ["load_world", "map_chart"],
    "quiz": ["QuizError", "quiz"],
    "style": ["PALETTE", "Chart"],
    "text": ["day", "month", "number", "shown"],
    "widgets": ["ChartPicker"],
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:  # a submodule, such as missions.charts
        try:
            return import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'missions' has no attribute {name!r}") from None
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value  # later uses skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
