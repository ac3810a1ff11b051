# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Replacement (更换): application, review, new unit shipped, old one returned."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestReplacement(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old_lot = cls._lot("AC-T-OLD")
        cls.new_lot = cls._lot("AC-T-NEW")
        cls.registration = cls._register(cls.old_lot, purchase_date=date(2026, 3, 1))
        cls._stock(cls.product, lot=cls.new_lot)

    def _ticket(self, purchase_date=None):
        ticket = self._create_repair(lot_id=self.old_lot.id)
        self.assertEqual(ticket.warranty_registration_id, self.registration)
        ticket.with_user(self.agent).action_warranty_confirm()
        return ticket

    def _apply(self, ticket):
        action = ticket.with_user(self.agent).action_new_replacement()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.registration_id, self.registration)
            self.assertEqual(form.old_lot_id, self.old_lot)
            self.assertEqual(form.new_product_id, self.product)
            form.reason = "Compressor failed twice within the warranty."
        return self.env["aftersales.warranty.replacement"].browse(form.record.id)

    def _approved(self, ticket):
        replacement = self._apply(ticket)
        replacement.with_user(self.agent).action_submit()
        replacement.with_user(self.manager).action_approve()
        return replacement

    def test_a_replacement_moves_the_registration_to_the_new_serial(self):
        ticket = self._ticket()
        replacement = self._apply(ticket)
        self.assertTrue(replacement.name.startswith("RPL"))
        self.assertEqual(replacement.state, "draft")
        replacement.with_user(self.agent).action_submit()
        self.assertEqual(replacement.state, "review")
        with self.assertRaises(AccessError):
            replacement.with_user(self.agent).action_approve()  # agents do not review
        replacement.with_user(self.manager).action_approve()
        self.assertEqual(replacement.state, "approved")
        self.assertEqual(replacement.reviewed_by_id, self.manager)
        replacement.with_user(self.agent).action_create_transfers()
        delivery, back = replacement.delivery_picking_id, replacement.return_picking_id
        self.assertEqual(ticket.sudo().picking_ids, delivery | back)
        self.assertEqual(
            (delivery.location_dest_id, back.location_id),
            (self.customers, self.customers),
        )
        self.assertEqual(delivery.move_line_ids.lot_id, self.new_lot)
        self.assertEqual(back.move_line_ids.lot_id, self.old_lot)
        self.assertEqual(
            back.location_dest_id, self.company.aftersales_return_location_id
        )
        registrations = self.env["aftersales.warranty.registration"]
        before = registrations.search_count([])
        # the warehouse ships the new unit
        self._validate(delivery.with_user(self.warehouse_user))
        self.assertEqual(replacement.state, "shipped")
        self.assertEqual(self.registration.lot_id, self.new_lot)
        self.assertEqual(replacement.old_lot_id, self.old_lot)
        self.assertEqual(replacement.new_lot_id, self.new_lot)
        # the remaining warranty: the same last covered day
        self.assertEqual(self.registration.warranty_end_date, date(2027, 3, 1))
        self.assertFalse(self.registration.warranty_restart_date)
        # a replacement is not a sale: no new registration
        self.assertEqual(registrations.search_count([]), before)
        # the old unit comes back and is checked
        self._validate(back.with_user(self.warehouse_user))
        self.assertEqual(replacement.state, "returned")
        self.assertEqual(replacement.returned_date, date(2026, 9, 28))
        with self.assertRaises(UserError):
            replacement.action_check()
        replacement.check_result = "fault_confirmed"
        # the returned unit is checked by QC (or a manager), not by the agent
        with self.assertRaises(AccessError):
            replacement.with_user(self.agent).action_check()
        replacement.action_check()
        self.assertEqual(replacement.state, "done")
        self.assertEqual(replacement.checked_by_id, self.env.user)
        # a later request about the new serial finds the moved registration
        later = self._create_repair(lot_id=self.new_lot.id)
        self.assertEqual(later.warranty_registration_id, self.registration)
        self.assertEqual(later.warranty_end_date, date(2027, 3, 1))

    def test_a_fresh_period_when_the_company_says_so(self):
        self.company.aftersales_replacement_warranty = "fresh"
        replacement = self._approved(self._ticket())
        self.assertEqual(replacement.warranty_rule, "fresh")
        replacement.action_create_transfers()
        self._validate(replacement.delivery_picking_id)
        self.assertEqual(self.registration.warranty_restart_date, date(2026, 9, 28))
        self.assertEqual(self.registration.purchase_date, date(2026, 3, 1))
        self.assertEqual(self.registration.warranty_end_date, date(2027, 9, 28))

    def test_the_old_unit_may_come_back_first(self):
        replacement = self._approved(self._ticket())
        replacement.action_create_transfers()
        self._validate(replacement.return_picking_id)
        self.assertEqual(replacement.state, "approved")
        self.assertEqual(replacement.returned_date, date(2026, 9, 28))
        self._validate(replacement.delivery_picking_id)
        self.assertEqual(replacement.state, "returned")

    def test_only_an_in_warranty_unit_is_replaced_for_free(self):
        ticket = self._ticket()
        replacement = self._apply(ticket)
        replacement.action_submit()
        ticket.with_user(self.manager).warranty_exclusion_id = self.water
        ticket.with_user(self.manager).action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "excluded")
        with self.assertRaises(UserError):
            replacement.with_user(self.manager).action_approve()
        replacement.review_note = "Water inside the unit."
        replacement.with_user(self.manager).action_reject()
        self.assertEqual(replacement.state, "rejected")

    def test_the_new_serial_must_not_be_registered_already(self):
        replacement = self._approved(self._ticket())
        self._register(self.new_lot)
        replacement.action_create_transfers()
        with self.assertRaises(UserError):
            self._validate(replacement.delivery_picking_id)
        self.assertEqual(self.registration.lot_id, self.old_lot)

    def test_an_application_needs_a_reason_and_is_cancellable(self):
        replacement = self._apply(self._ticket())
        replacement.reason = " "
        with self.assertRaises(UserError):
            replacement.action_submit()
        replacement.reason = "Burnt board"
        replacement.action_submit()
        replacement.with_user(self.manager).action_approve()
        replacement.action_create_transfers()
        replacement.action_cancel()
        self.assertEqual(replacement.state, "cancel")
        self.assertEqual(
            (replacement.delivery_picking_id | replacement.return_picking_id).mapped(
                "state"
            ),
            ["cancel", "cancel"],
        )
        with self.assertRaises(UserError):
            replacement.action_submit()
