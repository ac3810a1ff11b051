# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import kpi as kpi_rules


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_repeat_repair_days = fields.Integer(
        string="Repeat Repair Window (days)",
        default=30,
        help="A repair request for the same unit and fault type that comes within "
        "this many days of an earlier repair's completion is a repeat repair: a "
        "penalty is proposed for the engineer of the earlier repair. 0: no "
        "detection.",
    )
    aftersales_repeat_repair_rule_id = fields.Many2one(
        "aftersales.penalty.rule",
        string="Repeat Repair Rule",
        default=lambda self: self._default_aftersales_repeat_repair_rule(),
        help="The penalty rule proposed for a repeat repair: by default 'same "
        "problem repaired again because of his own fault', which the supervisor "
        "confirms only when the repeat was the engineer's fault and had a "
        "serious impact.",
    )
    aftersales_certification_reminder_days = fields.Integer(
        string="Certification Re-review Reminder (days)",
        default=30,
        help="How many days before a certification expires HR is asked to "
        "re-review it.",
    )
    aftersales_commendation_score = fields.Float(
        string="Commendation Satisfaction",
        default=kpi_rules.DEFAULT_COMMENDATION_SCORE,
        digits=(16, 2),
        help="An engineer or a team whose customer satisfaction of the month "
        "reaches this score (0-10) is proposed for commendation and reward.",
    )
    aftersales_call_window_minutes = fields.Integer(
        string="Call Log: Request Window (min)",
        default=30,
        help="An answered call of the hotline's call log is matched to the request "
        "of the same caller received from the call's start to this many minutes "
        "after its end (by the agent who answered, when the log names him).",
    )
    aftersales_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Contact for Engineers",
        domain=[("share", "=", False)],
        help="Who is told of strike flags and certifications to re-review. "
        "Empty: every HR officer of the company.",
    )

    @api.model
    def _default_aftersales_repeat_repair_rule(self):
        return self.env.ref(
            "aftersales_kpi.aftersales_penalty_rule_complaint_repeat",
            raise_if_not_found=False,
        )

    def _aftersales_hr_users(self):
        """Who HR tasks about engineers go to: the company's HR contact, or
        every HR officer of the company."""
        self.ensure_one()
        if self.aftersales_hr_user_id:
            return self.aftersales_hr_user_id
        # sudo: the task goes to HR whoever's action raised it (a customer's
        # complaint or survey on the portal, a scheduled action)
        officers = self.env.ref("hr.group_hr_user").sudo().users
        return officers.filtered(
            lambda u: u.active and not u.share and self in u.company_ids
        )
