# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two requests reserve the last unit of a part at the same moment (SPEC §6:
two tickets can never both hold the last unit), each in its own transaction,
as two users of two server workers do.

The data is committed (each transaction must see it) and removed afterwards.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name, tagged

from odoo.addons.aftersales_warranty.models import stock_move_parts
from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class TestPartsConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            cls.product_id = (
                env["product.product"]
                .create(
                    {
                        "name": "Test Last Compressor",
                        "type": "consu",
                        "is_storable": True,
                        "aftersales_is_spare_part": True,
                    }
                )
                .id
            )
            cls.partner_id = env["res.partner"].create({"name": "Test Racer"}).id
        cls.addClassCleanup(cls._remove_data)

    @classmethod
    def _remove_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            product = env["product.product"].browse(cls.product_id)
            moves = env["stock.move"].search([("product_id", "=", product.id)])
            pickings = moves.picking_id
            moves._action_cancel()
            moves.unlink()
            pickings.unlink()
            tickets = env["helpdesk.ticket"].search(
                [("partner_id", "=", cls.partner_id)]
            )
            groups = tickets.aftersales_parts_group_id
            tickets.part_line_ids.unlink()
            tickets.unlink()
            groups.unlink()
            cr.execute("DELETE FROM stock_quant WHERE product_id = %s", [product.id])
            product.unlink()
            env["res.partner"].browse(cls.partner_id).unlink()

    def _requests(self, count, stock=1.0):
        """``count`` requests asking for the part, and ``stock`` units of it."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            product = env["product.product"].browse(self.product_id)
            warehouse = env["stock.warehouse"].search(
                [("company_id", "=", env.company.id)], limit=1
            )
            # a clean start: no request holds the part, one unit in stock
            env["stock.move"].search([("product_id", "=", product.id)])._action_cancel()
            cr.execute("DELETE FROM stock_quant WHERE product_id = %s", [product.id])
            env["stock.quant"]._update_available_quantity(
                product, warehouse.lot_stock_id, stock
            )
            lines = env["aftersales.part.line"]
            for number in range(count):
                ticket = env["helpdesk.ticket"].create(
                    {
                        "name": f"Test race {number}",
                        "description": "<p>needs the last compressor</p>",
                        "partner_id": self.partner_id,
                    }
                )
                lines |= lines.create(
                    {
                        "ticket_id": ticket.id,
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                    }
                )
            self.assertEqual(lines.mapped("state"), ["waiting"] * count)
            return lines.ids, warehouse.lot_stock_id.id

    def _race(self, line_ids, reserve, hold_commit=False):
        """Each line reserved in its own transaction, all begun before any
        reserves (``hold_commit``: none commits before all reserved). Returns
        what each transaction raised (``None`` if nothing)."""
        started = threading.Barrier(len(line_ids))
        reserved = threading.Barrier(len(line_ids))

        def run(line_id):
            try:
                with self.registry.cursor() as cr:
                    # the registry as it is (the test runner holds its lock)
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
                    line = env["aftersales.part.line"].browse(line_id)
                    self.assertEqual(line.state, "waiting")  # the snapshot is taken
                    started.wait(timeout=10)
                    reserve(line)
                    if hold_commit:
                        env.flush_all()
                        reserved.wait(timeout=10)
            except Exception as error:  # noqa: BLE001 (the outcome under test)
                return error
            return None

        with ThreadPoolExecutor(max_workers=len(line_ids)) as executor:
            futures = [executor.submit(run, line_id) for line_id in line_ids]
            return [future.result(timeout=60) for future in futures]

    def _result(self, line_ids, stock_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            lines = env["aftersales.part.line"].browse(line_ids)
            quants = env["stock.quant"].search(
                [("product_id", "=", self.product_id), ("location_id", "=", stock_id)]
            )
            messages = [
                "\n".join(line.ticket_id.message_ids.mapped("body")) for line in lines
            ]
            return (
                sorted(lines.mapped("state")),
                sum(quants.mapped("quantity")),
                sum(quants.mapped("reserved_quantity")),
                messages,
            )

    def test_two_requests_reserve_the_last_unit(self):
        line_ids, stock_id = self._requests(2)
        errors = self._race(line_ids, lambda line: line.action_aftersales_reserve())
        # no error for either user
        self.assertEqual(errors, [None, None])
        states, on_hand, reserved, messages = self._result(line_ids, stock_id)
        # exactly one reservation; the other waits for stock and is told so
        self.assertEqual(states, ["reserved", "waiting"])
        self.assertEqual((on_hand, reserved), (1.0, 1.0))
        self.assertEqual(
            sorted("Waiting for stock" in text for text in messages), [False, True]
        )
        self.assertEqual(
            sorted("Reserved:" in text for text in messages), [False, True]
        )

    def test_five_requests_reserve_two_units(self):
        line_ids, stock_id = self._requests(5, stock=2.0)
        errors = self._race(line_ids, lambda line: line.action_aftersales_reserve())
        self.assertEqual(errors, [None] * 5)
        states, on_hand, reserved, _messages = self._result(line_ids, stock_id)
        self.assertEqual(states, ["reserved"] * 2 + ["waiting"] * 3)
        self.assertEqual((on_hand, reserved), (2.0, 2.0))

    def test_a_request_finding_nothing_free_does_not_wait(self):
        """Once the last unit is reserved, the next requests do not queue
        behind a reservation of the part in progress: finding no free unit,
        they neither lock its stock nor wait, and wait for stock."""
        (first, second), stock_id = self._requests(2)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            env["aftersales.part.line"].browse(first).action_aftersales_reserve()
        with self.registry.cursor() as holder:
            # another transaction holds the part's stock, not committed yet
            holder.execute(
                "SELECT id FROM stock_quant WHERE product_id = %s FOR NO KEY UPDATE",
                [self.product_id],
            )
            # it is served in its own transaction: not put off until after it
            # (which logs that it reserves again), and never waiting (that
            # would fail after a second)
            with (
                self.assertNoLogs(stock_move_parts.__name__, logging.INFO),
                self.registry.cursor() as cr,
            ):
                cr.execute("SET LOCAL lock_timeout = '1s'")
                env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
                env["aftersales.part.line"].browse(second).action_aftersales_reserve()
            holder.rollback()
        states, on_hand, reserved, messages = self._result([first, second], stock_id)
        self.assertEqual(states, ["reserved", "waiting"])
        self.assertEqual((on_hand, reserved), (1.0, 1.0))
        self.assertIn("Waiting for stock", messages[1])

    def test_odoo_alone_reserves_the_last_unit_twice(self):
        """The race is real: with Odoo's reservation alone, the second
        transaction skips the quant the first one locked and reserves on a new
        quant of its own: two reservations of one unit."""
        line_ids, stock_id = self._requests(2)

        def plain_odoo(line):
            moves = line.sudo().move_ids.with_context(aftersales_quants_locked=True)
            moves._action_assign()

        errors = self._race(line_ids, plain_odoo, hold_commit=True)
        self.assertEqual(errors, [None, None])
        states, on_hand, reserved, _messages = self._result(line_ids, stock_id)
        self.assertEqual(states, ["reserved", "reserved"])
        self.assertEqual((on_hand, reserved), (1.0, 2.0))
