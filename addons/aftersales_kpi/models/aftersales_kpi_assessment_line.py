# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import kpi as kpi_rules
from .aftersales_kpi_target import BETTER_SELECTION, KPI_SELECTION

#: how a figure reads, by unit
SUFFIX = {kpi_rules.PERCENT: " %", kpi_rules.HOURS: " h"}


class AftersalesKpiAssessmentLine(models.Model):
    """One figure of a monthly assessment, its totals, its target and, when
    the target was missed, the cause HR notes for the review meeting."""

    _name = "aftersales.kpi.assessment.line"
    _description = "Assessment Figure"
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        "aftersales.kpi.assessment", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)
    state = fields.Selection(related="assessment_id.state")
    sequence = fields.Integer(default=10)
    kpi = fields.Selection(KPI_SELECTION, string="Figure", required=True, readonly=True)
    has_value = fields.Boolean(
        string="Measured",
        readonly=True,
        help="Something was measured this month (a rate needs decided cases, a "
        "satisfaction needs answers, a cost needs completed repairs). Without "
        'it the figure reads "no data": it is not 0 and misses no target.',
    )
    value = fields.Float(
        readonly=True,
        digits=(16, 2),
        help="Empty when there was nothing to measure.",
    )
    numerator = fields.Float(
        readonly=True,
        digits=(16, 2),
        help="What is counted: the consultations answered in time, the sum "
        "of the customers' scores, the hours, the amount ...",
    )
    denominator = fields.Float(
        readonly=True,
        digits=(16, 2),
        help="What it is counted against: all consultations, the customers who "
        "scored, the cases ... (none for amounts and counts).",
    )
    pending = fields.Integer(
        readonly=True,
        help="Items not decided yet, in neither the numerator nor the "
        "denominator: still open and within their limit (a repair request "
        "within its 30 days, a complaint under investigation with no limit "
        "passed, an engineer on his way...). They count once decided; the "
        "daily run refreshes the figures until HR reviews the assessment.",
    )
    value_display = fields.Char(string="Result", compute="_compute_value_display")
    has_target = fields.Boolean(readonly=True)
    target = fields.Float(string="Target Value", readonly=True, digits=(16, 2))
    better = fields.Selection(BETTER_SELECTION, string="Must Be", readonly=True)
    target_display = fields.Char(string="Target", compute="_compute_value_display")
    missed = fields.Boolean(string="Target Missed", readonly=True, index=True)
    cause = fields.Text(
        help="Why the target was missed, for the monthly review meeting: kept "
        "when the figures are computed again."
    )

    _sql_constraints = [
        (
            "kpi_uniq",
            "unique(assessment_id, kpi)",
            "A figure appears once in an assessment.",
        ),
    ]

    @api.depends("value", "has_value", "target", "has_target", "kpi", "better")
    def _compute_value_display(self):
        for line in self:
            unit = kpi_rules.KPI_BY_CODE[line.kpi].unit if line.kpi else None
            suffix = SUFFIX.get(unit, "")
            line.value_display = (
                f"{line.value:.2f}{suffix}" if line.has_value else self.env._("no data")
            )
            line.target_display = (
                f"{line.better} {line.target:g}{suffix}" if line.has_target else ""
            )

    def write(self, vals):
        if "cause" in vals and not self.env.context.get("aftersales_kpi_run"):
            self.assessment_id._aftersales_check_reviewer()
            self.assessment_id._aftersales_check_not_acknowledged()
        return super().write(vals)
