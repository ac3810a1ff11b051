# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.aftersales_sop.tools.chatter import post_note

from ..rules import registration_import as import_rules
from ..rules import warranty as rules

WARRANTY_STATES = [
    (rules.IN_WARRANTY, "In Warranty"),
    (rules.EXPIRED, "Expired"),
    (rules.NO_PROOF, "No Proof of Purchase"),
    (rules.EXCLUDED, "Excluded"),
    (rules.NO_WARRANTY, "No Warranty Period"),
]
#: the states a registration can be in (an exclusion belongs to a request)
REGISTRATION_STATES = [s for s in WARRANTY_STATES if s[0] != rules.EXCLUDED]
SALES_CHANNELS = [(key, en) for key, (en, _zh) in import_rules.CHANNELS.items()]
ORIGINS = [
    ("manual", "Entered by Hand"),
    ("import", "Imported"),
    ("delivery", "Delivery"),
]


class AftersalesWarrantyRegistration(models.Model):
    _name = "aftersales.warranty.registration"
    _description = "Warranty Registration"
    _inherit = [
        "aftersales.unit.mixin",
        "aftersales.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "purchase_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = [
        "name",
        "lot_id.name",
        "partner_id.name",
        "partner_phone",
        "proof_reference",
    ]

    _aftersales_sequence_code = "aftersales.warranty.registration"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # the unit and its owner
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    # the unit, its phone and its purchase: aftersales.unit.mixin
    partner_phone = fields.Char(string="Phone")
    product_id = fields.Many2one(required=True, index=True)
    lot_id = fields.Many2one(index=True)
    purchase_date = fields.Date(required=True, index=True)
    proof_reference = fields.Char(
        string="Invoice Number",
        tracking=True,
        index="btree_not_null",
        help="Invoice or receipt number: the proof of purchase.",
    )
    proof_attachment_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_warranty_registration_proof_rel",
        "registration_id",
        "attachment_id",
        string="Proof Documents",
    )
    has_proof = fields.Boolean(
        string="Proof of Purchase",
        compute="_compute_has_proof",
        store=True,
        help="An invoice number or a proof document was given.",
    )
    sales_channel = fields.Selection(SALES_CHANNELS, tracking=True)
    origin = fields.Selection(ORIGINS, default="manual", required=True, readonly=True)
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        readonly=True,
        check_company=True,
        help="The delivery that registered this unit.",
    )
    # the warranty
    policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        compute="_compute_warranty_terms",
        store=True,
        index=True,
    )
    contract_line_id = fields.Many2one(
        "aftersales.warranty.contract.line",
        string="Contract Period",
        compute="_compute_warranty_terms",
        store=True,
    )
    contract_id = fields.Many2one(
        related="contract_line_id.contract_id", string="Contract"
    )
    warranty_months = fields.Integer(
        string="Warranty Period (months)",
        compute="_compute_warranty_months",
        store=True,
        help="0: the product has no warranty period.",
    )
    warranty_restart_date = fields.Date(
        string="Warranty Restarted On",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set when a replacement gave the unit a fresh warranty period.",
    )
    warranty_start_date = fields.Date(
        compute="_compute_warranty_dates", store=True, string="Warranty Start"
    )
    warranty_end_date = fields.Date(
        compute="_compute_warranty_dates",
        store=True,
        index=True,
        string="Covered Through",
        help="The last day the warranty covers (inclusive).",
    )
    warranty_state = fields.Selection(
        REGISTRATION_STATES,
        compute="_compute_warranty_state",
        search="_search_warranty_state",
        help="Today's state of the warranty.",
    )
    ticket_ids = fields.One2many(
        "helpdesk.ticket", "warranty_registration_id", string="Service Requests"
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    replacement_ids = fields.One2many(
        "aftersales.warranty.replacement",
        "registration_id",
        string="Replacements",
    )

    _sql_constraints = [
        (
            "product_lot_unique",
            "UNIQUE(product_id, lot_id)",
            "This serial number of this product is already registered.",
        ),
    ]

    # ---------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------

    @api.depends("name", "product_id", "lot_id")
    def _compute_display_name(self):
        for registration in self:
            unit = registration.lot_id.name or registration.product_id.display_name
            registration.display_name = (
                f"{registration.name} - {unit}" if unit else registration.name
            )

    @api.depends("proof_reference", "proof_attachment_ids")
    def _compute_has_proof(self):
        for registration in self:
            registration.has_proof = bool(
                (registration.proof_reference or "").strip()
                or registration.proof_attachment_ids
            )

    @api.depends(
        "product_id",
        "partner_id",
        "purchase_date",
        "company_id",
        "product_id.product_tmpl_id.aftersales_warranty_policy_id",
        "product_id.categ_id.aftersales_effective_policy_id",
    )
    def _compute_warranty_terms(self):
        keys = {
            registration: registration._warranty_terms_key()
            for registration in self
            if registration.product_id
        }
        terms = self.env["aftersales.warranty.policy"]._get_terms(keys.values())
        for registration in self:
            found = terms.get(keys.get(registration))
            registration.policy_id = found.policy if found else False
            registration.contract_line_id = found.contract_line if found else False

    def _warranty_terms_key(self):
        return (self.product_id, self.partner_id, self.purchase_date, self.company_id)

    @api.depends("policy_id.months", "contract_line_id.months")
    def _compute_warranty_months(self):
        terms = self.env["aftersales.warranty.policy"]
        for registration in self:
            registration.warranty_months = (
                terms._terms_months(
                    registration.policy_id, registration.contract_line_id
                )
                or 0
            )

    @api.depends("purchase_date", "warranty_restart_date", "warranty_months")
    def _compute_warranty_dates(self):
        for registration in self:
            start = registration.warranty_restart_date or registration.purchase_date
            registration.warranty_start_date = start
            registration.warranty_end_date = (
                rules.covered_through(start, registration.warranty_months)
                if start and registration.warranty_months
                else False
            )

    @api.depends_context("tz")
    @api.depends("warranty_start_date", "warranty_months", "has_proof")
    def _compute_warranty_state(self):
        today = fields.Date.context_today(self)
        for registration in self:
            registration.warranty_state = registration._warranty_suggestion(today).state

    def _warranty_suggestion(self, on, exclusion=None, extra_proof=False):
        """The rules' suggestion for a request about this unit made on ``on``."""
        self.ensure_one()
        return rules.suggest(
            on,
            self.warranty_start_date or None,
            self.warranty_months or None,
            self.has_proof or extra_proof,
            exclusion,
        )

    def _search_warranty_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(
                self.env._(
                    "Unsupported operator %(operator)s for the warranty state.",
                    operator=operator,
                )
            )
        values = {value} if operator in ("=", "!=") else set(value or ())
        today = fields.Date.context_today(self)
        domains = {
            rules.NO_PROOF: [("has_proof", "=", False)],
            rules.NO_WARRANTY: [
                ("has_proof", "=", True),
                ("warranty_end_date", "=", False),
            ],
            rules.EXPIRED: [
                ("has_proof", "=", True),
                ("warranty_end_date", "<", today),
            ],
            rules.IN_WARRANTY: [
                ("has_proof", "=", True),
                ("warranty_end_date", ">=", today),
            ],
        }
        domain = expression.OR([domains[v] for v in values if v in domains]) or [
            (0, "=", 1)
        ]
        if operator in ("!=", "not in"):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    def _compute_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("warranty_registration_id", "in", self.ids)],
                ["warranty_registration_id"],
                ["__count"],
            )
        )
        for registration in self:
            registration.ticket_count = counts.get(registration, 0)

    # ---------------------------------------------------------------------------
    # constraints and onchanges
    # ---------------------------------------------------------------------------

    @api.constrains("product_id", "lot_id")
    def _check_lot_required(self):
        for registration in self:
            product = registration.product_id
            if not registration.lot_id and product.tracking in ("serial", "lot"):
                raise ValidationError(
                    self.env._(
                        "%(product)s is tracked by serial number: register the "
                        "unit with its serial number.",
                        product=product.display_name,
                    )
                )

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._link_open_tickets()
        return registrations

    def _link_open_tickets(self):
        """Open requests about a unit registered after them now find it."""
        if not self.lot_id:
            return
        # sudo: linking is a consequence of the registration, whoever makes it
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            .search(
                [
                    ("lot_id", "in", self.lot_id.ids),
                    ("warranty_registration_id", "=", False),
                    ("closed", "=", False),
                ]
            )
        )
        units = {(r.company_id, r.product_id, r.lot_id): r for r in self}
        for ticket in tickets:
            registration = units.get(
                (ticket.company_id, ticket.product_id, ticket.lot_id)
            )
            if registration:
                ticket.warranty_registration_id = registration

    def _recompute_warranty_terms(self):
        """Resolve the policy and contract period again (after a contract change)."""
        self.modified(["purchase_date"])

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.helpdesk_ticket_action_service"
        )
        action.update(
            name=self.env._("Service Requests"),
            domain=[("warranty_registration_id", "=", self.id)],
            context={
                "default_warranty_registration_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_product_id": self.product_id.id,
                "default_lot_id": self.lot_id.id,
            },
        )
        return action

    # ---------------------------------------------------------------------------
    # replacement
    # ---------------------------------------------------------------------------

    def _move_to_unit(self, product, lot, replaced_on, rule, replacement):
        """The registration follows the unit that replaced the registered one."""
        self.ensure_one()
        if lot and lot != self.lot_id:
            other = self.with_context(active_test=False).search(
                [
                    ("product_id", "=", product.id),
                    ("lot_id", "=", lot.id),
                    ("id", "!=", self.id),
                ],
                limit=1,
            )
            if other:
                raise UserError(
                    self.env._(
                        "The replacement unit %(serial)s is already registered "
                        "(%(registration)s): ship another unit.",
                        serial=lot.name,
                        registration=other.display_name,
                    )
                )
        old_unit = self.lot_id.name or self.product_id.display_name
        start = rules.replacement_start(rule, self.warranty_start_date, replaced_on)
        self.write(
            {
                "product_id": product.id,
                "lot_id": lot.id,
                "warranty_restart_date": (
                    start if start != self.purchase_date else False
                ),
            }
        )
        post_note(
            self,
            self.env._(
                "Replaced by %(replacement)s: unit %(old)s replaced by %(new)s; "
                "covered through %(end)s.",
                replacement=replacement.name,
                old=old_unit,
                new=lot.name or product.display_name,
                end=self.warranty_end_date or "-",
            ),
        )
