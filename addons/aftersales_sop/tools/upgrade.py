# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers of the addons' migration scripts for the records of their data files
that are ``noupdate``.

An upgrade never rewrites a ``noupdate`` record (an administrator may have tuned
a clock limit or a penalty amount), and never deletes one that left the data
files. When a new version changes such a record, its migration script says so
with these helpers: the record is written again from the module's own file, or a
field is moved from its old default to its new one only where nobody changed it,
and a record that left the files is deleted.
"""

import io
import logging

from lxml import etree

from odoo.tools.convert import convert_xml_import
from odoo.tools.misc import file_path

_logger = logging.getLogger(__name__)


def _full_xmlid(module, xmlid):
    return xmlid if "." in xmlid else f"{module}.{xmlid}"


def reapply_records(env, module, filename, xmlids=None):
    """Write again the records ``xmlids`` (every record when None) of the data
    file ``filename`` of ``module``, as a new installation writes them, and
    keep them ``noupdate``. Return the xml ids written."""
    path = file_path(f"{module}/{filename}")
    root = etree.parse(path).getroot()
    wanted = {_full_xmlid(module, xid) for xid in xmlids} if xmlids else None
    document = etree.Element("odoo")
    written = []
    for record in root.iter("record"):
        xmlid = _full_xmlid(module, record.get("id"))
        if wanted is None or xmlid in wanted:
            document.append(record)
            written.append(xmlid)
    missing = (wanted or set()) - set(written)
    if missing:
        raise ValueError(f"{filename} of {module} has no record {sorted(missing)}")
    if written:
        # mode "init" writes a record that an update leaves alone (noupdate)
        stream = io.BytesIO(etree.tostring(document))
        stream.name = path  # what Odoo's loader names in its messages
        convert_xml_import(
            env,
            module,
            stream,
            idref={},
            mode="init",
            noupdate=True,
        )
        _logger.info("%s: written again from %s: %s", module, filename, written)
    return written


def replace_default(env, module, filename, xmlid, field, old):
    """Set ``field`` of the record ``xmlid`` to the value the data file
    ``filename`` of ``module`` now gives it, where the record still holds the old
    default ``old`` (compared with white space folded); a value somebody chose
    stays. Return True when the value was replaced."""
    record = env.ref(_full_xmlid(module, xmlid), raise_if_not_found=False)
    if not record:
        return False

    def folded(text):
        return " ".join(str(text or "").split())

    if folded(record[field]) != folded(old):
        _logger.info("%s.%s keeps its value, not the old default", xmlid, field)
        return False
    root = etree.parse(file_path(f"{module}/{filename}")).getroot()
    for node in root.iter("record"):
        if _full_xmlid(module, node.get("id")) == _full_xmlid(module, xmlid):
            element = node.find(f"field[@name='{field}']")
            if element is None or element.get("eval") or element.get("ref"):
                raise ValueError(f"{xmlid}.{field} is not a text in {filename}")
            record.write({field: element.text or False})
            return True
    raise ValueError(f"{filename} of {module} has no record {xmlid}")


def delete_records(env, xmlids):
    """Delete the records ``xmlids`` that left the data files (and their xml
    ids); return the xml ids deleted."""
    deleted = []
    for xmlid in xmlids:
        record = env.ref(xmlid, raise_if_not_found=False)
        if record:
            record.unlink()
            deleted.append(xmlid)
    if deleted:
        _logger.info("deleted, no longer in the data files: %s", deleted)
    return deleted
