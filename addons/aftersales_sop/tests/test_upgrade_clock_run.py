# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A database of 18.0.1.1.0 holds the runs of the service clocks in the model
``aftersales.ticket.clock``; the 18.0.1.2.0 pre-migration renames it
``aftersales.clock.run`` and keeps every row, id and record pointing at it."""

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.aftersales_sop.tools.upgrade import rename_model, rename_xmlids

from .common import AftersalesSopCommon
from .test_upgrade import migration

OLD, NEW = "aftersales.ticket.clock", "aftersales.clock.run"


@tagged("post_install", "-at_install")
class TestUpgradeClockRun(AftersalesSopCommon):
    def _rows(self):
        self.env.cr.execute(
            SQL(
                "SELECT id, ticket_id, clock_id, state, deadline FROM %s ORDER BY id",
                SQL.identifier(self.table),
            )
        )
        return self.env.cr.fetchall()

    def _xmlids(self, fragment):
        self.env.cr.execute(
            SQL(
                "SELECT module, name, res_id, noupdate FROM ir_model_data "
                "WHERE name LIKE %s ORDER BY module, name",
                f"%{fragment}%",
            )
        )
        return self.env.cr.fetchall()

    def _regclass(self, name):
        self.env.cr.execute(SQL("SELECT to_regclass(%s)", name))
        return self.env.cr.fetchone()[0]

    def test_the_clock_runs_keep_their_rows_ids_and_records(self):
        ticket = self._create_repair()
        self.assertTrue(ticket.clock_ids)
        self.env.flush_all()
        cr = self.env.cr
        self.table = "aftersales_clock_run"
        rows = self._rows()
        xmlids = self._xmlids("aftersales_clock_run")
        self.assertIn(
            ("aftersales_sop", "model_aftersales_clock_run"), [x[:2] for x in xmlids]
        )
        self.assertIn(
            ("aftersales_sop", "aftersales_clock_run_rule_engineer_own"),
            [x[:2] for x in xmlids],
        )
        # the database as 18.0.1.1.0 left it
        rename_model(cr, NEW, OLD)
        rename_xmlids(
            cr, "aftersales_sop", "aftersales_clock_run", "aftersales_ticket_clock"
        )
        self.assertIsNone(self._regclass("aftersales_clock_run"))
        self.assertFalse(self._xmlids("aftersales_clock_run"))
        cr.execute(SQL("SELECT count(*) FROM ir_model WHERE model = %s", OLD))
        self.assertEqual(cr.fetchone()[0], 1)

        migration("aftersales_sop", "18.0.1.2.0", "pre-migration").migrate(
            cr, "18.0.1.1.0"
        )
        self.assertIsNone(self._regclass("aftersales_ticket_clock"))
        self.assertEqual(self._rows(), rows)
        self.assertEqual(self._xmlids("aftersales_clock_run"), xmlids)
        self.assertFalse(self._xmlids("aftersales_ticket_clock"))
        cr.execute(SQL("SELECT count(*) FROM ir_model_fields WHERE model = %s", OLD))
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute(SQL("SELECT count(*) FROM ir_model_fields WHERE relation = %s", OLD))
        self.assertEqual(cr.fetchone()[0], 0)
        # the sequence and the primary key follow the table
        self.assertIsNotNone(self._regclass("aftersales_clock_run_id_seq"))
        self.assertIsNotNone(self._regclass("aftersales_clock_run_pkey"))
        self.registry.clear_cache()
        self.env.invalidate_all()
        # the ORM reads and writes the renamed table
        run = ticket.clock_ids[:1]
        self.assertEqual(run._name, NEW)
        self.assertEqual(
            self.env.ref("aftersales_sop.model_aftersales_clock_run").model, NEW
        )
        run.invalidate_recordset()
        self.assertEqual(run.ticket_id, ticket)
        cr.execute(SQL("SELECT nextval('aftersales_clock_run_id_seq')"))
        self.assertGreater(cr.fetchone()[0], max(row[0] for row in rows))

    def test_a_database_without_the_old_model_is_left_alone(self):
        self.table = "aftersales_clock_run"
        rows = self._rows()
        migration("aftersales_sop", "18.0.1.2.0", "pre-migration").migrate(
            self.env.cr, "18.0.1.1.0"
        )
        self.assertEqual(self._rows(), rows)
        self.assertIsNotNone(self._regclass("aftersales_clock_run"))
