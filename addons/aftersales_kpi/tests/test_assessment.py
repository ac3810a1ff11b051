# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monthly run (idempotent, scheduled before the 5th), the states of an
assessment and the monthly quality report."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import SEPTEMBER, KpiMonthCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-10-02 02:00:00")
class TestAssessmentRun(KpiMonthCommon):
    def _month(self):
        return self.env["aftersales.kpi.assessment"].search(
            [("company_id", "=", self.company.id), ("period_start", "=", SEPTEMBER)]
        )

    def test_recomputing_gives_the_same_records(self):
        first = self._run()
        liu, figures = self._figures(first, "engineer", self.liu.id)
        figures["satisfaction"].with_user(self.hr_officer).cause = "New customer base."
        liu.with_user(self.hr_officer).hr_comment = "Talk about the survey."
        lines = first.line_ids
        # a new fact of September: Liu's figure changes, nothing is duplicated
        self._month_ticket(self.t1.request_date, 5, self.liu, inquiry_class="a")
        again = self.env["aftersales.kpi.assessment"].with_user(self.reviewer)
        again = again._aftersales_run(self.company, SEPTEMBER)
        self.assertEqual(set(again.ids), set(first.ids))
        self.assertEqual(self._month(), first)
        self.assertEqual(first.line_ids, lines)
        self.assertEqual(figures["satisfaction"].cause, "New customer base.")
        self.assertEqual(liu.hr_comment, "Talk about the survey.")
        self.assertEqual(figures["response_compliance"].denominator, 2)

    def test_a_reviewed_assessment_keeps_its_figures(self):
        assessments = self._run()
        chen, figures = self._figures(assessments, "engineer", self.chen.id)
        chen.with_user(self.hr_officer).action_review()
        before = figures["response_compliance"].denominator
        self._month_ticket(self.t1.request_date, 5, self.chen, inquiry_class="a")
        chen.with_user(self.reviewer).action_recompute()
        self.assertEqual(figures["response_compliance"].denominator, before)
        self.assertEqual(chen.state, "reviewed")

    def test_the_scheduled_action_makes_the_previous_month_once(self):
        cron = self.env.ref("aftersales_kpi.ir_cron_monthly_assessment")
        self.assertFalse(self._month())
        cron.method_direct_trigger()
        month = self._month()
        self.assertTrue(month.filtered(lambda a: a.scope == "company"))
        self.assertTrue(self._figures(month, "engineer", self.zhang.id)[0])
        self.assertTrue(self._figures(month, "team", self.team.id)[0])
        cron.method_direct_trigger()
        self.assertEqual(self._month(), month)

    def test_states_draft_reviewed_acknowledged(self):
        assessments = self._run()
        liu, figures = self._figures(assessments, "engineer", self.liu.id)
        reviewer = liu.with_user(self.hr_officer)
        self.assertTrue(reviewer.can_review)
        self.assertFalse(liu.with_user(self.liu.user_id).can_review)
        # the engineer acknowledges only what HR reviewed
        with self.assertRaises(UserError):
            liu.with_user(self.liu.user_id).action_acknowledge()
        # every missed target needs its cause first
        with self.assertRaisesRegex(UserError, "cause"):
            reviewer.action_review()
        for line in liu.missed_line_ids:
            line.with_user(self.hr_officer).cause = "Explained at the meeting."
        reviewer.action_review()
        self.assertEqual((liu.state, liu.reviewed_by_id), ("reviewed", self.hr_officer))
        # not his manager, not another engineer: only Liu himself
        for user in (self.zhang.user_id, self.boss, self.chen.user_id):
            with self.assertRaises(AccessError):
                liu.with_user(user).action_acknowledge()
        engineer = liu.with_user(self.liu.user_id)
        self.assertTrue(engineer.can_acknowledge)
        engineer.action_acknowledge()
        self.assertEqual(liu.state, "acknowledged")
        self.assertEqual(liu.acknowledged_by_id, self.liu.user_id)
        # acknowledged: nothing changes any more, not even by a recompute
        with self.assertRaises(UserError):
            reviewer.hr_comment = "Too late."
        with self.assertRaises(UserError):
            figures["satisfaction"].with_user(self.hr_officer).cause = "Other."
        with self.assertRaises(UserError):
            reviewer.action_reset_draft()
        self._run()
        self.assertEqual(liu.state, "acknowledged")

    def test_the_figures_change_only_through_the_run(self):
        assessments = self._run()
        zhang, _figures = self._figures(assessments, "engineer", self.zhang.id)
        with self.assertRaises(UserError):
            zhang.with_user(self.hr_officer).write({"state": "acknowledged"})
        with self.assertRaises(UserError):
            zhang.with_user(self.hr_officer).write({"commendation_proposed": False})
        with self.assertRaises(UserError):
            self.env["aftersales.kpi.assessment"].create(
                {
                    "company_id": self.company.id,
                    "period_start": SEPTEMBER,
                    "scope": "company",
                    "scope_key": "x",
                }
            )
        # nobody reviews his own assessment
        hr_engineer = zhang.user_id
        hr_engineer.groups_id += self.env.ref("hr.group_hr_user")
        with self.assertRaises(UserError):
            zhang.with_user(hr_engineer).action_review()

    def test_compute_a_month_and_print_the_quality_report(self):
        Wizard = self.env["aftersales.kpi.month"].with_user(self.supervisor)
        wizard = Wizard.create({"month": "2026-09-17"})
        action = wizard.action_compute()
        self.assertEqual(action["res_model"], "aftersales.kpi.assessment")
        # the supervisor sees the company's and the teams', not the engineers'
        visible = self.env["aftersales.kpi.assessment"].with_user(self.supervisor)
        visible = visible.search(action["domain"])
        self.assertEqual(set(visible.mapped("scope")), {"company", "team"})
        company = visible.filtered(lambda a: a.scope == "company")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html("aftersales_kpi.report_quality_review", company.ids)
        )
        html = html.decode()
        self.assertIn("Monthly Quality Review", html)
        self.assertIn("Service Centre", html)
        self.assertNotIn("Zhang", html)  # his commendation is not the supervisor's
        report = wizard.action_print()
        self.assertEqual(report["report_name"], "aftersales_kpi.report_quality_review")
        # a reviewer's report names the commended engineer and the causes
        html = (
            self.env["ir.actions.report"]
            .with_user(self.reviewer)
            ._render_qweb_html("aftersales_kpi.report_quality_review", company.ids)[0]
            .decode()
        )
        self.assertIn("Zhang", html)
        self.assertIn("Customer Satisfaction", html)

    def test_the_quality_report_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["aftersales_kpi"], ["zh_CN"])
        company = self._figures(self._run(), "company")[0]
        self.reviewer.lang = "zh_CN"
        html = (
            self.env["ir.actions.report"]
            .with_user(self.reviewer)
            ._render_qweb_html("aftersales_kpi.report_quality_review", company.ids)[0]
            .decode()
        )
        self.assertIn("月度质量评估", html)
        self.assertIn("客户满意度", html)
        self.assertNotIn("Monthly Quality Review", html)

    def test_the_quality_report_prints_the_failure_rate_per_product(self):
        product = self.t1.product_id
        for serial in ("AC-T-FR-1", "AC-T-FR-2", "AC-T-FR-3", "AC-T-FR-4"):
            lot = self.env["stock.lot"].create(
                {"name": serial, "product_id": product.id}
            )
            self.env["aftersales.warranty.registration"].create(
                {
                    "partner_id": self.customer.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "purchase_date": date(2026, 3, 1),
                    "proof_reference": "INV-T-FR",
                }
            )
        company = self._figures(self._run(), "company")[0]
        row = next(r for r in company._aftersales_failure_rates() if r[0] == product)
        self.assertTrue(row[1])
        self.assertGreaterEqual(row[2], 4)
        self.assertIsNotNone(row[3])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.reviewer)
            ._render_qweb_html("aftersales_kpi.report_quality_review", company.ids)[0]
            .decode()
        )
        self.assertIn("%.2f" % row[3], html)
        # the reviewer reads the product's name with his own rights
        self.assertIn(product.name, html)

    def test_the_employee_form_shows_his_assessments(self):
        assessment = self._figures(self._run(), "engineer", self.zhang.id)[0]
        employee = self.zhang.employee_id
        public = self.env["hr.employee.public"].browse(employee.id)
        for user, count in (
            (self.zhang.user_id, 1),
            (self.boss, 1),
            (self.chen.user_id, 0),
            (self.hr_officer, 1),
        ):
            self.assertEqual(
                public.with_user(user).aftersales_assessment_count, count, user.login
            )
        hr_view = employee.with_user(self.hr_officer)
        self.assertEqual(hr_view.aftersales_assessment_ids, assessment)
        action = hr_view.action_view_aftersales_assessments()
        self.assertEqual(
            self.env["aftersales.kpi.assessment"].search(action["domain"]), assessment
        )
        for model, view in (
            ("hr.employee", "hr.view_employee_form"),
            ("hr.employee.public", "hr.hr_employee_public_view_form"),
        ):
            arch = (
                self.env[model]
                .with_user(self.hr_officer)
                .get_view(self.env.ref(view).id)["arch"]
            )
            self.assertIn("action_view_aftersales_assessments", arch)
