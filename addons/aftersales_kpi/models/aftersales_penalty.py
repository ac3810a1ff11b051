# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import strikes as strike_rules

STATES = [
    ("proposed", "Proposed"),
    ("confirmed", "Confirmed"),
    ("dismissed", "Dismissed"),
    ("cancelled", "Cancelled"),
]
CONTEST_STATES = [("contested", "Contested"), ("answered", "Answered")]
ORIGINS = [
    ("manual", "Manual"),
    ("late_arrival", "Late Arrival"),
    ("repeat_repair", "Repeat Repair"),
    ("complaint", "Complaint"),
]
#: what a penalty is about: fixed once it has been decided on
FACT_FIELDS = frozenset(
    {
        "employee_id",
        "rule_id",
        "date",
        "amount",
        "currency_id",
        "company_id",
        "origin",
        "source_ref",
        "ticket_id",
        "dispatch_order_id",
        "related_ticket_id",
        "description",
        "serious_impact",
    }
)
#: written only by the decisions (confirm, dismiss, cancel, contest, answer)
DECISION_FIELDS = frozenset(
    {
        "state",
        "decided_by_id",
        "decision_date",
        "decision_note",
        "cancel_reason",
        "cancelled_by_id",
        "cancel_date",
        "contest_state",
        "contest_statement",
        "contest_date",
        "contest_answer",
    }
)
#: the models a penalty can be proposed from (those installed)
EVIDENCE_MODELS = (
    "helpdesk.ticket",
    "aftersales.dispatch.order",
    "aftersales.complaint",
    "aftersales.visit",
)


class AftersalesPenalty(models.Model):
    """A penalty of an engineer (SPEC §9): proposed automatically or by hand,
    confirmed or dismissed by the supervisor, contested by the engineer; once
    confirmed it is never deleted, only cancelled with a reason."""

    _name = "aftersales.penalty"
    _description = "Engineer Penalty"
    _inherit = ["aftersales.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "employee_id.name", "rule_id.name"]
    _aftersales_sequence_code = "aftersales.penalty"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Engineer",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        string="Engineer Profile",
        compute="_compute_engineer_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    rule_id = fields.Many2one(
        "aftersales.penalty.rule",
        string="Offence",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    rule_code = fields.Char(
        related="rule_id.code", store=True, string="Rule Code", tracking=False
    )
    effect = fields.Selection(related="rule_id.effect", tracking=False)
    requires_serious_impact = fields.Boolean(
        related="rule_id.requires_serious_impact", tracking=False
    )
    date = fields.Date(
        string="Offence Date",
        required=True,
        index=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The rule's amount; the supervisor may change it before confirming.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
    )
    # -- evidence ------------------------------------------------------------
    origin = fields.Selection(
        ORIGINS,
        default="manual",
        required=True,
        readonly=True,
        index=True,
        help="Who proposed the penalty: a person, or the detection of a late "
        "arrival, a repeat repair or an attributed complaint.",
    )
    source_ref = fields.Reference(
        selection="_selection_source_ref",
        string="Proposed From",
        readonly=True,
        index=True,
        help="The record the automatic proposal was made from: one proposal per "
        "record and offence.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        index=True,
        check_company=True,
        tracking=True,
    )
    dispatch_order_id = fields.Many2one(
        "aftersales.dispatch.order",
        index=True,
        check_company=True,
        tracking=True,
    )
    related_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Earlier Request",
        check_company=True,
        tracking=True,
        help="For a repeat repair: the earlier request whose repair did not last.",
    )
    description = fields.Text(
        string="Facts",
        tracking=True,
        help="What happened, as the proposal or the person who filed it says.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_penalty_attachment_rel",
        "penalty_id",
        "attachment_id",
        string="Evidence Files",
        help="Photos, receipts, statements, call recordings.",
    )
    serious_impact = fields.Boolean(
        tracking=True,
        help="For a complaint offence: the supervisor judged that the complaint "
        "had a serious impact. Only then is it penalized.",
    )
    # -- decisions -------------------------------------------------------------
    state = fields.Selection(
        STATES,
        default="proposed",
        required=True,
        readonly=True,
        index=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    decided_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(
        string="Decision Reason",
        readonly=True,
        copy=False,
        tracking=True,
        help="Why the supervisor confirmed or dismissed the proposal.",
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    cancelled_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    cancel_date = fields.Datetime(readonly=True, copy=False)
    contest_state = fields.Selection(
        CONTEST_STATES,
        string="Contest",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The engineer contested the penalty; the supervisor answers him.",
    )
    contest_statement = fields.Text(
        string="Engineer's Statement", readonly=True, copy=False, tracking=True
    )
    contest_date = fields.Datetime(string="Contested On", readonly=True, copy=False)
    contest_answer = fields.Text(
        string="Supervisor's Answer", readonly=True, copy=False, tracking=True
    )
    strike_ids = fields.Many2many(
        "aftersales.penalty.strike",
        "aftersales_penalty_strike_rel",
        "penalty_id",
        "strike_id",
        string="Strike Flags",
        readonly=True,
        copy=False,
    )
    strike_progress = fields.Char(
        string="Towards the Strike Limit",
        compute="_compute_strike_progress",
        help="Confirmed penalties of the engineer for this offence that count "
        "towards the next strike today, out of the rule's limit.",
    )
    is_own = fields.Boolean(compute="_compute_is_own")
    can_decide = fields.Boolean(compute="_compute_is_own")

    @api.depends("employee_id")
    def _compute_engineer_id(self):
        engineers = self.env["aftersales.engineer"].with_context(active_test=False)
        # sudo: a manager reads his team's penalties (hierarchy rule) without a right on
        # engineer profiles; only the profile link is computed
        profiles = {
            engineer.employee_id.id: engineer
            for engineer in engineers.sudo().search(
                [("employee_id", "in", self.employee_id.ids)]
            )
        }
        for penalty in self:
            penalty.engineer_id = profiles.get(
                penalty.employee_id.id, engineers.browse()
            ).id

    @api.depends("rule_id")
    def _compute_amount(self):
        for penalty in self:
            rule = penalty.rule_id
            penalty.currency_id = rule.currency_id or penalty.company_id.currency_id
            penalty.amount = rule.amount if rule.effect == "fine" else 0.0

    def _compute_strike_progress(self):
        today = fields.Date.context_today(self)
        for penalty in self:
            rule = penalty.rule_id
            if not rule.strike_limit or not penalty.employee_id:
                penalty.strike_progress = False
                continue
            counting = strike_rules.counting_now(
                penalty._strike_occurrences(penalty.employee_id, rule),
                rule.strike_limit,
                rule.window_days,
                today,
            )
            penalty.strike_progress = self.env._(
                "%(count)s of %(limit)s",
                count=len(counting),
                limit=rule.strike_limit,
            )

    @api.depends_context("uid")
    def _compute_is_own(self):
        reviewer = self._is_reviewer()
        for penalty in self:
            penalty.is_own = penalty.user_id == self.env.user
            penalty.can_decide = reviewer and not penalty.is_own

    @api.model
    def _selection_source_ref(self):
        # sudo: internal users have no right on ir.model (Settings only); only the names
        # of the evidence models are read
        models = self.env["ir.model"].sudo().search([("model", "in", EVIDENCE_MODELS)])
        return [(model.model, model.name) for model in models]

    @api.model
    def _is_reviewer(self):
        return self.env.su or self.env.user.has_group(
            "aftersales_kpi.aftersales_kpi_group_reviewer"
        )

    @api.model
    def _strike_occurrences(self, employee, rule):
        """The confirmed penalties of ``employee`` for ``rule``, as the strike
        counting sees them."""
        # sudo: the count is the same whoever looks at one of the penalties
        penalties = self.sudo().search(
            [
                ("employee_id", "=", employee.id),
                ("rule_id", "=", rule.id),
                ("state", "=", "confirmed"),
            ]
        )
        return [strike_rules.Occurrence(p.id, p.date) for p in penalties]

    # ---------------------------------------------------------------------------
    # CRUD: facts are fixed once decided, decisions go through the actions
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("aftersales_penalty_decision"):
            for vals in vals_list:
                if (
                    DECISION_FIELDS.intersection(vals) - {"state"}
                    or vals.get("state", "proposed") != "proposed"
                ):
                    raise UserError(
                        self.env._(
                            "A penalty starts as a proposal: the supervisor "
                            "confirms it afterwards."
                        )
                    )
        penalties = super().create(vals_list)
        for penalty in penalties.sudo():  # sudo: proposals come from any user
            partner = penalty.user_id.partner_id
            if partner:
                penalty.message_subscribe(partner_ids=partner.ids)
        return penalties

    def write(self, vals):
        self.check_access("write")
        if not self.env.context.get("aftersales_penalty_decision"):
            if DECISION_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "The status of a penalty changes only through Confirm, "
                        "Dismiss, Cancel and Contest."
                    )
                )
            decided = self.filtered(lambda p: p.state != "proposed")
            if decided and FACT_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "Penalty %(name)s has been decided on: its facts no longer "
                        "change. Cancel it with a reason instead.",
                        name=decided[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        decided = self.filtered(lambda p: p.state != "proposed" or p.contest_state)
        if decided:
            raise UserError(
                self.env._(
                    "Penalty %(name)s has been decided on or contested: it is "
                    "never deleted. Cancel it with a reason instead.",
                    name=decided[0].name,
                )
            )

    # ---------------------------------------------------------------------------
    # buttons
    # ---------------------------------------------------------------------------

    def _open_decision(self, decision):
        return {
            "type": "ir.actions.act_window",
            "name": dict(
                self.env["aftersales.penalty.decision"]
                ._fields["decision"]
                ._description_selection(self.env)
            )[decision],
            "res_model": "aftersales.penalty.decision",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_penalty_ids": self.ids,
                "default_decision": decision,
                "default_serious_impact": all(self.mapped("serious_impact")),
            },
        }

    def action_open_confirm(self):
        return self._open_decision("confirm")

    def action_open_dismiss(self):
        return self._open_decision("dismiss")

    def action_open_cancel(self):
        return self._open_decision("cancel")

    def action_open_answer(self):
        return self._open_decision("answer")

    def action_open_contest(self):
        return self._open_decision("contest")
