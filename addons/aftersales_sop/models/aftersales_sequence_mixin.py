# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesSequenceMixin(models.AbstractModel):
    """A reference (``name``) taken from the company's ``ir.sequence`` on create.

    Models set ``_aftersales_sequence_code``; those whose company comes from
    another record override ``_aftersales_sequence_company``.
    """

    _name = "aftersales.sequence.mixin"
    _description = "After-sales Reference from a Sequence"
    _aftersales_sequence_code = None

    name = fields.Char(
        string="Reference", default="/", copy=False, readonly=True, index="trigram"
    )

    @api.model
    def _aftersales_sequence_company(self, vals):
        return (
            self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        )

    @api.model_create_multi
    def create(self, vals_list):
        sequences = {}
        for vals in vals_list:
            if vals.get("name", "/") != "/":
                continue
            company = self._aftersales_sequence_company(vals)
            if company not in sequences:
                # one look-up per company: imports create thousands at once
                # sudo: portal customers (a unit's registration) cannot read
                # ir.sequence; only this model's sequence is looked up
                sequences[company] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .search(
                        [
                            ("code", "=", self._aftersales_sequence_code),
                            ("company_id", "in", [company.id, False]),
                        ],
                        order="company_id",
                        limit=1,
                    )
                )
            sequence = sequences[company]
            vals["name"] = sequence._next() if sequence else "/"
        return super().create(vals_list)
