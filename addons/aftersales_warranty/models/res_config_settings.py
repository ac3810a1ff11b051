# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_replacement_warranty = fields.Selection(
        related="company_id.aftersales_replacement_warranty", readonly=False
    )
    aftersales_loan_days = fields.Integer(
        related="company_id.aftersales_loan_days", readonly=False
    )
    aftersales_register_deliveries = fields.Boolean(
        related="company_id.aftersales_register_deliveries", readonly=False
    )
    aftersales_loaner_location_id = fields.Many2one(
        related="company_id.aftersales_loaner_location_id", readonly=False
    )
    aftersales_return_location_id = fields.Many2one(
        related="company_id.aftersales_return_location_id", readonly=False
    )
    aftersales_labour_product_id = fields.Many2one(
        related="company_id.aftersales_labour_product_id", readonly=False
    )
    aftersales_travel_product_id = fields.Many2one(
        related="company_id.aftersales_travel_product_id", readonly=False
    )
