# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the aftersales_kpi tests: data only, no test methods."""

from odoo.tests import new_test_user

from odoo.addons.aftersales_sop.tests.common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing
REVIEWER = "aftersales_kpi.aftersales_kpi_group_reviewer"


class KpiCommon(AftersalesSopCommon):
    """The Shanghai service centre, with its HR officer, an assessment
    reviewer, and an employee hierarchy: Wang manages Zhang, who manages Liu;
    Zhou manages an office clerk and none of the engineers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = new_test_user(cls.env, login="kpi_reviewer", groups=REVIEWER)
        cls.hr_officer = new_test_user(
            cls.env, login="kpi_hr", name="HR Officer", groups="hr.group_hr_user"
        )
        cls.company.aftersales_hr_user_id = cls.hr_officer
        employees = cls.env["hr.employee"]
        cls.boss = new_test_user(cls.env, login="kpi_boss", name="Wang (manager)")
        cls.boss_employee = employees.create(
            {"name": "Wang (manager)", "user_id": cls.boss.id}
        )
        cls.zhang.employee_id.parent_id = cls.boss_employee
        cls.liu.employee_id.parent_id = cls.zhang.employee_id
        cls.other_boss = new_test_user(
            cls.env, login="kpi_other_boss", name="Zhou (manager)"
        )
        cls.other_boss_employee = employees.create(
            {"name": "Zhou (manager)", "user_id": cls.other_boss.id}
        )
        cls.clerk_employee = employees.create(
            {"name": "Office clerk", "parent_id": cls.other_boss_employee.id}
        )
        cls.rules = {
            rule.code: rule
            for rule in cls.env["aftersales.penalty.rule"].search(
                [("company_id", "=", False)]
            )
        }

    @classmethod
    def _penalty(cls, engineer, code, day, **vals):
        """A penalty filed by hand by the reviewer, still a proposal."""
        return (
            cls.env["aftersales.penalty"]
            .with_user(cls.reviewer)
            .create(
                {
                    "employee_id": engineer.employee_id.id,
                    "rule_id": cls.rules[code].id,
                    "date": day,
                    **vals,
                }
            )
        )

    @classmethod
    def _confirmed(cls, engineer, code, day, **vals):
        penalty = cls._penalty(engineer, code, day, **vals)
        penalty._aftersales_confirm(serious_impact=True)
        return penalty

    def _dispatch(self, ticket, engineer, **vals):
        return self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": engineer.id, **vals}
        )


class PenaltyAccessCommon(KpiCommon):
    """Three confirmed left_post of Liu with their strike flag, and a
    proposal for Zhang."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three left_post of Liu: confirmed penalties and a strike flag
        cls.penalties = cls.env["aftersales.penalty"]
        for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
            cls.penalties |= cls._confirmed(cls.liu, "left_post", day)
        cls.flag = cls.penalties.strike_ids
        cls.zhang_penalty = cls._penalty(cls.zhang, "late_arrival", "2026-09-04")
