# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each figure's totals over a group of rows of ``aftersales.kpi.source``, in
SQL: what the monthly assessment sums per company, team and engineer, and
what the pivots of the analyses sum for any grouping."""

from odoo.tools import SQL

from ..rules import kpi as kpi_rules
from .aftersales_kpi_source import CUSTOMERS, KPI_TOTALS, SATISFACTION


def term_columns(term):
    """The columns a total of ``KPI_TOTALS`` reads."""
    if term is None:
        return set()
    if term == CUSTOMERS:
        return {"customer"}
    if term == SATISFACTION:
        return {"customer", "score"}
    return set(term) if isinstance(term, tuple) else {term}


def kpi_terms(alias, per_row=False, present=None):
    """{kpi code: (numerator, denominator, pending)}: the SQL aggregates of
    each figure over the rows ``alias`` of a group (None: no such total);
    ``per_row``: the same terms of a single row (the KPI analysis's rows);
    ``present``: the columns the rows give (the others are NULL: their totals
    are left out, as None)."""

    def column(name):
        return SQL.identifier(alias, name)

    def aggregate(expression):
        return expression if per_row else SQL("SUM(%s)", expression)

    def total(term):
        if term is None:
            return None
        if present is not None and not term_columns(term) & present:
            return None
        if term == CUSTOMERS:
            if per_row:
                return SQL("CASE WHEN %s IS NOT NULL THEN 1 END", column("customer"))
            return SQL("COUNT(DISTINCT %s)", column("customer"))
        if term == SATISFACTION:
            if per_row:
                return column("score")
            # each customer once, with the average of his scores in the group:
            # the group's (customer, score) pairs, one array (no ordered
            # aggregate: the grouping may hash), averaged per customer
            return SQL(
                """(SELECT SUM(u.score) FROM (
                        SELECT AVG(a.pairs[i][2]) AS score
                          FROM (SELECT array_agg(ARRAY[%(customer)s::float8, %(score)s])
                                       FILTER (WHERE %(customer)s IS NOT NULL)
                                       AS pairs) a,
                               generate_subscripts(a.pairs, 1) AS i
                         GROUP BY a.pairs[i][1]) u)""",
                customer=column("customer"),
                score=column("score"),
            )
        if isinstance(term, tuple):
            return aggregate(
                SQL(" + ").join(SQL("COALESCE(%s, 0)", column(name)) for name in term)
            )
        return aggregate(column(term))

    return {
        code: tuple(total(term) for term in terms) for code, terms in KPI_TOTALS.items()
    }


def kpi_value(code, alias, per_row=False):
    """The figure ``code`` of a group of rows ``alias`` (of a single row with
    ``per_row``) in SQL: its totals through the formula of its unit
    (``rules/kpi.py``)."""
    numerator, denominator, _pending = kpi_terms(alias, per_row)[code]
    return SQL(
        kpi_rules.SQL_FORMULAS[kpi_rules.KPI_BY_CODE[code].unit],
        n=numerator,
        d=denominator if denominator is not None else SQL("NULL"),
    )
