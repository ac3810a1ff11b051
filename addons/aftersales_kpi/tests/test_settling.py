# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pending is not failed, and assessments settle: a month read on 5 October
with open complaints and recent repair requests shows them as pending; the
daily run refreshes the drafts until HR reviews them; the report says how
many items are pending and when the figures were computed."""

from datetime import datetime, timedelta

from odoo.tests import freeze_time, tagged

from .truth_common import MONTH, NOW, SEP, KpiTruthCommon


@tagged("post_install", "-at_install")
class TestSettling(KpiTruthCommon):
    def _cron(self, when):
        """The daily scheduled action, run at ``when``."""
        with freeze_time(when):
            self.env.ref(
                "aftersales_kpi.ir_cron_monthly_assessment"
            ).method_direct_trigger()

    def _month(self, month=MONTH):
        return self.env["aftersales.kpi.assessment"].search(
            [("company_id", "=", self.company.id), ("period_start", "=", month)]
        )

    def _line(self, assessments, kpi, **subject):
        scope, res_id = next(iter(subject.items()))
        key = f"{scope}-{res_id}"
        assessment = assessments.filtered(lambda a: a.scope_key == key)
        return assessment.line_ids.filtered(lambda line: line.kpi == kpi)

    def test_open_items_are_pending_not_failed_then_the_month_settles(self):
        self._cron(NOW)
        month = self._month()
        company = month.filtered(lambda a: a.scope == "company")
        self.assertEqual(company.computed_date, NOW)
        # R3, R4 (within their 30 days) and R7: pending, not unresolved
        resolution = self._line(month, "resolution_rate", company=0)
        self.assertEqual(
            (resolution.value, resolution.numerator, resolution.denominator),
            (80.0, 4, 5),
        )
        self.assertEqual(resolution.pending, 3)
        # the complaint under investigation is pending; the one never
        # investigated is late although it is still open
        complaints = self._line(month, "complaint_timeliness", company=0)
        self.assertEqual((complaints.numerator, complaints.denominator), (1, 3))
        self.assertEqual(complaints.pending, 1)
        # Liu: only his resolved R5 counts; R3 and R4 wait
        liu = self._line(month, "resolution_rate", engineer=self.liu.id)
        self.assertEqual((liu.value, liu.pending), (100.0, 2))
        self.assertGreaterEqual(company.pending_count, 3 + 1)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_qweb_html("aftersales_kpi.report_quality_review", company.ids)[0]
            .decode()
        )
        self.assertIn("Figures as of", html)
        self.assertIn("items still pending", html)
        # HR reviews Zhang's assessment now: it keeps these figures
        zhang = month.filtered(lambda a: a.engineer_id == self.zhang)
        for line in zhang.missed_line_ids:
            line.with_user(self.hr_officer).cause = "Explained at the meeting."
        zhang.with_user(self.hr_officer).action_review()
        zhang_complaints = self._line(
            month, "complaint_timeliness", engineer=self.zhang.id
        )
        self.assertEqual(zhang_complaints.pending, 1)
        # the next days, the decided items count: R3 and R4 passed their 30
        # days unresolved, R7 too; on 2 November September is the month before
        # the previous one, still refreshed while it is a draft
        self._cron(datetime(2026, 11, 2, 2, 0))
        self.assertEqual(self._month(), month)
        self.assertEqual(company.computed_date, datetime(2026, 11, 2, 2, 0))
        self.assertEqual(
            (resolution.value, resolution.numerator, resolution.denominator),
            (50.0, 4, 8),
        )
        self.assertEqual(resolution.pending, 0)
        self.assertEqual((liu.value, liu.pending), (33.33, 0))
        # reviewed: as HR reviewed it
        self.assertEqual(zhang.state, "reviewed")
        self.assertEqual(zhang_complaints.pending, 1)
        self.assertEqual(zhang.computed_date, NOW)
        # the previous month, October, was made too
        self.assertTrue(self._month(MONTH.replace(month=10)))

    def test_a_month_is_refreshed_until_the_end_of_the_next_one(self):
        self._cron(NOW)
        company = self._month().filtered(lambda a: a.scope == "company")
        self._cron(datetime(2026, 10, 31, 2, 0))
        self.assertEqual(company.computed_date, datetime(2026, 10, 31, 2, 0))
        # on 1 December, September is two months back: its drafts stay as
        # they are (Compute Again refreshes them by hand)
        self._cron(datetime(2026, 12, 1, 2, 0))
        self.assertEqual(company.computed_date, datetime(2026, 10, 31, 2, 0))
        self.assertTrue(self._month(MONTH.replace(month=11)))

    def test_a_cancelled_order_counts_against_nobody_unless_it_was_late(self):
        wu, team = self.wu, self.other_team
        early = self._heater_request(SEP[10], 5, wu, self.customer_d, team=team)
        order = self._order(early, wu, SEP[10])
        with freeze_time(SEP[10] + timedelta(hours=1)):
            order.action_cancel()  # before its deadline: no verdict
        late = self._heater_request(SEP[11], 5, wu, self.customer_d, team=team)
        late_order = self._order(late, wu, SEP[11])
        with freeze_time(SEP[13]):
            late_order.action_cancel()  # two days late already: breached
        clocks = (order | late_order).clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(
            {c.dispatch_order_id: c.state for c in clocks},
            {order: "cancelled", late_order: "breached"},
        )
        with freeze_time(NOW):
            month = self.env["aftersales.kpi.assessment"]._aftersales_run(
                self.company, MONTH
            )
            pivot = (
                self.env["aftersales.kpi.report"]
                .with_user(self.hr_officer)
                .read_group(
                    [("period", "=", MONTH), ("engineer_id", "=", wu.id)],
                    ["onsite_punctuality", "onsite_punctuality_pending"],
                    ["engineer_id"],
                )
            )
        # R7's order past its deadline and the order cancelled late: both
        # failures; the one cancelled in time is in neither count
        line = self._line(month, "onsite_punctuality", engineer=wu.id)
        self.assertEqual((line.numerator, line.denominator, line.pending), (0, 2, 0))
        self.assertEqual(pivot[0]["onsite_punctuality"], 0.0)
        # nobody waits for an engineer on a cancelled order
        hours = self._line(month, "onsite_hours", engineer=wu.id)
        self.assertEqual(hours.pending, 1)
