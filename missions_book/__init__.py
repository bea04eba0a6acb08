"""The book package: the Sphinx extension that builds "The Netherlands on Mission" from the lesson
package (missions) and the content. Loaded through `sphinx.extra_extensions` in _config.yml.

It may import `missions`; `missions` never imports it. One module per concern:

- citations: the {fact} and {cite} roles and each page's source list;
- data_pages: the generated "Data and sources" page;
- renderers: charts, pre-drawn pickers and quizzes from notebook outputs (a myst-nb MIME plugin);
- inputs: which files generated pages depend on, so incremental builds stay correct;
- execute: the pages' code run in parallel ahead of reading;
- pages: offline-clean scripts and launch buttons;
- downloads, handouts, pdf: the Downloads box, printable quiz sheets, and PDFs (make pdf);
- lessons, lesson_pages: the teacher guide's lesson plans, checked and rendered;
- printables, timeline: standalone printable documents, and the timeline of data/events.csv;
- decisions, activities, activity_pages: the decision cases, source packs and paper notebooks;
- kits, curriculum: the lesson plans' printable kits, and the syllabus domains each chapter serves;
- progress_pages, quiz_exports: "My progress", the class overview, and the quizzes for school platforms;
- page_weight: the theme's stylesheets and icon fonts cut down to what the pages use;
- editions, catalogs: the Dutch edition (its build, the language switch) and its gettext catalogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.3"


def setup(app: Sphinx) -> dict:
    # Imported here, not above: `python -m missions_book.build_edition`, run before each Dutch
    # build, then starts without Sphinx, myst-nb and matplotlib.
    from . import (
        activity_pages,
        citations,
        curriculum,
        data_pages,
        decisions,
        downloads,
        editions,
        execute,
        inputs,
        lesson_pages,
        page_weight,
        pages,
        progress_pages,
        quiz_exports,
        renderers,
        timeline,
    )

    for module in (
        editions,
        inputs,
        execute,
        citations,
        data_pages,
        renderers,
        pages,
        downloads,
        lesson_pages,
        timeline,
        decisions,
        activity_pages,
        curriculum,
        progress_pages,
        quiz_exports,
        page_weight,
    ):
        module.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
