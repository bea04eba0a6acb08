"""Remove saved ipywidgets state from notebooks (their metadata.widgets).

Every widget of this book also carries an HTML version that the book shows, so the saved state is
never used; it only doubles each notebook's size with copies of the pre-drawn images.

    .venv/bin/python tools/strip_widget_state.py notebooks/*.ipynb
"""

import sys

import nbformat

for path in sys.argv[1:]:
    notebook = nbformat.read(path, as_version=4)
    if notebook.metadata.pop("widgets", None) is not None:
        nbformat.write(notebook, path)
        print(f"stripped widget state from {path}")
