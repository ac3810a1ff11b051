# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.chatter import post_note


class AftersalesVisitCall(models.Model):
    """The engineer's call ahead (SPEC §4.3): when he called, the arrival time
    he gave, and why he is late when he is. Calls are a log: they are made,
    not edited."""

    _name = "aftersales.visit.call"
    _description = "ETA Call"
    _order = "call_date desc, id desc"

    visit_id = fields.Many2one(
        "aftersales.visit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    call_date = fields.Datetime(
        string="Called On", required=True, readonly=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users",
        string="Called By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    eta_date = fields.Datetime(
        string="Announced Arrival",
        required=True,
        help="The arrival time the engineer gave the customer.",
    )
    delay_minutes = fields.Integer(
        string="Delay (min)",
        compute="_compute_delay_minutes",
        store=True,
        help="How much later than planned the engineer said he would arrive.",
    )
    reason = fields.Text(
        string="Reason of the Delay",
        help="Why the engineer will be late, as explained to the customer.",
    )

    @api.depends("eta_date", "visit_id")
    def _compute_delay_minutes(self):
        for call in self:
            planned = call.visit_id.planned_date
            late = (
                (call.eta_date - planned).total_seconds()
                if planned and call.eta_date
                else 0
            )
            call.delay_minutes = max(int(late // 60), 0)

    @api.constrains("delay_minutes", "reason")
    def _check_reason(self):
        for call in self:
            if call.delay_minutes > 0 and not (call.reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "You will arrive %(minutes)s minutes after the planned time: "
                        "write the reason you gave the customer.",
                        minutes=call.delay_minutes,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        calls = super().create(vals_list)
        for call in calls:
            visit = call.visit_id
            if visit.state != "planned":
                raise UserError(
                    self.env._(
                        "%(visit)s: the engineer calls ahead before he arrives.",
                        visit=visit.name,
                    )
                )
            call._aftersales_log_on_visit()
        return calls

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("A call that was made is not changed."))
        return super().write(vals)

    def _aftersales_log_on_visit(self):
        self.ensure_one()
        visit = self.visit_id
        eta = fields.Datetime.context_timestamp(self, self.eta_date)
        if self.delay_minutes:
            body = self.env._(
                "Customer called: arrival at %(eta)s, %(minutes)s minutes late. "
                "Reason: %(reason)s",
                eta=eta.strftime("%Y-%m-%d %H:%M"),
                minutes=self.delay_minutes,
                reason=self.reason,
            )
            order = visit.dispatch_order_id
            # sudo: the engineer explains the delay on the dispatcher's order
            order.sudo().delay_note = self.reason
        else:
            body = self.env._(
                "Customer called: arrival at %(eta)s.",
                eta=eta.strftime("%Y-%m-%d %H:%M"),
            )
        post_note(visit, body)
