# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every figure of the monthly quality review, for an engineer and a team,
from the facts of September 2026 (see KpiMonthCommon)."""

from odoo.tests import freeze_time, tagged

from .common import SEP, SEPTEMBER, KpiMonthCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-10-02 02:00:00")
class TestKpiFigures(KpiMonthCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-10-02 02:00:00"):
            cls.assessments = cls.env["aftersales.kpi.assessment"]._aftersales_run(
                cls.company, cls.t1.request_date.date()
            )
        cls.zhang_a, cls.zhang_f = cls._figures(
            cls.assessments, "engineer", cls.zhang.id
        )
        cls.liu_a, cls.liu_f = cls._figures(cls.assessments, "engineer", cls.liu.id)
        cls.chen_a, cls.chen_f = cls._figures(cls.assessments, "engineer", cls.chen.id)
        cls.team_a, cls.team_f = cls._figures(cls.assessments, "team", cls.team.id)

    def _assert(self, line, value, numerator=None, denominator=None):
        self.assertTrue(line.has_value, line.kpi)
        self.assertAlmostEqual(line.value, value, places=2, msg=line.kpi)
        if numerator is not None:
            self.assertEqual(
                (line.numerator, line.denominator), (numerator, denominator), line.kpi
            )

    def test_one_assessment_per_subject(self):
        self.assertEqual(len(self.zhang_a), 1)
        self.assertEqual(len(self.team_a), 1)
        company, _figures = self._figures(self.assessments, "company")
        self.assertEqual(len(company), 1)
        self.assertEqual(self.zhang_a.period_start.isoformat(), "2026-09-01")
        self.assertEqual(self.zhang_a.employee_id, self.zhang.employee_id)
        self.assertEqual(self.zhang_a.state, "draft")

    def test_consultation_response_compliance(self):
        # Zhang: answered in 20 s and in 60 s; the August request stays out
        self._assert(self.zhang_f["response_compliance"], 50.0, 1, 2)
        self.assertTrue(self.zhang_f["response_compliance"].missed)
        self._assert(self.liu_f["response_compliance"], 100.0, 1, 1)
        self.assertFalse(self.liu_f["response_compliance"].missed)
        self._assert(self.team_f["response_compliance"], 75.0, 3, 4)

    def test_fault_resolution_rate(self):
        # a repair request counts as resolved when its resolution clock was met;
        # Zhang's second request passed its 30 days on 2 October unresolved
        self._assert(self.zhang_f["resolution_rate"], 50.0, 1, 2)
        self.assertEqual(self.zhang_f["resolution_rate"].pending, 0)
        # Chen's request of 20 September is within its 30 days: pending, in
        # neither the numerator nor the denominator
        self._assert(self.team_f["resolution_rate"], 50.0, 1, 2)
        self.assertEqual(self.team_f["resolution_rate"].pending, 1)
        self.assertFalse(self.chen_f["resolution_rate"].has_value)
        self.assertEqual(self.chen_f["resolution_rate"].pending, 1)
        # no repair request: nothing to measure
        self.assertFalse(self.liu_f["resolution_rate"].has_value)

    def test_complaint_handling_timeliness(self):
        self._assert(self.liu_f["complaint_timeliness"], 50.0, 1, 2)
        self.assertFalse(self.zhang_f["complaint_timeliness"].has_value)

    def test_customer_satisfaction_counts_each_customer_once(self):
        # customer A: 10 and 8 (9), customer B: 10 -> (9 + 10) / 2
        self._assert(self.zhang_f["satisfaction"], 9.5, 19, 2)
        self.assertEqual(self.zhang_a.satisfaction, 9.5)
        # Liu's October survey of 0 belongs to October
        self._assert(self.liu_f["satisfaction"], 7.0, 7, 1)
        # the team: A 9, B 10, C 7
        self._assert(self.team_f["satisfaction"], 26 / 3, 26, 3)

    def test_a_customer_of_two_engineers_counts_once_in_their_team(self):
        # customer A also scores Liu's consultation 6: one customer for each
        # engineer, with his answers to that engineer, and one in the team,
        # with the average of all his answers (10, 8, 6)
        self.env["aftersales.survey"].create(
            {
                "ticket_id": self.t3.id,
                "partner_id": self.customer_a.id,
                "engineer_id": self.liu.id,
                "overall_score": "6",
                "answer_date": SEP[12],
            }
        )
        totals = self.env["aftersales.kpi.figures"]._aftersales_totals(
            self.company, SEPTEMBER
        )
        satisfaction = {
            key: totals[key]["satisfaction"][:2]
            for key in (
                ("engineer", self.zhang.id),
                ("engineer", self.liu.id),
                ("team", self.team.id),
            )
        }
        self.assertEqual(
            satisfaction,
            {
                # A: 10 and 8 (9), B: 10
                ("engineer", self.zhang.id): (19.0, 2.0),
                # C: 7, A: 6
                ("engineer", self.liu.id): (13.0, 2.0),
                # A: 10, 8 and 6 (8), B: 10, C: 7
                ("team", self.team.id): (25.0, 3.0),
            },
        )

    def test_commendation_and_missed_targets(self):
        self.assertTrue(self.zhang_a.commendation_proposed)
        self.assertFalse(self.liu_a.commendation_proposed)
        self.assertFalse(self.team_a.commendation_proposed)
        self.assertTrue(self.liu_f["satisfaction"].missed)
        self.assertEqual(self.liu_f["satisfaction"].target, 8.5)
        self.assertIn(self.liu_f["satisfaction"], self.liu_a.missed_line_ids)
        self.assertFalse(self.chen_f["satisfaction"].missed)  # no answer
        # the company's threshold decides
        self.company.aftersales_commendation_score = 9.6
        self.assertFalse(
            self._figures(self._run(), "engineer", self.zhang.id)[
                0
            ].commendation_proposed
        )

    def test_average_onsite_response_and_completion_times(self):
        self._assert(self.zhang_f["onsite_hours"], 3.0, 6, 2)
        self._assert(self.zhang_f["completion_hours"], 48.0, 96, 2)

    def test_first_time_fix_rate(self):
        self._assert(self.zhang_f["first_time_fix"], 50.0, 1, 2)

    def test_repeat_repair_rate(self):
        # Chen's request repeats Zhang's first repair: it counts for Zhang
        self._assert(self.zhang_f["repeat_rate"], 50.0, 1, 2)
        self.assertFalse(self.chen_f["repeat_rate"].has_value)
        self._assert(self.team_f["repeat_rate"], 50.0, 1, 2)

    def test_service_cost(self):
        self._assert(self.zhang_f["cost_labour"], 150.0)  # 3 h of visits at 50
        self._assert(self.zhang_f["cost_parts"], 300.0)
        self._assert(self.zhang_f["cost_travel"], 0.0)
        self._assert(self.zhang_f["service_cost"], 450.0)

    def test_penalties_of_the_month(self):
        # the confirmed late arrival counts, Liu's proposal does not
        self._assert(self.zhang_f["penalty_count"], 1.0)
        self._assert(self.zhang_f["penalty_amount"], 20.0)
        self._assert(self.liu_f["penalty_count"], 0.0)
        self.late._aftersales_cancel("Traffic accident, proven.")
        figures = self._figures(self._run(), "engineer", self.zhang.id)[1]
        self._assert(figures["penalty_count"], 0.0)

    def test_targets_are_records(self):
        target = self.env.ref("aftersales_kpi.aftersales_kpi_target_satisfaction")
        target.target = 7.0
        liu = self._figures(self._run(), "engineer", self.liu.id)[1]
        self.assertFalse(liu["satisfaction"].missed)
        # a company's own target wins over the general one
        self.env["aftersales.kpi.target"].create(
            {"kpi": "satisfaction", "company_id": self.company.id, "target": 9.0}
        )
        liu = self._figures(self._run(), "engineer", self.liu.id)[1]
        self.assertTrue(liu["satisfaction"].missed)
        self.assertEqual(liu["satisfaction"].target, 9.0)

    def test_failure_rate_per_product(self):
        company, _figures = self._figures(self.assessments, "company")
        rates = {p: (r, u) for p, r, u, _rate in company._aftersales_failure_rates()}
        self.assertGreaterEqual(rates[self.product][0], 3)
