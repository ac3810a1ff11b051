"""The addons as OCA ships addons: odoo-addon-* wheels built by whool.

Each addon has the pyproject.toml that whool's pre-commit hook writes. The
wheels are built here (pip wheel, whool as build backend, from the .venv) and
installed into a fresh virtual environment next to OCA's
odoo-addon-helpdesk-mgmt from PyPI, with their python libraries.

Odoo is not on PyPI: like every OCA wheel, ours require ``odoo==18.0.*``, which
a server satisfies with its own Odoo (a Debian package, a source install). The
test builds a stand-in distribution named ``odoo``, version 18.0, with no code,
so that pip resolves every other requirement for real and ``pip check`` passes;
the addons' manifests are then read from the installed tree and every module
they depend on must be installed from a wheel or be one of Odoo 18.0's own.
"""

import ast
import base64
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
HELPDESK = next(
    line
    for line in (REPO / "oca-requirements.txt").read_text().splitlines()
    if line.startswith("odoo-addon-helpdesk-mgmt==")
)
BUILD_SYSTEM = (
    '[build-system]\nrequires = ["whool"]\nbuild-backend = "whool.buildapi"\n'
)


def _run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)
    command = " ".join(map(str, cmd))
    assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    return result.stdout


def _stand_in_odoo(directory):
    """A wheel of a distribution "odoo" 18.0 holding metadata only."""
    info = "odoo-18.0.dist-info"
    files = {
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: odoo\nVersion: 18.0\n"
        "Summary: stand-in for the Odoo 18.0 of the server (tests only)\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: aftersales-tests\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, text in files.items():
        digest = hashlib.sha256(text.encode()).digest()
        b64 = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        writer.writerow([name, f"sha256={b64}", len(text.encode())])
    writer.writerow([f"{info}/RECORD", "", ""])
    path = directory / "odoo-18.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        for name, text in files.items():
            wheel.writestr(name, text)
        wheel.writestr(f"{info}/RECORD", record.getvalue())
    return path


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
def test_each_addon_has_whool_build_system(addon):
    assert (addon / "pyproject.toml").read_text() == BUILD_SYSTEM


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",  # whool from .venv (requirements-dev.txt)
            "--wheel-dir",
            str(out),
            *map(str, ADDONS),
        ],
        cwd=REPO,
    )
    return out


def _metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode()
    return text, archive


def test_the_three_wheels_name_their_requirements(wheels):
    built = {
        re.match(r"odoo_addon_(\w+?)-", w.name)[1]: w for w in wheels.glob("*.whl")
    }
    assert sorted(built) == [a.name for a in ADDONS]
    for addon in ADDONS:
        wheel = built[addon.name]
        manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
        assert wheel.name.startswith(f"odoo_addon_{addon.name}-{manifest['version']}")
        text, _archive = _metadata(wheel)
        requires = set(re.findall(r"^Requires-Dist: (.+)$", text, re.MULTILINE))
        assert "odoo==18.0.*" in requires
        for library in manifest.get("external_dependencies", {}).get("python", []):
            assert library in requires, library
        for depend in manifest["depends"]:
            if depend.startswith(("aftersales_", "helpdesk_")):
                assert f"odoo-addon-{depend}==18.0.*" in requires, depend
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
        assert f"odoo/addons/{addon.name}/__manifest__.py" in names
        assert f"odoo/addons/{addon.name}/i18n/zh_CN.po" in names


def test_the_wheels_install_next_to_oca_helpdesk_mgmt(wheels, tmp_path):
    from manifestoo_core.core_addons import get_core_addons
    from manifestoo_core.odoo_series import OdooSeries

    stand_in = tmp_path / "stand-in"
    stand_in.mkdir()
    _stand_in_odoo(stand_in)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    # the pip of .venv installs into the new environment (quicker than its own)
    pip = [
        sys.executable,
        "-m",
        "pip",
        "--disable-pip-version-check",
        "--python",
        str(python),
    ]
    _run(
        [
            *pip,
            "install",
            "--quiet",
            "--find-links",
            str(wheels),
            "--find-links",
            str(stand_in),
            *map(str, sorted(wheels.glob("*.whl"))),
            HELPDESK,
        ],
        env=dict(os.environ, PIP_NO_INPUT="1"),
    )
    _run([*pip, "check"])
    installed = _run([*pip, "list", "--format=freeze"]).lower()
    assert HELPDESK.lower().replace("-", "_") in installed.replace("-", "_")
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([str(python), "-c", purelib]).strip())
    addons_dir = site / "odoo" / "addons"
    present = {p.parent.name for p in addons_dir.glob("*/__manifest__.py")}
    assert {a.name for a in ADDONS} | {"helpdesk_mgmt"} <= present
    odoo_own = get_core_addons(OdooSeries.v18_0)
    for name in (a.name for a in ADDONS):
        manifest = ast.literal_eval((addons_dir / name / "__manifest__.py").read_text())
        for depend in manifest["depends"]:
            assert depend in present or depend in odoo_own, (name, depend)
