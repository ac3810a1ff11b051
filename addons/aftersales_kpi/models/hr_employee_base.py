# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrEmployeeBase(models.AbstractModel):
    """Smart buttons of the employee forms (private for HR, public for the
    others): each counts what the current user may see, so an unrelated user
    sees no button at all."""

    _inherit = "hr.employee.base"

    aftersales_penalty_count = fields.Integer(
        string="Penalty Count", compute="_compute_aftersales_counts"
    )
    aftersales_open_strike_count = fields.Integer(
        string="Strike Flags to Review", compute="_compute_aftersales_counts"
    )
    aftersales_strike_count = fields.Integer(
        string="Strike Flag Count", compute="_compute_aftersales_counts"
    )
    aftersales_certification_count = fields.Integer(
        string="Certification Count", compute="_compute_aftersales_counts"
    )
    aftersales_assessment_count = fields.Integer(
        string="Assessment Count", compute="_compute_aftersales_counts"
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_aftersales_counts(self):
        def counts(model, domain=()):
            records = self.env[model]
            if not records.has_access("read"):
                return {}
            groups = records._read_group(
                [("employee_id", "in", self.ids), *domain],
                ["employee_id"],
                ["__count"],
            )
            return {employee.id: count for employee, count in groups}

        penalties = counts("aftersales.penalty")
        strikes = counts("aftersales.penalty.strike")
        open_strikes = counts("aftersales.penalty.strike", [("state", "=", "open")])
        certifications = counts("aftersales.certification")
        assessments = counts("aftersales.kpi.assessment")
        for employee in self:
            employee.aftersales_penalty_count = penalties.get(employee.id, 0)
            employee.aftersales_strike_count = strikes.get(employee.id, 0)
            employee.aftersales_open_strike_count = open_strikes.get(employee.id, 0)
            employee.aftersales_certification_count = certifications.get(employee.id, 0)
            employee.aftersales_assessment_count = assessments.get(employee.id, 0)

    def _aftersales_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update(
            domain=[("employee_id", "=", self.id)],
            context={"search_default_employee_id": self.id},
        )
        return action

    # the smart buttons only read: the web client calls them on a read-only
    # cursor (the database replica when one is configured)
    @api.readonly
    def action_view_aftersales_penalties(self):
        return self._aftersales_action("aftersales_kpi.aftersales_penalty_action")

    @api.readonly
    def action_view_aftersales_strikes(self):
        return self._aftersales_action(
            "aftersales_kpi.aftersales_penalty_strike_action"
        )

    @api.readonly
    def action_view_aftersales_assessments(self):
        return self._aftersales_action(
            "aftersales_kpi.aftersales_kpi_assessment_action"
        )

    @api.readonly
    def action_view_aftersales_certifications(self):
        action = self._aftersales_action(
            "aftersales_sop.aftersales_certification_action"
        )
        action["context"] = {}
        return action
