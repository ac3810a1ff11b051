# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..rules import dispatch as dispatch_rules

_lt = LazyTranslate(__name__)

#: the text of every reason code of the dispatch ranking (rules/dispatch.py),
#: in the order the rules decide
REASON_MESSAGES = {
    # certification: a filter
    "certified": _lt("valid certification for %(category)s"),
    "not_certified": _lt(
        "NO valid certification for %(category)s: cannot be sent to this job"
    ),
    "no_certification_needed": _lt("no product category: no certification needed"),
    # skill: a filter too (a manager may override it), before zone, workload
    # and seniority
    "skill_fits": _lt("skill fits the fault and product (%(level)s)"),
    "no_skill": _lt(
        "NO skill for this fault and product: cannot be sent unless an "
        "after-sales manager decides so, with a reason; after the engineers "
        "whose skills fit, whatever their zone or workload"
    ),
    # seniority, on complex jobs: before the zone
    "senior_for_complex": _lt(
        "senior: on a complex job before every junior, even a nearer one"
    ),
    "junior_for_complex": _lt(
        "junior: on a complex job after every senior, even a farther one; "
        "can assist a senior"
    ),
    # zone: before workload
    "same_zone": _lt("same zone as the service address (%(zone)s)"),
    "other_zone": _lt("other zone (%(zone)s)"),
    "no_zone": _lt("the service address has no zone"),
    "workload": _lt("%(count)s open jobs"),
    # the rule that put the engineer after the one above him
    "after_certification": _lt(
        "after %(name)s, who holds a valid certification for the product"
    ),
    "after_skill": _lt(
        "after %(name)s, whose skills fit the fault and product (skills count "
        "before the zone)"
    ),
    "after_seniority": _lt(
        "after %(name)s, a senior: complex jobs go to seniors before the zone counts"
    ),
    "after_zone": _lt("after %(name)s, who works in the zone of the service address"),
    "after_workload": _lt("after %(name)s, who has fewer open jobs"),
    "after_name": _lt("after %(name)s: equal on every rule, in name order"),
}


class HelpdeskTicketDispatch(models.TransientModel):
    """Rank the engineers for a repair request; the dispatcher confirms one."""

    _name = "helpdesk.ticket.dispatch"
    _description = "Dispatch an Engineer"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    company_id = fields.Many2one(related="ticket_id.company_id")
    service_zone_id = fields.Many2one(related="ticket_id.service_zone_id")
    fault_type = fields.Selection(related="ticket_id.fault_type")
    product_categ_id = fields.Many2one(related="ticket_id.product_categ_id")
    is_complex = fields.Boolean(
        string="Complex Job",
        compute="_compute_is_complex",
        store=True,
        readonly=False,
        help="Complex jobs go to senior engineers first.",
    )
    candidate_ids = fields.One2many(
        "helpdesk.ticket.dispatch.candidate",
        "wizard_id",
        compute="_compute_candidate_ids",
        store=True,
        string="Candidates",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        compute="_compute_engineer_id",
        store=True,
        readonly=False,
        domain="[('company_id', '=', company_id)]",
        help="Proposed: the best eligible candidate.",
    )
    engineer_eligible = fields.Boolean(compute="_compute_engineer_eligible")
    engineer_overridable = fields.Boolean(
        compute="_compute_engineer_eligible",
        help="The chosen engineer is certified but no skill of his fits the "
        "fault and product: an after-sales manager may send him anyway, with a "
        "reason.",
    )
    skill_override_reason = fields.Text(
        string="Why Send Him Anyway",
        help="An after-sales manager may send an engineer whose skills do not fit "
        "the fault type and product category; the reason is kept on the dispatch "
        "order and in its chatter.",
    )
    assistant_id = fields.Many2one(
        "aftersales.engineer",
        domain="[('company_id', '=', company_id), ('level', '=', 'junior'), "
        "('id', '!=', engineer_id)]",
        help="A junior engineer who goes with a senior one.",
    )
    appointment_date = fields.Datetime(
        string="Appointment", help="When the engineer is expected on site."
    )
    missing_info = fields.Char(related="ticket_id.repair_missing_info")

    @api.depends("ticket_id")
    def _compute_is_complex(self):
        for wizard in self:
            wizard.is_complex = wizard.ticket_id.is_complex

    def _job(self):
        self.ensure_one()
        return self.ticket_id._aftersales_dispatch_job(is_complex=self.is_complex)

    @api.depends("ticket_id", "is_complex")
    def _compute_candidate_ids(self):
        for wizard in self:
            engineers = self.env["aftersales.engineer"].search(
                [("company_id", "=", wizard.ticket_id.company_id.id)]
            )
            ranked = dispatch_rules.rank(
                wizard._job(), engineers._as_dispatch_candidates()
            )
            wizard.candidate_ids = [Command.clear()] + [
                Command.create(
                    {
                        "engineer_id": row.candidate.id,
                        "rank": row.rank,
                        "eligible": row.eligible,
                        "certified": row.certified,
                        "same_zone": row.same_zone,
                        "skill_fit": row.skill_fit,
                        "senior": row.senior,
                        "workload": row.candidate.workload,
                        "reasons": wizard._render_reasons(row.reasons),
                    }
                )
                for row in ranked
            ]

    @api.depends("candidate_ids")
    def _compute_engineer_id(self):
        for wizard in self:
            eligible = wizard.candidate_ids.filtered("eligible").sorted("rank")
            # the dispatcher's own choice stays when the candidates are
            # computed again (on save); an ineligible one is refused by
            # action_confirm, never silently replaced by the proposal
            if wizard.engineer_id not in wizard.candidate_ids.engineer_id:
                wizard.engineer_id = eligible[:1].engineer_id

    @api.depends("engineer_id", "candidate_ids")
    def _compute_engineer_eligible(self):
        for wizard in self:
            line = wizard._chosen_line()
            wizard.engineer_eligible = line.eligible
            wizard.engineer_overridable = line.overridable

    def _chosen_line(self):
        """The candidate line of the chosen engineer (empty: not a candidate)."""
        self.ensure_one()
        return self.candidate_ids.filtered(lambda c: c.engineer_id == self.engineer_id)[
            :1
        ]

    def _reason_values(self, params):
        """The parameters of a ranking reason, ids turned into names."""
        values = dict(params)
        if "category_id" in params:
            values["category"] = (
                self.env["product.category"].browse(params["category_id"]).display_name
            )
        if "zone_id" in params:
            zone = self.env["aftersales.zone"].browse(params["zone_id"])
            values["zone"] = zone.name if zone else self.env._("none")
        if "level" in params:
            levels = dict(
                self.env["aftersales.engineer"]
                ._fields["level"]
                ._description_selection(self.env)
            )
            values["level"] = levels.get(params["level"], params["level"])
        return values

    def _render_reason(self, code, params):
        """One ranking reason in the user's language: its template, translated
        lazily (``REASON_MESSAGES``), filled with the names of its parameters."""
        template = self.env._(REASON_MESSAGES[code])
        return template % self._reason_values(params)

    def _render_reasons(self, reasons):
        """The ranking reasons (codes of the rules layer) in the user's language."""
        return "; ".join(self._render_reason(code, params) for code, params in reasons)

    def _check_eligibility(self, line):
        """Refuse an engineer who may not be sent (SPEC §4.2); return the
        values of an after-sales manager's override of a skill that does not
        fit."""
        self.ensure_one()
        if line.eligible:
            return {}
        reason = (self.skill_override_reason or "").strip()
        if not (line.overridable and reason):
            raise UserError(
                self.env._(
                    "%(name)s cannot be dispatched to this job: %(reasons)s.",
                    name=self.engineer_id.name,
                    reasons=line.reasons or self.env._("not a candidate"),
                )
            )
        self.env["res.users"]._check_aftersales_manager(
            self.env._(
                "Only an after-sales manager sends %(name)s, whose skills do not fit "
                "the fault and product, to this job.",
                name=self.engineer_id.name,
            )
        )
        return {
            "skill_override_reason": reason,
            "skill_override_user_id": self.env.uid,
        }

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        if ticket.inquiry_class != "b":
            raise UserError(
                self.env._("Only repair requests (class B) are dispatched.")
            )
        if ticket.dispatch_order_id:
            raise UserError(
                self.env._(
                    "%(ticket)s is already dispatched (%(order)s): "
                    "cancel that order first.",
                    ticket=ticket.display_name,
                    order=ticket.dispatch_order_id.name,
                )
            )
        if ticket.repair_missing_info:
            raise UserError(
                self.env._(
                    "Before an engineer is sent, the repair request needs: "
                    "%(missing)s.",
                    missing=ticket.repair_missing_info,
                )
            )
        if not self.engineer_id:
            raise UserError(self.env._("Choose the engineer to send."))
        line = self._chosen_line()
        override = self._check_eligibility(line)
        order = self.env["aftersales.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "engineer_id": self.engineer_id.id,
                "assistant_id": self.assistant_id.id,
                "appointment_date": self.appointment_date,
                "ranking_note": self.env._(
                    "Rank %(rank)s of %(count)s: %(reasons)s",
                    rank=line.rank,
                    count=len(self.candidate_ids),
                    reasons=line.reasons,
                ),
                **override,
            }
        )
        if self.is_complex != ticket.is_complex:
            ticket.is_complex = self.is_complex
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.dispatch.order",
            "res_id": order.id,
            "view_mode": "form",
        }


class HelpdeskTicketDispatchCandidate(models.TransientModel):
    _name = "helpdesk.ticket.dispatch.candidate"
    _description = "Dispatch Candidate"
    _order = "rank"

    wizard_id = fields.Many2one(
        "helpdesk.ticket.dispatch", required=True, ondelete="cascade"
    )
    engineer_id = fields.Many2one("aftersales.engineer", required=True, readonly=True)
    zone_id = fields.Many2one(related="engineer_id.zone_id")
    level = fields.Selection(related="engineer_id.level")
    rank = fields.Integer(readonly=True)
    eligible = fields.Boolean(
        readonly=True,
        help="Certified for the product and a skill that fits the fault and "
        "product: he may be sent.",
    )
    certified = fields.Boolean(
        readonly=True, help="A valid certification for the product's category."
    )
    overridable = fields.Boolean(
        compute="_compute_overridable",
        help="Certified, but no skill of his fits: an after-sales manager may "
        "send him anyway, with a reason.",
    )
    same_zone = fields.Boolean(readonly=True)
    skill_fit = fields.Boolean(string="Skill Fits", readonly=True)
    senior = fields.Boolean(readonly=True)
    workload = fields.Integer(string="Open Jobs", readonly=True)
    reasons = fields.Text(string="Why", readonly=True)

    @api.depends("certified", "skill_fit")
    def _compute_overridable(self):
        for line in self:
            line.overridable = dispatch_rules.Eligibility(
                line.certified, line.skill_fit
            ).overridable

    def action_choose(self):
        self.ensure_one()
        self.wizard_id.engineer_id = self.engineer_id
        return {
            "type": "ir.actions.act_window",
            "res_model": self.wizard_id._name,
            "res_id": self.wizard_id.id,
            "view_mode": "form",
            "target": "new",
        }
