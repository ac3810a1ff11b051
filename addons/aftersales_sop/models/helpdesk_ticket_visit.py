# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    """The request's visits, their signed service reports, and the
    satisfaction surveys of the customer."""

    _inherit = "helpdesk.ticket"

    visit_ids = fields.One2many("aftersales.visit", "ticket_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_survey_counts")
    survey_ids = fields.One2many(
        "aftersales.survey", "ticket_id", string="Satisfaction Surveys"
    )
    survey_count = fields.Integer(compute="_compute_visit_survey_counts")

    @api.depends("visit_ids", "survey_ids")
    def _compute_visit_survey_counts(self):
        for ticket in self:
            ticket.visit_count = len(ticket.visit_ids)
            ticket.survey_count = len(ticket.survey_ids)

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_visit_action"
        )
        action.update(domain=[("ticket_id", "=", self.id)], context={"create": False})
        return action

    def action_view_surveys(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_survey_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id},
        )
        return action

    def action_print_service_report(self):
        visits = self.visit_ids.filtered(lambda v: v.state != "cancel")
        if not visits:
            raise UserError(self.env._("There is no visit to report on."))
        return self.env.ref("aftersales_sop.action_report_service_visit").report_action(
            visits
        )

    def action_send_survey_link(self):
        """Ask the customer for his satisfaction by a link he answers without
        an account."""
        self.ensure_one()
        survey = self.survey_ids.filtered(
            lambda s: s.state == "pending" and s.method == "portal"
        )[:1] or self.env["aftersales.survey"].create(
            {"ticket_id": self.id, "method": "portal"}
        )
        survey.action_send_link()
        return True
