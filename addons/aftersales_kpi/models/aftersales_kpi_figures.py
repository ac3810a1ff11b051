# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time

import pytz

from odoo import api, models
from odoo.tools import SQL

from ..rules import kpi as kpi_rules

#: the groupings every query makes at once: the company, each team, each engineer
GROUPING = SQL(
    "GROUPING SETS ((src.company_id), (src.company_id, src.team_id), "
    "(src.company_id, src.engineer_id))"
)
#: the parts of the service cost
COST_CODES = ("cost_labour", "cost_parts", "cost_travel")


class AftersalesKpiFigures(models.AbstractModel):
    """The totals of the monthly quality review, in SQL.

    One query per source (requests, completed repairs, repeat repairs,
    complaints, surveys, dispatch orders, first visits, service cost,
    penalties) sums and counts for every company, team and engineer of a month
    at once, with ``GROUPING SETS``; the formulas of ``rules/kpi.py`` turn the
    totals into figures. Nothing loops over records in Python.
    """

    _name = "aftersales.kpi.figures"
    _description = "Monthly Quality Review Figures"

    @api.model
    def _aftersales_month_range(self, company, month):
        """``(start, end)`` of the month of ``month`` in the company's time zone,
        as naive UTC datetimes (what datetime columns hold)."""
        first, following = kpi_rules.month_bounds(month)
        tz = pytz.timezone(company.resource_calendar_id.tz or self.env.user.tz or "UTC")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(first), utc(following)

    @api.model
    def _aftersales_totals(self, company, month):
        """{(scope, res id): {kpi code: (numerator, denominator)}} of the month
        of ``month`` in ``company``; scope ``company`` has res id 0."""
        self.env.flush_all()
        # these queries run once a month and cost little: compiling them
        # (PostgreSQL's JIT, for the large estimates of 1M requests) would take
        # longer than running them
        self.env.cr.execute("SET LOCAL jit = off")
        start, end = self._aftersales_month_range(company, month)
        first, following = kpi_rules.month_bounds(month)
        params = {
            "company": company.id,
            "start": start,
            "end": end,
            "first": first,
            "following": following,
        }
        totals = defaultdict(dict)
        for query, measures in self._aftersales_queries(params):
            self.env.cr.execute(query)
            for row in self.env.cr.dictfetchall():
                key = self._aftersales_scope(row)
                if key is None:
                    continue
                for code, (numerator, denominator) in measures.items():
                    totals[key][code] = (
                        float(row[numerator] or 0.0),
                        float(row[denominator] or 0.0) if denominator else 0.0,
                    )
        for figures in totals.values():
            self._aftersales_combine(figures)
        return totals

    @staticmethod
    def _aftersales_combine(figures):
        """Figures made of the totals of two sources: the repeat rate (repeats
        received in the month over repairs completed in it) and the service
        cost (labour, parts and travel)."""
        repeats = figures.get("repeat_rate", (0.0, 0.0))[0]
        completed = figures.pop("repeat_base", (0.0, 0.0))[0]
        figures["repeat_rate"] = (repeats, completed)
        costs = [figures.get(code, (0.0, 0.0))[0] for code in COST_CODES]
        figures["service_cost"] = (sum(costs), 0.0)

    @staticmethod
    def _aftersales_scope(row):
        """The scope of a grouped row (team and engineer are grouped out in
        the company row); rows without a team or an engineer are left out."""
        if row["grouped"] == 3:
            return ("company", 0)
        if row["grouped"] == 1:
            return ("team", row["team_id"]) if row["team_id"] else None
        return ("engineer", row["engineer_id"]) if row["engineer_id"] else None

    def _aftersales_grouped(self, source, aggregates):
        """``source`` (a SELECT with company_id, team_id, engineer_id) summed
        per company, team and engineer."""
        return SQL(
            """
            SELECT src.company_id, src.team_id, src.engineer_id,
                   GROUPING(src.team_id, src.engineer_id) AS grouped, %s
              FROM (%s) src
             GROUP BY %s
            """,
            aggregates,
            source,
            GROUPING,
        )

    def _aftersales_queries(self, p):
        """[(query, {kpi code: (numerator column, denominator column)})]."""
        return [
            (self._aftersales_request_query(p), self._REQUEST_MEASURES),
            (self._aftersales_completion_query(p), self._COMPLETION_MEASURES),
            (self._aftersales_repeat_query(p), {"repeat_rate": ("repeats", None)}),
            (
                self._aftersales_complaint_query(p),
                {"complaint_timeliness": ("timely", "complaints")},
            ),
            (
                self._aftersales_survey_query(p),
                {"satisfaction": ("score_sum", "customers")},
            ),
            (
                self._aftersales_onsite_query(p),
                {"onsite_hours": ("onsite_hours", "arrivals")},
            ),
            (
                self._aftersales_first_visit_query(p),
                {"first_time_fix": ("fixed", "first_visits")},
            ),
            (self._aftersales_cost_query(p), self._COST_MEASURES),
            (self._aftersales_penalty_query(p), self._PENALTY_MEASURES),
        ]

    _REQUEST_MEASURES = {
        "response_compliance": ("in_time", "consultations"),
        "resolution_rate": ("resolved", "repairs"),
    }
    _COMPLETION_MEASURES = {
        "completion_hours": ("completion_hours", "completed"),
        "repeat_base": ("completed", None),
    }
    _COST_MEASURES = {
        "cost_labour": ("labour", None),
        "cost_parts": ("parts", None),
        "cost_travel": ("travel", None),
    }
    _PENALTY_MEASURES = {
        "penalty_count": ("penalties", None),
        "penalty_amount": ("amount", None),
    }

    def _aftersales_request_query(self, p):
        """Requests received in the month: consultations answered within the
        company's threshold (the stored compliance), repair requests whose
        resolution clock was met."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT t.company_id, t.team_id, t.engineer_id,
                       t.responded_in_time, t.inquiry_class = 'b' AS is_repair,
                       t.inquiry_class = 'b' AND EXISTS (
                           SELECT 1 FROM aftersales_clock_run rc
                            WHERE rc.ticket_id = t.id AND rc.code = 'resolution'
                              AND rc.state = 'met') AS resolved
                  FROM helpdesk_ticket t
                 WHERE t.company_id = %(company)s
                   AND t.request_date >= %(start)s AND t.request_date < %(end)s
                """,
                **p,
            ),
            SQL(
                "COUNT(*) AS consultations, "
                "COUNT(*) FILTER (WHERE src.responded_in_time) AS in_time, "
                "COUNT(*) FILTER (WHERE src.is_repair) AS repairs, "
                "COUNT(*) FILTER (WHERE src.resolved) AS resolved"
            ),
        )

    def _aftersales_completion_query(self, p):
        """Repairs completed in the month and their time from request to end."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT t.company_id, t.team_id, t.engineer_id,
                       EXTRACT(EPOCH FROM t.repair_done_date - t.request_date)
                           / 3600.0 AS hours
                  FROM helpdesk_ticket t
                 WHERE t.company_id = %(company)s AND t.inquiry_class = 'b'
                   AND t.repair_done_date >= %(start)s
                   AND t.repair_done_date < %(end)s
                """,
                **p,
            ),
            SQL("COUNT(*) AS completed, SUM(src.hours) AS completion_hours"),
        )

    def _aftersales_repeat_query(self, p):
        """Repair requests received in the month for a unit and fault type an
        engineer repaired within the company's repeat window before: counted
        for the engineer of that earlier repair."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT t.company_id, t.team_id,
                       COALESCE(by_lot.engineer_id, by_unit.engineer_id)
                           AS engineer_id
                  FROM helpdesk_ticket t
                  JOIN res_company c ON c.id = t.company_id
                  LEFT JOIN LATERAL (
                       SELECT e.id, e.engineer_id
                         FROM helpdesk_ticket e
                        WHERE t.lot_id IS NOT NULL AND e.lot_id IS NOT NULL
                          AND e.repair_done_date IS NOT NULL
                          AND e.lot_id = t.lot_id
                          AND e.fault_type = t.fault_type
                          AND e.inquiry_class = 'b' AND e.id != t.id
                          AND e.company_id = t.company_id
                          AND e.repair_done_date <= t.request_date
                          AND e.repair_done_date >= t.request_date
                              - c.aftersales_repeat_repair_days * INTERVAL '1 day'
                        ORDER BY e.repair_done_date DESC
                        LIMIT 1) by_lot ON TRUE
                  LEFT JOIN LATERAL (
                       SELECT e.id, e.engineer_id
                         FROM helpdesk_ticket e
                        WHERE t.lot_id IS NULL AND e.lot_id IS NULL
                          AND e.repair_done_date IS NOT NULL
                          AND e.commercial_partner_id = t.commercial_partner_id
                          AND e.product_id = t.product_id
                          AND e.fault_type = t.fault_type
                          AND e.inquiry_class = 'b' AND e.id != t.id
                          AND e.company_id = t.company_id
                          AND e.repair_done_date <= t.request_date
                          AND e.repair_done_date >= t.request_date
                              - c.aftersales_repeat_repair_days * INTERVAL '1 day'
                        ORDER BY e.repair_done_date DESC
                        LIMIT 1) by_unit ON TRUE
                 WHERE t.company_id = %(company)s AND t.inquiry_class = 'b'
                   AND t.fault_type IS NOT NULL
                   AND c.aftersales_repeat_repair_days > 0
                   AND t.request_date >= %(start)s AND t.request_date < %(end)s
                   AND (by_lot.id IS NOT NULL OR by_unit.id IS NOT NULL)
                """,
                **p,
            ),
            SQL("COUNT(*) AS repeats"),
        )

    def _aftersales_complaint_query(self, p):
        """Complaints received in the month, and those whose clocks were all
        met; an engineer's are those the investigation attributed to him."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT c.company_id, c.team_id, c.engineer_id, c.clocks_all_met
                  FROM aftersales_complaint c
                 WHERE c.company_id = %(company)s
                   AND c.received_date >= %(start)s AND c.received_date < %(end)s
                """,
                **p,
            ),
            SQL(
                "COUNT(*) AS complaints, "
                "COUNT(*) FILTER (WHERE src.clocks_all_met) AS timely"
            ),
        )

    def _aftersales_survey_query(self, p):
        """Surveys answered in the month with an overall score: each customer
        counts once, with the average of his scores, in each grouping."""
        return SQL(
            """
            WITH answers AS (
                SELECT s.company_id, s.team_id, s.engineer_id,
                       COALESCE(s.partner_id, -s.id) AS customer,
                       s.overall_value
                  FROM aftersales_survey s
                 WHERE s.company_id = %(company)s AND s.state = 'done'
                   AND s.overall_score IS NOT NULL
                   AND s.answer_date >= %(start)s AND s.answer_date < %(end)s
            ), customers AS (
                SELECT a.company_id, a.team_id, a.engineer_id,
                       GROUPING(a.team_id, a.engineer_id) AS grouped,
                       AVG(a.overall_value) AS score
                  FROM answers a
                 GROUP BY GROUPING SETS ((a.company_id, a.customer),
                       (a.company_id, a.team_id, a.customer),
                       (a.company_id, a.engineer_id, a.customer))
            )
            SELECT company_id, team_id, engineer_id, grouped,
                   SUM(score) AS score_sum, COUNT(*) AS customers
              FROM customers
             GROUP BY company_id, team_id, engineer_id, grouped
            """,
            **p,
        )

    def _aftersales_onsite_query(self, p):
        """Dispatch orders checked in during the month: hours from dispatch to
        arrival on site."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT o.company_id, o.team_id, o.engineer_id,
                       EXTRACT(EPOCH FROM o.checkin_date - o.dispatch_date)
                           / 3600.0 AS hours
                  FROM aftersales_dispatch_order o
                 WHERE o.company_id = %(company)s AND o.state != 'cancel'
                   AND o.checkin_date >= %(start)s AND o.checkin_date < %(end)s
                """,
                **p,
            ),
            SQL("COUNT(*) AS arrivals, SUM(src.hours) AS onsite_hours"),
        )

    def _aftersales_first_visit_query(self, p):
        """First visits of dispatch orders ended in the month, and those that
        fixed the unit."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT v.company_id, v.team_id, v.engineer_id, v.result
                  FROM aftersales_visit v
                 WHERE v.company_id = %(company)s AND v.is_first
                   AND v.state = 'done'
                   AND v.checkout_date >= %(start)s AND v.checkout_date < %(end)s
                """,
                **p,
            ),
            SQL(
                "COUNT(*) AS first_visits, "
                "COUNT(*) FILTER (WHERE src.result = 'fixed') AS fixed"
            ),
        )

    def _aftersales_cost_query(self, p):
        """Service cost of the repairs completed in the month, at cost price:
        labour (hours of the visits and of the repair orders at the cost of
        the company's labour product), parts (those used on visits and those
        consumed by the repair orders) and travel (of the repair orders, at the
        cost of the company's travel product)."""
        return self._aftersales_grouped(
            SQL(
                """
                WITH done AS (
                    SELECT t.id, t.company_id, t.team_id, t.engineer_id
                      FROM helpdesk_ticket t
                     WHERE t.company_id = %(company)s AND t.inquiry_class = 'b'
                       AND t.repair_done_date >= %(start)s
                       AND t.repair_done_date < %(end)s
                ), costs AS (
                    SELECT (lp.standard_price ->> c.id::text)::numeric AS labour,
                           (tp.standard_price ->> c.id::text)::numeric AS travel
                      FROM res_company c
                      LEFT JOIN product_product lp
                             ON lp.id = c.aftersales_labour_product_id
                      LEFT JOIN product_product tp
                             ON tp.id = c.aftersales_travel_product_id
                     WHERE c.id = %(company)s
                ), visit_parts AS (
                    SELECT v.ticket_id,
                           SUM(vp.quantity * COALESCE(
                               (pp.standard_price ->> %(company)s::text)::numeric,
                               0)) AS parts
                      FROM aftersales_visit_part vp
                      JOIN aftersales_visit v ON v.id = vp.visit_id
                      JOIN done ON done.id = v.ticket_id
                      JOIN product_product pp ON pp.id = vp.product_id
                     WHERE v.state = 'done' GROUP BY v.ticket_id
                ), repairs AS (
                    SELECT r.helpdesk_ticket_id AS ticket_id,
                           SUM(r.labour_hours) AS hours,
                           SUM(r.travel_quantity) AS travel
                      FROM repair_order r
                      JOIN done ON done.id = r.helpdesk_ticket_id
                     WHERE r.state != 'cancel' GROUP BY r.helpdesk_ticket_id
                ), repair_parts AS (
                    SELECT r.helpdesk_ticket_id AS ticket_id,
                           SUM(m.quantity * COALESCE(
                               (pp.standard_price ->> %(company)s::text)::numeric,
                               0)) AS parts
                      FROM stock_move m
                      JOIN repair_order r ON r.id = m.repair_id
                      JOIN done ON done.id = r.helpdesk_ticket_id
                      JOIN product_product pp ON pp.id = m.product_id
                     WHERE m.state = 'done' AND m.repair_line_type = 'add'
                     GROUP BY r.helpdesk_ticket_id
                )
                SELECT done.company_id, done.team_id, done.engineer_id,
                       (COALESCE(visits.hours, 0) + COALESCE(repairs.hours, 0))
                           * COALESCE(costs.labour, 0) AS labour,
                       COALESCE(visit_parts.parts, 0)
                           + COALESCE(repair_parts.parts, 0) AS parts,
                       COALESCE(repairs.travel, 0) * COALESCE(costs.travel, 0)
                           AS travel
                  FROM done CROSS JOIN costs
                  LEFT JOIN LATERAL (
                       SELECT SUM(v.work_hours) AS hours
                         FROM aftersales_visit v
                        WHERE v.ticket_id = done.id AND v.state = 'done') visits
                         ON TRUE
                  LEFT JOIN visit_parts ON visit_parts.ticket_id = done.id
                  LEFT JOIN repairs ON repairs.ticket_id = done.id
                  LEFT JOIN repair_parts ON repair_parts.ticket_id = done.id
                """,
                **p,
            ),
            SQL(
                "SUM(src.labour) AS labour, SUM(src.parts) AS parts, "
                "SUM(src.travel) AS travel"
            ),
        )

    def _aftersales_penalty_query(self, p):
        """Penalties of the month confirmed (cancelled or dismissed ones count
        for nothing); a penalty belongs to no team."""
        return self._aftersales_grouped(
            SQL(
                """
                SELECT pe.company_id, NULL::integer AS team_id, pe.engineer_id,
                       pe.amount
                  FROM aftersales_penalty pe
                 WHERE pe.company_id = %(company)s AND pe.state = 'confirmed'
                   AND pe.date >= %(first)s AND pe.date < %(following)s
                """,
                **p,
            ),
            SQL("COUNT(*) AS penalties, SUM(src.amount) AS amount"),
        )
