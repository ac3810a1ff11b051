"""OCA's click-odoo-contrib, as the entrypoint runs it, against a real Odoo 18.0
and PostgreSQL when this machine has them (the Odoo runtime of make test):
click-odoo-initdb creates a database and stores the checksums of its modules;
click-odoo-update with the entrypoint's flags does nothing when nothing
changed, and upgrades a module whose files changed without touching its
noupdate records (what an administrator tuned). The versions are those of
docker/image-requirements.txt, installed without dependencies into .cache/.

A small addon of the test's own (on top of base) stands for ours: installing
base alone takes about a minute, the three addons several.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import odoo_layer

ENTRYPOINT = (REPO / "docker" / "aftersales-entrypoint.sh").read_text()
TOY_DATA = """<odoo>
    <data noupdate="1">
        <record id="clock_limit" model="ir.config_parameter">
            <field name="key">aftersales_toy.clock_limit</field>
            <field name="value">24</field>
        </record>
    </data>
{more}</odoo>
"""
MORE = """    <record id="new_setting" model="ir.config_parameter">
        <field name="key">aftersales_toy.new_setting</field>
        <field name="value">yes</field>
    </record>
"""


def _psql(database, sql):
    return subprocess.run(
        ["psql", "-X", "-q", "-tA", "-d", database, "-c", sql],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def odoo(tmp_path_factory):
    python, info, why = odoo_layer.choose_odoo_python(os.environ)
    if not info:
        pytest.skip(f"no Odoo 18.0 here: {why}")
    if not shutil.which("psql") or _psql("postgres", "SELECT 1").returncode:
        pytest.skip("no PostgreSQL answers here")
    lib = odoo_layer.CACHE / "click-odoo-contrib"
    requirements = REPO / "docker" / "image-requirements.txt"
    stamp = lib / ".installed-requirements"
    if not stamp.is_file() or stamp.read_text() != requirements.read_text():
        shutil.rmtree(lib, ignore_errors=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
             "--disable-pip-version-check", "--target", str(lib),
             "-r", str(requirements)],
            check=True,
        )  # fmt: skip
        stamp.write_text(requirements.read_text())
    work = tmp_path_factory.mktemp("click-odoo")
    addon = work / "addons" / "aftersales_toy"
    (addon / "data").mkdir(parents=True)
    (addon / "__init__.py").write_text("")
    (addon / "__manifest__.py").write_text(
        '{"name": "Toy", "version": "18.0.1.0.0", "depends": ["base"], '
        '"license": "AGPL-3", "data": ["data/data.xml"]}\n'
    )
    (addon / "data" / "data.xml").write_text(TOY_DATA.format(more=""))
    addons_path = f"{work / 'addons'},{odoo_layer.odoo_addons_path(info, [])}"
    (work / "odoo.conf").write_text(f"[options]\naddons_path = {addons_path}\n")
    database = f"aftersales_clickodoo_{uuid.uuid4().hex[:8]}"
    env = odoo_layer.odoo_env()  # with the python libraries Odoo lacks here
    env["ODOO_RC"] = str(work / "odoo.conf")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(lib), env.get("PYTHONPATH")]))

    def run(tool, *args):
        return subprocess.run(
            [python, "-m", f"click_odoo_contrib.{tool}", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    yield run, database, addon
    _psql("postgres", f'DROP DATABASE IF EXISTS "{database}"')


def _param(database, key):
    return _psql(
        database, f"SELECT value FROM ir_config_parameter WHERE key = '{key}'"
    ).stdout.strip()


def test_initdb_then_update_as_the_entrypoint_runs_them(odoo):
    run, database, addon = odoo
    # the flags of the entrypoint's first start
    assert "--no-cache --unless-initialized" in ENTRYPOINT
    created = run(
        "initdb",
        f"--new-database={database}",
        "--modules=aftersales_toy",
        "--no-demo",
        "--no-cache",
        "--unless-initialized",
        "--log-level=info",
    )
    assert created.returncode == 0, created.stderr[-3000:]
    checksums = json.loads(_param(database, "module_auto_update.installed_checksums"))
    assert {"base", "aftersales_toy"} <= set(checksums)
    # again on the initialized database: nothing (never a second --init)
    again = run("initdb", f"--new-database={database}", "--modules=aftersales_toy",
                "--no-demo", "--no-cache", "--unless-initialized")  # fmt: skip
    assert again.returncode == 0 and "already initialized" in again.stdout

    # an administrator tunes a noupdate record
    _psql(database, "UPDATE ir_config_parameter SET value = '48' "
          "WHERE key = 'aftersales_toy.clock_limit'")  # fmt: skip
    # the flags of the entrypoint's every start
    assert "update_args+=(--i18n-overwrite)" in ENTRYPOINT
    update = ("update", f"--database={database}", "--i18n-overwrite")
    nothing = run(*update)
    assert nothing.returncode == 0, nothing.stderr[-3000:]
    assert "No module needs updating" in nothing.stderr

    # the addon's files change: it alone is upgraded; the tuned value stays
    (addon / "data" / "data.xml").write_text(TOY_DATA.format(more=MORE))
    upgraded = run(*update)
    assert upgraded.returncode == 0, upgraded.stderr[-3000:]
    assert "hash changed: aftersales_toy." in upgraded.stderr
    assert _param(database, "aftersales_toy.new_setting") == "yes"
    assert _param(database, "aftersales_toy.clock_limit") == "48"
    assert "No module needs updating" in run(*update).stderr
