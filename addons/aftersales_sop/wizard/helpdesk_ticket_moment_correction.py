# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.helpdesk_ticket_moments import MOMENT_REASON


class HelpdeskTicketMomentCorrection(models.TransientModel):
    """A manager corrects a recorded moment of a request, with a reason.

    The clocks that already met or breached keep their verdict unless the
    manager asks to judge them again; either way the ticket's chatter says
    what changed, why, and what became of its clocks.
    """

    _name = "helpdesk.ticket.moment.correction"
    _description = "Correct a Recorded Moment"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    moment = fields.Selection(selection="_selection_moment", required=True)
    current_value = fields.Datetime(string="Recorded", compute="_compute_current_value")
    new_value = fields.Datetime(
        string="Corrected", help="Leave empty to erase the recorded moment."
    )
    reason = fields.Text(required=True)
    rejudge = fields.Boolean(
        string="Judge Ended Clocks Again",
        help="Clocks that already met or breached keep their verdict unless you "
        "tick this: then they are judged again from the corrected moment.",
    )

    @api.model
    def _selection_moment(self):
        Ticket = self.env["helpdesk.ticket"]
        return sorted(
            (
                (name, Ticket._fields[name]._description_string(self.env))
                for name in Ticket._aftersales_moment_fields()
            ),
            key=lambda item: item[1],
        )

    @api.depends("ticket_id", "moment")
    def _compute_current_value(self):
        for wizard in self:
            wizard.current_value = (
                wizard.ticket_id[wizard.moment] if wizard.moment else False
            )

    def action_apply(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager corrects a recorded moment.")
        )
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the correction."))
        ticket = self.ticket_id
        if self.new_value == ticket[self.moment]:
            raise UserError(self.env._("The corrected moment is the recorded one."))
        before = {clock: clock.state for clock in ticket.clock_ids}
        ticket.with_context(
            **{MOMENT_REASON: reason, "aftersales_rejudge_clocks": self.rejudge}
        ).write({self.moment: self.new_value})
        ticket._aftersales_log_moment_correction(
            self.moment, self.current_value, self.new_value, reason, before
        )
        return {"type": "ir.actions.act_window_close"}
