"""The money gate and quote approval (aftersales_warranty.rules.money)."""

from hypothesis import given
from hypothesis import strategies as st

from aftersales_warranty.rules import money as m
from aftersales_warranty.rules import warranty as w

DECISIONS = st.sampled_from((None, *w.STATES))
UNCOVERED = st.sampled_from(sorted(set(w.STATES) - w.FREE_STATES))
AMOUNTS = st.floats(min_value=0, max_value=1e7, allow_nan=False)


def test_the_paths_of_a_visit():
    # nothing before the decision, whatever the customer said
    assert m.work_blocker(None, charged=True, accepted=True) == m.UNDECIDED
    assert m.work_blocker(w.IN_WARRANTY, outdated=True) == m.OUTDATED
    # covered: free work starts; a fee waits for his acceptance
    assert m.work_blocker(w.IN_WARRANTY) is None
    assert m.work_blocker(w.IN_WARRANTY, charged=True) == m.CONSENT
    assert m.work_blocker(w.IN_WARRANTY, charged=True, accepted=True) is None
    # not covered: a fee he accepted, or a quote he accepted
    assert m.work_blocker(w.EXPIRED, charged=True) == m.CONSENT
    assert m.work_blocker(w.EXPIRED, charged=True, accepted=True) is None
    assert m.work_blocker(w.EXCLUDED, quote_accepted=True) is None
    # not covered and free: a goodwill repair, approved by a manager
    assert m.work_blocker(w.NO_PROOF) == m.GOODWILL
    assert m.work_blocker(w.NO_PROOF, goodwill=True) is None
    # a goodwill approval does not stand for a fee he did not accept
    assert m.work_blocker(w.EXPIRED, charged=True, goodwill=True) == m.CONSENT


@given(
    DECISIONS,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_no_work_without_a_decision_or_an_agreement(
    decision, outdated, charged, accepted, quote_accepted, goodwill
):
    blocker = m.work_blocker(
        decision, outdated, charged, accepted, quote_accepted, goodwill
    )
    assert blocker in (None, *m.BLOCKERS)
    if blocker is None:
        assert decision and not outdated
        assert accepted or not charged
        assert decision in w.FREE_STATES or charged or quote_accepted or goodwill, (
            "an uncovered unit is repaired for free only with a manager's approval"
        )
    if not decision:
        assert blocker == m.UNDECIDED


@given(UNCOVERED, st.booleans())
def test_an_uncovered_unit_repaired_for_free_is_goodwill(decision, charged):
    assert m.needs_goodwill(decision, charged) is (not charged)
    assert not m.needs_goodwill(w.IN_WARRANTY, charged)
    assert not m.needs_goodwill(None, charged)
    if not charged:
        assert m.work_blocker(decision) == m.GOODWILL


def test_quotes_above_the_threshold_are_approved():
    assert m.quote_needs_approval(0.0, 0.0)  # zero: every after-sales quote
    assert m.quote_needs_approval(10.0, 0.0)
    assert not m.quote_needs_approval(500.0, 500.0)  # above, not at
    assert m.quote_needs_approval(500.01, 500.0)


@given(AMOUNTS, AMOUNTS)
def test_the_threshold_splits_the_quotes(amount, threshold):
    needed = m.quote_needs_approval(amount, threshold)
    assert needed is (threshold <= 0 or amount > threshold)
    # a higher quote never needs less approval
    assert not needed or m.quote_needs_approval(amount + 1, threshold)
