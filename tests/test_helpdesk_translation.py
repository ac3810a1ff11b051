"""aftersales_sop/i18n_extra/zh_CN.po: the Chinese of OCA helpdesk_mgmt's records.

Odoo loads ``i18n_extra/<lang>.po`` of a module together with its ``i18n/``
files, on install, on upgrade and on "Update translations"; each entry names
the helpdesk_mgmt record it translates (an Odoo test reads them back in zh_CN).
"""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "addons" / "aftersales_sop" / "i18n_extra" / "zh_CN.po"
OCCURRENCE = re.compile(
    r"^(model|model_terms):[\w.]+,\w+:helpdesk_mgmt\.\S+$",
)
KEEP = re.compile(r"\{\{.*?\}\}|<[^>]+>|%\(\w+\)s|%s")


def entries(path):
    """[(comments, occurrences, msgid, msgstr)] of a .po file (header left out)."""
    result = []
    block = {"comments": [], "occurrences": [], "msgid": None, "msgstr": None}
    current = None

    def flush():
        if block["msgid"]:
            result.append(
                (
                    block["comments"],
                    block["occurrences"],
                    block["msgid"],
                    block["msgstr"],
                )
            )

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("#."):
            block["comments"].append(line[2:].strip())
        elif line.startswith("#:"):
            block["occurrences"].extend(line[2:].split())
        elif line.startswith("msgid "):
            block["msgid"], current = ast.literal_eval(line[6:]), "msgid"
        elif line.startswith("msgstr "):
            block["msgstr"], current = ast.literal_eval(line[7:]), "msgstr"
        elif line.startswith('"') and current:
            block[current] += ast.literal_eval(line)
        elif not line:
            flush()
            block = {"comments": [], "occurrences": [], "msgid": None, "msgstr": None}
            current = None
    return result


def test_every_entry_translates_a_helpdesk_mgmt_record():
    found = entries(PO)
    assert len(found) > 200
    assert '"Language: zh_CN\\n"' in PO.read_text(encoding="utf-8")
    for comments, occurrences, msgid, msgstr in found:
        # Odoo's reader needs the "module:" comment on every entry
        assert "module: helpdesk_mgmt" in comments, msgid
        assert occurrences, msgid
        for occurrence in occurrences:
            # record terms only: code terms would become aftersales_sop's own
            assert OCCURRENCE.match(occurrence), (msgid, occurrence)
        assert msgstr.strip(), f"no translation for {msgid!r}"
        assert sorted(KEEP.findall(msgid)) == sorted(KEEP.findall(msgstr)), msgid


def test_staff_terms_are_there():
    translated = {msgid: msgstr for _c, _o, msgid, msgstr in entries(PO)}
    for english in ("New", "In Progress", "Team", "Stage", "Priority", "Category"):
        assert translated.get(english), english
    assert translated["Very High"] == "非常高"


def _helpdesk_pot():
    for root in (
        REPO / ".cache" / "oca-addons" / "odoo" / "addons",
        Path.home() / ".cache" / "odoo18-runtime" / "odoo" / "addons",
    ):
        pot = root / "helpdesk_mgmt" / "i18n" / "helpdesk_mgmt.pot"
        if pot.is_file():
            return pot
    return None


def test_entries_still_match_helpdesk_mgmt():
    """After a helpdesk_mgmt upgrade (oca-requirements.txt), stale entries show here."""
    pot = _helpdesk_pot()
    if not pot:
        pytest.skip(
            "helpdesk_mgmt's .pot is not on this machine (make test installs it)"
        )
    source = {}
    for _c, occurrences, msgid, _s in entries(pot):
        for occurrence in occurrences:
            source.setdefault(occurrence, set()).add(msgid)
    for _c, occurrences, msgid, _s in entries(PO):
        for occurrence in occurrences:
            assert msgid in source.get(occurrence, ()), (occurrence, msgid)
