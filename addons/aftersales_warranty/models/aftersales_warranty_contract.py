# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesWarrantyContract(models.Model):
    _name = "aftersales.warranty.contract"
    _description = "Customer Warranty Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Contract Reference", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
        help="The contract covers the units bought by this customer and its contacts.",
    )
    date_start = fields.Date(
        string="Valid From",
        required=True,
        tracking=True,
        help="Units bought from this day on are covered by the contract.",
    )
    date_end = fields.Date(
        string="Valid Until",
        tracking=True,
        help="Units bought after this day are not covered; leave empty for no end.",
    )
    line_ids = fields.One2many(
        "aftersales.warranty.contract.line", "contract_id", string="Warranty Periods"
    )
    note = fields.Html()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s ends before it starts.",
                        contract=contract.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._recompute_registrations()
        return contracts

    def write(self, vals):
        partners = self.partner_id
        result = super().write(vals)
        self._recompute_registrations(partners)
        return result

    def _recompute_registrations(self, partners=None):
        """Units of the contracts' customers follow the new terms."""
        partners = (partners or self.env["res.partner"]) | self.partner_id
        # sudo: a contract change recomputes every unit of its customer, units the
        # manager's companies or the archived filter would hide; only their warranty
        # terms are written
        registrations = (
            self.env["aftersales.warranty.registration"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "child_of", partners.ids)])
        )
        registrations._recompute_warranty_terms()

    def _covers(self, purchase_date, company):
        self.ensure_one()
        return (
            self.active
            and self.company_id == company
            and bool(purchase_date)
            and self.date_start <= purchase_date
            and (not self.date_end or purchase_date <= self.date_end)
        )

    def _line_for(self, product):
        """The contract line of ``product``, else of its nearest category."""
        self.ensure_one()
        for line in self.line_ids:
            if line.product_id == product:
                return line
        category = product.categ_id
        by_category = {line.categ_id: line for line in self.line_ids if line.categ_id}
        while category:
            if category in by_category:
                return by_category[category]
            category = category.parent_id
        return self.env["aftersales.warranty.contract.line"]
