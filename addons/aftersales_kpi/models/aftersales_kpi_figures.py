# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import kpi as kpi_rules
from .aftersales_kpi_source import KPI_TOTALS, SOURCES
from .aftersales_kpi_terms import customer_rows, kpi_terms

#: the groupings of the month's rows: the company, each team, each engineer
SCOPES = [
    [SQL("src.company_id")],
    [SQL("src.company_id"), SQL("src.team_id")],
    [SQL("src.company_id"), SQL("src.engineer_id")],
]


class AftersalesKpiFigures(models.AbstractModel):
    """The totals of the monthly quality review: the rows of the month
    (``aftersales.kpi.source``, what the KPI analysis shows) summed for the
    company, each team and each engineer at once with ``GROUPING SETS``, one
    query per source; ``rules/kpi.py`` turns the totals into figures."""

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
        # the month's rows (about 150,000 for 40,000 requests) are grouped in
        # memory rather than sorted on disk, and read through the indexes of
        # each request (the tables are in memory: an index look-up costs
        # about what reading the next row does)
        self.env.cr.execute("SET LOCAL work_mem = '64MB'")
        self.env.cr.execute("SET LOCAL random_page_cost = 1.1")
        # a month's requests are read by the server and one worker together:
        # the planner's default thresholds keep queries of this size on one
        # process (the small tables, the companies and products, are still
        # read by one: starting a worker for them costs more than it saves).
        # One worker, not two: each query takes 10 to 30 ms, and a second
        # worker's start and the rows it hands over cost more than it saves
        # (measured on 2 vCPUs, README's bench)
        self.env.cr.execute("SET LOCAL max_parallel_workers_per_gather = 1")
        for setting in (
            "parallel_setup_cost",
            "parallel_tuple_cost",
            "min_parallel_index_scan_size",
        ):
            self.env.cr.execute(SQL("SET LOCAL %s = 0", SQL(setting)))
        start, end = self._aftersales_month_range(company, month)
        now = SQL("%s::timestamp", now or fields.Datetime.now())
        Source = self.env["aftersales.kpi.source"]
        totals = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0, 0.0]))
        # each source's rows grouped on their own, with the totals their
        # columns give, then summed: the same sums as over all the rows at
        # once (a figure's customers are all in one source), without sorting
        # every row of the month together
        for code, _label in SOURCES:
            present, rows = Source._aftersales_source(
                code, now, company_id=company.id, start=start, end=end
            )
            by_customer = "customer" in present
            if by_customer:
                # the customers are counted once per scope: the rows summed
                # per customer in each scope first (a grouping of the
                # month's answers), then per scope
                rows = customer_rows("src", rows, present, SCOPES)
            terms = {
                (kpi, index): term
                for kpi, kpi_terms_ in kpi_terms(
                    "src", present=present, per_customer=by_customer
                ).items()
                for index, term in enumerate(kpi_terms_)
                if term is not None
            }
            if terms:
                self._aftersales_add_totals(totals, rows, terms, by_customer)
        return {
            key: {kpi: tuple(figures.get(kpi, (0.0, 0.0, 0.0))) for kpi in KPI_TOTALS}
            for key, figures in totals.items()
        }

    def _aftersales_add_totals(self, totals, rows, terms, by_customer):
        """Add the ``terms`` ({(kpi, 0 numerator, 1 denominator or 2 pending):
        SQL}) of ``rows`` to ``totals``, per company, team and engineer.

        Sums are made per team and engineer and rolled up here; the totals
        that count customers (each once in the company, in a team, for an
        engineer) come already summed per customer in each of the three
        (``customer_rows``), and are summed per scope."""
        names = list(terms)
        aggregates = SQL(", ").join(
            SQL("%s AS %s", terms[name], SQL.identifier(f"t{number}"))
            for number, name in enumerate(names)
        )
        # rows summed per customer come with their scope (``grouped``); the
        # others are grouped per team and engineer, rolled up below
        if by_customer:
            scope = SQL("src.grouped")
            group_by = SQL("src.grouped, src.team_id, src.engineer_id")
        else:
            scope, group_by = SQL("NULL::integer"), SQL("src.team_id, src.engineer_id")
        query = SQL(
            """
            SELECT src.team_id, src.engineer_id, %s AS grouped, %s
              FROM (%s) src
             GROUP BY %s
            """,
            scope,
            aggregates,
            rows,
            group_by,
        )
        self.env.cr.execute(query)
        # (about 2,000 rows a month for 500 engineers: tuples, and only the
        # totals that are not zero added to each scope)
        for team_id, engineer_id, grouped, *values in self.env.cr.fetchall():
            if grouped is None:
                keys = [
                    ("company", 0),
                    ("team", team_id) if team_id else None,
                    ("engineer", engineer_id) if engineer_id else None,
                ]
            else:
                keys = [self._aftersales_scope(grouped, team_id, engineer_id)]
            added = [
                (kpi, index, float(value))
                for (kpi, index), value in zip(names, values, strict=True)
                if value
            ]
            for key in filter(None, keys):
                figures = totals[key]
                for kpi, index, value in added:
                    figures[kpi][index] += value

    @staticmethod
    def _aftersales_scope(grouped, team_id, engineer_id):
        """The scope of a grouped row (``grouped``: team and engineer are
        grouped out in the company row); rows without a team or an engineer
        are left out."""
        if grouped == 3:
            return ("company", 0)
        if grouped == 1:
            return ("team", team_id) if team_id else None
        return ("engineer", engineer_id) if engineer_id else None
