"""What a notebook output carries for the book, besides what Jupyter shows.

In Jupyter a chart shows as HTML and a control as a live widget. The book build reads the same
outputs as data under the MIME types below and renders them itself (missions_book.renderers), so
this package never writes the book's HTML. Pre-drawn panels for a control (every choice of a
picker, drawn in advance) cost seconds and hundreds of kilobytes, so they are made only when the
book build runs the notebook: it sets BOOK_VARIABLE in the environment of its kernels.
"""

from __future__ import annotations

import os

BOOK_VARIABLE = "NL_ON_MISSION_BOOK"
CHART_MIME = "application/vnd.nl-on-mission.chart+json"
PANELS_MIME = "application/vnd.nl-on-mission.panels+json"
QUIZ_MIME = "application/vnd.nl-on-mission.quiz+json"
DECISION_MIME = "application/vnd.nl-on-mission.decision+json"


def for_the_book() -> bool:
    """True in a kernel that the book build started."""
    return os.environ.get(BOOK_VARIABLE) == "1"
