"""Insert a code-writing exercise (task, skeleton, check, hidden solution) into a notebook.

    python tools/exercise_cells.py NOTEBOOK SPEC.json

SPEC is a list of {"before": "<start of the markdown cell to insert before>", "id", "title", "task",
"skeleton", "solution", "answer"}; `answer` is the variable the check reads (default "answer").
Cells are written in the layout missions/exercises/__init__.py describes; re-run `make notebooks` after.
"""

import json
import sys

import nbformat


def cells(spec: dict) -> list:
    answer = spec.get("answer", "answer")
    check = f'missions.check("{spec["id"]}", {answer})'
    task = nbformat.v4.new_markdown_cell(f"### {spec['title']}\n{spec['task']}")
    skeleton = nbformat.v4.new_code_cell(spec["skeleton"].rstrip(), metadata={"tags": ["exercise"]})
    checker = nbformat.v4.new_code_cell(check, metadata={"tags": ["check"]})
    solution = nbformat.v4.new_code_cell(
        f"# Solution\n{spec['solution'].rstrip()}\n{check}",
        metadata={"tags": ["solution", "hide-cell"], "jupyter": {"source_hidden": True, "outputs_hidden": True}},
    )
    return [task, skeleton, checker, solution]


def main(notebook: str, spec_file: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    for spec in json.load(open(spec_file, encoding="utf-8")):
        at = next(i for i, c in enumerate(nb.cells) if c.source.startswith(spec["before"]))
        nb.cells[at:at] = cells(spec)
    nbformat.write(nb, notebook)


if __name__ == "__main__":
    main(*sys.argv[1:])
