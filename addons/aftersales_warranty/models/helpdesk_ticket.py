# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The warranty of a service request: the suggestion of the policy and the
recorded decision (the registered unit is found in ``helpdesk_ticket_unit.py``,
the request's documents are in ``helpdesk_ticket_documents.py``).

Any class of request can check a unit's warranty: the suggestion needs only the
product and its purchase data (or the registered unit), never the repair flow.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import warranty as rules
from .aftersales_warranty_registration import WARRANTY_STATES

#: written only by action_warranty_confirm and the override wizard
DECISION_FIELDS = frozenset(
    {
        "warranty_decision",
        "warranty_decision_user_id",
        "warranty_decision_date",
        "warranty_overridden",
        "warranty_override_reason",
    }
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # -- the warranty of the unit (SPEC §5) ----------------------------------------
    warranty_exclusion_id = fields.Many2one(
        "aftersales.warranty.exclusion",
        string="Excluded Cause",
        tracking=True,
        help="A cause of the fault that the warranty does not cover, found by "
        "the agent or the engineer.",
    )
    warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        compute="_compute_warranty_suggestion",
        store=True,
    )
    warranty_months = fields.Integer(
        string="Warranty Period (months)",
        compute="_compute_warranty_suggestion",
        store=True,
    )
    warranty_end_date = fields.Date(
        string="Covered Through",
        compute="_compute_warranty_suggestion",
        store=True,
        help="The last day the warranty covers (inclusive).",
    )
    warranty_suggestion = fields.Selection(
        WARRANTY_STATES,
        compute="_compute_warranty_suggestion",
        store=True,
        index=True,
        help="What the warranty policy says about this request, from the "
        "registered unit or the purchase data of the request, on the day the "
        "request was received.",
    )
    warranty_suggestion_note = fields.Char(
        string="Why", compute="_compute_warranty_suggestion_note"
    )
    # -- the decision ----------------------------------------------------------------
    warranty_decision = fields.Selection(
        WARRANTY_STATES,
        tracking=True,
        copy=False,
        index=True,
        help="The recorded warranty decision: it decides who pays.",
    )
    warranty_decision_user_id = fields.Many2one(
        "res.users", string="Decided By", tracking=True, copy=False
    )
    warranty_decision_date = fields.Datetime(
        string="Decided On", tracking=True, copy=False
    )
    warranty_overridden = fields.Boolean(
        string="Overridden by a Manager", tracking=True, copy=False
    )
    warranty_override_reason = fields.Text(
        string="Override Reason", tracking=True, copy=False
    )
    warranty_free = fields.Boolean(
        string="Free of Charge",
        compute="_compute_warranty_free",
        store=True,
        help="The decision is 'in warranty': parts and labour are free.",
    )
    warranty_decision_outdated = fields.Boolean(
        compute="_compute_warranty_decision_outdated",
        help="The purchase data changed since the decision: the suggestion "
        "now differs from it.",
    )
    # ---------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------

    def _warranty_day(self):
        """The day the request was received, in the service team's time zone."""
        self.ensure_one()
        tz = (
            self.team_id.resource_calendar_id.tz
            or self.company_id.resource_calendar_id.tz
            or self.env.user.tz
            or "UTC"
        )
        moment = self.request_date or fields.Datetime.now()
        return fields.Date.context_today(self.with_context(tz=tz), timestamp=moment)

    def _warranty_has_proof(self):
        self.ensure_one()
        return bool((self.proof_reference or "").strip() or self.proof_attachment_ids)

    @api.depends(
        "product_id",
        "partner_id",
        "purchase_date",
        "proof_reference",
        "proof_attachment_ids",
        "request_date",
        "company_id",
        "team_id",
        "warranty_exclusion_id",
        "warranty_registration_id.warranty_start_date",
        "warranty_registration_id.warranty_months",
        "warranty_registration_id.has_proof",
        "warranty_registration_id.policy_id",
    )
    def _compute_warranty_suggestion(self):
        without_unit = self.filtered(
            lambda t: t.product_id and not t.warranty_registration_id
        )
        keys = {
            ticket: (
                ticket.product_id,
                ticket.partner_id,
                ticket.purchase_date,
                ticket.company_id,
            )
            for ticket in without_unit
        }
        terms = self.env["aftersales.warranty.policy"]._get_terms(keys.values())
        for ticket in self:
            if not ticket.product_id:
                ticket.update(
                    {
                        "warranty_policy_id": False,
                        "warranty_months": 0,
                        "warranty_end_date": False,
                        "warranty_suggestion": False,
                    }
                )
                continue
            suggestion, policy, months, start = ticket._warranty_inputs(terms, keys)
            ticket.warranty_policy_id = policy
            ticket.warranty_months = months or 0
            ticket.warranty_end_date = (
                rules.covered_through(start, months) if start and months else False
            )
            ticket.warranty_suggestion = suggestion.state

    def _warranty_inputs(self, terms=None, keys=None):
        """``(suggestion, policy, months, start)`` of the request.

        From the registered unit when there is one (the request's own proof
        counts too), else from the purchase data of the request.
        """
        self.ensure_one()
        on = self._warranty_day()
        exclusion = self.warranty_exclusion_id.code or None
        proof = self._warranty_has_proof()
        # sudo: the suggestion is shown to everyone who sees the request
        registration = self.sudo().warranty_registration_id
        if registration:
            return (
                registration._warranty_suggestion(on, exclusion, extra_proof=proof),
                registration.policy_id.sudo(False),
                registration.warranty_months or None,
                registration.warranty_start_date,
            )
        if terms is None:
            key = (
                self.product_id,
                self.partner_id,
                self.purchase_date,
                self.company_id,
            )
            terms, keys = (
                self.env["aftersales.warranty.policy"]._get_terms([key]),
                {self: key},
            )
        found = terms[keys[self]]
        start = self.purchase_date or None
        return (
            rules.suggest(on, start, found.months, proof, exclusion),
            found.policy,
            found.months,
            start,
        )

    @api.depends_context("lang")
    @api.depends(
        "product_id",
        "warranty_suggestion",
        "warranty_end_date",
        "warranty_months",
        "warranty_policy_id",
        "warranty_exclusion_id",
        "request_date",
    )
    def _compute_warranty_suggestion_note(self):
        for ticket in self:
            ticket.warranty_suggestion_note = ticket._warranty_explain()

    def _warranty_explain(self):
        """One sentence the agent can read to the customer."""
        self.ensure_one()
        state = self.warranty_suggestion
        if not state:
            return False
        day = self._warranty_day()
        basis = (
            self.env._(
                "registered unit %(unit)s", unit=self.warranty_registration_id.name
            )
            if self.warranty_registration_id
            else self.env._("purchase data of the request")
        )
        if state == rules.NO_PROOF:
            return self.env._(
                "No valid proof of purchase (%(basis)s): the warranty cannot be "
                "established.",
                basis=basis,
            )
        if state == rules.NO_WARRANTY:
            return self._warranty_explain_no_period(basis)
        details = {
            "policy": self.warranty_policy_id.name or self.env._("contract"),
            "months": self.warranty_months,
            "end": self.warranty_end_date,
            "day": day,
            "basis": basis,
        }
        if state == rules.EXPIRED:
            return self.env._(
                "%(policy)s, %(months)s months: covered through %(end)s; the request "
                "of %(day)s is after it (%(basis)s).",
                **details,
            )
        if state == rules.EXCLUDED:
            return self.env._(
                "Inside the period (covered through %(end)s), but the cause is "
                "excluded: %(reason)s.",
                end=self.warranty_end_date,
                reason=self.warranty_exclusion_id.name,
            )
        return self.env._(
            "%(policy)s, %(months)s months: covered through %(end)s; the request "
            "of %(day)s is inside it (%(basis)s).",
            **details,
        )

    def _warranty_explain_no_period(self, basis):
        """No period applies: say why, and where an administrator sets one."""
        policy = self.warranty_policy_id
        if policy.kind == "custom":
            return self.env._(
                "%(product)s is covered by contract only (%(policy)s) and no "
                "contract of the customer covers it (%(basis)s): add the period "
                "to a warranty contract in After-sales > Warranty > Warranty "
                "Contracts.",
                product=self.product_id.display_name,
                policy=policy.name,
                basis=basis,
            )
        return self.env._(
            "%(product)s has no warranty period (%(basis)s): neither the product "
            "nor its category %(category)s has a warranty policy. Set one in "
            "After-sales > Warranty > Warranty Periods by Category, or on the "
            "product form.",
            product=self.product_id.display_name,
            category=self.product_id.categ_id.display_name or "-",
            basis=basis,
        )

    @api.depends("warranty_decision")
    def _compute_warranty_free(self):
        for ticket in self:
            ticket.warranty_free = ticket.warranty_decision in rules.FREE_STATES

    @api.depends("warranty_decision", "warranty_suggestion", "warranty_overridden")
    def _compute_warranty_decision_outdated(self):
        for ticket in self:
            ticket.warranty_decision_outdated = bool(
                ticket.warranty_decision
                and not ticket.warranty_overridden
                and ticket.warranty_decision != ticket.warranty_suggestion
            )

    # ---------------------------------------------------------------------------
    # onchanges, CRUD
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._warranty_fill_from_registration()
        if any(DECISION_FIELDS & set(vals) for vals in vals_list):
            tickets._check_warranty_decision()
        return tickets

    def write(self, vals):
        decision_change = bool(DECISION_FIELDS & set(vals))
        if (
            decision_change
            and any(self.mapped("warranty_overridden"))
            and not self.env["res.users"]._is_aftersales_manager()
        ):
            raise AccessError(
                self.env._(
                    "A manager overrode the warranty decision: only an after-sales "
                    "manager can change it."
                )
            )
        result = super().write(vals)
        if decision_change:
            self._check_warranty_decision()
            # sudo: the decision decides the prices of the quotes, whoever made it
            self.sudo().repair_order_ids._update_sale_order_line_price()
        return result

    def _check_warranty_decision(self):
        """A decision that differs from the suggestion is a manager's override.

        The rule holds for every way of writing the fields, not only for the
        buttons: an agent records the suggestion, a manager overrides it with
        a reason.
        """
        is_manager = self.env["res.users"]._is_aftersales_manager()
        for ticket in self:
            decision = ticket.warranty_decision
            if not decision:
                continue
            if decision != ticket.warranty_suggestion or ticket.warranty_overridden:
                if not is_manager:
                    raise AccessError(
                        self.env._(
                            "Only an after-sales manager can record a warranty "
                            "decision other than the suggestion on %(ticket)s.",
                            ticket=ticket.display_name,
                        )
                    )
                if not (ticket.warranty_override_reason or "").strip():
                    raise ValidationError(
                        self.env._(
                            "Overriding the warranty suggestion on %(ticket)s needs "
                            "a reason.",
                            ticket=ticket.display_name,
                        )
                    )
            if decision == rules.EXCLUDED and not ticket.warranty_exclusion_id:
                raise ValidationError(
                    self.env._(
                        "An 'excluded' decision on %(ticket)s needs the excluded "
                        "cause.",
                        ticket=ticket.display_name,
                    )
                )

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_warranty_confirm(self):
        """The agent records the suggestion as the decision."""
        for ticket in self:
            if not ticket.warranty_suggestion:
                raise UserError(
                    self.env._(
                        "%(ticket)s has no warranty suggestion yet: enter the "
                        "product and its purchase data first.",
                        ticket=ticket.display_name,
                    )
                )
            ticket.write(
                {
                    "warranty_decision": ticket.warranty_suggestion,
                    "warranty_decision_user_id": self.env.user.id,
                    "warranty_decision_date": fields.Datetime.now(),
                    "warranty_overridden": False,
                    "warranty_override_reason": False,
                }
            )
        return True

    def action_warranty_override(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager can override a decision.")
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Override the Warranty Decision"),
            "res_model": "helpdesk.ticket.warranty.override",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _warranty_check_decided(self, purpose):
        for ticket in self:
            if not ticket.warranty_decision:
                raise UserError(
                    self.env._(
                        "Record the warranty decision of %(ticket)s before "
                        "%(purpose)s.",
                        ticket=ticket.display_name,
                        purpose=purpose,
                    )
                )
