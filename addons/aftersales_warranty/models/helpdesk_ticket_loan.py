# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A loaner unit out with the customer (SPEC §4: 备用机 must come back).

- The loaner is due back the configured number of days after the repair is
  completed (not after it was lent): completing the repair sets the due date
  of the loaners out and gives the request's owner the task to take them back.
- The request shows a loaner still out (a badge, a filter).
- The request is not closed while a loaner is out: a completed repair stays
  open until it comes back (then it moves to the stage of completed repairs),
  unless an after-sales manager says why it closes without it.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    loaner_out = fields.Boolean(
        compute="_compute_loaner_out",
        store=True,
        index=True,
        help="A loaner unit lent for this request is still with the customer: "
        "the request is not closed before it comes back.",
    )
    loaner_close_reason = fields.Text(
        string="Closed with a Loaner Out",
        readonly=True,
        copy=False,
        tracking=True,
        help="Why an after-sales manager let the request close while a loaner "
        "unit was still with the customer.",
    )

    @api.depends("loan_ids.state")
    def _compute_loaner_out(self):
        for ticket in self:
            ticket.loaner_out = any(loan.state == "out" for loan in ticket.loan_ids)

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["loaner_close"] = "_aftersales_close_with_loaner_out"
        return actions

    # ---------------------------------------------------------------------------
    # closing
    # ---------------------------------------------------------------------------

    def write(self, vals):
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                self._aftersales_check_no_loaner_out()
        return super().write(vals)

    def _aftersales_check_no_loaner_out(self):
        for ticket in self:
            # sudo: whoever closes the request need not read its loans
            loans = ticket.sudo().loan_ids.filtered(lambda loan: loan.state == "out")
            if loans and not ticket.closed and not ticket.loaner_close_reason:
                raise UserError(
                    self.env._(
                        "%(ticket)s cannot be closed: the loaner unit %(serial)s is "
                        "still with the customer. Take it back first, or an "
                        "after-sales manager says why the request closes without "
                        "it (Close with the Loaner Out).",
                        ticket=ticket.display_name,
                        serial=", ".join(loans.lot_id.mapped("name")),
                    )
                )

    def _aftersales_repair_done_stage(self):
        """A completed repair whose loaner is still out stays open until it
        comes back."""
        if self.loaner_out and not self.loaner_close_reason:
            return self.env["helpdesk.ticket.stage"]
        return super()._aftersales_repair_done_stage()

    def action_close_with_loaner_out(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._(
                "Only an after-sales manager closes a request with a loaner unit out."
            )
        )
        if not self.loaner_out:
            raise UserError(
                self.env._(
                    "%(ticket)s has no loaner unit out.", ticket=self.display_name
                )
            )
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "loaner_close",
            self.env._("Close with the Loaner Out"),
            self.env._("Why the request closes while the loaner unit is not back."),
        )

    def _aftersales_close_with_loaner_out(self, reason):
        self.env["res.users"]._check_aftersales_manager(
            self.env._(
                "Only an after-sales manager closes a request with a loaner unit out."
            )
        )
        for ticket in self:
            ticket.loaner_close_reason = reason
            post_note(
                ticket,
                self.env._(
                    "%(user)s lets the request close with the loaner unit out: "
                    "%(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
            )
        self.filtered(lambda t: t.repair_state == "done")._aftersales_move_to_done()
        return True

    def _aftersales_move_to_done(self):
        """A completed repair that was kept open moves to its done stage."""
        for ticket in self.filtered(lambda t: not t.closed):
            stage = ticket._aftersales_repair_done_stage()
            if stage:
                # sudo: the warehouse user who takes the loaner back closes it
                ticket.sudo().stage_id = stage

    # ---------------------------------------------------------------------------
    # the repair's completion and the loaner's return
    # ---------------------------------------------------------------------------

    def _aftersales_complete_repair(self):
        result = super()._aftersales_complete_repair()
        # sudo: the engineer who completes the repair may not read the loans
        for ticket in self.sudo().filtered(lambda t: t.repair_state == "done"):
            for loan in ticket.loan_ids.filtered(lambda loan: loan.state == "out"):
                loan._aftersales_due_after_repair()
        return result

    def _aftersales_loan_due_date(self):
        """The day a loaner of this request is due back: the configured days
        after the repair's completion (in the team's time zone), or ``False``
        while the repair goes on."""
        self.ensure_one()
        if not self.repair_done_date:
            return False
        day = fields.Date.context_today(
            self.with_context(tz=self._aftersales_loan_tz()), self.repair_done_date
        )
        return day + timedelta(days=self.company_id.aftersales_loan_days)

    def _aftersales_loan_tz(self):
        self.ensure_one()
        return (
            self.team_id.resource_calendar_id.tz
            or self.company_id.resource_calendar_id.tz
            or self.env.user.tz
            or "UTC"
        )
