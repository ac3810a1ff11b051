# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employee forms: smart buttons that count what the user may see, and
HR's after-sales tabs."""

from odoo.tests import freeze_time, tagged

from .common import MONDAY_10, PenaltyAccessCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestEmployeeForms(PenaltyAccessCommon):
    def test_the_employee_smart_buttons_count_what_the_user_sees(self):
        liu = self.liu.employee_id
        public = self.env["hr.employee.public"].browse(liu.id)
        for user, count in (
            (self.liu.user_id, 3),
            (self.boss, 3),
            (self.other_boss, 0),
            (self.chen.user_id, 0),
            (self.hr_officer, 3),
        ):
            self.assertEqual(
                public.with_user(user).aftersales_penalty_count, count, user.login
            )
        self.assertEqual(public.with_user(self.boss).aftersales_strike_count, 1)
        employee = liu.with_user(self.hr_officer)
        self.assertEqual(employee.aftersales_penalty_ids, self.penalties)
        self.assertEqual(employee.aftersales_open_strike_count, 1)
        action = employee.action_view_aftersales_penalties()
        self.assertEqual(
            self.env["aftersales.penalty"].search(action["domain"]), self.penalties
        )
        # the HR form and the public profile show the buttons
        for model, view in (
            ("hr.employee", "hr.view_employee_form"),
            ("hr.employee.public", "hr.hr_employee_public_view_form"),
        ):
            arch = (
                self.env[model]
                .with_user(self.hr_officer)
                .get_view(self.env.ref(view).id)["arch"]
            )
            self.assertIn("action_view_aftersales_penalties", arch)
