# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .aftersales_penalty_rule import CONSEQUENCES

STRIKE_STATES = [
    ("open", "To Review"),
    ("reviewed", "Reviewed by HR"),
    ("withdrawn", "Withdrawn"),
]


class AftersalesPenaltyStrike(models.Model):
    """A strike flag: an engineer reached a rule's strike limit within its
    counting window (for instance three times leaving his post in a year).

    It tells HR, with the penalties that caused it; it never acts by itself. A
    flag whose penalties no longer all count (one was cancelled) is withdrawn.
    """

    _name = "aftersales.penalty.strike"
    _description = "Strike Flag"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        string="Engineer",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    rule_id = fields.Many2one(
        "aftersales.penalty.rule",
        string="Offence",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    strike_consequence = fields.Selection(
        CONSEQUENCES,
        string="Consequence",
        readonly=True,
        help="What the company's rules say happens now: HR decides.",
    )
    penalty_ids = fields.Many2many(
        "aftersales.penalty",
        "aftersales_penalty_strike_rel",
        "strike_id",
        "penalty_id",
        string="Penalties",
        readonly=True,
    )
    penalty_count = fields.Integer(compute="_compute_penalty_count")
    first_date = fields.Date(string="First Offence", readonly=True)
    date = fields.Date(
        string="Limit Reached On",
        required=True,
        readonly=True,
        index=True,
        help="The date of the offence that reached the limit.",
    )
    state = fields.Selection(
        STRIKE_STATES,
        default="open",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        group_expand=True,
    )
    hr_note = fields.Text(
        string="HR Note", tracking=True, help="What HR decided, and why."
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    reviewed_date = fields.Datetime(readonly=True)
    withdraw_reason = fields.Char(readonly=True, tracking=True)

    @api.depends("employee_id", "rule_id", "penalty_ids")
    def _compute_display_name(self):
        for strike in self:
            strike.display_name = self.env._(
                "%(engineer)s: %(offence)s ×%(count)s",
                engineer=strike.employee_id.name or "",
                offence=strike.rule_id.name or "",
                count=len(strike.penalty_ids),
            )

    @api.depends("penalty_ids")
    def _compute_penalty_count(self):
        for strike in self:
            strike.penalty_count = len(strike.penalty_ids)

    def action_mark_reviewed(self):
        """HR has looked at the flag (and noted what it decided)."""
        if not (
            self.env.su
            or self.env.user.has_group("hr.group_hr_user")
            or self.env.user.has_group("aftersales_kpi.aftersales_kpi_group_reviewer")
        ):
            raise AccessError(self.env._("Only HR and reviewers review strike flags."))
        own = self.filtered(lambda s: s.user_id == self.env.user)
        if own and not self.env.su:
            raise AccessError(self.env._("You cannot review your own strike flag."))
        open_flags = self.filtered(lambda s: s.state == "open")
        open_flags.write(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.user.id,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        # sudo: the activity may be assigned to another HR officer
        open_flags.sudo().activity_feedback(["aftersales_kpi.mail_act_strike_flag"])
        return True

    @api.readonly
    def action_view_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_kpi.aftersales_penalty_action"
        )
        action.update(domain=[("id", "in", self.penalty_ids.ids)], context={})
        return action

    def _withdraw(self, reason):
        self.write({"state": "withdrawn", "withdraw_reason": reason})
        self.activity_unlink(["aftersales_kpi.mail_act_strike_flag"])
        for strike in self:
            strike.message_post(body=reason)

    def _notify_hr(self):
        for strike in self:
            note = self.env._(
                "%(engineer)s reached the limit of %(count)s × %(offence)s within "
                "%(days)s days on %(date)s. The company's rules say: "
                "%(consequence)s. Review the penalties and decide.",
                engineer=strike.employee_id.name,
                count=len(strike.penalty_ids),
                offence=strike.rule_id.name,
                days=strike.rule_id.window_days or "∞",
                date=strike.date,
                consequence=dict(
                    self._fields["strike_consequence"]._description_selection(self.env)
                ).get(strike.strike_consequence, ""),
            )
            strike.message_post(body=note)
            for user in strike.company_id._aftersales_hr_users() - strike.user_id:
                strike.activity_schedule(
                    "aftersales_kpi.mail_act_strike_flag",
                    summary=self.env._("Strike limit reached: review the penalties"),
                    note=note,
                    user_id=user.id,
                )
