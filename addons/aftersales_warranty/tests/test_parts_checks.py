# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Only original parts that fit the unit, on the service form too (SPEC §4,
§6), and the QC inspector's inspection of the parts that come back to the
warehouse (SPEC §1, 质检员)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .test_parts import PartsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestPartsChecks(PartsCommon):
    def _on_site(self, order):
        visit = order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_check_in()
        visit.action_show_id()
        return visit

    # -- the service form's parts used ----------------------------------------------

    def test_the_service_form_takes_original_parts_that_fit(self):
        ticket, order = self._dispatched()
        visit = self._on_site(order)
        for part, expected in (
            (self.copy_part, "not an original spare part"),
            (self.heater_element, "does not fit Test AC"),
        ):
            with self.assertRaises(ValidationError) as error:
                visit.part_ids = [Command.create({"product_id": part.id})]
            self.assertIn(expected, str(error.exception))
        self.assertFalse(visit.part_ids)
        # the request's parts lines refuse them by the same rule
        with self.assertRaisesRegex(ValidationError, "does not fit Test AC"):
            self._add(ticket, self.heater_element)
        # what fits is taken, and offered
        visit.part_ids = [Command.create({"product_id": self.cap.id, "consent": True})]
        self.assertEqual(visit.part_ids.name, "[T-SCAP] Test Spare Capacitor")
        Part = self.env["aftersales.visit.part"]
        domain = safe_eval(
            Part._fields["product_id"].domain,
            {"unit_product_tmpl_id": ticket.product_id.product_tmpl_id.id},
        )
        self.assertEqual(
            domain,
            safe_eval(
                self.env["aftersales.part.line"]._fields["product_id"].domain,
                {"unit_product_tmpl_id": ticket.product_id.product_tmpl_id.id},
            ),
        )
        offered = self.env["product.product"].search(domain)
        self.assertTrue({self.cap, self.fan, self.fuse} <= set(offered))
        self.assertNotIn(self.heater_element, offered)
        self.assertNotIn(self.copy_part, offered)
        # no free text: a part that is not in the catalogue is asked from the
        # warehouse as a parts line of the request
        with (
            self.assertRaises(AssertionError),
            Form(visit) as form,
            form.part_ids.new() as line,
        ):
            line.quantity = 1

    # -- returned parts ----------------------------------------------------------------

    def _returned(self):
        """Zhang used one capacitor of two; the other comes back to stock."""
        ticket, order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        self._as_manager(line).action_aftersales_reserve()
        self._as_manager(line).action_aftersales_issue()
        line.with_user(self.zhang.user_id).quantity_used = 1
        self._consent_parts(ticket)
        self._finish_visit(order)
        back = line.sudo().move_ids.filtered(
            lambda m: m.aftersales_part_move == "return"
        )
        picking = self.env["stock.picking"].browse(back.picking_id.id)
        self.assertTrue(picking.aftersales_parts_return)
        self.assertFalse(picking.aftersales_qc_state)
        self._validate(picking.with_user(self.stock_manager))
        return ticket, picking

    def test_the_inspector_passes_the_returned_parts(self):
        ticket, picking = self._returned()
        self.assertEqual(picking.aftersales_qc_state, "to_check")
        kind = self.env.ref("aftersales_warranty.mail_act_parts_qc")
        task = picking.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        self.assertEqual(task.user_id, self.qc_inspector)
        # the inspector sees the returns without the warehouse's rights
        returns = self.env["stock.picking"].with_user(self.qc_inspector)
        to_check = returns.search([("aftersales_qc_state", "=", "to_check")])
        self.assertIn(picking, to_check)
        with self.assertRaises(AccessError):
            picking.with_user(self.agent).action_aftersales_parts_qc_pass()
        picking.with_user(self.qc_inspector).action_aftersales_parts_qc_pass()
        self.assertEqual(picking.aftersales_qc_state, "passed")
        self.assertEqual(picking.aftersales_qc_user_id, self.qc_inspector)
        self.assertNotIn(kind, picking.activity_ids.activity_type_id)
        self.assertIn("passed the parts returned", self._notes(ticket))
        with self.assertRaises(UserError):  # once
            picking.with_user(self.qc_inspector).action_aftersales_parts_qc_pass()

    def test_the_inspector_fails_the_returned_parts_with_a_reason(self):
        ticket, picking = self._returned()
        inspector = picking.with_user(self.qc_inspector)
        action = inspector.action_aftersales_parts_qc_fail()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.qc_inspector)
            .with_context(**action["context"])
        )
        wizard.reason = "The capacitor's casing is cracked."
        wizard.save().action_apply()
        self.assertEqual(picking.aftersales_qc_state, "failed")
        self.assertIn("casing is cracked", picking.aftersales_qc_note)
        self.assertIn("casing is cracked", self._notes(ticket))

    def test_other_transfers_are_not_inspected(self):
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock_location.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "capacitors",
                            "product_id": self.cap.id,
                            "product_uom_qty": 1,
                            "location_id": self.env.ref(
                                "stock.stock_location_suppliers"
                            ).id,
                            "location_dest_id": self.stock_location.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        self._validate(receipt)
        self.assertFalse(receipt.aftersales_parts_return)
        self.assertFalse(receipt.aftersales_qc_state)
