"""Page-level adjustments: offline-clean scripts, launch buttons on notebook pages only."""

from __future__ import annotations

from sphinx.application import Sphinx


def _drop_external_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Keep pages offline-clean and light.

    - Thebe is off here (it needs a server and a CDN), but sphinx-thebe still writes the CDN address of
      its bundle (its THEBE_JS_URL setting) into every page: drop that script and its loader.
    - myst-nb embeds the saved ipywidgets state (every pre-drawn image again) for a widget manager this
      book does not ship, because every widget shows its HTML version instead: drop it.
    """

    def keep(script) -> bool:
        attributes = getattr(script, "attributes", {})
        return (
            "THEBE_JS_URL" not in str(attributes.get("body", ""))
            and "sphinx-thebe" not in str(script)
            and attributes.get("type") != "application/vnd.jupyter.widget-state+json"
        )

    context["script_files"] = [script for script in context.get("script_files", []) if keep(script)]


def _launch_notebooks_only(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Binder or a JupyterHub opens the page's file; for a chapter that is MyST Markdown, which
    JupyterLab shows as text, so the launch button stays on the notebook pages only."""
    if context.get("page_source_suffix") != ".ipynb":
        buttons = context.get("header_buttons", [])
        buttons[:] = [button for button in buttons if button.get("label") != "launch-buttons"]


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _drop_external_scripts)
    app.connect("html-page-context", _launch_notebooks_only, priority=600)
