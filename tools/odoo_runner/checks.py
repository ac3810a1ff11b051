# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the Odoo layer checks besides the tests: the log (no ERROR, no
unexplained WARNING) and the translations (every term in the .pot and
translated in zh_CN.po)."""

import ast
import re
from pathlib import Path

from .common import ADDONS_DIR, OUR_ADDONS
from .process import odoo_command, run_logged

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
