# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's last month tells its story (skipped without demo data)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoMonth(TransactionCase):
    def test_zhang_is_commended_and_liu_misses_two_targets(self):
        survey = self.env.ref(
            "aftersales_kpi.survey_kpi_zhang_1_demo", raise_if_not_found=False
        )
        if not survey:
            self.skipTest("installed without demo data")
        month = survey.ticket_id.request_date.date().replace(day=1)
        assessments = self.env["aftersales.kpi.assessment"].search(
            [("period_start", "=", month), ("scope", "=", "engineer")]
        )
        zhang = assessments.filtered(
            lambda a: (
                a.engineer_id == self.env.ref("aftersales_sop.engineer_zhang_demo")
            )
        )
        liu = assessments.filtered(
            lambda a: a.engineer_id == self.env.ref("aftersales_sop.engineer_liu_demo")
        )
        self.assertTrue(zhang.commendation_proposed)
        self.assertEqual(
            set(liu.missed_line_ids.mapped("kpi")),
            {"response_compliance", "satisfaction"},
        )
