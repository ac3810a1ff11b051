# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesVisitPart(models.Model):
    """A part the engineer used on a visit, as written on the service form.

    A free line for now (a product when there is one): when the request gets
    its own parts lines, they feed the service form through
    ``aftersales.visit._aftersales_report_parts`` and these lines remain for
    what was used without one.
    """

    _name = "aftersales.visit.part"
    _description = "Part Used on a Visit"
    _order = "visit_id, sequence, id"
    _check_company_auto = True

    visit_id = fields.Many2one(
        "aftersales.visit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="The spare part, when it is a product of the catalogue.",
    )
    name = fields.Char(
        string="Part",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    serial_number = fields.Char(help="The serial number of the new part, if any.")
    consent = fields.Boolean(
        string="Customer Consented",
        help="The customer agreed to the replacement (free parts too). The "
        "engineer checks out only with every replacement consented.",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A part's quantity is positive."),
    ]

    @api.depends("product_id")
    def _compute_name(self):
        for part in self:
            if part.product_id:
                part.name = part.product_id.display_name
            elif not part.name:
                part.name = False
