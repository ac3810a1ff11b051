# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

HR_GROUP = "hr.group_hr_user"


class HrEmployee(models.Model):
    """The HR tabs of the private employee form."""

    _inherit = "hr.employee"

    aftersales_penalty_ids = fields.One2many(
        "aftersales.penalty", "employee_id", string="Penalties", groups=HR_GROUP
    )
    aftersales_strike_ids = fields.One2many(
        "aftersales.penalty.strike",
        "employee_id",
        string="Strike Flags",
        groups=HR_GROUP,
    )
    aftersales_certification_ids = fields.One2many(
        "aftersales.certification",
        "employee_id",
        string="After-sales Certifications",
        groups=HR_GROUP,
    )
    aftersales_assessment_ids = fields.One2many(
        "aftersales.kpi.assessment",
        "employee_id",
        string="Monthly Assessments",
        groups=HR_GROUP,
    )
