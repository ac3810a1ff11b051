# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesWarrantyContractLine(models.Model):
    _name = "aftersales.warranty.contract.line"
    _description = "Contract Warranty Period"
    _order = "contract_id, sequence, id"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "aftersales.warranty.contract", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="The period applies to this product ...",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="... or to the products of this category and its subcategories.",
    )
    months = fields.Integer(string="Warranty Period (months)", required=True)

    _sql_constraints = [
        (
            "months_positive",
            "CHECK(months > 0)",
            "A contract warranty period is at least one month.",
        ),
    ]

    # contract_id is always given: the check also runs when neither is
    @api.constrains("contract_id", "product_id", "categ_id")
    def _check_target(self):
        for line in self:
            if bool(line.product_id) == bool(line.categ_id):
                raise ValidationError(
                    self.env._(
                        "Each line of contract %(contract)s is for a product or for a "
                        "product category: set exactly one of them.",
                        contract=line.contract_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.contract_id._recompute_registrations()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.contract_id._recompute_registrations()
        return result

    def unlink(self):
        contracts = self.contract_id
        result = super().unlink()
        contracts.exists()._recompute_registrations()
        return result
