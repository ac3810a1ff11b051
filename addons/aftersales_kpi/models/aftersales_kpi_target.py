# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import kpi as kpi_rules

#: the figures of the monthly quality review, as users read them: the one
#: list of ``rules/kpi.py``
KPI_SELECTION = kpi_rules.KPI_SELECTION
BETTER_SELECTION = [
    (kpi_rules.AT_LEAST, "At Least"),
    (kpi_rules.AT_MOST, "At Most"),
]


class AftersalesKpiTarget(models.Model):
    """A target of the monthly quality review: the consultation response
    compliance must be at least 95 %, the satisfaction at least 8.5, ... A
    target without a company applies to every company that has none of its
    own for that figure."""

    _name = "aftersales.kpi.target"
    _description = "Quality Review Target"
    _order = "sequence, id"

    kpi = fields.Selection(KPI_SELECTION, string="Figure", required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty for a target of every company; a company's own target "
        "for the same figure takes precedence.",
    )
    better = fields.Selection(
        BETTER_SELECTION,
        string="The Figure Must Be",
        compute="_compute_better",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="At least the target (rates, satisfaction) or at most (times, "
        "costs, penalties).",
    )
    target = fields.Float(required=True, digits=(16, 2))
    note = fields.Text(help="Why this target, or what to do when it is missed.")

    _sql_constraints = [
        (
            "kpi_company_uniq",
            "unique(kpi, company_id)",
            "A figure has one target per company.",
        ),
    ]

    @api.depends("kpi")
    def _compute_better(self):
        for target in self:
            kpi = kpi_rules.KPI_BY_CODE.get(target.kpi)
            target.better = kpi.better if kpi else kpi_rules.AT_LEAST

    @api.depends("kpi", "better", "target")
    def _compute_display_name(self):
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        for target in self:
            target.display_name = f"{labels.get(target.kpi, '')} {target.better} " + (
                f"{target.target:g}"
            )

    @api.model
    def _aftersales_targets(self, company):
        """{kpi code: (target, better)} that apply in ``company``."""
        targets = {}
        # sudo: the run reads the targets whoever starts it
        for target in self.sudo().search(
            [("company_id", "in", [company.id, False])], order="company_id desc"
        ):
            targets.setdefault(target.kpi, (target.target, target.better))
            if target.company_id:
                targets[target.kpi] = (target.target, target.better)
        return targets
