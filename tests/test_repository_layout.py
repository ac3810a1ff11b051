"""The layout docs/architecture.md promises: files small enough to hold in one's
head, and file names that say which model a file defines or extends."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
MAX_LINES = 500
#: the source an engineer reads and writes (translations are generated)
SOURCE_SUFFIXES = {".py", ".xml", ".js", ".scss", ".sh", ".csv"}


def source_files():
    for root in [*ADDONS, REPO / "tools", REPO / "bench", REPO / "docker"]:
        for path in sorted(root.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "i18n" not in path.parts:
                yield path


def test_no_addon_or_tool_file_is_over_500_lines():
    long = {
        str(path.relative_to(REPO)): n
        for path in source_files()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these files by concern: {long}"


def model_classes(path):
    """``[(class name, model name, defines)]`` of the Odoo models of a file."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = {}
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and isinstance(statement.targets[0], ast.Name)
                and statement.targets[0].id in ("_name", "_inherit")
            ):
                try:
                    attrs[statement.targets[0].id] = ast.literal_eval(statement.value)
                except ValueError:
                    continue
        inherit = attrs.get("_inherit")
        parents = [inherit] if isinstance(inherit, str) else list(inherit or [])
        name = attrs.get("_name")
        if name and name not in parents:
            found.append((node.name, name, True))
        elif name or parents:
            found.append((node.name, name or parents[0], False))
    return found


def naming_problems(path):
    """A model is defined in ``<model>.py``; a file that extends a model is
    ``<model>.py`` or ``<model>_<concern>.py``; one model per file."""
    stem = path.stem
    problems = []
    classes = model_classes(path)
    if len({model for _cls, model, _defines in classes}) > 1:
        problems.append(f"{len(classes)} models in one file")
    for cls, model, defines in classes:
        base = model.replace(".", "_")
        if defines and stem != base:
            problems.append(f"{cls} defines {model}: the file is {base}.py")
        if not defines and stem != base and not stem.startswith(base + "_"):
            problems.append(f"{cls} extends {model}: the file is {base}_<concern>.py")
    return problems


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
def test_file_names_say_which_model_they_hold(addon):
    wrong = {}
    for folder in ("models", "wizard", "report"):
        for path in sorted((addon / folder).glob("*.py")):
            if path.name != "__init__.py" and (problems := naming_problems(path)):
                wrong[str(path.relative_to(REPO))] = problems
    assert not wrong, wrong


def test_the_naming_rule_finds_a_wrong_name(tmp_path):
    path = tmp_path / "aftersales_visit_part.py"
    path.write_text(
        "class A:\n    _name = 'aftersales.visit'\n    _inherit = 'aftersales.visit'\n"
        "class B:\n    _name = 'aftersales.visit.part'\n"
    )
    assert naming_problems(path) == ["2 models in one file"]
    path.write_text("class B:\n    _name = 'aftersales.part'\n")
    assert naming_problems(path) == [
        "B defines aftersales.part: the file is aftersales_part.py"
    ]
    path.write_text("class B:\n    _inherit = 'aftersales.visit'\n")
    assert naming_problems(path) == []
