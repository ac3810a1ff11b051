# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict, namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

POLICY_KINDS = [
    ("main_unit", "Main Unit and Core Components"),
    ("accessory", "Accessories and Peripherals"),
    ("custom", "Special and Custom Products"),
]

#: what applies to one unit: the months (None: no warranty), and where they come from
WarrantyTerms = namedtuple("WarrantyTerms", "months policy contract_line")


class AftersalesWarrantyPolicy(models.Model):
    _name = "aftersales.warranty.policy"
    _description = "Warranty Policy"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the policy between companies.",
    )
    kind = fields.Selection(
        POLICY_KINDS,
        required=True,
        default="main_unit",
        tracking=True,
        help="Special and custom products are covered as their customer's "
        "contract says; without a contract line, the period of the policy "
        "applies when it has one.",
    )
    months = fields.Integer(
        string="Warranty Period (months)",
        tracking=True,
        help="Calendar months from the purchase date; the same day of the month "
        "at the end of the period is the last covered day.",
    )
    description = fields.Text(translate=True)
    categ_ids = fields.One2many(
        "product.category", "aftersales_warranty_policy_id", string="Categories"
    )
    product_tmpl_ids = fields.One2many(
        "product.template",
        "aftersales_warranty_policy_id",
        string="Products (Override)",
    )
    registration_count = fields.Integer(compute="_compute_registration_count")

    _sql_constraints = [
        (
            "months_not_negative",
            "CHECK(months >= 0)",
            "A warranty period cannot be negative.",
        ),
    ]

    def _compute_registration_count(self):
        counts = dict(
            self.env["aftersales.warranty.registration"]._read_group(
                [("policy_id", "in", self.ids)], ["policy_id"], ["__count"]
            )
        )
        for policy in self:
            policy.registration_count = counts.get(policy, 0)

    @api.constrains("kind", "months")
    def _check_months(self):
        for policy in self:
            if policy.kind != "custom" and policy.months <= 0:
                raise ValidationError(
                    self.env._(
                        "The warranty policy %(policy)s needs a period of at least "
                        "one month; only special and custom products may leave it "
                        "to their contracts.",
                        policy=policy.display_name,
                    )
                )

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_registration_action"
        )
        action.update(domain=[("policy_id", "=", self.id)], context={})
        return action

    # ---------------------------------------------------------------------------
    # which period applies to a unit
    # ---------------------------------------------------------------------------

    @api.model
    def _get_terms(self, requests):
        """``{(product, partner, purchase date, company): WarrantyTerms}``.

        The order (SPEC §5): the customer's contract (a line for the product,
        else for its nearest category), then the product's own policy, then the
        policy of its nearest category. A custom policy without a period leaves
        the unit without warranty unless a contract covers it. Contracts are
        read once for all the requests.
        """
        requests = set(requests)
        partners = self.env["res.partner"].union(
            *(partner.commercial_partner_id for _p, partner, _d, _c in requests)
        )
        lines_by_partner = defaultdict(list)
        if partners:
            # sudo: a customer's contract terms apply to whoever looks at his unit
            # (a portal customer, a warehouse user); only its lines are read
            contracts = (
                self.env["aftersales.warranty.contract"]
                .sudo()
                .search(
                    [("partner_id", "in", partners.ids)],
                    order="date_start desc, id desc",
                )
            )
            for contract in contracts:
                lines_by_partner[contract.partner_id].append(contract)
        result = {}
        for key in requests:
            product, partner, purchase_date, company = key
            line = self.env["aftersales.warranty.contract.line"]
            for contract in lines_by_partner.get(partner.commercial_partner_id, ()):
                if contract._covers(purchase_date, company):
                    line = contract._line_for(product)
                    if line:
                        break
            policy = product._aftersales_warranty_policy()
            line = line.sudo(False)
            result[key] = WarrantyTerms(self._terms_months(policy, line), policy, line)
        return result

    @api.model
    def _terms_months(self, policy, contract_line):
        """The months of a contract line, else of a policy; ``None``: no warranty."""
        if contract_line:
            return contract_line.months
        if policy and policy.months > 0:
            return policy.months
        return None
