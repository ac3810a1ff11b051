# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The formulas of the monthly quality review (no ``odoo`` import).

One list of figures (``KPIS``) serves the targets, the assessments, the
analyses and the printed report. The Odoo layer counts the totals of each
figure in SQL, in one place (``models/aftersales_kpi_source*.py``), and reads
them through these formulas: ``value`` in Python for the assessments,
``SQL_FORMULAS`` (the same formulas, written for PostgreSQL) for the pivots of
the analyses, so that every screen shows the same number.

How a figure counts (SPEC, monthly quality review):

- a rate or an average counts the *decided* items only: an item whose limit
  has not passed and that is still open is *pending*, in neither the
  numerator nor the denominator; its count is kept beside the figure; an
  item still open past its limit is a failure;
- a figure with nothing to measure (no decided item, no answer, no completed
  repair) is ``None``, "no data": it misses no target and earns no
  commendation. Penalties are counted, so a month without any is 0.
"""

from collections import namedtuple
from datetime import timedelta

#: unit of a figure: how it is computed from its totals and how it reads
PERCENT = "percent"  # numerator / denominator * 100
SCORE = "score"  # sum of scores / number of customers who scored
HOURS = "hours"  # total hours / number of cases
COST = "cost"  # a sum of money over cases (none without a case)
AMOUNT = "amount"  # a sum of money (the numerator), 0 without any
COUNT = "count"  # a number of cases (the numerator), 0 without any
UNITS = (PERCENT, SCORE, HOURS, COST, AMOUNT, COUNT)

#: higher is better (a target is a minimum) or lower is better (a maximum)
AT_LEAST = ">="
AT_MOST = "<="

#: ``label``: how users read it (the selection of targets and figures, in
#: English; translated by the Odoo layer)
Kpi = namedtuple("Kpi", "code unit better label")

#: the figures of the review (SPEC section on the monthly quality review), in
#: the order of the assessment and of the report
KPIS = (
    Kpi(
        "response_compliance",
        PERCENT,
        AT_LEAST,
        "Consultation Response Compliance (%)",
    ),
    Kpi("resolution_rate", PERCENT, AT_LEAST, "Fault Resolution Rate (%)"),
    Kpi(
        "complaint_timeliness",
        PERCENT,
        AT_LEAST,
        "Complaint Handling Timeliness (%)",
    ),
    Kpi("satisfaction", SCORE, AT_LEAST, "Customer Satisfaction (0-10)"),
    Kpi("onsite_hours", HOURS, AT_MOST, "Average On-site Response Time (h)"),
    Kpi("onsite_punctuality", PERCENT, AT_LEAST, "On-site Arrivals in Time (%)"),
    Kpi("completion_hours", HOURS, AT_MOST, "Average Completion Time (h)"),
    Kpi("first_time_fix", PERCENT, AT_LEAST, "First-time Fix Rate (%)"),
    Kpi("repeat_rate", PERCENT, AT_MOST, "Repeat-repair Rate (%)"),
    Kpi("followup_timeliness", PERCENT, AT_LEAST, "Follow-ups in Time (%)"),
    Kpi("cost_labour", COST, AT_MOST, "Service Cost: Labour"),
    Kpi("cost_parts", COST, AT_MOST, "Service Cost: Parts"),
    Kpi("cost_travel", COST, AT_MOST, "Service Cost: Travel"),
    Kpi("service_cost", COST, AT_MOST, "Service Cost"),
    Kpi("penalty_count", COUNT, AT_MOST, "Penalties in the Month"),
    Kpi("penalty_amount", AMOUNT, AT_MOST, "Penalty Amount"),
)
KPI_BY_CODE = {kpi.code: kpi for kpi in KPIS}
#: (code, label) of every figure: the selection of targets and figures
KPI_SELECTION = [(kpi.code, kpi.label) for kpi in KPIS]

#: the formulas of ``value`` in SQL, over the totals of a group of rows
#: (``%(n)s`` the numerator, ``%(d)s`` the denominator): what the pivots of
#: the analyses compute for any grouping
SQL_FORMULAS = {
    PERCENT: "COALESCE(%(n)s, 0) * 100.0 / NULLIF(%(d)s, 0)",
    SCORE: "COALESCE(%(n)s, 0)::float / NULLIF(%(d)s, 0)",
    HOURS: "COALESCE(%(n)s, 0)::float / NULLIF(%(d)s, 0)",
    COST: "CASE WHEN (%(d)s) > 0 THEN COALESCE(%(n)s, 0) END",
    AMOUNT: "COALESCE(%(n)s, 0)",
    COUNT: "COALESCE(%(n)s, 0)",
}

#: the targets a fresh installation starts with (every one editable)
DEFAULT_TARGETS = {"response_compliance": 95.0, "satisfaction": 8.5}
#: satisfaction from which an engineer or a team is proposed for commendation
DEFAULT_COMMENDATION_SCORE = 9.5


def percent(numerator, denominator):
    """``numerator / denominator * 100``; ``None`` without a denominator."""
    if not denominator:
        return None
    return 100.0 * numerator / denominator


def average(total, count):
    """``total / count``; ``None`` without cases."""
    if not count:
        return None
    return total / count


def satisfaction(score_sum, customers):
    """Customer satisfaction: the sum of the overall scores divided by the
    number of customers who scored (each customer counted once, with the
    average of his scores of the month)."""
    return average(score_sum, customers)


def customer_scores(answers):
    """``(sum, customers)`` of answers ``[(customer, score)]``: a customer who
    answered several surveys counts once, with the average of his scores."""
    by_customer = {}
    for customer, score in answers:
        by_customer.setdefault(customer, []).append(score)
    averages = [sum(scores) / len(scores) for scores in by_customer.values()]
    return sum(averages), len(averages)


def value(code, numerator, denominator):
    """The figure of KPI ``code`` from its totals (``SQL_FORMULAS`` in
    Python); ``None``: no data."""
    unit = KPI_BY_CODE[code].unit
    if unit == PERCENT:
        return percent(numerator, denominator)
    if unit in (SCORE, HOURS):
        return average(numerator, denominator)
    if unit == COST:
        return float(numerator or 0.0) if denominator else None
    return float(numerator or 0.0)


def missed(figure, target, better):
    """The figure misses its target (no figure or no target misses nothing)."""
    if figure is None or target is None:
        return False
    # a figure shown rounded to two decimals is judged as shown
    figure = round(figure, 6)
    if better == AT_LEAST:
        return figure < target
    return figure > target


def commended(score, threshold=DEFAULT_COMMENDATION_SCORE):
    """Satisfaction at or above the threshold proposes a commendation."""
    return score is not None and round(score, 6) >= threshold


def month_start(day):
    """First day of the month of ``day``."""
    return day.replace(day=1)


def next_month(day):
    """First day of the month after the one of ``day``."""
    start = month_start(day)
    return (start + timedelta(days=32)).replace(day=1)


def previous_month(day):
    """First day of the month before the one of ``day``: the month the review
    made in the first days of a month is about."""
    return (month_start(day) - timedelta(days=1)).replace(day=1)


def month_bounds(day):
    """``(first day, first day of the next month)`` of the month of ``day``."""
    return month_start(day), next_month(day)


def assessment_key(scope, res_id):
    """One assessment per company, month, scope and engineer or team."""
    return f"{scope}-{res_id or 0}"
