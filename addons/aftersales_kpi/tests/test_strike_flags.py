# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Strike flags: reaching a rule's strike limit within its counting window
raises a flag for HR with the penalties that caused it; cancelled and
dismissed penalties count for nothing; the flag never acts by itself."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import MONDAY_10, KpiCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestStrikeFlags(KpiCommon):
    def _flags(self, engineer, **domain):
        return self.env["aftersales.penalty.strike"].search(
            [("employee_id", "=", engineer.employee_id.id)]
            + [(k, "=", v) for k, v in domain.items()]
        )

    def test_three_times_left_post_within_a_year_raises_a_flag_for_hr(self):
        first = self._confirmed(self.chen, "left_post", "2026-01-10")
        second = self._confirmed(self.chen, "left_post", "2026-05-02")
        self.assertFalse(self._flags(self.chen))
        self.assertEqual(second.strike_progress, "2 of 3")
        third = self._confirmed(self.chen, "left_post", "2026-09-21")
        flag = self._flags(self.chen)
        self.assertEqual(len(flag), 1)
        self.assertEqual(flag.penalty_ids, first | second | third)
        self.assertEqual(flag.rule_id, self.rules["left_post"])
        self.assertEqual(flag.strike_consequence, "dismissal")
        self.assertEqual(str(flag.date), "2026-09-21")
        self.assertEqual(flag.state, "open")
        self.assertEqual(third.strike_ids, flag)
        # HR is told, with an activity
        self.assertEqual(flag.activity_ids.user_id, self.hr_officer)
        # visible on the employee
        employee = self.chen.employee_id.with_user(self.hr_officer)
        self.assertEqual(employee.aftersales_open_strike_count, 1)
        # it fires nobody: the employee and his engineer profile stay active
        self.assertTrue(self.chen.active and self.chen.employee_id.active)
        # HR reviews it
        flag.with_user(self.hr_officer).hr_note = "Final written warning."
        flag.with_user(self.hr_officer).action_mark_reviewed()
        self.assertEqual(flag.state, "reviewed")
        self.assertEqual(flag.reviewed_by_id, self.hr_officer)
        self.assertFalse(flag.activity_ids)

    def test_without_hr_contact_every_hr_officer_is_told(self):
        self.company.aftersales_hr_user_id = False
        for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
            self._confirmed(self.chen, "false_expense", day)
        flag = self._flags(self.chen)
        self.assertEqual(flag.strike_consequence, "dismissal_legal")
        self.assertIn(self.hr_officer, flag.activity_ids.user_id)

    def test_outside_the_window_no_flag(self):
        self._confirmed(self.chen, "left_post", "2025-09-01")
        self._confirmed(self.chen, "left_post", "2026-05-02")
        self._confirmed(self.chen, "left_post", "2026-09-21")
        self.assertFalse(self._flags(self.chen))

    def test_a_cancelled_or_dismissed_penalty_counts_for_nothing(self):
        self._confirmed(self.chen, "left_post", "2026-09-01")
        cancelled = self._confirmed(self.chen, "left_post", "2026-09-02")
        cancelled.with_user(self.reviewer)._aftersales_cancel("He had leave.")
        dismissed = self._penalty(self.chen, "left_post", "2026-09-03")
        dismissed.with_user(self.reviewer)._aftersales_dismiss("Not him.")
        self._penalty(self.chen, "left_post", "2026-09-04")  # still a proposal
        self._confirmed(self.chen, "left_post", "2026-09-05")
        self.assertFalse(self._flags(self.chen))

    def test_cancelling_a_penalty_of_a_flag_withdraws_it(self):
        penalties = [
            self._confirmed(self.chen, "left_post", day)
            for day in ("2026-09-01", "2026-09-02", "2026-09-03")
        ]
        flag = self._flags(self.chen)
        self.assertEqual(flag.state, "open")
        penalties[1].with_user(self.reviewer)._aftersales_cancel("He had leave.")
        self.assertEqual(flag.state, "withdrawn")
        self.assertTrue(flag.withdraw_reason)
        self.assertFalse(flag.activity_ids)
        self.assertFalse(self._flags(self.chen, state="open"))
        # a new confirmed penalty reaches the limit again: a new flag
        self._confirmed(self.chen, "left_post", "2026-09-04")
        self.assertEqual(len(self._flags(self.chen, state="open")), 1)

    def test_rules_without_limit_and_other_engineers_raise_nothing(self):
        for day in ("2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04"):
            self._confirmed(self.chen, "late_arrival", day)
        self._confirmed(self.zhang, "left_post", "2026-09-05")
        self._confirmed(self.liu, "left_post", "2026-09-06")
        engineers = (self.chen | self.zhang | self.liu).employee_id
        self.assertFalse(
            self.env["aftersales.penalty.strike"].search(
                [("employee_id", "in", engineers.ids)]
            )
        )

    def test_only_hr_and_reviewers_review_a_flag(self):
        for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
            self._confirmed(self.liu, "left_post", day)
        flag = self._flags(self.liu)
        # his manager (Zhang) sees the flag but does not review it
        self.assertEqual(flag.with_user(self.zhang.user_id).rule_id, flag.rule_id)
        with self.assertRaises(AccessError):
            flag.with_user(self.zhang.user_id).action_mark_reviewed()
        with self.assertRaises(AccessError):
            flag.with_user(self.liu.user_id).write({"hr_note": "Fine by me"})
        flag.with_user(self.reviewer).action_mark_reviewed()
        self.assertEqual(flag.state, "reviewed")
