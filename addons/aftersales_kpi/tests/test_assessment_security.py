# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees a monthly assessment: the engineer himself, his managers (the
employee hierarchy), the assessment reviewers and HR; the customer service
supervisor sees the company's and the teams' figures and the KPI analysis,
not an engineer's assessment. Through RPC as through the UI."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import KpiMonthCommon

REPORTS = (
    "aftersales.kpi.report",
    "aftersales.kpi.request.report",
    "aftersales.kpi.clock.report",
    "aftersales.kpi.visit.report",
    "aftersales.kpi.complaint.report",
    "aftersales.kpi.survey.report",
)


@tagged("post_install", "-at_install")
@freeze_time("2026-10-02 02:00:00")
class TestAssessmentAccess(KpiMonthCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-10-02 02:00:00"):
            cls.assessments = cls._run(cls)
        cls.liu_a = cls._figures(cls.assessments, "engineer", cls.liu.id)[0]
        cls.zhang_a = cls._figures(cls.assessments, "engineer", cls.zhang.id)[0]
        cls.team_a = cls._figures(cls.assessments, "team", cls.team.id)[0]
        cls.company_a = cls._figures(cls.assessments, "company")[0]

    def _sees(self, user):
        """What ``user`` reads through RPC (search_read) among the month's."""
        mine = self.liu_a | self.zhang_a | self.team_a | self.company_a
        rows = (
            self.env["aftersales.kpi.assessment"]
            .with_user(user)
            .search_read([("id", "in", mine.ids)], ["name"])
        )
        found = {row["id"] for row in rows}
        lines = (
            self.env["aftersales.kpi.assessment.line"]
            .with_user(user)
            .search([("assessment_id", "in", mine.ids)])
        )
        self.assertEqual(set(lines.assessment_id.ids), found, "figures follow")
        return {
            name
            for name, record in (
                ("liu", self.liu_a),
                ("zhang", self.zhang_a),
                ("team", self.team_a),
                ("company", self.company_a),
            )
            if record.id in found
        }

    def test_the_engineer_himself(self):
        self.assertEqual(self._sees(self.liu.user_id), {"liu"})
        with self.assertRaises(AccessError):
            self.zhang_a.with_user(self.liu.user_id).read(["satisfaction"])
        with self.assertRaises(AccessError):
            self.liu_a.with_user(self.liu.user_id).write({"hr_comment": "Fine."})

    def test_another_engineer(self):
        self.assertEqual(self._sees(self.chen.user_id), set())
        with self.assertRaises(AccessError):
            self.liu_a.with_user(self.chen.user_id).read(["satisfaction"])

    def test_his_managers_up_the_hierarchy(self):
        # Zhang manages Liu, Wang manages Zhang
        self.assertEqual(self._sees(self.zhang.user_id), {"liu", "zhang"})
        self.assertEqual(self._sees(self.boss), {"liu", "zhang"})
        self.assertEqual(self._sees(self.other_boss), set())
        with self.assertRaises(AccessError):
            self.liu_a.with_user(self.boss).action_review()

    def test_hr_and_the_reviewers_see_all(self):
        everything = {"liu", "zhang", "team", "company"}
        self.assertEqual(self._sees(self.hr_officer), everything)
        self.assertEqual(self._sees(self.reviewer), everything)
        self.assertEqual(self._sees(self.manager), everything)

    def test_the_customer_service_supervisor(self):
        self.assertEqual(self._sees(self.supervisor), {"team", "company"})
        with self.assertRaises(AccessError):
            self.liu_a.with_user(self.supervisor).read(["satisfaction"])
        with self.assertRaises(AccessError):
            self.company_a.with_user(self.supervisor).action_review()
        # the KPI analysis: the month's figures, in SQL, for the supervisor
        for model in REPORTS:
            Report = self.env[model].with_user(self.supervisor)
            self.assertTrue(Report.search_count([]), model)
        requests = self.env["aftersales.kpi.request.report"].with_user(self.supervisor)
        groups = requests.read_group(
            [("team_id", "=", self.team.id), ("request_date", ">=", "2026-09-01")],
            ["request_count:sum", "response_compliance:avg"],
            ["engineer_id"],
        )
        by_engineer = {g["engineer_id"][0]: g for g in groups if g["engineer_id"]}
        self.assertEqual(by_engineer[self.zhang.id]["request_count"], 2)
        self.assertAlmostEqual(by_engineer[self.zhang.id]["response_compliance"], 50.0)
        # penalties stay with HR and the reviewers, in the KPI analysis too
        kpis = self.env["aftersales.kpi.report"].with_user(self.supervisor)
        self.assertTrue(kpis.read_group([], ["satisfaction"], ["team_id"]))
        with self.assertRaises(AccessError):
            kpis.read_group([], ["penalty_amount"], ["team_id"])
        self.assertTrue(
            self.env["aftersales.kpi.report"]
            .with_user(self.hr_officer)
            .read_group([], ["penalty_amount"], ["engineer_id"])
        )
        with self.assertRaises(AccessError):
            self.env["aftersales.kpi.penalty.report"].with_user(self.supervisor).search(
                []
            )
        self.assertTrue(
            self.env["aftersales.kpi.penalty.report"]
            .with_user(self.hr_officer)
            .search_count([("engineer_id", "=", self.zhang.id)])
        )

    def test_service_desk_staff_and_engineers_run_nothing(self):
        for user in (self.agent, self.liu.user_id, self.boss):
            with self.assertRaises(AccessError):
                self._run(user=user)
        for model in REPORTS:
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.liu.user_id).search([])

    def test_every_view_opens_for_each_role(self):
        views = {
            "aftersales.kpi.assessment": ["list", "form", "search", "pivot"],
            "aftersales.kpi.target": ["list", "search"],
        }
        for model in REPORTS:
            views[model] = ["pivot", "graph", "search"]
        for user in (self.supervisor, self.reviewer, self.hr_officer):
            for model, types in views.items():
                result = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, view_type) for view_type in types])
                )
                self.assertEqual(set(result["views"]), set(types), (user, model))
        menus = self.env["ir.ui.menu"].with_user(self.supervisor)._visible_menu_ids()
        self.assertIn(
            self.env.ref("aftersales_kpi.aftersales_kpi_dashboard_menu").id, menus
        )
        self.assertNotIn(
            self.env.ref("aftersales_kpi.aftersales_kpi_penalty_report_menu").id, menus
        )
