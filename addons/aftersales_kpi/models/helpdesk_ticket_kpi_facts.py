# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts of a request the monthly figures read, stored on the request when
they happen: its Resolution clock, the earlier repair it repeats and the hours
of its visits. The month's figures then read each request's own row instead of
looking each one up in the clocks, the earlier requests and the visits
(``bench/bench_kpi.py``)."""

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

#: the columns the facts add, and their types (created and filled in SQL at
#: install, see ``_auto_init``)
FACT_COLUMNS = {
    "kpi_resolution_clock_id": "int4",
    "kpi_resolution_state": "varchar",
    "kpi_resolution_deadline": "timestamp",
    "kpi_repeat_of_id": "int4",
    "kpi_repeat_engineer_id": "int4",
    "kpi_visit_hours": "float8",
}

#: the facts of existing requests, in SQL: what the fields' computes give
FILL_QUERIES = [
    # the request's first Resolution clock, its state and deadline
    """
    UPDATE helpdesk_ticket t
       SET kpi_resolution_clock_id = k.id, kpi_resolution_state = k.state,
           kpi_resolution_deadline = k.deadline
      FROM (SELECT DISTINCT ON (ticket_id) ticket_id, id, state, deadline
              FROM aftersales_clock_run
             WHERE code = 'resolution' AND ticket_id IS NOT NULL
             ORDER BY ticket_id, id) k
     WHERE k.ticket_id = t.id
    """,
    # the hours of its ended visits
    """
    UPDATE helpdesk_ticket t
       SET kpi_visit_hours = v.hours
      FROM (SELECT ticket_id, SUM(work_hours) AS hours
              FROM aftersales_visit
             WHERE state = 'done' AND ticket_id IS NOT NULL
             GROUP BY ticket_id) v
     WHERE v.ticket_id = t.id
    """,
    # the earlier repair it repeats (``_aftersales_earlier_repair``) and the
    # engineer of that repair (``_aftersales_repair_engineer``)
    """
    UPDATE helpdesk_ticket t
       SET kpi_repeat_of_id = r.earlier_id,
           kpi_repeat_engineer_id = COALESCE(
               (SELECT o.engineer_id FROM aftersales_dispatch_order o
                 WHERE o.ticket_id = r.earlier_id AND o.state = 'done'
                 ORDER BY o.done_date DESC NULLS FIRST, o.id DESC LIMIT 1),
               (SELECT e.engineer_id FROM helpdesk_ticket e
                 WHERE e.id = r.earlier_id))
      FROM (
           SELECT t.id, (
                  SELECT e.id
                    FROM helpdesk_ticket e
                   WHERE e.id != t.id AND e.company_id = t.company_id
                     AND e.inquiry_class = 'b' AND e.fault_type = t.fault_type
                     AND e.repair_done_date IS NOT NULL
                     AND e.repair_done_date <= t.request_date
                     AND e.repair_done_date >= t.request_date
                         - c.aftersales_repeat_repair_days * INTERVAL '1 day'
                     AND ((t.lot_id IS NOT NULL AND e.lot_id = t.lot_id)
                          OR (t.lot_id IS NULL AND pt.tracking = 'none'
                              AND t.partner_id IS NOT NULL AND e.lot_id IS NULL
                              AND e.product_id = t.product_id
                              AND e.commercial_partner_id = t.commercial_partner_id))
                   ORDER BY e.repair_done_date DESC LIMIT 1) AS earlier_id
             FROM helpdesk_ticket t
             JOIN res_company c ON c.id = t.company_id
             JOIN product_product pp ON pp.id = t.product_id
             JOIN product_template pt ON pt.id = pp.product_tmpl_id
            WHERE t.inquiry_class = 'b' AND t.fault_type IS NOT NULL
              AND t.request_date IS NOT NULL
              AND c.aftersales_repeat_repair_days > 0
           ) r
     WHERE r.id = t.id AND r.earlier_id IS NOT NULL
    """,
]


def add_fact_columns(model, columns, fill):
    """Create the ``columns`` ({name: SQL type}) of ``model``'s table that do
    not exist yet and, when any was new, fill them with ``fill(cr)``: at
    install, before the ORM would compute them record by record."""
    cr = model.env.cr
    new = [name for name in columns if not column_exists(cr, model._table, name)]
    for name in new:
        create_column(cr, model._table, name, columns[name])
    if new:
        fill(cr)


def first_clock(clocks, code):
    """The first (by id, as the SQL fills take it) of ``clocks`` of ``code``."""
    return clocks.filtered(lambda c: c.code == code).sorted("id")[:1]


def fill_facts(cr):
    """Store the facts of every request in SQL (at install, over requests
    that already exist; the benchmark's fill too). The tables are analyzed
    first: the repeats are found through the requests' indexes, which the
    planner only uses once it knows how many requests there are."""
    cr.execute(
        SQL(
            "ANALYZE helpdesk_ticket, aftersales_clock_run, aftersales_visit,"
            " aftersales_dispatch_order"
        )
    )
    for query in FILL_QUERIES:
        cr.execute(SQL(query))


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    kpi_resolution_clock_id = fields.Many2one(
        "aftersales.clock.run",
        string="Resolution Clock",
        compute="_compute_kpi_resolution_clock",
        store=True,
        readonly=True,
        index="btree_not_null",
        help="The request's Resolution clock (its first one), whose verdict the "
        "resolution rate counts.",
    )
    kpi_resolution_state = fields.Selection(
        related="kpi_resolution_clock_id.state",
        string="Resolution Clock State",
        store=True,
    )
    kpi_resolution_deadline = fields.Datetime(
        related="kpi_resolution_clock_id.deadline",
        string="Resolution Deadline",
        store=True,
    )
    kpi_repeat_of_id = fields.Many2one(
        "helpdesk.ticket",
        string="Repeat Of",
        compute="_compute_kpi_repeat",
        store=True,
        readonly=True,
        index="btree_not_null",
        help="The earlier repair of the same unit and fault type, completed within "
        "the company's repeat window before this request was received: this request "
        "is a repeat repair of it. Set when the request is received or classified.",
    )
    kpi_repeat_engineer_id = fields.Many2one(
        "aftersales.engineer",
        string="Engineer of the Repeated Repair",
        compute="_compute_kpi_repeat",
        store=True,
        readonly=True,
        help="The engineer of the earlier repair (of its last done dispatch order, "
        "else of that request), for whom the repeat repair counts.",
    )
    kpi_visit_hours = fields.Float(
        string="Visit Hours",
        compute="_compute_kpi_visit_hours",
        store=True,
        readonly=True,
        help="The working hours of the request's ended visits (labour of the "
        "service cost).",
    )

    def _auto_init(self):
        """Create the facts' columns and fill them in SQL when they are new,
        before the ORM would compute them request by request."""
        add_fact_columns(self, FACT_COLUMNS, fill_facts)
        return super()._auto_init()

    @api.depends("clock_ids.code")
    def _compute_kpi_resolution_clock(self):
        for ticket in self:
            ticket.kpi_resolution_clock_id = first_clock(ticket.clock_ids, "resolution")

    @api.depends(
        "company_id",
        "inquiry_class",
        "fault_type",
        "request_date",
        "lot_id",
        "product_id",
        "partner_id",
    )
    def _compute_kpi_repeat(self):
        for ticket in self:
            earlier = self.browse()
            if ticket.inquiry_class == "b" and ticket.product_id and ticket.fault_type:
                earlier = ticket._aftersales_earlier_repair()
            ticket.kpi_repeat_of_id = earlier
            ticket.kpi_repeat_engineer_id = (
                earlier._aftersales_repair_engineer() or earlier.engineer_id
            )

    @api.depends("visit_ids.state", "visit_ids.work_hours")
    def _compute_kpi_visit_hours(self):
        for ticket in self:
            ticket.kpi_visit_hours = sum(
                ticket.visit_ids.filtered(lambda v: v.state == "done").mapped(
                    "work_hours"
                )
            )
