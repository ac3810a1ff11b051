# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesEngineer(models.Model):
    _inherit = "aftersales.engineer"

    van_location_id = fields.Many2one(
        "stock.location",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        tracking=True,
        help="The stock location of the engineer's van: spare parts issued to "
        "him go there. Without one they go to the warehouse's Parts Issued "
        "location.",
    )
    part_line_ids = fields.One2many(
        "aftersales.part.line", "engineer_id", string="Spare Parts"
    )
    part_held_count = fields.Integer(
        string="Parts Held",
        compute="_compute_part_held_count",
        help="Parts lines issued to the engineer that are not used or returned yet.",
    )

    @api.depends("part_line_ids.state")
    def _compute_part_held_count(self):
        # sudo: HR and KPI reviewers open profiles without a right on parts lines, an
        # engineer reads his jobs' only; only the count per engineer is returned
        groups = dict(
            self.env["aftersales.part.line"]
            .sudo()
            ._read_group(
                [("engineer_id", "in", self.ids), ("state", "=", "issued")],
                ["engineer_id"],
                ["__count"],
            )
        )
        for engineer in self:
            engineer.part_held_count = groups.get(engineer, 0)

    @api.constrains("van_location_id")
    def _check_van_location(self):
        for engineer in self:
            location = engineer.van_location_id
            if location and location.usage != "internal":
                raise ValidationError(
                    self.env._(
                        "The van of %(engineer)s must be an internal stock "
                        "location: %(location)s is not.",
                        engineer=engineer.name,
                        location=location.display_name,
                    )
                )

    def action_view_part_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_part_line_action"
        )
        action["domain"] = [("engineer_id", "=", self.id)]
        action["context"] = {"search_default_held": 1}
        return action
