# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

EFFECTS = [("fine", "Fine"), ("claim_rejected", "Claim Rejected")]
CONSEQUENCES = [
    ("review", "HR Review"),
    ("dismissal", "Dismissal"),
    ("dismissal_legal", "Dismissal and Legal Action"),
]
MANAGER_GROUP = "aftersales_sop.aftersales_sop_group_manager"


class AftersalesPenaltyRule(models.Model):
    """An offence of the company's rules for engineers (管理考查办法): what one
    occurrence costs, and how many occurrences within a window make a strike."""

    _name = "aftersales.penalty.rule"
    _description = "Penalty Rule"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    code = fields.Char(
        required=True,
        tracking=True,
        help="How the after-sales flow names the offence (late_arrival, "
        "complaint_quarrel, ...): automatic proposals look the rule up by it.",
    )
    name = fields.Char(string="Offence", required=True, translate=True, tracking=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to apply the rule in every company; a company's own "
        "rule with the same code takes precedence.",
    )
    effect = fields.Selection(
        EFFECTS,
        default="fine",
        required=True,
        tracking=True,
        help="What one occurrence costs the engineer: a fine of the amount, or "
        "his expense claim is rejected (false or invalid receipts).",
    )
    amount = fields.Monetary(
        string="Amount per Occurrence",
        currency_field="currency_id",
        tracking=True,
        help="Proposed on each penalty of the rule; the supervisor may change it "
        "before confirming.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        tracking=True,
    )
    requires_serious_impact = fields.Boolean(
        string="Only with Serious Impact",
        tracking=True,
        help="A complaint offence: penalized only when the customer complained "
        "and the supervisor judges, when confirming, that the complaint had a "
        "serious impact.",
    )
    strike_limit = fields.Integer(
        tracking=True,
        help="Confirmed penalties of this rule within the counting window that "
        "raise a strike flag for HR. 0: no limit.",
    )
    window_days = fields.Integer(
        string="Counting Window (days)",
        default=365,
        tracking=True,
        help="Penalties count towards the strike limit when they fall within "
        "this many consecutive days. 0: they count forever.",
    )
    strike_consequence = fields.Selection(
        CONSEQUENCES,
        string="Consequence",
        default="review",
        required=True,
        tracking=True,
        help="What the company's rules say happens when the strike limit is "
        "reached. The flag tells HR; it does not act by itself.",
    )
    penalty_count = fields.Integer(compute="_compute_penalty_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A penalty rule with this code exists already.",
        ),
        ("amount_positive", "CHECK(amount >= 0)", "The amount cannot be negative."),
        (
            "limits_positive",
            "CHECK(strike_limit >= 0 AND window_days >= 0)",
            "The strike limit and the counting window cannot be negative.",
        ),
    ]

    def _compute_penalty_count(self):
        counts = dict(
            self.env["aftersales.penalty"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.penalty_count = counts.get(rule, 0)

    @api.constrains("code")
    def _check_code(self):
        for rule in self:
            if not rule.code or rule.code != rule.code.strip() or " " in rule.code:
                raise ValidationError(
                    self.env._(
                        "The code of penalty rule %(name)s is one word without "
                        "spaces, like late_arrival.",
                        name=rule.name,
                    )
                )

    @api.model
    def _find(self, code, company):
        """The active rule of ``code`` for ``company`` (its own rule first)."""
        rules = self.search(
            [("code", "=", code), ("company_id", "in", [company.id, False])]
        )
        return rules.sorted(lambda r: not r.company_id)[:1]

    @api.readonly
    def action_view_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_kpi.aftersales_penalty_action"
        )
        action.update(domain=[("rule_id", "=", self.id)], context={})
        return action
