# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The warranty decision on the service request (SPEC §5)."""

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")  # Monday 10:00 in Beijing
class TestDecision(WarrantyCommon):
    @classmethod
    def default_env_context(cls):
        # the decision's changes are tracked: these tests read the tracking
        return {}

    def _ticket(self, **vals):
        return self._create_repair(**vals).with_user(self.agent)

    def _tracked(self, ticket, field_name):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        return ticket.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == field_name
        )

    def test_suggestion_from_the_purchase_data_of_the_request(self):
        ticket = self._ticket()  # AC bought 2026-03-01 with an invoice
        self.assertFalse(ticket.warranty_registration_id)
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")
        self.assertEqual(ticket.warranty_policy_id, self.main_policy)
        self.assertEqual(ticket.warranty_end_date, date(2027, 3, 1))
        self.assertIn("2027-03-01", ticket.warranty_suggestion_note)
        ticket.proof_reference = False
        self.assertEqual(ticket.warranty_suggestion, "no_proof")
        ticket.write({"proof_reference": "INV-2", "purchase_date": date(2025, 9, 27)})
        self.assertEqual(ticket.warranty_suggestion, "expired")
        self.assertEqual(ticket.warranty_end_date, date(2026, 9, 27))
        ticket.write({"product_id": False, "lot_id": False})
        self.assertFalse(ticket.warranty_suggestion)

    def test_suggestion_from_the_registration(self):
        lot = self._lot("AC-T-DEC")
        self._register(lot, purchase_date=date(2025, 9, 28))
        # the request's own purchase date does not beat the registered unit's
        ticket = self._ticket(lot_id=lot.id, purchase_date=date(2026, 3, 1))
        self.assertEqual(ticket.warranty_end_date, date(2026, 9, 28))
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")

    def test_accessory_bought_30_november_is_free_through_end_of_february(self):
        registration = self._register(
            product=self.remote, purchase_date=date(2025, 11, 30)
        )
        for received, expected in (
            (datetime(2026, 2, 28, 15, 0), "in_warranty"),  # 23:00 in Beijing
            (datetime(2026, 2, 28, 16, 0), "expired"),  # 1 March, 00:00 in Beijing
        ):
            ticket = self._ticket(
                product_id=self.remote.id,
                lot_id=False,
                warranty_registration_id=registration.id,
                request_date=received,
            )
            self.assertEqual(ticket.warranty_suggestion, expected, received)

    def test_an_excluded_cause_inside_the_period_is_not_free(self):
        ticket = self._ticket()
        ticket.warranty_exclusion_id = self.water
        self.assertEqual(ticket.warranty_suggestion, "excluded")
        self.assertIn(self.water.name, ticket.warranty_suggestion_note)
        ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "excluded")
        self.assertFalse(ticket.warranty_free)
        # outside the period the cause changes nothing: expired
        expired = self._ticket(purchase_date=date(2025, 1, 5))
        expired.warranty_exclusion_id = self.water
        self.assertEqual(expired.warranty_suggestion, "expired")

    def test_the_agent_confirms_the_suggestion(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):  # nothing to confirm without a product
            self._ticket(product_id=False, lot_id=False).action_warranty_confirm()
        ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        self.assertTrue(ticket.warranty_free)
        self.assertEqual(ticket.warranty_decision_user_id, self.agent)
        self.assertEqual(ticket.warranty_decision_date, datetime(2026, 9, 28, 2, 0))
        self.assertFalse(ticket.warranty_overridden)
        tracked = self._tracked(ticket, "warranty_decision")
        self.assertEqual(tracked.new_value_char, "In Warranty")
        # the purchase data changes afterwards: the decision is outdated
        ticket.purchase_date = date(2024, 1, 1)
        self.assertTrue(ticket.warranty_decision_outdated)
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "expired")
        self.assertFalse(ticket.warranty_decision_outdated)

    def test_only_a_manager_overrides_and_only_with_a_reason(self):
        ticket = self._ticket(purchase_date=date(2025, 1, 5))
        self.assertEqual(ticket.warranty_suggestion, "expired")
        # an agent cannot record another decision, whatever the way
        with self.assertRaises(AccessError):
            ticket.action_warranty_override()
        with self.assertRaises(AccessError):
            ticket.write(
                {
                    "warranty_decision": "in_warranty",
                    "warranty_overridden": True,
                    "warranty_override_reason": "friendly customer",
                }
            )
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket.warranty.override"].with_user(self.agent).create(
                {"ticket_id": ticket.id, "decision": "in_warranty", "reason": "x"}
            )
        self.assertFalse(ticket.warranty_decision)
        # a manager: not without a reason
        as_manager = ticket.with_user(self.manager)
        with self.assertRaises(ValidationError):
            as_manager.write({"warranty_decision": "in_warranty"})
        action = as_manager.action_warranty_override()
        wizard_model = self.env[action["res_model"]].with_user(self.manager)
        form = Form(wizard_model.with_context(**action["context"]))
        self.assertEqual(form.decision, "expired")
        form.decision = "in_warranty"
        form.reason = "   "
        wizard = form.save()
        with self.assertRaises(UserError):
            wizard.action_apply()
        wizard.reason = "Unit failed 3 days after expiry; goodwill approved."
        wizard.action_apply()
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        self.assertTrue(ticket.warranty_overridden)
        self.assertTrue(ticket.warranty_free)
        self.assertEqual(ticket.warranty_decision_user_id, self.manager)
        self.assertIn("goodwill", ticket.warranty_override_reason)
        self.assertFalse(ticket.warranty_decision_outdated)
        self.assertTrue(self._tracked(ticket, "warranty_overridden"))
        self.assertTrue(self._tracked(ticket, "warranty_override_reason"))
        self.assertTrue(
            any("goodwill" in m.body for m in ticket.sudo().message_ids if m.body)
        )
        # the agent cannot undo the override
        with self.assertRaises(AccessError):
            ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "in_warranty")

    def test_manager_excludes_with_the_cause(self):
        ticket = self._ticket().with_user(self.manager)
        wizard = (
            self.env["helpdesk.ticket.warranty.override"]
            .with_user(self.manager)
            .create({"ticket_id": ticket.id, "decision": "excluded", "reason": "seen"})
        )
        with self.assertRaises(UserError):
            wizard.action_apply()
        wizard.exclusion_id = self.water
        wizard.action_apply()
        self.assertEqual(
            (ticket.warranty_decision, ticket.warranty_exclusion_id),
            ("excluded", self.water),
        )
        self.assertFalse(ticket.warranty_free)

    def test_the_decision_is_shown_in_the_form(self):
        ticket = self._ticket()
        with Form(ticket) as form:
            self.assertEqual(form.warranty_suggestion, "in_warranty")
            form.warranty_exclusion_id = self.water
            self.assertEqual(form.warranty_suggestion, "excluded")
            form.warranty_exclusion_id = self.env["aftersales.warranty.exclusion"]
        # a unit chosen by hand completes the request
        lot = self._lot("AC-T-FORM-DEC")
        registration = self._register(lot, purchase_date=date(2026, 1, 10))
        with Form(self.env["helpdesk.ticket"].with_user(self.agent)) as form:
            form.name = "From the registration"
            form.description = "<p>noise</p>"
            form.inquiry_class = "b"
            form.warranty_registration_id = registration
            self.assertEqual(form.lot_id, lot)
            self.assertEqual(form.purchase_date, date(2026, 1, 10))
            self.assertEqual(form.warranty_suggestion, "in_warranty")

    def test_a_policy_question_checks_the_warranty_without_a_repair(self):
        """Class C: the customer asks whether his unit is still covered."""
        lot = self._lot("AC-T-POLICY")
        registration = self._register(lot, purchase_date=date(2026, 1, 10))
        with Form(self.env["helpdesk.ticket"].with_user(self.agent)) as form:
            form.name = "Is my air conditioner still covered?"
            form.description = "<p>Asks about the warranty.</p>"
            form.inquiry_class = "c"
            form.team_id = self.team
            form.partner_id = self.customer
            form.product_id = self.product
            form.lot_id = lot
            self.assertEqual(form.warranty_registration_id, registration)
            self.assertEqual(form.warranty_suggestion, "in_warranty")
        ticket = form.record
        clocks = set(ticket.sudo().clock_ids.mapped("code"))
        ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        self.assertEqual(ticket.warranty_end_date, date(2027, 1, 10))
        # still a policy question: no repair flow, no repair clock
        self.assertEqual(ticket.inquiry_class, "c")
        self.assertFalse(ticket.repair_registered_date)
        self.assertFalse(ticket.repair_state)
        self.assertEqual(set(ticket.sudo().clock_ids.mapped("code")), clocks)
        self.assertNotIn("dispatch_review", clocks)

    def test_a_usage_question_checks_by_purchase_date(self):
        """Class A, no serial number: the purchase data of the request."""
        ticket = self._ticket(
            inquiry_class="a",
            product_id=self.remote.id,
            lot_id=False,
            purchase_date=date(2026, 7, 1),
            proof_reference="R-77",
        )
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")
        self.assertEqual(ticket.warranty_end_date, date(2026, 10, 1))
        ticket.action_warranty_confirm()
        self.assertFalse(ticket.repair_registered_date)
        self.assertFalse(ticket.sudo().clock_ids.filtered(lambda c: c.code == "onsite"))

    def test_a_product_without_a_period_says_where_to_set_it(self):
        bare = self.env["product.category"].create({"name": "Test Bare Shelf"})
        fan = self.env["product.product"].create(
            {"name": "Test Fan", "type": "consu", "categ_id": bare.id}
        )
        ticket = self._ticket(product_id=fan.id, lot_id=False)
        self.assertEqual(ticket.warranty_suggestion, "no_warranty")
        note = ticket.warranty_suggestion_note
        self.assertIn("Test Fan has no warranty period", note)
        self.assertIn("Test Bare Shelf", note)
        self.assertIn("Warranty Periods by Category", note)
        # a custom product is covered by contract only: the note says so
        lot = self._lot("CH-T-NOTE", self.custom_unit)
        custom = self._ticket(product_id=self.custom_unit.id, lot_id=lot.id)
        self.assertEqual(custom.warranty_suggestion, "no_warranty")
        self.assertIn("covered by contract only", custom.warranty_suggestion_note)
        self.assertIn("Warranty Contracts", custom.warranty_suggestion_note)
