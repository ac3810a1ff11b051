# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import SQL

from ..models.aftersales_kpi_source import KPI_TOTALS
from ..models.aftersales_kpi_terms import kpi_terms, kpi_value
from ..rules import kpi as kpi_rules
from .aftersales_kpi_analysis_mixin import PENDING_SUFFIX, period_of


class AftersalesKpiMeasureMixin(models.AbstractModel):
    """An analysis whose measures named after a figure (``response_compliance``,
    ``satisfaction``...) or its pending count (``<figure>_pending``) are summed
    with the figure's own formula, whatever the grouping."""

    _name = "aftersales.kpi.measure.mixin"
    _description = "KPI Measures of an Analysis"

    @api.model
    def _aftersales_measure(self, fname):
        """The SQL of measure ``fname`` over the grouped rows, or None."""
        if fname in kpi_rules.KPI_BY_CODE:
            # a float for the web client (numeric would reach it as text)
            return SQL("(%s)::float8", kpi_value(fname, self._table))
        code = fname.removesuffix(PENDING_SUFFIX)
        if fname.endswith(PENDING_SUFFIX) and code in KPI_TOTALS:
            pending = kpi_terms(self._table)[code][2]
            return SQL("COALESCE(%s, 0)", pending) if pending is not None else None
        return None

    @api.model
    def _aftersales_kpi_view(self, rows):
        """The view of ``rows`` (of ``aftersales.kpi.source``): each row with
        its month and, for each figure the model shows, its value on the row
        alone (what a list would read; the pivot sums the row's totals)."""
        select = [SQL("r.*"), SQL("%s AS period", period_of(SQL("r.date")))]
        for code in kpi_rules.KPI_BY_CODE:
            if code in self._fields:
                select.append(
                    SQL(
                        "%s AS %s",
                        kpi_value(code, "r", per_row=True),
                        SQL.identifier(code),
                    )
                )
            pending = kpi_terms("r", per_row=True)[code][2]
            if pending is not None and code + PENDING_SUFFIX in self._fields:
                select.append(
                    SQL("%s AS %s", pending, SQL.identifier(code + PENDING_SUFFIX))
                )
        return SQL(
            """
            SELECT %s
              FROM (%s) r
              JOIN res_company c ON c.id = r.company_id
              LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
            """,
            SQL(", ").join(select),
            rows,
        )

    def _read_group_select(self, aggregate_spec, query):
        fname = aggregate_spec.split(":")[0]
        measure = fname in self._fields and self._aftersales_measure(fname)
        if measure is None or measure is False:
            return super()._read_group_select(aggregate_spec, query)
        # the field's own checks (access, groups) first
        super()._read_group_select(f"{fname}:sum", query)
        return measure
