"""Notebooks: stored without outputs, consuming ``matcher`` only, and run top to bottom.

Running ``notebooks/01-evaluation.ipynb`` needs the evaluation files in ``../shared`` and
the shipped role model; without them the test skips with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from matcher.artifacts import latest_version
from matcher.config import Settings
from matcher.scoring.role_model import ROLE_MODEL_NAME
from tests.conftest import REPO_ROOT, shared_path

NOTEBOOKS = REPO_ROOT / "notebooks"
STORED = sorted(NOTEBOOKS.glob("*.ipynb"))
#: Top-level modules a notebook may import: the package, plotting and the standard library.
ALLOWED_IMPORTS = {"matcher", "matplotlib", "pathlib"}
#: Generous: the evaluation notebook retrains the role scorer once per fold, per file.
CELL_TIMEOUT_SECONDS = 1200


def _code_cells(path: Path) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(path, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_notebooks_exist() -> None:
    assert NOTEBOOKS / "01-evaluation.ipynb" in STORED


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_notebook_is_valid_and_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {cell.get('id')} has outputs"
            assert cell.execution_count is None, f"{path.name} cell {cell.get('id')} was run"


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_notebook_defines_nothing_and_imports_only_matcher(path: Path) -> None:
    for cell in _code_cells(path):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef), (
                f"{path.name} defines {node.name}: move it into matcher with a test"
            )
            if isinstance(node, ast.Import):
                modules = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                modules = {(node.module or "").split(".")[0]}
            else:
                continue
            assert modules <= ALLOWED_IMPORTS, f"{path.name} imports {modules - ALLOWED_IMPORTS}"


@pytest.mark.slow
@pytest.mark.shared
def test_evaluation_notebook_runs_top_to_bottom() -> None:
    for name in ("roles_dev.jsonl", "titles_dev.jsonl", "skills_dev.jsonl"):
        shared_path("eval", name)
    if latest_version(Settings().models_dir, ROLE_MODEL_NAME) is None:
        pytest.skip(f"no {ROLE_MODEL_NAME} in models/: the notebook evaluates the shipped model")
    notebook = nbformat.read(NOTEBOOKS / "01-evaluation.ipynb", as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        # The kernel starts in notebooks/, as Jupyter starts it, so ../../shared resolves.
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) >= 5  # confusion, per role, calibration, none vs health IT, skills
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert len(tables) >= 10
