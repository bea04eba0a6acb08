"""Drive the quiz and the explorer inside a real Jupyter kernel, as a class would in JupyterLab."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

STEPS = [
    # The quiz: answer through the widgets, check, read feedback and score, reset.
    """
import json, missions
quiz = missions.quiz("un-peacekeepers")
box = quiz.widget()
radios = quiz._controls["peak-mission"]
radios.value = 1                      # a wrong answer, chosen on the RadioButtons widget
wrong = quiz.check("peak-mission")
radios.value = 0                      # the right one
right = quiz.check("peak-mission")
result = {"wrong": wrong, "right": right, "feedback": quiz.feedback("peak-mission"), "score": quiz.score}
quiz.reset()
result["after_reset"] = quiz.score
print(json.dumps(result))
""",
    # The explorer: change the mission on its Dropdown (how fast is measured in tools/bench.py).
    """
explorer = missions.Explorer()
target = explorer.missions.set_index("id").loc["minusma"]
explorer.mission.value = "minusma"
print(json.dumps({"card_has_name": target["full_name"] in explorer.card.value,
                  "chart_alt_names_it": "MINUSMA" in explorer.figure.value}))
""",
]


def run_in_kernel(sources: list[str]) -> list[dict]:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    results = []
    for cell in notebook.cells:
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        results.append(json.loads(text.strip().splitlines()[-1]))
    return results


def test_quiz_and_explorer_in_a_live_kernel():
    quiz, explorer = run_in_kernel(STEPS)
    assert quiz["wrong"] is False and quiz["right"] is True
    assert "Correct." in quiz["feedback"] and "UNPROFOR" in quiz["feedback"]
    assert quiz["score"] == 1 and quiz["after_reset"] == 0
    assert explorer["card_has_name"] and explorer["chart_alt_names_it"]
