# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which Odoo 18.0 interpreter runs the Odoo layer, its addons path and the
python libraries our addons need beside it."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .common import ADDONS_DIR, CACHE, REPO, say


def runtime_python(environ=None):
    """The venv python of the runtime built by odoo18-runtime.sh, where it builds it."""
    environ = os.environ if environ is None else environ
    cache = environ.get("XDG_CACHE_HOME") or os.path.join(
        environ.get("HOME") or os.path.expanduser("~"), ".cache"
    )
    return Path(cache) / "odoo18-runtime" / "venv" / "bin" / "python"


def choose_odoo_python(environ=None, probe=None):
    """Choose the Odoo interpreter; return (python, info, why).

    The order: ``ODOO_PYTHON`` when set (and only it); else the venv python of
    ``${XDG_CACHE_HOME:-~/.cache}/odoo18-runtime`` when it exists; else
    ``python3`` when it imports Odoo 18.0. ``info`` is None when no Odoo 18.0 was
    found, and ``why`` says what was tried.
    """
    environ = os.environ if environ is None else environ
    probe = probe or probe_odoo
    if environ.get("ODOO_PYTHON"):
        python = environ["ODOO_PYTHON"]
        info, reason = probe(python)
        if info:
            return python, info, f"{python} (ODOO_PYTHON is set)"
        return python, None, f"{reason} (ODOO_PYTHON is set)"
    tried = []
    runtime = runtime_python(environ)
    if runtime.exists():
        info, reason = probe(str(runtime))
        if info:
            return str(runtime), info, f"{runtime} (the odoo18-runtime of this machine)"
        tried.append(f"the odoo18-runtime: {reason}")
    else:
        tried.append(f"no odoo18-runtime at {runtime.parent.parent.parent}")
    python3 = shutil.which("python3", path=environ.get("PATH")) or sys.executable
    info, reason = probe(python3)
    if info:
        return python3, info, f"{python3} (python3 on PATH imports Odoo 18.0)"
    tried.append(f"python3: {reason}")
    return python3, None, "; ".join(tried)


_CHOSEN = {}


def odoo_python():
    """The chosen Odoo interpreter (chosen once per run)."""
    if "python" not in _CHOSEN:
        python, info, why = choose_odoo_python()
        _CHOSEN.update(python=python, info=info, why=why)
    return _CHOSEN["python"]


PROBE = """
import json, os, sys
try:
    import odoo, odoo.release
except Exception as exc:
    print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
    sys.exit(0)
print(json.dumps({"version": list(odoo.release.version_info[:2]),
                  "serie": odoo.release.serie,
                  "package": os.path.dirname(odoo.__file__),
                  "python": sys.version.split()[0]}))
"""


def probe_odoo(python):
    """Return (info, reason): info is a dict when an Odoo 18.0 is importable."""
    try:
        out = subprocess.run(
            [python, "-c", PROBE],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{python} cannot be run ({exc})"
    try:
        info = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None, f"{python} failed: {out.stderr.strip()[-300:]}"
    if "error" in info:
        return None, f"{python} cannot import odoo ({info['error']})"
    if info["version"] != [18, 0]:
        return None, f"{python} imports Odoo {info['serie']}, not 18.0"
    return info, None


def odoo_addons_path(info, extra_dirs):
    if os.environ.get("ODOO_ADDONS_PATH"):
        base = [p for p in os.environ["ODOO_ADDONS_PATH"].split(",") if p]
    else:
        package = Path(info["package"])
        base = [
            str(p)
            for p in (package.parent / "addons", package / "addons")
            if p.is_dir()
        ]
    return ",".join(base + [str(d) for d in extra_dirs] + [str(ADDONS_DIR)])


def ensure_oca_addons():
    """Install the OCA addon wheels of oca-requirements.txt into .cache/oca-addons.

    AFTERSALES_OCA_ADDONS names a directory that already has them (the image's).
    """
    if os.environ.get("AFTERSALES_OCA_ADDONS"):
        return Path(os.environ["AFTERSALES_OCA_ADDONS"])
    target = CACHE / "oca-addons"
    stamp = target / ".requirements"
    wanted = (REPO / "oca-requirements.txt").read_text()
    if not (stamp.exists() and stamp.read_text() == wanted):
        say("installing the OCA addons of oca-requirements.txt into .cache/oca-addons")
        shutil.rmtree(target, ignore_errors=True)
        pip_install(
            ["--no-deps", "--target", str(target), "-r", "oca-requirements.txt"]
        )
        stamp.write_text(wanted)
    return target / "odoo" / "addons"


def pip_install(args):
    pip = [sys.executable, "-m", "pip"]
    if subprocess.run(pip + ["--version"], capture_output=True, check=False).returncode:
        pip = [odoo_python(), "-m", "pip"]
    subprocess.run(
        pip + ["install", "--quiet", "--disable-pip-version-check"] + args,
        cwd=REPO,
        check=True,
    )


def python_requirements():
    names = []
    for line in (REPO / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.append(re.split(r"[<>=!~\[; ]", line)[0])
    return names


def ensure_python_deps(python):
    """Make the addons' python libraries importable by the Odoo interpreter.

    Missing ones are installed into .cache/odoo-python-deps, which goes on its
    PYTHONPATH; nothing is installed into the Odoo interpreter itself.
    """
    modules = {"phonenumbers": "phonenumbers", "xlrd": "xlrd", "openpyxl": "openpyxl"}
    missing = []
    for dist in python_requirements():
        module = modules.get(dist, dist.replace("-", "_"))
        check = subprocess.run(
            [python, "-c", f"import {module}"],
            capture_output=True,
            env=odoo_env(),
            check=False,
        )
        if check.returncode:
            missing.append(dist)
    if missing:
        target = CACHE / "odoo-python-deps"
        say(f"installing {', '.join(missing)} for the Odoo interpreter into {target}")
        pip_install(["--target", str(target), *missing])


def odoo_env():
    env = dict(os.environ)
    extra = CACHE / "odoo-python-deps"
    if extra.is_dir():
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(extra), env.get("PYTHONPATH", "")) if p
        )
    return env
