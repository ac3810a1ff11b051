# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Hours",
        default=lambda self: self.env.company.resource_calendar_id,
        check_company=True,
        help="Working time of the team: service clocks measured in working hours "
        "or working days run only during these hours, and skip its public holidays.",
    )

    dispatcher_id = fields.Many2one(
        comodel_name="res.users",
        check_company=True,
        domain="[('share', '=', False)]",
        help="Reviews the team's repair requests and dispatches engineers; told when "
        "a service clock runs out (the team leader when empty).",
    )

    def _get_working_calendar(self):
        """The team's calendar, else its company's, else the current company's."""
        self.ensure_one()
        return (
            self.resource_calendar_id
            or self.company_id.resource_calendar_id
            or self.env.company.resource_calendar_id
        )
