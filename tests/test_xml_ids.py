"""No xml id is defined twice in one addon, whatever the tags (OCA's
oca-checks-odoo-module reports duplicate <record> ids; a <menuitem> or a
<template> redefined by a <record> of the same addon is the same mistake: the
later definition silently replaces or changes the first). A record of a
module the addon depends on may be extended (a qualified id, as Odoo intends)."""

import ast
import collections
from pathlib import Path
from xml.etree import ElementTree

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
TAGS = {"record", "template", "menuitem", "report", "act_window"}


def _definitions(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    found = collections.defaultdict(list)
    for key in ("data", "demo"):
        for path in manifest.get(key, []):
            if not path.endswith(".xml"):
                continue
            for element in ElementTree.parse(addon / path).getroot().iter():
                xml_id = element.get("id")
                if element.tag in TAGS and xml_id:
                    qualified = xml_id if "." in xml_id else f"{addon.name}.{xml_id}"
                    found[qualified].append(f"{path}:<{element.tag}>")
    return found


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
def test_no_xml_id_of_the_addon_is_defined_twice(addon):
    own = {
        xml_id: where
        for xml_id, where in _definitions(addon).items()
        if xml_id.startswith(f"{addon.name}.")
    }
    twice = {xml_id: where for xml_id, where in own.items() if len(where) > 1}
    assert not twice
