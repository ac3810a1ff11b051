#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run the test suites of the apps we extend, with our three addons installed.

``make test-upstream`` installs ``aftersales_sop``, ``aftersales_warranty`` and
``aftersales_kpi`` (and with them Odoo ``repair``, ``sale_stock`` and OCA
``helpdesk_mgmt``) into a fresh database in ONE Odoo run with ``--test-enable``
and ``--test-tags=/repair,/sale_stock,/helpdesk_mgmt``. Why one run:

- Odoo runs a module's ``at_install`` tests right after that module is
  installed, when only it and its dependencies are loaded: our overrides are not
  there yet, as upstream intends for those tests.
- ``post_install`` tests (nearly all of these suites: repair's 14, sale_stock's,
  helpdesk_mgmt's) run once the whole registry is loaded, so with our overrides
  of ``repair.order``, ``stock.move``, ``sale.order`` and ``helpdesk.ticket`` in
  place, but only for the modules installed or updated in the same run
  (``registry.updated_modules`` in ``odoo/service/server.py``). Installing the
  dependencies first and our addons in a second run, as ``make test`` does,
  would skip them.

The log is checked as ``tools/odoo_layer.py`` checks ours: any failed test, any
ERROR, any WARNING that is not about the environment fails the run. The counts
per module come from Odoo's own "Starting"/"FAIL:"/"ERROR:" lines.

``helpdesk_mgmt``'s ``TestHelpdesMgmtJs`` is left out unless ``--with-js`` is
given: it runs Odoo's whole web, mail and editor JavaScript unit suite (some
10,000 browser tests, most of an hour on a small machine) in headless Chrome,
whose "[REQUIRE FOCUS]" and timing tests fail on a loaded machine whatever the
server code; our addons add nothing to those bundles.

Exit status: 0 passed, 1 failed, 3 skipped (no Odoo 18.0 here).
"""

import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import odoo_layer as layer

#: the suites of the apps our addons extend
UPSTREAM = ["repair", "sale_stock", "helpdesk_mgmt"]
#: browser suites left out unless --with-js (see above)
JS_SUITES = ["/helpdesk_mgmt:TestHelpdesMgmtJs"]

TEST_LINE = re.compile(
    r" odoo\.addons\.(?P<module>\w+)\.tests\.[\w.]+: "
    r"(?:Starting (?P<started>\S+) \.\.\.|(?:FAIL|ERROR): (?P<failed>.*?))\s*$"
)


def count_tests(log_path):
    """``{module: (tests started, tests failed)}`` from an Odoo log.

    A test fails once however many of its subtests fail; an error outside the
    tests (``setUpClass``) counts as one failed test.
    """
    started, failed = Counter(), defaultdict(set)
    text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        match = TEST_LINE.search(line)
        if not match:
            continue
        if match["started"]:
            started[match["module"]] += 1
        else:
            name = re.sub(r"^Subtest (\S+) .*", r"\1", match["failed"].strip())
            failed[match["module"]].add(name)
    modules = sorted(set(started) | set(failed))
    return {m: (started[m], len(failed[m])) for m in modules}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="database name (default: a new one)")
    parser.add_argument("--keep-db", action="store_true", help="keep the database")
    parser.add_argument(
        "--without-demo", action="store_true", help="install without demo data"
    )
    parser.add_argument(
        "--with-js",
        action="store_true",
        help="also run the JavaScript unit suites in a browser",
    )
    parser.add_argument(
        "modules",
        nargs="*",
        default=UPSTREAM,
        help=f"whose tests to run (default: {' '.join(UPSTREAM)})",
    )
    args = parser.parse_args()
    python, addons_path = layer.prepare(args)
    database = args.database or f"aftersales_upstream_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="aftersales-upstream-"))
    log = workdir / "upstream.log"
    tags = ",".join(
        [f"/{module}" for module in args.modules]
        + ([] if args.with_js else [f"-{suite}" for suite in JS_SUITES])
    )
    layer.drop_database(database)
    try:
        layer.say(
            f"==> installing {', '.join(layer.OUR_ADDONS)} into {database} "
            f"({'without' if args.without_demo else 'with'} demo data) and running "
            f"the tests of {', '.join(args.modules)}"
        )
        rc = layer.run_logged(
            layer.odoo_command(
                python,
                addons_path,
                database,
                "-i",
                ",".join(layer.OUR_ADDONS),
                "--test-enable",
                f"--test-tags={tags}",
                "--stop-after-init",
                "--log-level=info",
                *(["--without-demo=all"] if args.without_demo else []),
            ),
            log,
            echo=False,
        )
        problems, tests_run, failures = layer.check_log(log)
        if rc:
            problems.append(f"odoo exited with status {rc}")
        counts = count_tests(log)
        for module in args.modules:
            started, failed = counts.get(module, (0, 0))
            layer.say(f"{module}: {started - failed} passed, {failed} failed")
            if not started:
                problems.append(f"no test of {module} ran")
        layer.say(f"all: {tests_run - failures} passed, {failures} failed")
        if problems:
            layer.say(f"FAILED: {len(problems)} problem(s) (full log: {log}):")
            for problem in problems:
                layer.say(f"  {problem}")
            return 1
        layer.say(f"upstream suites passed (log: {log})")
        return 0
    finally:
        if args.keep_db:
            layer.say(f"database {database} kept")
        else:
            layer.drop_database(database)


if __name__ == "__main__":
    sys.exit(main())
