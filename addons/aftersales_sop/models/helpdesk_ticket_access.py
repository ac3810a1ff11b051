# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """Access follows the job (SPEC §1): an engineer sees his own jobs, the
    requests on which he holds a dispatch order, as engineer or assistant, that
    was not cancelled (a done order stays his: it is his history).

    ``aftersales_job_user_ids`` is the one definition of "his jobs": the
    record rules of the request, its dispatch orders, visits, clocks and parts
    read it, and a global rule keeps the helpdesk's own rules (followers, team
    tickets, personal tickets) from showing an engineer more than his jobs.
    """

    _inherit = "helpdesk.ticket"

    aftersales_job_user_ids = fields.Many2many(
        "res.users",
        "helpdesk_ticket_aftersales_job_user_rel",
        "ticket_id",
        "user_id",
        string="Engineers on the Job",
        compute="_compute_aftersales_job_user_ids",
        store=True,
        help="The users who hold a dispatch order of the request that was not "
        "cancelled, as engineer or assistant: an engineer reads the request, its "
        "visits, clocks and parts while he is one of them.",
    )

    @api.depends(
        "dispatch_order_ids.state",
        "dispatch_order_ids.engineer_user_id",
        "dispatch_order_ids.assistant_user_id",
    )
    def _compute_aftersales_job_user_ids(self):
        for ticket in self:
            orders = ticket.dispatch_order_ids.filtered(lambda o: o.state != "cancel")
            ticket.aftersales_job_user_ids = (
                orders.engineer_user_id | orders.assistant_user_id
            )
