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

from odoo.tools import SQL
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


def rename_model(cr, old, new):
    """Rename the model ``old`` to ``new`` in a pre-migration script, before
    the registry loads the code that names it ``new``: its table, sequence,
    constraints and indexes, its ``ir.model`` record and the xml ids Odoo
    gives a model and its fields, and every reference to its records by model
    name (chatter, followers, activities, attachments, actions, views,
    filters), so that its rows and everything pointing at them stay."""
    old_table, new_table = old.replace(".", "_"), new.replace(".", "_")
    cr.execute(SQL("SELECT to_regclass(%s)", old_table))
    if cr.fetchone()[0] is None:
        return False
    cr.execute(
        SQL(
            "ALTER TABLE %s RENAME TO %s",
            SQL.identifier(old_table),
            SQL.identifier(new_table),
        )
    )
    # the id sequence, the primary key, the constraints and indexes named
    # after the table (Odoo finds its own ones again by these names)
    cr.execute(
        SQL(
            """
            SELECT c.relname, c.relkind
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema()
               AND c.relkind IN ('S', 'i')
               AND c.relname LIKE %s
            """,
            f"{old_table}\\_%",
        )
    )
    for name, kind in cr.fetchall():
        renamed = new_table + name[len(old_table) :]
        what = SQL("SEQUENCE") if kind == "S" else SQL("INDEX")
        cr.execute(
            SQL(
                "ALTER %s %s RENAME TO %s",
                what,
                SQL.identifier(name),
                SQL.identifier(renamed),
            )
        )
    cr.execute(
        SQL(
            """
            SELECT conname FROM pg_constraint
             WHERE conrelid = %s::regclass AND conname LIKE %s AND contype != 'p'
            """,
            new_table,
            f"{old_table}\\_%",
        )
    )
    for (name,) in cr.fetchall():
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                SQL.identifier(new_table),
                SQL.identifier(name),
                SQL.identifier(new_table + name[len(old_table) :]),
            )
        )
    cr.execute(
        SQL(
            "UPDATE ir_model_constraint SET name = %s || substr(name, %s) "
            "WHERE name LIKE %s",
            new_table,
            len(old_table) + 1,
            f"{old_table}\\_%",
        )
    )
    # the model, its fields and the xml ids Odoo makes for them
    cr.execute(SQL("UPDATE ir_model SET model = %s WHERE model = %s", new, old))
    cr.execute(SQL("UPDATE ir_model_fields SET model = %s WHERE model = %s", new, old))
    cr.execute(
        SQL("UPDATE ir_model_fields SET relation = %s WHERE relation = %s", new, old)
    )
    cr.execute(SQL("UPDATE ir_model_data SET model = %s WHERE model = %s", new, old))
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET name = %s WHERE name = %s AND model = 'ir.model'",
            f"model_{new_table}",
            f"model_{old_table}",
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data SET name = %s || substr(name, %s)
             WHERE model = 'ir.model.fields' AND name LIKE %s
            """,
            f"field_{new_table}__",
            len(f"field_{old_table}__") + 1,
            f"field\\_{old_table}\\_\\_%",
        )
    )
    # the records that name the model: every column Odoo uses for it
    for table, column in (
        ("ir_attachment", "res_model"),
        ("mail_message", "model"),
        ("mail_followers", "res_model"),
        ("mail_activity", "res_model"),
        ("ir_act_window", "res_model"),
        ("ir_ui_view", "model"),
        ("ir_filters", "model_id"),
        ("ir_act_server", "model_name"),
        ("mail_template", "model"),
        ("ir_act_report_xml", "model"),
        ("rating_rating", "res_model"),
    ):
        cr.execute(
            SQL(
                """
                SELECT 1 FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = %s
                   AND column_name = %s AND data_type IN ('character varying', 'text')
                """,
                table,
                column,
            )
        )
        if cr.fetchone():
            cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    new,
                    SQL.identifier(column),
                    old,
                )
            )
    _logger.info("model %s renamed to %s (table %s)", old, new, new_table)
    return True


def rename_xmlids(cr, module, old, new):
    """Rename the xml ids of ``module`` that contain ``old`` (the records of a
    renamed model: its views, actions, menus, access rights and rules), so that
    the data files find their records again instead of making new ones; a
    ``noupdate`` record keeps what an administrator changed."""
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data SET name = replace(name, %s, %s)
             WHERE module = %s AND name LIKE %s
            """,
            old,
            new,
            module,
            "%" + old.replace("_", "\\_") + "%",
        )
    )
    return cr.rowcount
