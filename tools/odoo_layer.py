#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run the Odoo layer of the suite on an Odoo 18.0 found on this machine.

Subcommands:

``test``
    Install the three addons with demo data into a throw-away database and run
    their Odoo tests with Odoo's own runner (``--test-enable``, as OCA CI does).
    Fails on any test failure, on any ERROR, and on any WARNING logged while our
    addons install and run, and on user-facing strings missing from the
    addons' ``i18n/zh_CN.po``. Exit status 0 = passed, 1 = failed, 3 = skipped
    (no Odoo 18.0 is importable: one line says why).
``run``
    Start PostgreSQL if needed, create the database (addons + demo data) if it
    does not exist, and serve it on port 8069.
``export-pot``
    Regenerate ``i18n/<addon>.pot`` of every addon from a database.
``pytest``
    Quick re-runs with pytest-odoo against an installed database.

Which Odoo, in this order: the interpreter named by ``ODOO_PYTHON`` when it is
set; else the venv python of ``${XDG_CACHE_HOME:-~/.cache}/odoo18-runtime`` (where
the runtime script builds one) when it exists; else ``python3`` when it imports
Odoo 18.0. One line says which one was used and why. Its addons path is
``ODOO_ADDONS_PATH`` if set, else the ``addons`` directory next to the ``odoo``
package and ``odoo/addons``.

Which PostgreSQL: the one the libpq environment (``PGHOST``, ``PGPORT``,
``PGUSER``, ``PGPASSWORD``) points to. When none is set and no server answers on
the local socket, the Debian cluster is started, and Debian's ``postgresql`` is
installed first when there is none.

This script only uses the standard library: it runs with any Python 3.10+.
"""

import argparse
import ast
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "addons"
# AFTERSALES_CACHE_DIR moves it (make docker-test: the checkout is read-only)
CACHE = Path(os.environ.get("AFTERSALES_CACHE_DIR") or REPO / ".cache")
OUR_ADDONS = ["aftersales_sop", "aftersales_warranty", "aftersales_kpi"]
SKIPPED = 3

# WARNING lines that say nothing about our addons: the environment, not the code.
HARMLESS_WARNINGS = [
    # Odoo refuses nothing but warns when run as root (CI containers do)
    r"Running as user 'root' is a security risk",
    # no wkhtmltopdf on a test machine: PDF reports render as HTML in tests
    r"You need Wkhtmltopdf to print a pdf version of the reports",
    r"wkhtmltopdf",
    # no browser on a test machine: HttpCase tours are skipped by Odoo itself
    r"Chrome executable not found",
    r"Chromium executable not found",
]


def say(message):
    print(message, flush=True)


# -- locating Odoo ----------------------------------------------------------------


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


# -- PostgreSQL -----------------------------------------------------------------


def _run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


def _as_root(cmd):
    if os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo", "-n", *cmd]
    return cmd


def _as_postgres(cmd):
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    if shutil.which("sudo"):
        return ["sudo", "-n", "-u", "postgres", *cmd]
    return cmd


def pg_answers():
    return _run(["psql", "-X", "-d", "postgres", "-tAc", "select 1"]).returncode == 0


def ensure_postgres():
    """Make sure a PostgreSQL server answers and lets us create databases."""
    if shutil.which("psql") and pg_answers():
        return
    if any(os.environ.get(v) for v in ("PGHOST", "PGPORT")):
        raise SystemExit(
            "PostgreSQL at PGHOST/PGPORT does not answer: "
            + _run(["psql", "-X", "-d", "postgres", "-c", "select 1"]).stderr.strip()
        )
    if not shutil.which("pg_lsclusters"):
        say("no PostgreSQL server here: installing Debian's postgresql")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (
            ["apt-get", "update", "-q"],
            ["apt-get", "install", "-y", "-q", "postgresql"],
        ):
            result = subprocess.run(_as_root(cmd), env=env, check=False)
            if result.returncode:
                raise SystemExit(
                    f"could not install PostgreSQL ({' '.join(cmd)} failed)"
                )
    clusters = [
        line.split()
        for line in _run(["pg_lsclusters", "--no-header"]).stdout.splitlines()
        if line.strip()
    ]
    if not clusters:
        version = max(os.listdir("/usr/lib/postgresql"), key=int)
        say(f"creating a PostgreSQL {version} cluster")
        _run(_as_root(["pg_createcluster", version, "main"]))
        clusters = [[version, "main", "", "down"]]
    version, name, *_rest = clusters[0]
    if "online" not in clusters[0]:
        say(f"starting PostgreSQL cluster {version}/{name}")
        result = _run(_as_root(["pg_ctlcluster", version, name, "start"]))
        if result.returncode:
            raise SystemExit(f"could not start PostgreSQL: {result.stderr.strip()}")
    for _attempt in range(30):
        if _run(["pg_isready", "-q"]).returncode == 0:
            break
        time.sleep(1)
    if not pg_answers():
        user = os.environ.get("PGUSER") or os.environ.get("USER") or "root"
        say(f"creating the PostgreSQL role {user}")
        _run(_as_postgres(["createuser", "--superuser", user]))
    if not pg_answers():
        raise SystemExit(
            "PostgreSQL runs but refuses us: "
            + _run(["psql", "-X", "-d", "postgres", "-c", "select 1"]).stderr.strip()
        )


def database_exists(name):
    out = _run(
        [
            "psql",
            "-X",
            "-d",
            "postgres",
            "-tAc",
            f"select 1 from pg_database where datname = '{name}'",
        ]
    )
    return out.stdout.strip() == "1"


def drop_database(name):
    _run(["dropdb", "--if-exists", "--force", name])
    shutil.rmtree(CACHE / "odoo-data" / "filestore" / name, ignore_errors=True)


# -- running Odoo ------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manifest(addon):
    return ast.literal_eval((ADDONS_DIR / addon / "__manifest__.py").read_text())


def dependencies():
    """Every addon our addons depend on, without our own."""
    deps = set()
    for addon in OUR_ADDONS:
        deps.update(manifest(addon).get("depends", []))
    return sorted(deps - set(OUR_ADDONS))


def odoo_command(
    python, addons_path, database, *args, port=None, interface="127.0.0.1"
):
    """An Odoo command line on our addons path, data dir and database.

    Without ``port`` the server listens on a free local port and runs no cron
    thread (test and maintenance runs); with it, it serves normally.
    """
    server = [f"--http-interface={interface}", f"--http-port={port or free_port()}"]
    if not port:
        server.append("--max-cron-threads=0")
    return [
        python,
        "-m",
        "odoo",
        f"--addons-path={addons_path}",
        f"--data-dir={CACHE / 'odoo-data'}",
        f"--database={database}",
        "--db-filter=^%s$" % re.escape(database),
        *server,
        *args,
    ]


def run_logged(cmd, log_path, echo=True):
    """Run ``cmd``, tee its output into ``log_path``, return its exit status."""
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=odoo_env(),
        )
        for line in process.stdout:
            log.write(line)
            if echo:
                sys.stdout.write(line)
        return process.wait()


LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[\w.]+): (?P<msg>.*)"
)


def check_log(log_path):
    """Return (problems, tests_run, failures) read from an Odoo log."""
    problems, tests_run, failures = [], 0, 0
    lines = Path(log_path).read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        match = LOG_LINE.match(line)
        if not match:
            continue
        level, logger, msg = match["level"], match["logger"], match["msg"]
        result = re.search(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", msg)
        if result and logger == "odoo.tests.result":
            failures += int(result[1]) + int(result[2])
            tests_run = max(tests_run, int(result[3]))
        if (
            level in ("ERROR", "CRITICAL")
            or level == "WARNING"
            and not any(re.search(p, msg) for p in HARMLESS_WARNINGS)
        ):
            problems.append(line)
    return problems, tests_run, failures


def po_entries(path):
    """{msgid: (translated, references)} of a .po/.pot file."""
    entries, refs, msgid, msgstr, current = {}, [], None, None, None
    text = Path(path).read_text(encoding="utf-8") if Path(path).exists() else ""

    def flush():
        if msgid:
            entries[msgid] = (bool(msgstr), tuple(refs))

    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if line.startswith("#:"):
            refs.extend(line[2:].split())
        elif line.startswith("msgid "):
            flush()
            msgid, msgstr, current = ast.literal_eval(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, current = ast.literal_eval(line[7:]), "str"
        elif line.startswith('"') and current == "id":
            msgid += ast.literal_eval(line)
        elif line.startswith('"') and current == "str":
            msgstr += ast.literal_eval(line)
        elif not line:
            flush()
            refs, msgid, msgstr, current = [], None, None, None
    return entries


def po_msgids(path):
    """The msgids of a .po/.pot file, with whether each has a translation."""
    return {
        msgid: translated for msgid, (translated, _refs) in po_entries(path).items()
    }


def export_terms(python, addons_path, database, addon, target, log):
    """Export the terms of ``addon`` from ``database`` to ``target`` (a .pot)."""
    cmd = odoo_command(
        python,
        addons_path,
        database,
        f"--i18n-export={target}",
        f"--modules={addon}",
        "--stop-after-init",
        "--log-level=warn",
    )
    return run_logged(cmd, log, echo=False) == 0 and Path(target).exists()


def check_translations(python, addons_path, database, workdir):
    """Export each addon's terms; compare them with its .pot and zh_CN.po."""
    problems = []
    for addon in OUR_ADDONS:
        exported = Path(workdir) / f"{addon}.pot"
        log = Path(workdir) / f"export-{addon}.log"
        if not export_terms(python, addons_path, database, addon, exported, log):
            problems.append(f"{addon}: could not export its terms (see the export log)")
            continue
        terms = set(po_entries(exported))
        pot = set(po_msgids(ADDONS_DIR / addon / "i18n" / f"{addon}.pot"))
        zh = po_msgids(ADDONS_DIR / addon / "i18n" / "zh_CN.po")
        for term in sorted(terms - pot):
            problems.append(
                f"{addon}: {term!r} is missing from i18n/{addon}.pot (run make pot)"
            )
        for term in sorted(terms):
            if not zh.get(term):
                problems.append(
                    f"{addon}: {term!r} has no translation in i18n/zh_CN.po"
                )
    return problems


def prepare(args):
    python = odoo_python()
    info, why = _CHOSEN["info"], _CHOSEN["why"]
    if not info:
        say(
            f"Odoo layer SKIPPED: {why}. Set ODOO_PYTHON to the python of an "
            "Odoo 18.0 installation to run the Odoo tests, or run them in "
            "Docker: make docker-test."
        )
        raise SystemExit(SKIPPED)
    say(
        f"Odoo interpreter: {why}; Odoo {info['serie']} at {info['package']} "
        f"(python {info['python']})"
    )
    oca = ensure_oca_addons()
    ensure_python_deps(python)
    ensure_postgres()
    return python, odoo_addons_path(info, [oca])


def cmd_test(args):
    python, addons_path = prepare(args)
    database = args.database or f"aftersales_test_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="aftersales-odoo-"))
    drop_database(database)
    status = 0
    try:
        say(
            f"==> installing the dependencies {', '.join(dependencies())} "
            f"into {database}"
        )
        deps_log = workdir / "dependencies.log"
        rc = run_logged(
            odoo_command(
                python,
                addons_path,
                database,
                "-i",
                ",".join(dependencies()),
                "--stop-after-init",
                "--log-level=warn",
                *(["--without-demo=all"] if args.without_demo else []),
            ),
            deps_log,
        )
        if rc:
            say(f"FAILED: installing the dependencies (exit {rc}, log {deps_log})")
            return 1
        demo = "without" if args.without_demo else "with"
        say(
            f"==> installing {', '.join(OUR_ADDONS)} {demo} demo data "
            "and running their tests"
        )
        log = workdir / "aftersales.log"
        tags = ",".join(f"/{addon}" for addon in OUR_ADDONS)
        rc = run_logged(
            odoo_command(
                python,
                addons_path,
                database,
                "-i",
                ",".join(OUR_ADDONS),
                "--test-enable",
                f"--test-tags={tags}",
                "--stop-after-init",
                "--log-level=info",
                *(["--without-demo=all"] if args.without_demo else []),
            ),
            log,
        )
        problems, tests_run, failures = check_log(log)
        if rc:
            problems.append(f"odoo exited with status {rc}")
        if not tests_run:
            problems.append("no Odoo test ran")
        say("==> checking translations")
        problems += check_translations(python, addons_path, database, workdir)
        if problems:
            say(
                f"FAILED: {len(problems)} problem(s) in the Odoo layer "
                f"(full log: {log}):"
            )
            for problem in problems:
                say(f"  {problem}")
            status = 1
        else:
            say("Odoo layer passed: install and translations clean")
        say(f"odoo tests: {tests_run - failures} passed, {failures} failed")
        return status
    finally:
        if args.keep_db:
            say(
                f"database {database} kept "
                f"(for pytest-odoo: make pytest-odoo DB={database})"
            )
        else:
            drop_database(database)


def install_our_addons(python, addons_path, database, *args):
    """Create ``database`` with our addons and demo data; the exit status of Odoo."""
    cmd = odoo_command(
        python,
        addons_path,
        database,
        "-i",
        ",".join(OUR_ADDONS),
        "--stop-after-init",
        *args,
    )
    return subprocess.run(cmd, env=odoo_env(), check=False).returncode


def cmd_run(args):
    python, addons_path = prepare(args)
    database = args.database or "aftersales"
    if not database_exists(database):
        say(f"==> creating {database} with {', '.join(OUR_ADDONS)} and demo data")
        rc = install_our_addons(python, addons_path, database)
        if rc:
            return rc
    cmd = odoo_command(
        python, addons_path, database, port=args.port, interface="0.0.0.0"
    )
    say(f"==> serving {database} on http://localhost:{args.port} (admin / admin)")
    os.execvpe(cmd[0], cmd, odoo_env())


def normalize_pot(text):
    """Odoo's export with a plain 18.0 version, whatever build exported it."""
    return re.sub(
        r'^"Project-Id-Version: .*\\n"$',
        lambda _match: '"Project-Id-Version: Odoo Server 18.0\\n"',
        text,
        count=1,
        flags=re.MULTILINE,
    )


def _without_dates(text):
    return re.sub(
        r'^"(POT-Creation|PO-Revision)-Date: .*$', "", text, flags=re.MULTILINE
    )


def cmd_export_pot(args):
    python, addons_path = prepare(args)
    database = args.database or f"aftersales_pot_{os.getpid()}"
    created = not database_exists(database)
    try:
        if created and install_our_addons(
            python, addons_path, database, "--log-level=warn"
        ):
            raise SystemExit(f"could not install the addons into {database}")
        for addon in OUR_ADDONS:
            target = ADDONS_DIR / addon / "i18n" / f"{addon}.pot"
            target.parent.mkdir(exist_ok=True)
            workdir = Path(tempfile.mkdtemp(prefix="aftersales-pot-"))
            exported, log = workdir / target.name, workdir / "export.log"
            if not export_terms(python, addons_path, database, addon, exported, log):
                raise SystemExit(f"could not export the terms of {addon}: see {log}")
            text = normalize_pot(exported.read_text(encoding="utf-8"))
            old = target.read_text(encoding="utf-8") if target.exists() else ""
            if _without_dates(old) == _without_dates(text):
                say(f"{target.relative_to(REPO)} is up to date")
                continue
            target.write_text(text, encoding="utf-8")
            say(f"wrote {target.relative_to(REPO)}")
    finally:
        if created:
            drop_database(database)
    return 0


def cmd_pytest(args):
    python, addons_path = prepare(args)
    if not args.database or not database_exists(args.database):
        say(
            "pytest-odoo needs an installed database: "
            "make test KEEP_DB=1, or make run, first"
        )
        return 2
    target = CACHE / "pytest-odoo"
    if not (target / "pytest_odoo.py").exists():
        say("installing pytest-odoo into .cache/pytest-odoo")
        pip_install(["--target", str(target), "pytest-odoo==2.3.0"])
    env = odoo_env()
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(target), env.get("PYTHONPATH")) if p
    )
    cmd = [
        python,
        "-m",
        "pytest",
        "-c",
        str(REPO / "tools" / "pytest-odoo.ini"),
        f"--odoo-database={args.database}",
        f"--odoo-addons-path={addons_path}",
        *(args.paths or [str(ADDONS_DIR / a / "tests") for a in OUR_ADDONS]),
    ]
    return subprocess.run(cmd, env=env, cwd=REPO, check=False).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    test = sub.add_parser("test", help="install the addons and run their Odoo tests")
    test.add_argument(
        "--database", help="database name (default: a new throw-away one)"
    )
    test.add_argument(
        "--keep-db", action="store_true", help="keep the database afterwards"
    )
    test.add_argument(
        "--without-demo",
        action="store_true",
        help="install everything without demo data (as a fresh production database)",
    )
    run = sub.add_parser("run", help="serve the addons with demo data")
    run.add_argument("--database", help="database name (default: aftersales)")
    run.add_argument("--port", type=int, default=8069)
    pot = sub.add_parser("export-pot", help="regenerate the i18n/<addon>.pot files")
    pot.add_argument("--database", help="an installed database to export from")
    quick = sub.add_parser(
        "pytest", help="pytest-odoo re-runs against an installed database"
    )
    quick.add_argument("--database", required=True)
    quick.add_argument("paths", nargs="*", help="test files or directories")
    args = parser.parse_args()
    handlers = {
        "test": cmd_test,
        "run": cmd_run,
        "export-pot": cmd_export_pot,
        "pytest": cmd_pytest,
    }
    sys.exit(handlers[args.command](args))


if __name__ == "__main__":
    main()
