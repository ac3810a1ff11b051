# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repairs outside the after-sales flow keep Odoo's standard behaviour, unless
the company applies the after-sales rules to every repair (a setting)."""

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestRepairOutsideTheFlow(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.capacitor, 10)
        cls.company.aftersales_repair_rules_all = False

    def _plain_repair(self, under_warranty=False):
        """A repair of the workshop, without a service request."""
        with Form(self.env["repair.order"].with_user(self.repairer)) as form:
            form.partner_id = self.customer
            form.product_id = self.remote
            form.under_warranty = under_warranty
            with form.move_ids.new() as line:
                line.repair_line_type = "add"
                line.product_id = self.capacitor
                line.product_uom_qty = 2
        return form.record

    def _line(self, repair):
        return repair.sale_order_id.order_line.filtered(
            lambda line: line.product_id == self.capacitor
        )

    def test_under_warranty_makes_every_part_free_as_in_odoo(self):
        repair = self._plain_repair(under_warranty=True)
        self.assertFalse(repair.aftersales_rules_apply)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(self._line(repair).price_unit, 0.0)
        # the company's default, not forced as on after-sales quotes
        self.assertEqual(
            order.require_signature, order.company_id.portal_confirmation_sign
        )
        # untick the box: the price comes back, even on a confirmed quotation
        order.action_confirm()
        repair.under_warranty = False
        self.assertEqual(self._line(repair).price_unit, 40.0)
        repair.under_warranty = True
        self.assertEqual(self._line(repair).price_unit, 0.0)

    def test_nothing_waits_for_a_quote_or_a_consent(self):
        repair = self._plain_repair()
        self.assertFalse(repair.quote_required)
        self.assertFalse(repair.aftersales_consent_pending)
        self.assertFalse(repair.aftersales_blocker)
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        repair.move_ids.quantity = 2
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")

    def test_the_company_applies_the_rules_to_every_repair(self):
        self.company.aftersales_repair_rules_all = True
        repair = self._plain_repair()
        self.assertTrue(repair.aftersales_rules_apply)
        self.assertTrue(repair.quote_required)
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("no quote was made", str(error.exception))
        repair.action_create_sale_order()
        self.assertTrue(repair.sale_order_id.require_signature)
        self._approve(repair.sale_order_id)
        repair.sale_order_id.action_quotation_sent()
        repair.action_quote_accepted()
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        # under warranty, a part can be charged on its own (an excluded cause)
        free = self._plain_repair(under_warranty=True)
        free.move_ids.aftersales_exclusion_id = self.consumable
        self.assertTrue(free.quote_required)
