"""Spare parts of a request (aftersales_warranty.rules.parts)."""

import math

from hypothesis import given
from hypothesis import strategies as st

from aftersales_warranty.rules import parts as p

QTY = st.integers(min_value=0, max_value=50).map(float)


def test_a_line_from_request_to_return():
    assert p.line_state(p.PartQuantities(pending=2)) == p.WAITING
    assert p.line_state(p.PartQuantities(pending=2, reserved=1)) == p.WAITING
    assert p.line_state(p.PartQuantities(pending=2, reserved=2)) == p.RESERVED
    # one issued, the other still waits: the line is with the engineer
    assert p.line_state(p.PartQuantities(pending=1, issued=1, used=1)) == p.ISSUED
    issued = p.PartQuantities(issued=2, used=1)
    assert p.line_state(issued) == p.ISSUED
    assert (issued.held, issued.to_consume, issued.to_return) == (2, 1, 1)
    consumed = p.PartQuantities(issued=2, used=1, consumed=1, returning=1)
    assert p.line_state(consumed) == p.ISSUED  # the unused one is on its way back
    assert (consumed.held, consumed.to_consume, consumed.to_return) == (0, 0, 0)
    back = p.PartQuantities(issued=2, used=1, consumed=1, returned=1)
    assert p.line_state(back) == p.DONE
    assert p.line_state(p.PartQuantities()) == p.RELEASED


def test_the_used_quantity_stays_between_consumed_and_issued():
    assert p.used_problem(p.PartQuantities(issued=2, used=2)) is None
    assert p.used_problem(p.PartQuantities(issued=2, used=3)) == "more_than_issued"
    assert p.used_problem(p.PartQuantities(issued=2, used=-1)) == "negative"
    assert (
        p.used_problem(p.PartQuantities(issued=2, used=0, consumed=1))
        == "less_than_consumed"
    )
    # parts on their way back cannot have been used
    assert (
        p.used_problem(p.PartQuantities(issued=2, used=2, returning=1))
        == "more_than_issued"
    )


@given(QTY, QTY, QTY, QTY, QTY)
def test_what_the_engineer_holds_is_consumed_or_returned(issued, used, a, b, c):
    consumed = min(a, issued)
    returning = min(b, issued - consumed)
    returned = min(c, issued - consumed - returning)
    q = p.PartQuantities(
        issued=issued,
        used=used,
        consumed=consumed,
        returning=returning,
        returned=returned,
    )
    assert q.to_consume >= 0 and q.to_return >= 0
    assert q.to_consume + q.to_return == q.held
    # never more consumed than used, never more than issued in the end
    assert consumed + q.to_consume <= max(used, consumed)
    assert consumed + q.to_consume + returning + returned + q.to_return == issued
    # once everything is consumed or back, the line is done
    after = p.PartQuantities(
        issued=issued,
        used=used,
        consumed=consumed + q.to_consume,
        returned=returned + returning + q.to_return,
    )
    assert p.line_state(after) == (p.DONE if issued else p.RELEASED)


def test_the_suggested_minimum_covers_a_month_of_demand():
    assert p.suggested_minimum(13, 6) == 3  # 2.17 a month, rounded up
    assert p.suggested_minimum(12, 6) == 2
    assert p.suggested_minimum(12, 6, cover_months=2) == 4
    assert p.suggested_minimum(0, 6) == 0
    assert p.suggested_minimum(5, 0) == 0


@given(
    st.integers(min_value=0, max_value=10**9).map(lambda n: n / 1000),
    st.integers(min_value=1, max_value=36),
    st.floats(min_value=0.1, max_value=12),
)
def test_the_suggested_minimum_is_the_demand_it_covers(demand, months, cover):
    minimum = p.suggested_minimum(demand, months, cover)
    assert isinstance(minimum, int) and minimum >= 0
    wanted = demand / months * cover
    assert minimum >= wanted - 1e-6
    assert minimum < wanted + 1 or math.isclose(minimum, wanted + 1)
    # more demand never lowers it
    assert p.suggested_minimum(demand + 1, months, cover) >= minimum
