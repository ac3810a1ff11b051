# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the KPI analyses share: their dimensions, their month and their
figures, summed with each figure's own formula whatever the grouping."""

from odoo import fields, models
from odoo.tools import SQL

PENDING_SUFFIX = "_pending"


def now_sql():
    """The moment an analysis is read, from the same clock as the monthly run
    (the server's): an item pending now is pending in both."""
    return SQL("%s::timestamp", fields.Datetime.now())


def period_of(date_sql):
    """The month of a UTC ``date_sql`` in the company's time zone (``rc``: the
    company's working hours), as a date: the month the assessment counts it
    in."""
    return SQL(
        "date_trunc('month', (%s AT TIME ZONE 'UTC')"
        " AT TIME ZONE COALESCE(rc.tz, 'UTC'))::date",
        date_sql,
    )


class AftersalesKpiAnalysis(models.AbstractModel):
    """What every KPI analysis shows: company, team, engineer, product, month."""

    _name = "aftersales.kpi.analysis.mixin"
    _description = "KPI Analysis Dimensions"

    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    engineer_id = fields.Many2one("aftersales.engineer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    period = fields.Date(
        string="Month",
        readonly=True,
        help="The month the row counts in (in the company's time zone): the "
        "month of the monthly assessment that counts it.",
    )
