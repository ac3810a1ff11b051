# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The money gate reads the warranty decision (SPEC §4.4-4.6, §5): the
diagnosis is free, the repair work waits for the confirmed decision and, on a
unit it does not cover, for the customer's acceptance of a fee or a quote; a
free repair of it is a goodwill repair a manager approves with a reason."""

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .test_repair_quote import QuoteCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestMoneyGate(QuoteCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = cls.zhang.user_id

    def _dispatch(self, ticket):
        return self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )

    def _surveyed(self, order, fee=0.0):
        """On site: the engineer shows his ID, surveys and explains the plan."""
        visit = order.current_visit_id.with_user(self.engineer)
        if visit.state == "planned":
            visit.action_check_in()
        visit.action_show_id()
        visit.write(
            {
                "inspection_note": "The compressor relay is burnt.",
                "plan_note": "Replace the relay.",
                "fee_amount": fee,
            }
        )
        return visit

    def _start_refused(self, visit, *expected):
        with self.assertRaises(UserError) as error:
            visit.action_start_work()
        for text in expected:
            self.assertIn(text, str(error.exception))
        self.assertFalse(visit.work_start_date)

    def _close(self, visit, result="fixed"):
        visit.write(
            {
                "result": result,
                "no_signature_reason": "The customer was called away.",
                "checklist_declined": True,
            }
        )
        if result == "fixed":
            visit.action_joint_test_passed()
        visit.action_check_out()

    def _reason(self, action, user, text):
        """Apply the reason wizard that ``action`` opened, as ``user``."""
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.reason = text
        wizard.save().action_apply()

    # -- the visit ---------------------------------------------------------------

    def test_an_uncovered_unit_starts_after_the_customer_accepts_the_fee(self):
        ticket = self._decided_ticket(date(2025, 1, 5))  # expired
        visit = self._surveyed(self._dispatch(ticket))
        self.assertEqual(visit.warranty_decision, "expired")
        # a fee of zero is not the customer's consent to pay
        self._start_refused(
            visit, "is not covered (Expired)", "accepts a fee or a quote"
        )
        self.assertTrue(visit.goodwill_possible)
        visit.fee_amount = 260.0
        self._start_refused(visit, "has not accepted the plan and the fee")
        self.assertNotIn("not covered", visit.work_waiting_for)
        visit.action_accept_plan()
        visit.action_start_work()
        self.assertTrue(visit.work_start_date)
        self._close(visit)
        self.assertEqual(visit.dispatch_order_id.state, "done")
        self.assertEqual(ticket.repair_state, "done")

    def test_an_accepted_repair_quote_lets_the_work_start(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        order = self._dispatch(ticket)
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        self._approve(repair.sale_order_id)
        repair.sale_order_id.action_quotation_sent()
        visit = self._surveyed(order)
        self._start_refused(visit, "accepts a fee or a quote")
        repair.action_quote_accepted()
        visit.action_start_work()
        self.assertTrue(visit.work_start_date)

    def test_a_decision_out_of_date_is_confirmed_again(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        visit = self._surveyed(self._dispatch(ticket))
        # the survey finds water in the unit: the suggestion changes
        ticket.warranty_exclusion_id = self.water
        self.assertTrue(ticket.warranty_decision_outdated)
        self._start_refused(visit, "confirm the decision again")
        ticket.with_user(self.agent).action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "excluded")
        self._start_refused(visit, "is not covered (Excluded)")

    def test_a_decision_overridden_after_a_first_visit(self):
        ticket = self._decided_ticket(date(2026, 3, 1))  # in warranty
        order = self._dispatch(ticket)
        first = self._surveyed(order)
        first.action_start_work()  # covered: free, no acceptance needed
        first.write(
            {"result": "next_visit", "next_visit_date": datetime(2026, 9, 29, 2, 0)}
        )
        self._close(first, result="next_visit")
        # the engineer found signs of misuse: a manager overrides the decision
        wizard = self.env["helpdesk.ticket.warranty.override"].with_user(self.manager)
        wizard.create(
            {
                "ticket_id": ticket.id,
                "decision": "excluded",
                "exclusion_id": self.water.id,
                "reason": "Water in the control board.",
            }
        ).action_apply()
        second = self._surveyed(order)
        self.assertNotEqual(second, first)
        self._start_refused(second, "is not covered (Excluded)")
        second.fee_amount = 180.0
        second.action_accept_plan()
        second.action_start_work()
        self._close(second)
        self.assertEqual(order.state, "done")

    def test_the_decision_changes_after_the_work_started(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        visit = self._surveyed(self._dispatch(ticket))
        visit.action_start_work()
        visit.write({"result": "fixed", "checklist_declined": True})
        visit.action_joint_test_passed()
        visit.no_signature_reason = "Away."
        ticket.with_user(self.manager).write(
            {
                "warranty_decision": "expired",
                "warranty_overridden": True,
                "warranty_override_reason": "Bought earlier than the invoice says.",
            }
        )
        # the check-out asks for the customer's agreement the work now needs
        with self.assertRaises(UserError) as error:
            visit.action_check_out()
        self.assertIn("the work was done, but", str(error.exception))
        self.assertIn("is not covered (Expired)", str(error.exception))

    # -- goodwill ----------------------------------------------------------------

    def test_a_free_repair_of_an_uncovered_unit_is_a_goodwill_repair(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        visit = self._surveyed(self._dispatch(ticket))
        # the engineer asks an after-sales manager
        visit.action_goodwill_request()
        asked = self.env.ref("aftersales_warranty.mail_act_goodwill")
        activity = ticket.activity_ids.filtered(lambda a: a.activity_type_id == asked)
        self.assertTrue(
            activity.user_id.has_group("aftersales_sop.aftersales_sop_group_manager")
        )
        # neither he nor the agent approves it
        with self.assertRaises(AccessError):
            ticket.with_user(self.engineer).action_goodwill_approve()
        with self.assertRaises(AccessError):
            ticket.with_user(self.agent).write({"goodwill_approved": True})
        action = ticket.with_user(self.manager).action_goodwill_approve()
        with self.assertRaises(UserError):  # a reason is required
            self._reason(action, self.manager, " ")
        self._reason(action, self.manager, "Loyal customer; failed one week late.")
        self.assertTrue(ticket.goodwill_approved)
        self.assertEqual(ticket.goodwill_user_id, self.manager)
        self.assertIn("one week late", ticket.goodwill_reason)
        self.assertNotIn(asked, ticket.activity_ids.activity_type_id)
        visit.action_start_work()
        self.assertTrue(visit.work_start_date)

    def test_goodwill_stands_for_its_decision(self):
        covered = self._decided_ticket(date(2026, 3, 1))
        with self.assertRaisesRegex(UserError, "does not cover"):
            covered.with_user(self.manager).action_goodwill_approve()
        ticket = self._decided_ticket(date(2025, 1, 5))
        ticket.with_user(self.manager)._aftersales_approve_goodwill("Fair play.")
        # a new decision: the approval no longer applies
        ticket.with_user(self.manager).write(
            {
                "warranty_decision": "no_proof",
                "warranty_overridden": True,
                "warranty_override_reason": "The invoice is not his.",
            }
        )
        self.assertFalse(ticket.goodwill_approved)
        visit = self._surveyed(self._dispatch(ticket))
        self._start_refused(visit, "is not covered (No Proof of Purchase)")

    # -- the repair order ----------------------------------------------------------

    def test_the_repair_order_waits_for_the_decision_and_the_agreement(self):
        ticket = self._create_repair()
        repair = self.env["repair.order"].create(
            {
                "helpdesk_ticket_id": ticket.id,
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": self.lot.id,
            }
        )
        with self.assertRaisesRegex(UserError, "is not confirmed yet"):
            repair.action_repair_start()
        # the repair centre's diagnosis is free, before any decision
        ticket.with_user(self.agent).action_unit_received()
        ticket.diagnosis_note = "Water in the control board."
        ticket.with_user(self.agent).action_diagnosis_reported()
        self.assertTrue(ticket.diagnosis_date)
        # the decision: excluded (water), nothing quoted yet: goodwill or quote
        ticket.warranty_exclusion_id = self.water
        ticket.with_user(self.agent).action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "excluded")
        self.assertFalse(repair.quote_required)
        with self.assertRaisesRegex(UserError, "is not covered"):
            repair.action_repair_start()
        self.assertIn("goodwill", repair.aftersales_blocker)
        ticket.with_user(self.manager)._aftersales_approve_goodwill("Known batch.")
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_a_charged_repair_order_waits_for_its_quote(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, labour_hours=1.0)
        self.assertTrue(repair.quote_required)
        with self.assertRaisesRegex(UserError, "no quote was made"):
            repair.action_repair_start()
        # a goodwill approval is no acceptance of a quote
        ticket.with_user(self.manager)._aftersales_approve_goodwill("Gesture.")
        with self.assertRaisesRegex(UserError, "no quote was made"):
            repair.action_repair_start()

    def test_a_repair_without_a_request_keeps_odoo_s_flow(self):
        repair = self.env["repair.order"].create(
            {
                "product_id": self.product.id,
                "lot_id": self._lot("AC-T-MONEY-9").id,
                "partner_id": self.customer.id,
            }
        )
        self.assertFalse(repair.aftersales_blocker)
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
