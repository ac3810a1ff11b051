# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rows of the field service: completed repairs (completion time and
service cost), repeat repairs, dispatch orders (on-site response) and first
visits (first-time fix). See ``aftersales_kpi_source.py``."""

from odoo import api, models
from odoo.tools import SQL

from .aftersales_kpi_source import state_verdict


def unit_cost(product_alias, company_column):
    """The cost price of a product in the company (0 without one), as a
    float: the figures are floats, and float arithmetic costs a fraction of
    numeric's over a month's rows."""
    return SQL(
        "COALESCE((%s ->> %s::text)::float8, 0)",
        SQL.identifier(product_alias, "standard_price"),
        company_column,
    )


class AftersalesKpiSource(models.AbstractModel):
    _inherit = "aftersales.kpi.source"

    @api.model
    def _aftersales_rows_completion(self, now, company_id=None, start=None, end=None):
        """Repair requests whose repair was completed (``date``: the
        completion): hours from the request, and the service cost at cost
        price, each part counted once:

        - labour: hours of the done visits (stored on the request,
          ``kpi_visit_hours``) and of the repair orders x the cost of the
          company's labour product;
        - travel: travel of the repair orders x the cost of its travel product;
        - parts: the request's warehouse parts consumed (at a visit's end or at
          the repair's completion), the parts consumed by its repair orders,
          and the parts written on a visit's service form beyond those the
          warehouse consumed for that visit (a part both issued from the
          warehouse and written on the form is one part)."""
        columns = {
            "res_id": SQL("t.id"),
            "company_id": SQL("t.company_id"),
            "team_id": SQL("t.team_id"),
            "engineer_id": SQL("t.engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("t.repair_done_date"),
            "completed": SQL("1"),
            "completion_time": SQL(
                "date_part('epoch', t.repair_done_date - t.request_date) / 3600.0"
            ),
            "labour_cost": SQL(
                "(COALESCE(t.kpi_visit_hours, 0) + COALESCE(ro.hours, 0))"
                " * rates.labour"
            ),
            "travel_cost": SQL("COALESCE(ro.travel, 0) * rates.travel"),
            "parts_cost": SQL("COALESCE(parts.amount, 0)"),
        }
        # the completed repairs with the costs of their company's labour and
        # travel (a row per company), and what their repair orders and parts
        # used, summed per request in one pass over each table (not one
        # look-up per request); no WITH query, so that the month's grouping
        # reads these joins directly (a WITH would make PostgreSQL compute
        # every column of every row before grouping them)

        def done(alias):
            return self._aftersales_completed(alias, company_id, start, end)

        query = SQL(
            """
            FROM helpdesk_ticket t
            JOIN (SELECT c.id AS company_id, %(labour)s AS labour,
                         %(travel)s AS travel
                    FROM res_company c
                    LEFT JOIN product_product lp
                           ON lp.id = c.aftersales_labour_product_id
                    LEFT JOIN product_product tp
                           ON tp.id = c.aftersales_travel_product_id
                 ) rates ON rates.company_id = t.company_id
            LEFT JOIN (SELECT r.helpdesk_ticket_id AS ticket_id,
                              SUM(r.labour_hours) AS hours,
                              SUM(r.travel_quantity) AS travel
                         FROM repair_order r
                         JOIN helpdesk_ticket done ON done.id = r.helpdesk_ticket_id
                        WHERE r.state != 'cancel' AND %(done)s
                        GROUP BY r.helpdesk_ticket_id
                      ) ro ON ro.ticket_id = t.id
            LEFT JOIN (%(parts)s) parts ON parts.ticket_id = t.id
            WHERE %(t_done)s
            """,
            labour=unit_cost("lp", SQL("c.id")),
            travel=unit_cost("tp", SQL("c.id")),
            done=done("done"),
            parts=self._aftersales_parts_cost(done("done")),
            t_done=done("t"),
        )
        return columns, query

    @api.model
    def _aftersales_completed(self, alias, company_id, start, end):
        """The condition of the requests ``alias`` whose repair was completed
        in the company and period."""
        return SQL(" AND ").join(
            [
                SQL(
                    "%s = 'b' AND %s IS NOT NULL",
                    SQL.identifier(alias, "inquiry_class"),
                    SQL.identifier(alias, "repair_done_date"),
                ),
                *self._aftersales_limits(
                    SQL.identifier(alias, "repair_done_date"),
                    SQL.identifier(alias, "company_id"),
                    company_id,
                    start,
                    end,
                ),
            ]
        )

    @api.model
    def _aftersales_parts_cost(self, done):
        """The cost of the parts used for each completed request (``done``:
        the condition of the requests ``done``)."""
        return SQL(
            """
            SELECT x.ticket_id, SUM(x.quantity * %(cost)s) AS amount
              FROM (
                   SELECT pl.ticket_id, m.product_id, done.company_id, m.quantity
                     FROM aftersales_part_line pl
                     JOIN helpdesk_ticket done ON done.id = pl.ticket_id
                     JOIN stock_move m ON m.aftersales_part_line_id = pl.id
                    WHERE m.aftersales_part_move = 'consume' AND m.state = 'done'
                      AND %(done)s
                   UNION ALL
                   SELECT r.helpdesk_ticket_id, m.product_id, done.company_id,
                          m.quantity
                     FROM repair_order r
                     JOIN helpdesk_ticket done ON done.id = r.helpdesk_ticket_id
                     JOIN stock_move m ON m.repair_id = r.id
                    WHERE m.repair_line_type = 'add' AND m.state = 'done'
                      AND %(done)s
                   UNION ALL
                   SELECT f.ticket_id, f.product_id, f.company_id,
                          GREATEST(f.quantity - COALESCE((
                          SELECT SUM(m.quantity) FROM stock_move m
                           WHERE m.aftersales_visit_id = f.visit_id
                             AND m.product_id = f.product_id
                             AND m.aftersales_part_move = 'consume'
                             AND m.state = 'done'), 0), 0)
                     FROM (SELECT v.ticket_id, done.company_id, vp.visit_id,
                                  vp.product_id, SUM(vp.quantity) AS quantity
                             FROM aftersales_visit v
                             JOIN helpdesk_ticket done ON done.id = v.ticket_id
                             JOIN aftersales_visit_part vp ON vp.visit_id = v.id
                            WHERE v.state = 'done' AND vp.product_id IS NOT NULL
                              AND %(done)s
                            GROUP BY v.ticket_id, done.company_id, vp.visit_id,
                                     vp.product_id) f
                   ) x
              JOIN product_product pp ON pp.id = x.product_id
             GROUP BY x.ticket_id
            """,
            cost=unit_cost("pp", SQL("x.company_id")),
            done=done,
        )

    @api.model
    def _aftersales_rows_repeat(self, now, company_id=None, start=None, end=None):
        """Repair requests received for a unit and fault type an engineer
        repaired within the company's repeat window before (the same serial
        number; without one, the same untracked product of the same customer):
        counted for the engineer of that earlier repair. Both are stored on the
        request when it is received or classified (``kpi_repeat_of_id``,
        ``kpi_repeat_engineer_id``), by the rule that proposes the repeat
        repair's penalty."""
        columns = {
            "res_id": SQL("t.id"),
            "company_id": SQL("t.company_id"),
            "team_id": SQL("t.team_id"),
            "engineer_id": SQL("t.kpi_repeat_engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("t.request_date"),
            "repeats": SQL("1"),
        }
        query = SQL(
            "FROM helpdesk_ticket t %s",
            self._aftersales_where(
                SQL("t.kpi_repeat_of_id IS NOT NULL"),
                *self._aftersales_limits(
                    SQL("t.request_date"), SQL("t.company_id"), company_id, start, end
                ),
            ),
        )
        return columns, query

    @api.model
    def _aftersales_rows_dispatch(self, now, company_id=None, start=None, end=None):
        """Dispatch orders (``date``: dispatched), each judged on its own by
        its own on-site clock (a second dispatch, a reopened repair: a clock of
        their own):

        - on-site response time: hours from its dispatch to the engineer's
          check-in; not checked in yet: waiting (pending); a cancelled order
          counts against nobody;
        - arrival in time: the order's on-site clock met (checked in by the
          appointment agreed with the customer, or by the on-site limit);
          breached, or still running past its deadline, is a failure; running
          within it, pending. A clock cancelled with its order has no verdict
          and is not counted; one already breached when the order was
          cancelled keeps its verdict. The clock's state and deadline are
          read from the order, where they are stored (``kpi_onsite_state``)."""
        met, failed = state_verdict(
            SQL("o.kpi_onsite_state"), SQL("o.kpi_onsite_deadline"), now
        )
        checked_in = SQL("(o.checkin_date IS NOT NULL AND o.state != 'cancel')")
        waiting = SQL("(o.checkin_date IS NULL AND o.state != 'cancel')")
        columns = {
            "res_id": SQL("o.id"),
            "company_id": SQL("o.company_id"),
            "team_id": SQL("o.team_id"),
            "engineer_id": SQL("o.engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("o.dispatch_date"),
            "arrived": SQL("CASE WHEN %s THEN 1 ELSE 0 END", checked_in),
            "arrival_hours": SQL(
                "CASE WHEN %s THEN date_part('epoch', o.checkin_date - o.dispatch_date)"
                " / 3600.0 END",
                checked_in,
            ),
            "onsite_waiting": SQL("CASE WHEN %s THEN 1 ELSE 0 END", waiting),
            **self._aftersales_verdict_columns(
                "onsite",
                met,
                failed,
                counted=SQL("COALESCE(o.kpi_onsite_state, 'cancelled') != 'cancelled'"),
            ),
        }
        query = SQL(
            """
            FROM aftersales_dispatch_order o
            -- (a left join: the monthly run, which needs no product, skips it)
            LEFT JOIN helpdesk_ticket t ON t.id = o.ticket_id
            %s
            """,
            self._aftersales_where(
                SQL("(o.state != 'cancel' OR o.kpi_onsite_state = 'breached')"),
                *self._aftersales_limits(
                    SQL("o.dispatch_date"), SQL("o.company_id"), company_id, start, end
                ),
            ),
        )
        return columns, query

    @api.model
    def _aftersales_first_visit_columns(self):
        """The columns of a visit (``v``, its request ``t``): a first visit
        that ended counts, fixed or not."""
        first = SQL("(v.is_first AND v.state = 'done')")
        return {
            "res_id": SQL("v.id"),
            "company_id": SQL("v.company_id"),
            "team_id": SQL("v.team_id"),
            "engineer_id": SQL("v.engineer_id"),
            "product_id": SQL("t.product_id"),
            "product_categ_id": SQL("t.product_categ_id"),
            "date": SQL("v.checkout_date"),
            "first_visit": SQL("CASE WHEN %s THEN 1 ELSE 0 END", first),
            "fixed": SQL(
                "CASE WHEN %s AND v.result = 'fixed' THEN 1 ELSE 0 END", first
            ),
        }

    @api.model
    def _aftersales_rows_first_visit(self, now, company_id=None, start=None, end=None):
        """First visits of dispatch orders, once ended (``date``: the
        check-out): fixed at that visit or not."""
        query = SQL(
            "FROM aftersales_visit v"
            " LEFT JOIN helpdesk_ticket t ON t.id = v.ticket_id %s",
            self._aftersales_where(
                SQL("v.is_first AND v.state = 'done'"),
                *self._aftersales_limits(
                    SQL("v.checkout_date"), SQL("v.company_id"), company_id, start, end
                ),
            ),
        )
        return self._aftersales_first_visit_columns(), query
