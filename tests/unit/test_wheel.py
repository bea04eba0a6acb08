"""The wheel built from pyproject.toml carries the data: installed, `missions` finds its tables and quizzes.

The wheel is built from a copy of the checkout and imported from outside it, once from a venv
(the venv's own site-packages first, this environment's dependencies after it through a .pth file)
and once from a `pip install --target` folder, so only the wheel's data files can be found.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from missions.paths import ROOT_VARIABLE, SHARE_NAME, root

SKIP = shutil.ignore_patterns(
    ".git", ".venv", "_build", "build", "node_modules", "*.egg-info", "__pycache__", ".pytest_cache"
)

# Run in the installed copy: where it came from, where it found the content, a table and a quiz.
CHECK = """
import sys
sys.path[:0] = [p for p in sys.argv[1:] if p]
import missions, missions.paths
print(missions.__file__)
print(missions.paths.root())
print(len(missions.load_missions()))
print(missions.quiz("iraq").name)
"""


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args], check=True)


def run_check(python: Path | str, cwd: Path, path: str = "") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in (ROOT_VARIABLE, "NL_ON_MISSION_BOOK", "PYTHONPATH")}
    # -I: neither the working folder nor PYTHON* variables on sys.path, so the checkout stays out of it
    done = subprocess.run(
        [str(python), "-I", "-c", CHECK, path], check=False, cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    if not (root() / "pyproject.toml").exists():
        pytest.skip("the content is not a checkout, so there is no wheel to build")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(root(), source, ignore=SKIP)
    pip("wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(work / "dist"), str(source))
    (built,) = (work / "dist").glob("*.whl")
    return built


def test_wheel_carries_data_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    share = f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.data/data/share/{SHARE_NAME}"
    assert f"{share}/data/datapackage.json" in names
    assert f"{share}/data/missions.csv" in names
    assert f"{share}/book/quizzes/iraq.yml" in names
    assert f"{share}/locales/nl/LC_MESSAGES/book/quizzes/lithuania.po" in names  # a Dutch quiz runs from a wheel
    assert f"{share}/locales/nl/LC_MESSAGES/data/missions.po" in names
    assert "missions/quiz_schema.json" in names


def test_venv_install_finds_its_data(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # This environment's packages after the venv's own; a path in a .pth file does not read the .pth
    # files beside it, so the checkout's editable install stays out.
    (purelib / "deps.pth").write_text("\n".join([*site.getsitepackages(), sysconfig.get_path("purelib")]) + "\n")
    pip("--python", str(python), "install", "--no-deps", str(wheel))
    where, found, missions, quiz = run_check(python, tmp_path)
    assert Path(where).is_relative_to(purelib)
    assert Path(found) == venv / "share" / SHARE_NAME
    assert int(missions) > 0 and quiz == "iraq"


def test_target_install_finds_its_data(wheel, tmp_path):
    target = tmp_path / "target"
    pip("install", "--no-deps", "--target", str(target), str(wheel))
    where, found, missions, quiz = run_check(sys.executable, tmp_path, str(target))
    assert Path(where).is_relative_to(target)
    assert Path(found) == target / "share" / SHARE_NAME
    assert int(missions) > 0 and quiz == "iraq"
