"""The test command's Odoo-layer runner (tools/odoo_layer.py): log and .pot handling."""

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "odoo_layer", REPO / "tools" / "odoo_layer.py"
)
layer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(layer)

STAMP = "2026-11-23 16:00:56,499 10937"
LOG = "\n".join(
    [
        f"{STAMP} INFO db odoo.modules.loading: loading aftersales_sop",
        (
            f"{STAMP} WARNING db odoo.addons.base.models.ir_model: "
            "Two fields (a, b) of helpdesk.ticket() have the same label: X."
        ),
        (
            f"{STAMP} WARNING db odoo.service.server: Running as user 'root' is a "
            "security risk."
        ),
        f"{STAMP} ERROR db odoo.addons.aftersales_sop.tests.test_x: FAIL: TestX.test_y",
        "Traceback (most recent call last):",
        "AssertionError: 1 != 2",
        (
            f"{STAMP} ERROR db odoo.tests.result: "
            "1 failed, 2 error(s) of 40 tests when loading database 'db'"
        ),
    ]
)


def test_check_log_reports_errors_warnings_and_counts(tmp_path):
    log = tmp_path / "odoo.log"
    log.write_text(LOG)
    problems, tests_run, failures = layer.check_log(log)
    assert tests_run == 40
    assert failures == 3
    assert len(problems) == 3  # the label warning, the FAIL and the result; not "root"
    assert any("same label" in p for p in problems)
    assert not any("security risk" in p for p in problems)


def test_check_log_of_a_clean_run(tmp_path):
    log = tmp_path / "odoo.log"
    log.write_text(
        "2026-11-23 16:01:02,783 1 INFO db odoo.tests.result: "
        "0 failed, 0 error(s) of 12 tests when loading database 'db'\n"
    )
    assert layer.check_log(log) == ([], 12, 0)


def test_pot_headers_are_normalized_and_dates_ignored():
    exported = (
        'msgstr ""\n"Project-Id-Version: Odoo Server 18.0+e-20241005\\n"\n'
        '"POT-Creation-Date: 2026-11-23 16:20+0000\\n"\n'
    )
    normalized = layer.normalize_pot(exported)
    assert '"Project-Id-Version: Odoo Server 18.0\\n"\n' in normalized
    later = normalized.replace("16:20", "17:45")
    assert layer._without_dates(normalized) == layer._without_dates(later)
    assert layer._without_dates(normalized) != layer._without_dates(
        normalized + 'msgid "x"\n'
    )


def test_po_msgids_reads_multiline_entries(tmp_path):
    po = tmp_path / "zh_CN.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
        'msgid "One"\nmsgstr "一"\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgstr ""\n\n'
    )
    assert layer.po_msgids(po) == {"One": True, "Two lines": False}


def test_dependencies_exclude_our_addons():
    deps = layer.dependencies()
    assert "helpdesk_mgmt" in deps and "stock" in deps
    assert not set(deps) & set(layer.OUR_ADDONS)


# -- which Odoo interpreter the test command uses ---------------------------------


def _stub_python(path, answer):
    """An executable that answers the Odoo probe the way an interpreter would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{answer}'\n")
    path.chmod(0o755)
    return path


ODOO18 = '{"version": [18, 0], "serie": "18.0", "package": "/x/odoo", "python": "3.11"}'
ODOO17 = '{"version": [17, 0], "serie": "17.0", "package": "/x/odoo", "python": "3.11"}'
NO_ODOO = '{"error": "ModuleNotFoundError: No module named \\u0027odoo\\u0027"}'


def _environ(tmp_path, **extra):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    return {
        "HOME": str(tmp_path / "home"),
        "PATH": str(bin_dir),
        **extra,
    }


def test_odoo_python_env_variable_comes_first(tmp_path):
    runtime = tmp_path / "home/.cache/odoo18-runtime/venv/bin/python"
    _stub_python(runtime, ODOO18)
    _stub_python(tmp_path / "bin/python3", ODOO18)
    mine = _stub_python(tmp_path / "mine/python", ODOO18)
    env = _environ(tmp_path, ODOO_PYTHON=str(mine))
    python, info, why = layer.choose_odoo_python(env)
    assert python == str(mine) and info["serie"] == "18.0"
    assert "ODOO_PYTHON" in why


def test_odoo_python_env_variable_is_not_second_guessed(tmp_path):
    """A wrong ODOO_PYTHON skips with its reason; it does not fall back."""
    _stub_python(tmp_path / "home/.cache/odoo18-runtime/venv/bin/python", ODOO18)
    mine = _stub_python(tmp_path / "mine/python", ODOO17)
    python, info, why = layer.choose_odoo_python(
        _environ(tmp_path, ODOO_PYTHON=str(mine))
    )
    assert python == str(mine) and info is None
    assert "17.0, not 18.0" in why and "ODOO_PYTHON" in why


def test_odoo_python_runtime_before_python3(tmp_path):
    runtime = _stub_python(
        tmp_path / "home/.cache/odoo18-runtime/venv/bin/python", ODOO18
    )
    _stub_python(tmp_path / "bin/python3", ODOO18)
    python, info, why = layer.choose_odoo_python(_environ(tmp_path))
    assert python == str(runtime) and info
    assert "odoo18-runtime" in why


def test_odoo_python_runtime_follows_xdg_cache_home(tmp_path):
    runtime = _stub_python(tmp_path / "xdg/odoo18-runtime/venv/bin/python", ODOO18)
    _stub_python(tmp_path / "home/.cache/odoo18-runtime/venv/bin/python", ODOO17)
    env = _environ(tmp_path, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    python, info, _why = layer.choose_odoo_python(env)
    assert python == str(runtime) and info


def test_odoo_python_falls_back_to_python3(tmp_path):
    python3 = _stub_python(tmp_path / "bin/python3", ODOO18)
    python, info, why = layer.choose_odoo_python(_environ(tmp_path))
    assert python == str(python3) and info
    assert "python3" in why


def test_odoo_python_broken_runtime_falls_back_to_python3(tmp_path):
    _stub_python(tmp_path / "home/.cache/odoo18-runtime/venv/bin/python", NO_ODOO)
    python3 = _stub_python(tmp_path / "bin/python3", ODOO18)
    python, info, _why = layer.choose_odoo_python(_environ(tmp_path))
    assert python == str(python3) and info


def test_odoo_python_none_found_says_what_was_tried(tmp_path):
    _stub_python(tmp_path / "bin/python3", NO_ODOO)
    _python, info, why = layer.choose_odoo_python(_environ(tmp_path))
    assert info is None
    assert "no odoo18-runtime at" in why
    assert "cannot import odoo" in why
