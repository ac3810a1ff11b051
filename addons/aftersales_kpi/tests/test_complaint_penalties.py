# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints approved as an engineer's offence with a serious impact become
penalty proposals, which follow the supervisor's attribution while undecided."""

from datetime import date

from odoo.tests import freeze_time, tagged

from odoo.addons.aftersales_sop.tests.care_common import AftersalesCareCommon

from .common import MONDAY_10, KpiCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestComplaintPenalties(KpiCommon, AftersalesCareCommon):
    def _approved(self, serious, engineer=None, offence="complaint_quarrel"):
        complaint = self._complaint(user=self.handler)
        handler = complaint.with_user(self.handler)
        handler.action_start_investigation()
        self._settle(
            handler, engineer_id=(engineer or self.zhang).id, offence_code=offence
        )
        handler.action_propose()
        supervisor = complaint.with_user(self.manager)
        supervisor.serious_impact = serious
        supervisor.action_approve()
        return complaint

    def _proposals(self, complaint):
        return self.env["aftersales.penalty"].search(
            [("source_ref", "=", f"{complaint._name},{complaint.id}")]
        )

    def test_a_serious_complaint_proposes_the_engineers_penalty(self):
        complaint = self._approved(serious=True)
        penalty = self._proposals(complaint)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.zhang.employee_id)
        self.assertEqual(penalty.rule_id.code, "complaint_quarrel")
        self.assertEqual(penalty.state, "proposed")
        self.assertTrue(penalty.serious_impact)
        self.assertEqual(penalty.date, date(2026, 9, 28))
        self.assertEqual(penalty.amount, 20)
        # approving again, or any later save, proposes nothing more
        complaint._aftersales_propose_penalties()
        self.assertEqual(self._proposals(complaint), penalty)

    def test_no_serious_impact_no_proposal(self):
        complaint = self._approved(serious=False)
        self.assertFalse(self._proposals(complaint))

    def test_the_proposal_follows_the_supervisors_attribution(self):
        complaint = self._approved(serious=True)
        first = self._proposals(complaint)
        # the supervisor finds it was Liu, not Zhang
        complaint.with_user(self.manager).engineer_id = self.liu
        self.assertEqual(first.state, "dismissed")
        current = self._proposals(complaint).filtered(lambda p: p.state == "proposed")
        self.assertEqual(current.employee_id, self.liu.employee_id)
        # and then that the impact was not serious after all
        complaint.with_user(self.manager).serious_impact = False
        self.assertEqual(current.state, "dismissed")
        self.assertFalse(
            self._proposals(complaint).filtered(lambda p: p.state == "proposed")
        )
