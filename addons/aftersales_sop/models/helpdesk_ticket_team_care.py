# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    """Who takes a team's complaints and follow-up calls."""

    _inherit = "helpdesk.ticket.team"

    complaint_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Complaint Handler",
        check_company=True,
        domain="[('share', '=', False)]",
        help="Takes the team's new complaints (a member of the Complaint Handler "
        "role). Without one, complaints wait for a handler to take them.",
    )
    complaint_supervisor_id = fields.Many2one(
        comodel_name="res.users",
        check_company=True,
        domain="[('share', '=', False)]",
        help="The after-sales supervisor or manager who approves the solutions of "
        "the team's complaints.",
    )
    followup_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Customer Relations",
        check_company=True,
        domain="[('share', '=', False)]",
        help="The customer relations specialist who makes the follow-up calls of "
        "the team's completed repairs.",
    )
