# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo data tells the story the README's tour promises: one class-B repair
from intake through the visit, the signed report, the follow-up call and its
survey, a usage question answered on the spot and rated, and one complaint
attributed to an engineer. Skipped without demo data."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    def _demo(self, xmlid):
        record = self.env.ref(f"aftersales_sop.{xmlid}", raise_if_not_found=False)
        if not record:
            self.skipTest("the database has no demo data")
        return record

    def test_a_class_b_repair_from_intake_to_survey(self):
        ticket = self._demo("ticket_repair_completed_demo")
        self.assertEqual(ticket.inquiry_class, "b")
        self.assertEqual(ticket.repair_state, "done")
        visit = ticket.dispatch_order_ids.visit_ids
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.result, "fixed")
        self.assertTrue(visit.customer_signature)
        self.assertTrue(visit.report_attachment_id, "the signed report is kept")
        followup = ticket.followup_ids.filtered(lambda f: f.kind == "first")
        self.assertEqual((followup.state, followup.outcome), ("done", "satisfied"))
        surveys = ticket.survey_ids.filtered(lambda s: s.state == "done")
        self.assertEqual(sorted(surveys.mapped("method")), ["phone", "service_form"])
        self.assertEqual(
            surveys.filtered(lambda s: s.method == "phone").followup_id, followup
        )

    def test_a_consultation_answered_on_the_spot_and_rated(self):
        ticket = self._demo("ticket_usage_demo")
        self.assertEqual(ticket.inquiry_class, "a")
        self.assertEqual(ticket.consultation_state, "answered")
        self.assertEqual(ticket.customer_rating, "9")
        self.assertEqual(ticket.survey_ids.kind, "consultation")
        self.assertFalse(ticket.clock_ids.filtered(lambda c: c.code == "feedback"))

    def test_a_complaint_attributed_to_an_engineer(self):
        complaint = self._demo("complaint_engineer_demo")
        self.assertEqual(complaint.engineer_id, self._demo("engineer_zhang_demo"))
        self.assertTrue(complaint.serious_impact)
        self.assertEqual(complaint.state, "approved")
