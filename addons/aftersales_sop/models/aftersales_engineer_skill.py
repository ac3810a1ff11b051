# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..rules import dispatch as dispatch_rules
from .aftersales_engineer import FAULT_TYPES, LEVELS


class AftersalesEngineerSkill(models.Model):
    _name = "aftersales.engineer.skill"
    _description = "Engineer Skill"
    _order = "engineer_id, fault_type, product_categ_id"

    engineer_id = fields.Many2one(
        "aftersales.engineer", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="engineer_id.company_id", store=True)
    fault_type = fields.Selection(
        FAULT_TYPES, help="Leave empty when the skill covers every fault type."
    )
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Leave empty when the skill covers every product; a category covers "
        "its sub-categories.",
    )
    level = fields.Selection(LEVELS, default=dispatch_rules.JUNIOR, required=True)
