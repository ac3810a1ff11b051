# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

LOANER_STATES = [
    ("available", "Available"),
    ("lent", "Lent"),
    ("elsewhere", "Not in the Loaner Stock"),
]


class StockLot(models.Model):
    _inherit = "stock.lot"

    aftersales_is_loaner = fields.Boolean(
        string="Loaner Unit",
        tracking=True,
        help="This unit belongs to the pool of loaner units lent to customers "
        "during a repair.",
    )
    aftersales_loan_ids = fields.One2many(
        "aftersales.warranty.loan", "lot_id", string="Loans"
    )
    aftersales_loaner_state = fields.Selection(
        LOANER_STATES,
        string="Loaner Status",
        compute="_compute_aftersales_loaner_state",
    )
    aftersales_current_loan_id = fields.Many2one(
        "aftersales.warranty.loan",
        string="Current Loan",
        compute="_compute_aftersales_loaner_state",
    )

    @api.depends(
        "aftersales_is_loaner", "quant_ids.quantity", "aftersales_loan_ids.state"
    )
    def _compute_aftersales_loaner_state(self):
        for lot in self:
            loan = lot.aftersales_loan_ids.filtered(lambda l: l.state == "out")[:1]
            lot.aftersales_current_loan_id = loan
            if not lot.aftersales_is_loaner:
                lot.aftersales_loaner_state = False
            elif loan:
                lot.aftersales_loaner_state = "lent"
            elif lot._aftersales_in_loaner_stock():
                lot.aftersales_loaner_state = "available"
            else:
                lot.aftersales_loaner_state = "elsewhere"

    def _aftersales_in_loaner_stock(self, location=None):
        """The unit sits in the loaner location (its company's by default)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        location = location or company.aftersales_loaner_location_id
        # every employee reads quants (as Odoo's own lot computes do): no sudo()
        return bool(location) and any(
            quant.quantity > 0 and quant.location_id._child_of(location)
            for quant in self.quant_ids
        )
