# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesVisitPart(models.Model):
    """A part the engineer used on a visit, as written on the service form: a
    product of the catalogue, never free text (a part that is not in the
    catalogue is asked from the warehouse). With the warranty addon, only an
    original spare part that fits the unit, as on the request's parts lines;
    the request's own parts lines feed the service form too (see
    ``aftersales.visit._aftersales_report_parts``).
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
        string="Part",
        required=True,
        check_company=True,
        help="The spare part, from the catalogue. A part that is not in it is "
        "asked from the warehouse (a spare part of the request).",
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
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
            part.name = part.product_id.display_name
