# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The formulas of the monthly quality review (no ``odoo`` import).

The Odoo layer sums and counts in SQL (one query per source for every company,
team and engineer at once) and hands the totals to these functions, which
turn them into the figures of the review and judge them against the targets.

A figure is ``None`` when there is nothing to measure (no consultation, no
repair, no answered survey): it misses no target and earns no commendation.
"""

from collections import namedtuple
from datetime import timedelta

#: unit of a figure: how it is computed from its totals and how it reads
PERCENT = "percent"  # numerator / denominator * 100
SCORE = "score"  # sum of scores / number of customers who scored
HOURS = "hours"  # total hours / number of cases
AMOUNT = "amount"  # a sum of money (the numerator)
COUNT = "count"  # a number of cases (the numerator)

#: higher is better (a target is a minimum) or lower is better (a maximum)
AT_LEAST = ">="
AT_MOST = "<="

Kpi = namedtuple("Kpi", "code unit better")

#: the figures of the review (SPEC section on the monthly quality review), in
#: the order of the assessment
KPIS = (
    Kpi("response_compliance", PERCENT, AT_LEAST),
    Kpi("resolution_rate", PERCENT, AT_LEAST),
    Kpi("complaint_timeliness", PERCENT, AT_LEAST),
    Kpi("satisfaction", SCORE, AT_LEAST),
    Kpi("onsite_hours", HOURS, AT_MOST),
    Kpi("completion_hours", HOURS, AT_MOST),
    Kpi("first_time_fix", PERCENT, AT_LEAST),
    Kpi("repeat_rate", PERCENT, AT_MOST),
    Kpi("cost_labour", AMOUNT, AT_MOST),
    Kpi("cost_parts", AMOUNT, AT_MOST),
    Kpi("cost_travel", AMOUNT, AT_MOST),
    Kpi("service_cost", AMOUNT, AT_MOST),
    Kpi("penalty_count", COUNT, AT_MOST),
    Kpi("penalty_amount", AMOUNT, AT_MOST),
)
KPI_BY_CODE = {kpi.code: kpi for kpi in KPIS}

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
    """The figure of KPI ``code`` from its totals."""
    unit = KPI_BY_CODE[code].unit
    if unit == PERCENT:
        return percent(numerator, denominator)
    if unit in (SCORE, HOURS):
        return average(numerator, denominator)
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
