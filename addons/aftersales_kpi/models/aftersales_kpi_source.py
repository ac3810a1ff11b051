# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What each figure of the monthly quality review counts, in one place.

Every figure is read from the rows of one SQL query (``_aftersales_kpi_rows``):
one row per counted item (a request, a completed repair, a repeat repair, a
complaint, a survey answer, a dispatch order, a first visit, a follow-up, a
penalty), with its company, team, engineer, product, the moment it is counted
on (``date``) and its own columns (``MEASURES``): answered in time or not,
decided or pending, hours, costs... ``KPI_TOTALS`` says which columns each
figure sums, and ``rules/kpi.py`` turns the sums into the figure.

The monthly assessment groups these rows by company, team and engineer
(``aftersales_kpi_figures.py``); the KPI analysis is the same query as an SQL
view whose pivot sums the same columns with the same formulas (as Odoo's
``sale.report`` serves every pivot from one query); the quality report prints
the assessment. A definition changed here changes all of them.

Pending: an item whose limit has not passed and that is still open counts in
neither the numerator nor the denominator, only in the pending column; open
past its limit it is a failure. ``now`` is the moment the rows are read.
"""

from odoo import api, models
from odoo.tools import SQL

#: the columns every row has besides its measures
DIMENSIONS = (
    ("res_id", "integer"),
    ("company_id", "integer"),
    ("team_id", "integer"),
    ("engineer_id", "integer"),
    ("product_id", "integer"),
    ("product_categ_id", "integer"),
    ("date", "timestamp"),
)
#: the measures of the rows (a source leaves out what it does not count)
MEASURES = (
    # consultations: answered within the company's threshold
    ("response_ok", "integer"),
    ("response_decided", "integer"),
    ("response_pending", "integer"),
    # repair requests: resolved within the Resolution clock (30 days)
    ("resolution_ok", "integer"),
    ("resolution_decided", "integer"),
    ("resolution_pending", "integer"),
    # complaints: closed with every clock met / a limit missed
    ("complaint_ok", "integer"),
    ("complaint_decided", "integer"),
    ("complaint_pending", "integer"),
    # surveys: the customer and his overall score
    ("customer", "integer"),
    ("score", "float"),
    # dispatch orders: hours to the check-in, arrival in time
    ("arrived", "integer"),
    ("arrival_hours", "float"),
    ("onsite_waiting", "integer"),
    ("onsite_ok", "integer"),
    ("onsite_decided", "integer"),
    ("onsite_pending", "integer"),
    # completed repairs: time to completion, repeats, service cost
    ("completed", "integer"),
    ("completion_time", "float"),
    ("repeats", "integer"),
    ("labour_cost", "float"),
    ("parts_cost", "float"),
    ("travel_cost", "float"),
    # first visits: fixed at the first visit
    ("first_visit", "integer"),
    ("fixed", "integer"),
    # follow-ups: called within their clock
    ("followup_ok", "integer"),
    ("followup_decided", "integer"),
    ("followup_pending", "integer"),
    # penalties: confirmed ones count; the others are shown apart
    ("penalties", "integer"),
    ("penalty_total", "float"),
    ("penalty_other_amount", "float"),
)
COLUMNS = DIMENSIONS + MEASURES
#: the sources of rows, in order: (code, label)
SOURCES = [
    ("request", "Request"),
    ("call", "Unanswered Call"),
    ("completion", "Completed Repair"),
    ("repeat", "Repeat Repair"),
    ("complaint", "Complaint"),
    ("survey", "Survey Answer"),
    ("dispatch", "Dispatch Order"),
    ("first_visit", "First Visit"),
    ("followup", "Follow-up"),
    ("penalty", "Penalty"),
]
SOURCE_NUMBERS = {code: number for number, (code, _label) in enumerate(SOURCES, 1)}

#: what each figure sums: {kpi code: (numerator, denominator, pending)}; a
#: term is a column (summed), a tuple of columns (their sum, summed),
#: ``SATISFACTION`` or ``CUSTOMERS``; None: no such total
SATISFACTION = "satisfaction"
CUSTOMERS = "customers"
KPI_TOTALS = {
    "response_compliance": ("response_ok", "response_decided", "response_pending"),
    "resolution_rate": ("resolution_ok", "resolution_decided", "resolution_pending"),
    "complaint_timeliness": ("complaint_ok", "complaint_decided", "complaint_pending"),
    "satisfaction": (SATISFACTION, CUSTOMERS, None),
    "onsite_hours": ("arrival_hours", "arrived", "onsite_waiting"),
    "onsite_punctuality": ("onsite_ok", "onsite_decided", "onsite_pending"),
    "completion_hours": ("completion_time", "completed", None),
    "first_time_fix": ("fixed", "first_visit", None),
    "repeat_rate": ("repeats", "completed", None),
    "followup_timeliness": ("followup_ok", "followup_decided", "followup_pending"),
    "cost_labour": ("labour_cost", "completed", None),
    "cost_parts": ("parts_cost", "completed", None),
    "cost_travel": ("travel_cost", "completed", None),
    "service_cost": (("labour_cost", "parts_cost", "travel_cost"), "completed", None),
    "penalty_count": ("penalties", None, None),
    "penalty_amount": ("penalty_total", None, None),
}


def clock_verdict(alias, now):
    """``(met, failed)`` SQL conditions of the service clock ``alias``: met,
    or breached / still running past its deadline; anything else (running
    within its limit, paused, not started) is pending, but a clock cancelled
    with its dispatch order, which has no verdict and counts against
    nobody."""
    return state_verdict(
        SQL.identifier(alias, "state"), SQL.identifier(alias, "deadline"), now
    )


def state_verdict(state, deadline, now):
    """``clock_verdict`` of a clock's ``state`` and ``deadline`` as stored on
    the record it judges (the request's Resolution clock, a dispatch order's
    on-site clock)."""
    met = SQL("%s = 'met'", state)
    failed = SQL(
        "(%s = 'breached' OR (%s = 'running' AND %s <= %s))",
        state,
        state,
        deadline,
        now,
    )
    return met, failed


class AftersalesKpiSource(models.AbstractModel):
    _name = "aftersales.kpi.source"
    _description = "Rows Counted by the Monthly Quality Review"

    # ---------------------------------------------------------------------------
    # the query
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_kpi_rows(self, now, company_id=None, start=None, end=None):
        """One row per counted item, every source, with ``COLUMNS`` and its
        ``source``; limited to a company and to ``[start, end)`` when given
        (each source on the indexed column its ``date`` comes from)."""
        limits = {"company_id": company_id, "start": start, "end": end}
        return SQL(" UNION ALL ").join(
            self._aftersales_source_rows(code, now, **limits)
            for code, _label in SOURCES
        )

    @api.model
    def _aftersales_source_rows(self, code, now, extra=None, **limits):
        """The rows of source ``code`` alone, with ``extra`` columns ({name:
        SQL over the source's tables}) after the usual ones: what an analysis
        of that source shows besides the figures."""
        return self._aftersales_source(code, now, extra, **limits)[1]

    @api.model
    def _aftersales_source(self, code, now, extra=None, **limits):
        """``(the columns source code gives, its rows)``."""
        columns, query = getattr(self, f"_aftersales_rows_{code}")(now, **limits)
        return set(columns), self._aftersales_branch(code, columns, query, extra)

    @api.model
    def _aftersales_branch(self, code, columns, query, extra=None):
        """``SELECT`` of ``query`` (the FROM ... WHERE part) with every
        column, those the source does not give as NULL."""
        unknown = set(columns) - {name for name, _type in COLUMNS}
        if unknown:
            raise ValueError(f"unknown KPI columns {sorted(unknown)} in {code}")
        select = [
            SQL(
                "%s::bigint * 16 + %s AS id",
                columns["res_id"],
                SOURCE_NUMBERS[code],
            ),
            SQL("%s AS source", code),
        ]
        for name, sql_type in COLUMNS:
            expression = columns.get(name)
            select.append(
                SQL(
                    "(%s)::%s AS %s",
                    expression if expression is not None else SQL("NULL"),
                    SQL(sql_type),
                    SQL.identifier(name),
                )
            )
        for name, expression in (extra or {}).items():
            select.append(SQL("%s AS %s", expression, SQL.identifier(name)))
        return SQL("(SELECT %s %s)", SQL(", ").join(select), query)

    @staticmethod
    def _aftersales_limits(date_column, company_column, company_id, start, end):
        """The WHERE conditions of a source for a company and a period."""
        conditions = []
        if company_id:
            conditions.append(SQL("%s = %s", company_column, company_id))
        if start:
            conditions.append(SQL("%s >= %s", date_column, start))
        if end:
            conditions.append(SQL("%s < %s", date_column, end))
        return conditions

    @staticmethod
    def _aftersales_where(*conditions):
        conditions = [c for c in conditions if c]
        if not conditions:
            return SQL()
        return SQL("WHERE %s", SQL(" AND ").join(conditions))

    @staticmethod
    def _aftersales_verdict_columns(prefix, met, failed, counted=None, decided=None):
        """``<prefix>_ok``, ``_decided``, ``_pending`` of an item that is met,
        failed, or pending (neither; a NULL ``met`` or ``failed``, as from a
        missing clock, is neither); ``counted``: the items concerned (others
        have none of the three).

        ``met`` and ``failed`` never hold together (every source's verdicts
        exclude each other: a clock has one state, an answer is in time or
        not), so each is evaluated once per column; ``decided``: a condition
        equal to ``met OR failed`` that costs less, when the source has one."""
        decided = decided if decided is not None else SQL("(%s OR %s)", met, failed)
        ok = SQL("CASE WHEN %s THEN 1 ELSE 0 END", met)
        pending = SQL("CASE WHEN %s THEN 0 ELSE 1 END", decided)
        decided = SQL("CASE WHEN %s THEN 1 ELSE 0 END", decided)
        if counted is not None:
            ok, decided, pending = (
                SQL("CASE WHEN %s THEN %s END", counted, term)
                for term in (ok, decided, pending)
            )
        return {
            f"{prefix}_ok": ok,
            f"{prefix}_decided": decided,
            f"{prefix}_pending": pending,
        }

    # ---------------------------------------------------------------------------
    # requests: consultation response and fault resolution
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_rows_request(self, now, company_id=None, start=None, end=None):
        """Every request received (``date``: when it was reported).

        Response: answered within the company's threshold (the delay the call
        log recorded for a request created from a hotline call, else the
        agent's typed answer); not answered once the threshold passed is a
        failure, before that it is pending.
        Resolution (repair requests, class B): its Resolution clock met (30
        days); breached, or still running past its deadline, is a failure;
        running within it, pending. A request without the clock is not
        counted. The clock's state and deadline are read from the request,
        where they are stored (``kpi_resolution_state``)."""
        answered = SQL(
            "(t.first_response_date IS NOT NULL"
            " OR COALESCE(t.response_source, '') = 'call_log')"
        )
        threshold_passed = SQL(
            "t.request_date + COALESCE(NULLIF(c.aftersales_response_seconds, 0), 30)"
            " * INTERVAL '1 second' <= %s",
            now,
        )
        response_met = SQL("(%s AND t.responded_in_time)", answered)
        response_failed = SQL(
            "((%s AND NOT COALESCE(t.responded_in_time, FALSE)) OR (NOT %s AND %s))",
            answered,
            answered,
            threshold_passed,
        )
        met, failed = state_verdict(
            SQL("t.kpi_resolution_state"), SQL("t.kpi_resolution_deadline"), now
        )
        columns = {
            "res_id": SQL("t.id"),
            "company_id": SQL("t.company_id"),
            "team_id": SQL("t.team_id"),
            "engineer_id": SQL("t.engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("t.request_date"),
            **self._aftersales_verdict_columns(
                "response",
                response_met,
                response_failed,
                decided=SQL("(%s OR %s)", answered, threshold_passed),
            ),
            **self._aftersales_verdict_columns(
                "resolution",
                met,
                failed,
                counted=SQL(
                    "t.inquiry_class = 'b' AND t.kpi_resolution_state IS NOT NULL"
                ),
            ),
        }
        query = SQL(
            """
            FROM helpdesk_ticket t
            JOIN res_company c ON c.id = t.company_id
            %s
            """,
            self._aftersales_where(
                *self._aftersales_limits(
                    SQL("t.request_date"), SQL("t.company_id"), company_id, start, end
                )
            ),
        )
        return columns, query

    @api.model
    def _aftersales_rows_call(self, now, company_id=None, start=None, end=None):
        """Hotline calls nobody answered (the imported call log, ``date``: the
        call's start): each is a consultation not answered in time, counted
        for the company only (no team and no engineer answered it)."""
        columns = {
            "res_id": SQL("l.id"),
            "company_id": SQL("l.company_id"),
            "date": SQL("l.call_start"),
            "response_ok": SQL("0"),
            "response_decided": SQL("1"),
            "response_pending": SQL("0"),
        }
        query = SQL(
            "FROM aftersales_call l %s",
            self._aftersales_where(
                SQL("l.answered_date IS NULL"),
                *self._aftersales_limits(
                    SQL("l.call_start"), SQL("l.company_id"), company_id, start, end
                ),
            ),
        )
        return columns, query
