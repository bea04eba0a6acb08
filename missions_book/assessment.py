"""What assesses what: quiz questions and lesson-plan tasks against the learning objectives.

A chapter quiz must ask for understanding, not recall: at least two questions that apply an idea to a
new case, at least two that work from a source or table shown in the question, and at most one that
asks to recall a number (tags `skill` in book/quizzes/*.yml). Every objective of a chapter or notebook
is assessed by a quiz question or a lesson-plan task.

`python -m missions_book.assessment [quiz ...]` prints, per quiz, its skills and the map of objectives,
and every rule a quiz breaks; it exits 1 if any is broken.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from missions import paths
from missions.quiz import QuizError, load_quiz, read_yaml

from .handouts import quiz_names, task_title
from .lessons import load_plan, plan_names
from .objectives import objectives

MIN_APPLY = 2
MIN_SOURCE = 2
MAX_NUMBER_RECALL = 1


def is_chapter_quiz(data: dict) -> bool:
    """A quiz of a chapter (not of a notebook, not drawn from others like the review)."""
    return data["chapter"].startswith("book/") and "draw" not in data


def rule_problems(name: str, data: dict) -> list[str]:
    """The understanding-over-recall rules a chapter quiz breaks, each naming the file."""
    if not is_chapter_quiz(data):
        return []
    skills = Counter(question["skill"] for question in data["questions"])
    problems = []
    if skills["apply"] < MIN_APPLY:
        problems.append(f"{name}.yml: {skills['apply']} 'apply' questions, needs at least {MIN_APPLY}")
    if skills["source"] < MIN_SOURCE:
        problems.append(f"{name}.yml: {skills['source']} 'source' questions, needs at least {MIN_SOURCE}")
    if skills["recall-number"] > MAX_NUMBER_RECALL:
        problems.append(
            f"{name}.yml: {skills['recall-number']} 'recall-number' questions, at most {MAX_NUMBER_RECALL} allowed"
        )
    return problems


@dataclass(frozen=True)
class Assessor:
    """A quiz question (quiz, number, question) or a lesson-plan task (task) that assesses an objective."""

    quiz: str = ""
    number: int = 0
    question: dict | None = None
    task: dict | None = None

    def __str__(self) -> str:
        if self.task is not None:
            return task_title(self.task)
        return f"quiz {self.quiz}, question {self.number} ({self.question['skill']})"


def quizzes_of(page: str) -> list[str]:
    """The quizzes of a chapter or notebook, drawn ones included. The files are read raw, so that
    another page's broken quiz does not stop this page's."""
    return [
        n for n in quiz_names() if read_yaml(paths.quiz_dir() / f"{n}.yml", QuizError, "quiz").get("chapter") == page
    ]


def assessed_by(page: str) -> dict[int, list[Assessor]]:
    """For a chapter or notebook (a path under the book's root), each objective number with the quiz
    questions and lesson-plan tasks that assess it. (A drawn quiz's questions count at home.)"""
    count = len(objectives(paths.root() / page))
    found: dict[int, list[Assessor]] = {n: [] for n in range(1, count + 1)}
    for name in quizzes_of(page):
        data = load_quiz(name)
        for n, question in enumerate(data["questions"] if "draw" not in data else [], 1):
            for number in question["objectives"]:
                found.setdefault(number, []).append(Assessor(quiz=name, number=n, question=question))
    if Path(page).stem in plan_names():  # a plan is named after its chapter
        for task in load_plan(Path(page).stem)["assessment"]:
            if task["kind"] == "quiz":
                continue  # the quiz's own questions say what they assess
            for number in task["objectives"]:
                found.setdefault(number, []).append(Assessor(task=task))
    return found


def pages_with_objectives() -> list[str]:
    """Every chapter and notebook that states learning objectives, as paths under the root."""
    root = paths.root()
    candidates = [*sorted(root.glob("book/*.md")), *sorted(paths.notebooks_dir().glob("*.ipynb"))]
    return [str(path.relative_to(root)) for path in candidates if objectives(path)]


def main(argv: list[str]) -> int:
    names = [Path(arg).stem for arg in argv] or quiz_names()
    broken = 0
    for name in names:
        try:
            data = load_quiz(name)
        except QuizError as error:
            print(f"FAIL {error}")
            broken += 1
            continue
        skills = Counter(question["skill"] for question in data["questions"])
        print(
            f"{name}: {len(data['questions'])} questions; " + ", ".join(f"{k} {v}" for k, v in sorted(skills.items()))
        )
        for problem in rule_problems(name, data):
            print(f"FAIL {problem}")
            broken += 1
        if "draw" in data:
            continue
        for number, what in assessed_by(data["chapter"]).items():
            print(f"  objective {number}: {len(what)} ({'; '.join(map(str, what)) or 'NOTHING ASSESSES IT'})")
            broken += not what
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
