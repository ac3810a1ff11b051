# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The on-site clock of a dispatch order, stored on the order for the monthly
figures (see ``helpdesk_ticket_kpi_facts.py``)."""

from odoo import api, fields, models
from odoo.tools import SQL

from .helpdesk_ticket_kpi_facts import add_fact_columns, first_clock

FACT_COLUMNS = {
    "kpi_onsite_clock_id": "int4",
    "kpi_onsite_state": "varchar",
    "kpi_onsite_deadline": "timestamp",
}

#: the order's own On-site Response clock (its first one), its state and
#: deadline: what the fields' computes give
FILL_QUERY = """
    UPDATE aftersales_dispatch_order o
       SET kpi_onsite_clock_id = k.id, kpi_onsite_state = k.state,
           kpi_onsite_deadline = k.deadline
      FROM (SELECT DISTINCT ON (dispatch_order_id) dispatch_order_id, id, state,
                   deadline
              FROM aftersales_clock_run
             WHERE code = 'onsite' AND dispatch_order_id IS NOT NULL
             ORDER BY dispatch_order_id, id) k
     WHERE k.dispatch_order_id = o.id
"""


def fill_facts(cr):
    """Store the on-site clock of every order in SQL."""
    cr.execute(SQL(FILL_QUERY))


class AftersalesDispatchOrder(models.Model):
    _inherit = "aftersales.dispatch.order"

    kpi_onsite_clock_id = fields.Many2one(
        "aftersales.clock.run",
        string="On-site Clock",
        compute="_compute_kpi_onsite_clock",
        store=True,
        readonly=True,
        index="btree_not_null",
        help="The order's own On-site Response clock, whose verdict the on-site "
        "punctuality counts.",
    )
    kpi_onsite_state = fields.Selection(
        related="kpi_onsite_clock_id.state", string="On-site Clock State", store=True
    )
    kpi_onsite_deadline = fields.Datetime(
        related="kpi_onsite_clock_id.deadline",
        string="On-site Clock Deadline",
        store=True,
    )

    def _auto_init(self):
        """Create the columns and fill them in SQL when they are new, before the
        ORM would compute them order by order."""
        add_fact_columns(self, FACT_COLUMNS, fill_facts)
        return super()._auto_init()

    @api.depends("clock_ids.code")
    def _compute_kpi_onsite_clock(self):
        for order in self:
            order.kpi_onsite_clock_id = first_clock(order.clock_ids, "onsite")
