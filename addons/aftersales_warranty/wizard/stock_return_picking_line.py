# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockReturnPickingLine(models.TransientModel):
    _inherit = "stock.return.picking.line"

    def _prepare_move_default_values(self, new_picking):
        """A spare part issued to an engineer and returned with Odoo's Return
        button comes back for its request: the parts line counts it."""
        values = super()._prepare_move_default_values(new_picking)
        origin = self.move_id
        if origin.aftersales_part_line_id and origin.aftersales_part_move == "issue":
            values.update(
                aftersales_part_line_id=origin.aftersales_part_line_id.id,
                aftersales_part_move="return",
            )
        return values
