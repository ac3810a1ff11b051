"""Formulas of the monthly quality review (aftersales_kpi.rules.kpi)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_kpi.rules import kpi

counts = st.integers(min_value=0, max_value=10_000)
scores = st.integers(min_value=0, max_value=10)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(counts, counts)
def test_percent_is_a_share_of_the_denominator(numerator, extra):
    denominator = numerator + extra
    result = kpi.percent(numerator, denominator)
    if not denominator:
        assert result is None
    else:
        assert 0.0 <= result <= 100.0
        assert result == pytest.approx(numerator * 100 / denominator)


def test_the_spec_examples():
    # 19 of 20 consultations answered within 30 s: 95 %, the target is met
    assert kpi.value("response_compliance", 19, 20) == 95.0
    assert not kpi.missed(95.0, 95.0, kpi.AT_LEAST)
    assert kpi.missed(kpi.value("response_compliance", 18, 20), 95.0, kpi.AT_LEAST)
    # satisfaction: 9 + 10 + 8 from three customers = 9.0
    assert kpi.satisfaction(27, 3) == 9.0
    assert kpi.commended(9.5) and not kpi.commended(9.49)
    assert kpi.value("penalty_amount", 40, 0) == 40.0


@given(st.lists(st.tuples(st.integers(0, 5), scores), max_size=30))
def test_satisfaction_counts_each_customer_once(answers):
    total, customers = kpi.customer_scores(answers)
    assert customers == len({customer for customer, _score in answers})
    result = kpi.satisfaction(total, customers)
    if not answers:
        assert result is None
        return
    assert 0.0 <= result <= 10.0
    # answering twice the same score changes nothing
    assert kpi.satisfaction(*kpi.customer_scores(answers + answers)) == (
        pytest.approx(result)
    )


@given(st.lists(scores, min_size=1, max_size=30))
def test_satisfaction_of_one_answer_per_customer_is_the_mean(values):
    answers = list(enumerate(values))
    result = kpi.satisfaction(*kpi.customer_scores(answers))
    assert result == pytest.approx(sum(values) / len(values))


@given(st.floats(0, 100, allow_nan=False), st.floats(0, 100, allow_nan=False))
def test_a_figure_misses_its_target_on_one_side_only(figure, target):
    low = kpi.missed(figure, target, kpi.AT_LEAST)
    high = kpi.missed(figure, target, kpi.AT_MOST)
    assert not (low and high)
    if round(figure, 6) == target:
        assert not low and not high
    else:
        assert low or high


@given(st.sampled_from([kpi.AT_LEAST, kpi.AT_MOST]), st.none() | st.floats(0, 10))
def test_nothing_to_measure_misses_nothing(better, target):
    assert not kpi.missed(None, target, better)
    assert not kpi.missed(5.0, None, better)
    assert not kpi.commended(None)


@given(st.sampled_from([k.code for k in kpi.KPIS]), counts)
def test_no_case_gives_no_data_not_zero(code, numerator):
    result = kpi.value(code, numerator, 0)
    if kpi.KPI_BY_CODE[code].unit in (kpi.PERCENT, kpi.SCORE, kpi.HOURS, kpi.COST):
        # nothing decided, nobody scored, no repair completed: no data
        assert result is None
        assert not kpi.missed(result, 0.0, kpi.KPI_BY_CODE[code].better)
    else:
        # penalties are counted: a month without any has 0
        assert result == float(numerator)


@given(counts, counts)
def test_a_cost_of_repairs_is_their_sum(amount, repairs):
    result = kpi.value("service_cost", amount, repairs)
    assert result == (float(amount) if repairs else None)


@given(days)
def test_the_review_is_about_the_previous_month(day):
    start = kpi.previous_month(day)
    first, end = kpi.month_bounds(start)
    assert first == start and start.day == 1 and end.day == 1
    assert end == kpi.month_start(day)
    assert start < day and (day - start).days <= 62
    assert kpi.next_month(start) == end
    # every day of the month maps back to its first day
    assert kpi.month_start(end - timedelta(days=1)) == start


def test_every_kpi_has_a_unit_a_direction_a_label_and_a_formula():
    for item in kpi.KPIS:
        assert item.unit in kpi.UNITS
        assert item.better in (kpi.AT_LEAST, kpi.AT_MOST)
        assert item.label and item.label[0].isupper()
        assert "%(n)s" in kpi.SQL_FORMULAS[item.unit]
    # one list: the selection of targets and figures is the list of figures
    assert [code for code, _label in kpi.KPI_SELECTION] == [k.code for k in kpi.KPIS]
    assert len({label for _code, label in kpi.KPI_SELECTION}) == len(kpi.KPIS)
    # the ratios divide by their denominator in SQL as in Python
    for unit in (kpi.PERCENT, kpi.SCORE, kpi.HOURS):
        assert "NULLIF(%(d)s, 0)" in kpi.SQL_FORMULAS[unit]
    assert set(kpi.DEFAULT_TARGETS) <= set(kpi.KPI_BY_CODE)
    assert kpi.assessment_key("engineer", 7) == "engineer-7"
    assert kpi.assessment_key("company", False) == "company-0"
