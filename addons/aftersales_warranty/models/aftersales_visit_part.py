# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The parts used written on the service form take what the request's parts
lines take (SPEC §4, §6): original spare parts that fit the unit, by the same
definition (``product_spare_part.py``). A part that is not in the catalogue is
asked from the warehouse as a parts line of the request."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .product_spare_part import SPARE_PART_DOMAIN


class AftersalesVisitPart(models.Model):
    _inherit = "aftersales.visit.part"

    unit_product_tmpl_id = fields.Many2one(
        related="visit_id.ticket_id.product_id.product_tmpl_id", string="Unit Model"
    )
    product_id = fields.Many2one(
        domain=SPARE_PART_DOMAIN,
        help="An original spare part that fits the unit. A part that is not in "
        "the catalogue is asked from the warehouse (a spare part of the request).",
    )

    @api.constrains("product_id")
    def _check_original_part(self):
        for part in self:
            problem = part.product_id._aftersales_spare_part_problem(
                part.unit_product_tmpl_id
            )
            if problem:
                raise ValidationError(problem)
