# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import kpi as kpi_rules
from .aftersales_kpi_terms import kpi_terms

#: the groupings of the month's rows: the company, each team, each engineer
GROUPING = SQL(
    "GROUPING SETS ((src.company_id), (src.company_id, src.team_id), "
    "(src.company_id, src.engineer_id))"
)


class AftersalesKpiFigures(models.AbstractModel):
    """The totals of the monthly quality review: the rows of the month
    (``aftersales.kpi.source``, what the KPI analysis shows) summed for the
    company, each team and each engineer at once with ``GROUPING SETS``, in
    one query; ``rules/kpi.py`` turns the totals into figures."""

    _name = "aftersales.kpi.figures"
    _description = "Monthly Quality Review Figures"

    @api.model
    def _aftersales_company_tz(self, company):
        """The time zone months are counted in: the company's working hours'
        (the KPI analysis uses the same one)."""
        return company.resource_calendar_id.tz or "UTC"

    @api.model
    def _aftersales_month_range(self, company, month):
        """``(start, end)`` of the month of ``month`` in the company's time zone,
        as naive UTC datetimes (what datetime columns hold)."""
        first, following = kpi_rules.month_bounds(month)
        tz = pytz.timezone(self._aftersales_company_tz(company))

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(first), utc(following)

    @api.model
    def _aftersales_totals(self, company, month, now=None):
        """{(scope, res id): {kpi code: (numerator, denominator, pending)}} of
        the month of ``month`` in ``company`` as of ``now`` (default: now);
        scope ``company`` has res id 0."""
        self.env.flush_all()
        # these queries run once a day and cost little: compiling them
        # (PostgreSQL's JIT, for the large estimates of 1M requests) would take
        # longer than running them
        self.env.cr.execute("SET LOCAL jit = off")
        start, end = self._aftersales_month_range(company, month)
        now = now or fields.Datetime.now()
        rows = self.env["aftersales.kpi.source"]._aftersales_kpi_rows(
            SQL("%s::timestamp", now), company.id, start, end
        )
        terms = kpi_terms("src")
        select = []
        for code, (numerator, denominator, pending) in terms.items():
            for suffix, term in (("n", numerator), ("d", denominator), ("p", pending)):
                if term is not None:
                    name = SQL.identifier(f"{code}_{suffix}")
                    select.append(SQL("%s AS %s", term, name))
        self.env.cr.execute(
            SQL(
                """
                SELECT src.team_id, src.engineer_id,
                       GROUPING(src.team_id, src.engineer_id) AS grouped, %s
                  FROM (%s) src
                 GROUP BY %s
                """,
                SQL(", ").join(select),
                rows,
                GROUPING,
            )
        )
        totals = {}
        for row in self.env.cr.dictfetchall():
            key = self._aftersales_scope(row)
            if key is None:
                continue
            totals[key] = {
                code: tuple(
                    float(row.get(f"{code}_{suffix}") or 0.0) for suffix in "ndp"
                )
                for code in terms
            }
        return totals

    @staticmethod
    def _aftersales_scope(row):
        """The scope of a grouped row (team and engineer are grouped out in
        the company row); rows without a team or an engineer are left out."""
        if row["grouped"] == 3:
            return ("company", 0)
        if row["grouped"] == 1:
            return ("team", row["team_id"]) if row["team_id"] else None
        return ("engineer", row["engineer_id"]) if row["engineer_id"] else None
