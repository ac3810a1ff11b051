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


def kpi_terms(alias, per_row=False, present=None, per_customer=False):
    """{kpi code: (numerator, denominator, pending)}: the SQL aggregates of
    each figure over the rows ``alias`` of a group (None: no such total);
    ``per_row``: the same terms of a single row (the KPI analysis's rows);
    ``present``: the columns the rows give (the others are NULL: their totals
    are left out, as None); ``per_customer``: the terms over the group's rows
    already summed per customer (``customer_rows``: one row per customer,
    with the average of his scores)."""

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
            if per_customer:
                return SQL("COUNT(%s)", column("customer"))
            if per_row:
                return SQL("CASE WHEN %s IS NOT NULL THEN 1 END", column("customer"))
            return SQL("COUNT(DISTINCT %s)", column("customer"))
        if term == SATISFACTION:
            if per_customer:
                return SQL(
                    "SUM(%s) FILTER (WHERE %s IS NOT NULL)",
                    column("score"),
                    column("customer"),
                )
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


def customer_rows(alias, rows, present, grouping_sets):
    """The ``rows`` (as ``alias``) summed per customer in each of the
    ``grouping_sets`` (SQL of the grouped columns, each set without the
    customer), for ``kpi_terms(per_customer=True)``: the customer, the average
    of his scores, the sum of every other column of ``present`` that a total
    reads, and the set's ``GROUPING`` of the team and the engineer
    (``grouped``). A figure's customers are counted once per group, each with
    the average of his scores in it: grouped per customer first, each group
    sums one row per customer."""
    summed = sorted(
        {
            name
            for terms in KPI_TOTALS.values()
            for term in terms
            for name in term_columns(term)
        }
        & set(present) - {"customer", "score"}
    )
    columns = [
        SQL("%s AS team_id", SQL.identifier(alias, "team_id")),
        SQL("%s AS engineer_id", SQL.identifier(alias, "engineer_id")),
        SQL(
            "GROUPING(%s, %s) AS grouped",
            SQL.identifier(alias, "team_id"),
            SQL.identifier(alias, "engineer_id"),
        ),
        SQL("%s AS customer", SQL.identifier(alias, "customer")),
        SQL("AVG(%s) AS score", SQL.identifier(alias, "score")),
    ] + [
        SQL("SUM(%s) AS %s", SQL.identifier(alias, name), SQL.identifier(name))
        for name in summed
    ]
    customer = SQL.identifier(alias, "customer")
    return SQL(
        "SELECT %s FROM (%s) %s GROUP BY GROUPING SETS (%s)",
        SQL(", ").join(columns),
        rows,
        SQL.identifier(alias),
        SQL(", ").join(
            SQL("(%s)", SQL(", ").join([*grouping_set, customer]))
            for grouping_set in grouping_sets
        ),
    )


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
