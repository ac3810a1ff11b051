"""The repository as a whole: addon structure, manifests, security, i18n, docker."""

import ast
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
ADDON_NAMES = [a.name for a in ADDONS]
STDLIB = set(sys.stdlib_module_names)
#: libraries Odoo 18 itself requires: an addon may import them undeclared
ODOO_REQUIRES = {
    "babel",
    "dateutil",
    "lxml",
    "markupsafe",
    "PIL",
    "psycopg2",
    "pytz",
    "requests",
    "werkzeug",
    "xlsxwriter",
}


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def python_files(addon):
    return sorted(addon.rglob("*.py"))


def test_the_three_addons_are_here():
    assert ADDON_NAMES == ["aftersales_kpi", "aftersales_sop", "aftersales_warranty"]


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_manifest(addon):
    data = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"])
    assert data["license"] == "AGPL-3"
    for key in ("name", "summary", "category", "author", "website", "depends"):
        assert data.get(key), key
    assert "description" not in data
    if addon.name != "aftersales_sop":
        assert "aftersales_sop" in data["depends"]
    for key in ("data", "demo"):
        for path in data.get(key, []):
            assert (addon / path).is_file(), f"{key} file {path} is missing"
    assert (addon / "static/description/icon.png").is_file()
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONTRIBUTORS.md"):
        assert (addon / "readme" / fragment).is_file()


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_no_enterprise_dependency(addon):
    enterprise = {
        "helpdesk",
        "industry_fsm",
        "web_enterprise",
        "sale_subscription",
        "quality",
    }
    assert not enterprise & set(manifest(addon)["depends"])


def _imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield node.module or "", node.level


#: how a rules module names another addon's rules (as Odoo loads them)
ADDON_RULES = re.compile(rf"odoo\.addons\.({'|'.join(ADDON_NAMES)})\.rules(\.\w+)?")


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_rules_layer_does_not_import_odoo(addon):
    """The standard library, the rules of its own addon (relatively) and of
    another addon (``odoo.addons.<addon>.rules``): nothing else."""
    for path in sorted((addon / "rules").rglob("*.py")):
        for module, level in _imports(path):
            if level == 0 and ADDON_RULES.fullmatch(module):
                assert not module.startswith(f"odoo.addons.{addon.name}."), (
                    f"{path} imports its own addon's {module}: import it relatively"
                )
                continue
            if level == 0:
                top = module.split(".")[0]
                assert top != "odoo", f"{path} imports {module}"
                assert top in STDLIB, (
                    f"{path} imports {module}: rules use the stdlib only"
                )


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_external_dependencies_are_declared(addon):
    declared = set(manifest(addon).get("external_dependencies", {}).get("python", []))
    requirements = (REPO / "requirements.txt").read_text()
    used = set()
    for path in python_files(addon):
        if "tests" in path.relative_to(addon).parts:
            continue
        for module, level in _imports(path):
            top = module.split(".")[0]
            if level == 0 and top not in STDLIB | ODOO_REQUIRES | {
                "odoo",
                *ADDON_NAMES,
            }:
                used.add(top)
    assert used <= declared, (
        f"imported but not in external_dependencies: {used - declared}"
    )
    for library in declared:
        assert re.search(rf"^{library}\b", requirements, re.MULTILINE), (
            f"{library} not in requirements.txt"
        )


def _xml_files(addon):
    return sorted(p for p in addon.rglob("*.xml") if "static" not in p.parts)


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_views_use_odoo_18_syntax(addon):
    for path in _xml_files(addon):
        text = path.read_text()
        ElementTree.fromstring(text.encode())
        assert "<tree" not in text, f"{path}: use <list>"
        assert not re.search(r"\sattrs=", text), f"{path}: attrs is gone in 17+"
        assert not re.search(r"\sstates=", text), f"{path}: states is gone in 17+"
        assert "t-esc=" not in text and "t-raw=" not in text, f"{path}: use t-out"
        assert 'class="oe_chatter"' not in text, f"{path}: use <chatter/>"


def _class_attribute(node, name):
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and any(
            getattr(t, "id", None) == name for t in stmt.targets
        ):
            return ast.literal_eval(stmt.value)
    return None


def _declared_models(addon):
    """The models an addon creates: not the abstract ones (mixins have no
    table, so no access rights), not an extension that names its model to
    add a mixin (``_name = "x"; _inherit = ["x", "mixin"]``)."""
    models = set()
    for path in python_files(addon):
        if (
            "rules" in path.relative_to(addon).parts
            or "tests" in path.relative_to(addon).parts
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            name = _class_attribute(node, "_name")
            inherit = _class_attribute(node, "_inherit") or []
            bases = {getattr(base, "attr", None) for base in node.bases}
            if (
                isinstance(name, str)
                and "AbstractModel" not in bases
                and name not in ([inherit] if isinstance(inherit, str) else inherit)
            ):
                models.add(name)
    return models


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_every_model_has_access_rights(addon):
    csv = addon / "security" / "ir.model.access.csv"
    text = csv.read_text() if csv.exists() else ""
    for model in sorted(_declared_models(addon)):
        ref = "model_" + model.replace(".", "_")
        assert re.search(rf",{ref},", text), f"{model} has no line in {csv.name}"
    if text:
        assert "security/ir.model.access.csv" in manifest(addon)["data"]


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdif]|%[sdif]|\{[a-z_]*\}")


def parse_po(path):
    """{msgid: msgstr} of a .po or .pot file."""
    entries, msgid, msgstr, current = {}, None, None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("msgid "):
            msgid, current = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, current = ast.literal_eval(line[7:]), "str"
        elif line.startswith('"'):
            if current == "id":
                msgid += ast.literal_eval(line)
            elif current == "str":
                msgstr += ast.literal_eval(line)
        elif not line and current:
            if msgid:
                entries[msgid] = msgstr
            msgid, msgstr, current = None, None, None
    return entries


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_chinese_translation_is_complete(addon):
    pot = addon / "i18n" / f"{addon.name}.pot"
    po = addon / "i18n" / "zh_CN.po"
    assert pot.is_file() and po.is_file()
    assert not (addon / "i18n" / "en.po").exists()
    terms, translated = parse_po(pot), parse_po(po)
    assert terms, f"{pot} has no terms"
    missing = [t for t in terms if not translated.get(t)]
    assert not missing, f"untranslated in {po}: {missing[:10]}"
    for msgid, msgstr in translated.items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(
            PLACEHOLDER.findall(msgstr)
        ), msgid
    header = po.read_text(encoding="utf-8")
    assert '"Language: zh_CN\\n"' in header


def test_readme_rst_is_generated_from_the_fragments():
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in readme
    commands = [
        line
        for line in ci.splitlines()
        if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert commands == ["exec make test"]


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_NAMES)
def test_every_odoo_test_module_is_imported(addon):
    """Odoo runs only the test modules that tests/__init__.py imports."""
    tests = addon / "tests"
    if not tests.is_dir():
        return
    init = (tests / "__init__.py").read_text()
    imported = set(re.findall(r"^from \. import (\w+)", init, re.MULTILINE))
    for path in sorted(tests.glob("test_*.py")):
        assert path.stem in imported, f"{path} is not imported by tests/__init__.py"
