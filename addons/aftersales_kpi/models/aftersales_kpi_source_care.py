# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rows of the customer's side and of the engineers' conduct: complaints,
survey answers, follow-up calls, penalties. See ``aftersales_kpi_source.py``."""

from odoo import api, models
from odoo.tools import SQL

from .aftersales_kpi_source import clock_verdict


class AftersalesKpiSource(models.AbstractModel):
    _inherit = "aftersales.kpi.source"

    # ---------------------------------------------------------------------------
    # complaints, surveys, follow-ups, penalties
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_rows_complaint(self, now, company_id=None, start=None, end=None):
        """Complaints received (an engineer's: attributed to him by the
        investigation). Timely: closed with every clock met. A failure: a
        clock breached or still running past its deadline, or closed with a
        clock not met. Still open with no limit passed: pending."""
        met, failed = clock_verdict("k", now)
        missed = SQL(
            "EXISTS (SELECT 1 FROM aftersales_clock_run k "
            "WHERE k.complaint_id = cp.id AND %s)",
            failed,
        )
        all_met = SQL(
            "NOT EXISTS (SELECT 1 FROM aftersales_clock_run k "
            "WHERE k.complaint_id = cp.id AND NOT %s)",
            met,
        )
        closed = SQL("cp.state = 'closed'")
        columns = {
            "res_id": SQL("cp.id"),
            "company_id": SQL("cp.company_id"),
            "team_id": SQL("cp.team_id"),
            "engineer_id": SQL("cp.engineer_id"),
            "product_id": SQL("cp.product_id"),
            "product_categ_id": SQL("cp.product_categ_id"),
            "date": SQL("cp.received_date"),
            **self._aftersales_verdict_columns(
                "complaint",
                SQL("(%s AND %s)", closed, all_met),
                SQL("(%s OR (%s AND NOT %s))", missed, closed, all_met),
            ),
        }
        query = SQL(
            "FROM aftersales_complaint cp %s",
            self._aftersales_where(
                *self._aftersales_limits(
                    SQL("cp.received_date"),
                    SQL("cp.company_id"),
                    company_id,
                    start,
                    end,
                )
            ),
        )
        return columns, query

    @api.model
    def _aftersales_rows_survey(self, now, company_id=None, start=None, end=None):
        """Surveys answered with an overall score: the customer (each counts
        once, with the average of his scores) and the score."""
        columns = {
            "res_id": SQL("s.id"),
            "company_id": SQL("s.company_id"),
            "team_id": SQL("s.team_id"),
            "engineer_id": SQL("s.engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("s.answer_date"),
            "customer": SQL("COALESCE(s.partner_id, -s.id)"),
            "score": SQL("s.overall_value"),
        }
        query = SQL(
            "FROM aftersales_survey s LEFT JOIN helpdesk_ticket t ON t.id = s.ticket_id"
            " %s",
            self._aftersales_where(
                SQL("s.state = 'done' AND s.overall_score IS NOT NULL"),
                *self._aftersales_limits(
                    SQL("s.answer_date"), SQL("s.company_id"), company_id, start, end
                ),
            ),
        )
        return columns, query

    @api.model
    def _aftersales_rows_followup(self, now, company_id=None, start=None, end=None):
        """Follow-up calls (normal and VIP) whose clock started (the repair's
        completion), cancelled follow-ups left out: called within the clock,
        late, or pending. They belong to the team, not to an engineer."""
        met, failed = clock_verdict("k", now)
        columns = {
            "res_id": SQL("k.id"),
            "company_id": SQL("f.company_id"),
            "team_id": SQL("f.team_id"),
            "product_id": SQL("f.product_id"),
            "product_categ_id": SQL("p.categ_id"),
            "date": SQL("k.start_date"),
            **self._aftersales_verdict_columns(
                "followup", met, failed, counted=SQL("k.state != 'cancelled'")
            ),
        }
        query = SQL(
            """
            FROM aftersales_clock_run k
            JOIN aftersales_followup f ON f.id = k.followup_id
            LEFT JOIN product_product pp ON pp.id = f.product_id
            LEFT JOIN product_template p ON p.id = pp.product_tmpl_id
            %s
            """,
            self._aftersales_where(
                SQL("k.followup_id IS NOT NULL AND f.state != 'cancel'"),
                *self._aftersales_limits(
                    SQL("k.start_date"), SQL("f.company_id"), company_id, start, end
                ),
            ),
        )
        return columns, query

    @api.model
    def _aftersales_rows_penalty(self, now, company_id=None, start=None, end=None):
        """Penalties of the offence date (a day of the company's calendar):
        confirmed ones count; proposed, dismissed and cancelled ones count
        for nothing and are summed apart. A penalty belongs to no team."""
        local = SQL(
            "((pe.date::timestamp AT TIME ZONE COALESCE(rc.tz, 'UTC')) "
            "AT TIME ZONE 'UTC')"
        )
        confirmed = SQL("pe.state = 'confirmed'")
        columns = {
            "res_id": SQL("pe.id"),
            "company_id": SQL("pe.company_id"),
            "engineer_id": SQL("pe.engineer_id"),
            "date": local,
            "penalties": SQL("CASE WHEN %s THEN 1 ELSE 0 END", confirmed),
            "penalty_total": SQL("CASE WHEN %s THEN pe.amount ELSE 0 END", confirmed),
            "penalty_other_amount": SQL(
                "CASE WHEN %s THEN 0 ELSE pe.amount END", confirmed
            ),
        }
        query = SQL(
            """
            FROM aftersales_penalty pe
            JOIN res_company c ON c.id = pe.company_id
            LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
            %s
            """,
            self._aftersales_where(
                *self._aftersales_limits(
                    local, SQL("pe.company_id"), company_id, start, end
                )
            ),
        )
        return columns, query
