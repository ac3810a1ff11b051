# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who pays for the parts of a request (SPEC §5-6): covered parts cost the
customer nothing but still need his consent; charged parts go on the quote of
the request's repair order at their sales price, through the quote gate."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .test_parts import PartsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestPartsMoney(PartsCommon):
    def _issued(self, ticket, product, quantity=1.0, **vals):
        line = self._add(ticket, product, quantity, **vals)
        self._as_manager(line).action_aftersales_reserve()
        self._as_manager(line).action_aftersales_issue()
        return line

    def test_covered_parts_cost_nothing_and_still_need_consent(self):
        ticket, order = self._dispatched()
        line = self._issued(ticket, self.cap, 2)
        self.assertTrue(line.warranty_covered)
        self.assertEqual((line.price_unit, line.price_subtotal), (40.0, 0.0))
        self.assertTrue(line.aftersales_consent_pending)
        self.assertIn("has not agreed yet", ticket._aftersales_work_blocker())
        self._consent_parts(ticket, how="signed")
        self.assertFalse(line.aftersales_consent_pending)
        self.assertFalse(line.aftersales_consent_charged)
        self.assertIn("agreed to the replacement of [T-SCAP]", self._notes(ticket))
        self._finish_visit(order)
        self.assertEqual(line.qty_consumed, 2)
        self.assertFalse(line.sale_line_id)

    def test_charged_parts_go_on_the_repair_quote(self):
        ticket, order = self._dispatched(date(2025, 1, 5))  # expired: charged
        line = self._issued(ticket, self.cap, 2)
        self.assertFalse(line.warranty_covered)
        self.assertEqual(line.price_subtotal, 80.0)
        # not covered: no work before a quote or a fee is accepted
        with self.assertRaises(UserError) as error:
            self._finish_visit(order)
        self.assertIn("is not covered (Expired)", str(error.exception))
        self.assertIn("on no quote", ticket._aftersales_parts_blocker())
        # the work goes on a repair order: its quote carries the request's parts
        repair = self._repair(ticket)
        self.assertTrue(repair.quote_required)
        self.assertEqual(repair.quote_state, "to_quote")
        repair.action_create_sale_order()
        quote = repair.sale_order_id
        quote_line = line.sudo().sale_line_id
        self.assertEqual(quote_line.order_id, quote)
        self.assertEqual((quote_line.product_uom_qty, quote_line.price_unit), (2, 40.0))
        # the price is agreed by accepting the quote, not with the wizard
        with self.assertRaises(UserError) as error:
            self._consent_parts(ticket)
        self.assertIn("accepting the quote", str(error.exception))
        self._approve(quote)
        quote.action_quotation_sent()
        repair.action_quote_accepted()
        self.assertEqual(line.aftersales_consent_how, "quote")
        self.assertTrue(line.aftersales_consent_charged)
        # the request's parts are issued by the request, not delivered again
        self.assertFalse(quote.picking_ids)
        self._finish_visit(order)
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(line.qty_consumed, 2)
        self.assertEqual(quote_line.qty_delivered, 2)

    def test_an_excluded_part_of_a_covered_request_is_charged(self):
        ticket, order = self._dispatched()
        self._stock(self.fuse, 5)
        line = self._issued(ticket, self.fuse, 1, exclusion_id=self.consumable.id)
        self.assertFalse(line.warranty_covered)
        order.with_user(self.zhang.user_id).action_check_in()
        self.assertIn("on no quote", ticket._aftersales_work_blocker())
        repair = self._repair(ticket)
        self.assertTrue(repair.under_warranty)
        self.assertTrue(repair.quote_required)  # the fuse
        repair.action_create_sale_order()
        self.assertEqual(line.sudo().sale_line_id.price_unit, 2.0)
        # covered again: free on the quote
        line.exclusion_id = False
        self.assertTrue(line.warranty_covered)
        self.assertEqual(line.sudo().sale_line_id.price_unit, 0.0)

    def test_a_part_not_used_needs_no_consent(self):
        ticket, order = self._dispatched()
        line = self._issued(ticket, self.cap, 1)
        line.with_user(self.zhang.user_id).quantity_used = 0
        self._finish_visit(order)
        self.assertEqual((line.qty_consumed, line.qty_returning), (0, 1))
        self.assertEqual(ticket._aftersales_parts_used(), [])
