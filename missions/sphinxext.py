"""Sphinx extension for the book: keeps pages offline-clean.

Loaded through `sphinx.local_extensions` in _config.yml.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def _drop_external_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Remove inline scripts that only name a CDN (sphinx-thebe's loader, with thebe switched off).

    Thebe is off in this book (it needs a live server and a CDN), but sphinx-thebe still writes the
    unpkg address of its bundle into every page. Dropping it keeps the built book free of any
    outside address, which the offline browser test checks.
    """
    scripts = context.get("script_files", [])
    context["script_files"] = [
        script for script in scripts if "unpkg.com" not in str(getattr(script, "attributes", {}).get("body", ""))
        and "sphinx-thebe" not in str(script)
    ]


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_external_scripts)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
