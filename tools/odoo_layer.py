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
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# the pieces live in tools/odoo_runner/, beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Re-exported: tools/upstream_tests.py, tools/docker_odoo_test.py, bench/ and the
# repository tests use them as odoo_layer.<name>.
from odoo_runner.checks import (  # noqa: F401
    HARMLESS_WARNINGS,
    _without_dates,
    check_log,
    check_translations,
    export_terms,
    normalize_pot,
    po_entries,
    po_msgids,
)
from odoo_runner.common import (
    ADDONS_DIR,
    CACHE,
    OUR_ADDONS,
    REPO,
    SKIPPED,
    say,
)
from odoo_runner.locate import (  # noqa: F401
    _CHOSEN,
    choose_odoo_python,
    ensure_oca_addons,
    ensure_python_deps,
    odoo_addons_path,
    odoo_env,
    odoo_python,
    pip_install,
    probe_odoo,
    runtime_python,
)
from odoo_runner.postgres import (
    database_exists,
    drop_database,
    ensure_postgres,
)
from odoo_runner.process import (  # noqa: F401
    dependencies,
    free_port,
    install_our_addons,
    manifest,
    odoo_command,
    run_logged,
)


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
