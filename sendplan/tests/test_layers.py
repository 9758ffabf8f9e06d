"""The layers contract in pyproject.toml refuses an import that goes the wrong way. Each test
adds one import to a copy of the package and runs lint-imports on the copy, as bin/test runs
it on the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _copy_package(to: Path) -> None:
    """The package's Python files, which are all that lint-imports reads."""
    for source in (PROJECT / "sendplan").rglob("*.py"):
        target = to / "sendplan" / source.relative_to(PROJECT / "sendplan")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    shutil.copyfile(PROJECT / "pyproject.toml", to / "pyproject.toml")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, before the checkout that the virtualenv installs.
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    _copy_package(root)
    return root


def _with_import(copy: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    path = copy / "sendplan" / module
    kept = path.read_text(encoding="utf-8")
    try:
        path.write_text(f"{kept}\n{line}\n", encoding="utf-8")
        return _lint_imports(copy)
    finally:
        path.write_text(kept, encoding="utf-8")


def test_it_keeps_the_contract_on_the_package_as_it_is(copy: Path) -> None:
    result = _lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The apps stay in their layers KEPT" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "refusal"),
    [
        # Up: plans sits below reports.
        (
            "plans/models.py",
            "import sendplan.reports.data",
            "sendplan.plans is not allowed to import sendplan.reports",
        ),
        # Across: apps on one floor joined by | do not import each other.
        (
            "oversight/selectors.py",
            "from sendplan.reports import data",
            "sendplan.oversight is not allowed to import sendplan.reports",
        ),
        # An exception is for one module: the plan's pages may ask accounts.access, its models
        # may not.
        (
            "plans/models.py",
            "from sendplan.accounts import access",
            "sendplan.plans is not allowed to import sendplan.accounts",
        ),
        # Down to the bottom: lib is plumbing, and knows no app.
        (
            "lib/text.py",
            "from sendplan.audit import models",
            "sendplan.lib is not allowed to import sendplan.audit",
        ),
    ],
)
def test_it_refuses_an_import_the_wrong_way(
    copy: Path, module: str, line: str, refusal: str
) -> None:
    result = _with_import(copy, module, line)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "The apps stay in their layers BROKEN" in result.stdout
    assert refusal in result.stdout
