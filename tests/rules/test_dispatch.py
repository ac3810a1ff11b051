"""Ranking engineers for a repair job (aftersales_sop.rules.dispatch)."""

from dataclasses import replace
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules.dispatch import (
    ANY_CATEGORY,
    CODES,
    JUNIOR,
    RULES,
    SENIOR,
    Candidate,
    Job,
    Skill,
    best,
    eligibility,
    rank,
)

SHANGHAI, SUZHOU = 1, 2
APPLIANCES, AIR_CON, HEATERS = 10, 11, 12  # AIR_CON is a child of APPLIANCES
JOB = Job(
    zone_id=SHANGHAI,
    fault_type="hardware",
    category_path=(APPLIANCES, AIR_CON),
)
COMPLEX_JOB = replace(JOB, complex=True)


def engineer(
    id_,
    name,
    zone=SHANGHAI,
    level=JUNIOR,
    workload=0,
    certified=(AIR_CON,),
    skills=None,
):
    return Candidate(
        id=id_,
        name=name,
        zone_id=zone,
        level=level,
        workload=workload,
        certified_category_ids=frozenset(certified),
        skills=tuple(
            skills if skills is not None else [Skill("hardware", AIR_CON, level)]
        ),
    )


def names(ranked):
    return [r.candidate.name for r in ranked]


def reasons(ranked_one):
    return [code for code, _params in ranked_one.reasons]


# -- examples ---------------------------------------------------------------------


def test_same_zone_first_then_workload():
    ranked = rank(
        JOB,
        [
            engineer(1, "Far", zone=SUZHOU, workload=0),
            engineer(2, "Busy", workload=5),
            engineer(3, "Free", workload=1),
        ],
    )
    assert names(ranked) == ["Free", "Busy", "Far"]
    assert [r.rank for r in ranked] == [1, 2, 3]
    assert "same_zone" in reasons(ranked[0]) and "other_zone" in reasons(ranked[2])
    assert ("workload", {"count": 1}) in ranked[0].reasons
    assert [r.decided_by for r in ranked] == [None, "workload", "zone"]
    assert ranked[1].reasons[0] == (
        "after_workload",
        {"name": "Free", "candidate_id": 3},
    )
    assert ranked[2].reasons[0] == ("after_zone", {"name": "Busy", "candidate_id": 2})


def test_a_skilled_engineer_from_another_city_before_an_unskilled_local():
    local = engineer(1, "Local", skills=[Skill("software", AIR_CON)], workload=0)
    far = engineer(2, "Far", zone=SUZHOU, workload=7)
    ranked = rank(JOB, [local, far])
    assert names(ranked) == ["Far", "Local"]
    assert ranked[0].skill_fit and not ranked[0].same_zone
    assert not ranked[1].skill_fit and ranked[1].same_zone
    assert ranked[1].decided_by == "skill"
    assert reasons(ranked[1]) == [
        "after_skill",
        "certified",
        "no_skill",
        "same_zone",
        "workload",
    ]


def test_complex_job_a_senior_from_farther_before_a_local_junior():
    junior = engineer(1, "Junior", workload=0)
    senior = engineer(2, "Senior", zone=SUZHOU, level=SENIOR, workload=4)
    ranked = rank(COMPLEX_JOB, [junior, senior])
    assert names(ranked) == ["Senior", "Junior"]
    assert ranked[1].decided_by == "seniority"
    assert "senior_for_complex" in reasons(ranked[0])
    assert "junior_for_complex" in reasons(ranked[1])
    # not complex: seniority does not count, the zone decides
    ranked = rank(JOB, [junior, senior])
    assert names(ranked) == ["Junior", "Senior"]
    assert ranked[1].decided_by == "zone"
    assert not {"senior_for_complex", "junior_for_complex"} & set(reasons(ranked[1]))


def test_a_senior_skill_makes_a_senior_for_the_job():
    expert = engineer(1, "Expert", skills=[Skill("hardware", AIR_CON, SENIOR)])
    assert rank(COMPLEX_JOB, [expert])[0].senior


def test_a_senior_without_fitting_skill_stays_after_a_skilled_junior():
    senior = engineer(1, "Senior", level=SENIOR, skills=[Skill("software")])
    junior = engineer(2, "Junior", zone=SUZHOU, workload=9)
    assert names(rank(COMPLEX_JOB, [senior, junior])) == ["Junior", "Senior"]


def test_expired_certification_takes_him_out():
    uncertified = engineer(1, "Expired", certified=())
    ranked = rank(JOB, [uncertified, engineer(2, "Certified", zone=SUZHOU, workload=9)])
    assert names(ranked) == ["Certified", "Expired"]
    assert not ranked[1].eligible and "not_certified" in reasons(ranked[1])
    assert ranked[1].decided_by == "certification"
    assert best(JOB, [uncertified]) is None


def test_certification_of_a_parent_category_covers_the_child():
    assert rank(JOB, [engineer(1, "Parent", certified=(APPLIANCES,))])[0].eligible


def test_a_certification_without_category_covers_every_category():
    ranked = rank(JOB, [engineer(1, "All", certified=(ANY_CATEGORY,))])
    assert ranked[0].eligible
    assert ranked[0].reasons[0] == ("certified", {"category_id": AIR_CON})


def test_job_without_category_needs_no_certification():
    job = Job(zone_id=SHANGHAI, fault_type="software")
    ranked = rank(job, [engineer(1, "A", certified=(), skills=[Skill("software")])])
    assert ranked[0].eligible and "no_certification_needed" in reasons(ranked[0])
    # he still needs a skill that fits
    ranked = rank(job, [engineer(1, "A", certified=())])
    assert ranked[0].certified and not ranked[0].eligible


def test_eligibility_needs_a_certification_and_a_fitting_skill():
    fits = eligibility(engineer(1, "Fits"), JOB)
    assert fits.eligible and not fits.overridable
    # certified, but his skills are software: a manager may send him, with a
    # reason; nobody else
    unskilled = eligibility(engineer(2, "Software", skills=[Skill("software")]), JOB)
    assert (unskilled.certified, unskilled.skill_fit) == (True, False)
    assert not unskilled.eligible and unskilled.overridable
    # no valid certification: nobody sends him, whatever his skills
    for skills in (None, [Skill("software")]):
        expired = eligibility(engineer(3, "Expired", certified=(), skills=skills), JOB)
        assert not expired.eligible and not expired.overridable
    # a skill for every fault and product fits
    assert eligibility(engineer(4, "Any", skills=[Skill()]), JOB).eligible
    # no eligible engineer: none is proposed, not even the overridable one
    assert best(JOB, [engineer(2, "Software", skills=[Skill("software")])]) is None


def test_what_the_job_does_not_say_is_not_held_against_a_skill():
    specialist = Skill("hardware", HEATERS)
    assert specialist.fits(Job(fault_type="hardware"))
    assert specialist.fits(Job(category_path=(APPLIANCES, HEATERS)))
    assert not specialist.fits(Job(fault_type="software"))
    assert not specialist.fits(JOB)
    assert Skill(None, APPLIANCES).fits(JOB)  # a parent category covers the child


def test_fitting_skill_beats_lower_workload():
    unskilled = engineer(
        1, "Software only", skills=[Skill("software", None)], workload=0
    )
    skilled = engineer(2, "Hardware", workload=3)
    assert names(rank(JOB, [unskilled, skilled])) == ["Hardware", "Software only"]


def test_full_ties_go_by_name_then_id():
    ranked = rank(JOB, [engineer(3, "Wang"), engineer(2, "Li"), engineer(1, "Wang")])
    assert [r.candidate.id for r in ranked] == [2, 1, 3]
    assert [r.decided_by for r in ranked] == [None, "name", "name"]


# -- properties -------------------------------------------------------------------

skills = st.builds(
    Skill,
    fault_type=st.sampled_from([None, "hardware", "software", "appearance"]),
    category_id=st.sampled_from([None, APPLIANCES, AIR_CON, HEATERS]),
    level=st.sampled_from([JUNIOR, SENIOR]),
)


def one_candidate(id_):
    return st.builds(
        Candidate,
        id=st.just(id_),
        name=st.sampled_from(["Li", "Wang", "Zhang", "Liu", "Chen"]),
        zone_id=st.sampled_from([None, SHANGHAI, SUZHOU]),
        level=st.sampled_from([JUNIOR, SENIOR]),
        skills=st.lists(skills, max_size=3).map(tuple),
        certified_category_ids=st.frozensets(
            st.sampled_from([ANY_CATEGORY, APPLIANCES, AIR_CON, HEATERS])
        ),
        workload=st.integers(0, 20),
    )


@st.composite
def candidates(draw, max_size=8):
    count = draw(st.integers(0, max_size))
    return [draw(one_candidate(i)) for i in range(count)]


jobs = st.builds(
    Job,
    zone_id=st.sampled_from([None, SHANGHAI, SUZHOU]),
    fault_type=st.sampled_from([None, "hardware", "software", "appearance"]),
    category_path=st.sampled_from(
        [(), (APPLIANCES,), (APPLIANCES, AIR_CON), (HEATERS,)]
    ),
    complex=st.booleans(),
)


def pairs(ranked):
    """Every (higher, lower) pair of the ranking."""
    return combinations(ranked, 2)


@given(jobs, candidates())
def test_ranking_is_a_permutation_with_consecutive_ranks(job, pool):
    ranked = rank(job, pool)
    assert sorted(r.candidate.id for r in ranked) == sorted(c.id for c in pool)
    assert [r.rank for r in ranked] == list(range(1, len(pool) + 1))


@given(jobs, candidates(), st.randoms())
def test_order_and_reasons_do_not_depend_on_input_order(job, pool, random):
    shuffled = list(pool)
    random.shuffle(shuffled)
    assert rank(job, pool) == rank(job, shuffled)


@given(jobs, candidates())
def test_eligible_before_ineligible(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        assert higher.eligible or not lower.eligible
    eligible = [r for r in rank(job, pool) if r.eligible]
    assert best(job, pool) == (eligible[0].candidate if eligible else None)


@given(jobs, candidates())
def test_skill_fit_before_no_fit_among_the_certified(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        if higher.certified == lower.certified:
            assert higher.skill_fit or not lower.skill_fit


@given(jobs, candidates())
def test_eligibility_is_certification_and_skill(job, pool):
    ranked = rank(job, pool)
    for one in ranked:
        verdict = eligibility(one.candidate, job)
        assert (verdict.certified, verdict.skill_fit) == (one.certified, one.skill_fit)
        assert verdict.eligible == one.eligible == (one.certified and one.skill_fit)
        assert verdict.overridable == one.overridable
        assert not (verdict.eligible and verdict.overridable)
    # the eligible first, then those a manager may send, then the others
    groups = [0 if r.eligible else 1 if r.overridable else 2 for r in ranked]
    assert groups == sorted(groups)


@given(jobs, one_candidate(1), one_candidate(2))
def test_skill_fit_wins_whatever_the_zone_workload_or_seniority(job, fit, unfit):
    # certified for the job, one fits and the other does not: every other
    # attribute is drawn at random
    fit = replace(
        fit,
        certified_category_ids=frozenset(job.category_path),
        skills=(Skill(job.fault_type, job.category_id, fit.level),),
    )
    unfit = replace(
        unfit,
        certified_category_ids=frozenset(job.category_path),
        skills=tuple(s for s in unfit.skills if not s.fits(job)),
    )
    ranked = rank(job, [unfit, fit])
    assert [r.candidate.id for r in ranked] == [fit.id, unfit.id]
    assert ranked[1].decided_by == "skill"


@given(jobs.map(lambda j: replace(j, complex=True)), candidates())
def test_complex_job_senior_before_junior_whatever_the_zone(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        if (higher.certified, higher.skill_fit) == (lower.certified, lower.skill_fit):
            assert higher.senior or not lower.senior


@given(st.integers(0, 20), st.integers(0, 20))
def test_complex_job_a_far_senior_before_a_local_junior(w1, w2):
    senior = engineer(1, "Senior", zone=SUZHOU, level=SENIOR, workload=w1)
    junior = engineer(2, "Junior", zone=SHANGHAI, workload=w2)
    assert names(rank(COMPLEX_JOB, [junior, senior])) == ["Senior", "Junior"]
    assert names(rank(JOB, [junior, senior])) == ["Junior", "Senior"]


def _same_before(job, higher, lower, rule):
    """Whether two ranked candidates are equal on the rules before ``rule``."""
    flags = {
        "certification": (higher.certified, lower.certified),
        "skill": (higher.skill_fit, lower.skill_fit),
        "seniority": (
            job.complex and higher.senior,
            job.complex and lower.senior,
        ),
        "zone": (higher.same_zone, lower.same_zone),
        "workload": (higher.candidate.workload, lower.candidate.workload),
    }
    before = RULES[: RULES.index(rule)]
    return all(flags[r][0] == flags[r][1] for r in before)


@given(jobs, candidates())
def test_zone_before_workload_among_equals(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        if _same_before(job, higher, lower, "zone"):
            assert higher.same_zone or not lower.same_zone


@given(jobs, candidates())
def test_lowest_workload_first_among_equals(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        if _same_before(job, higher, lower, "workload"):
            assert higher.candidate.workload <= lower.candidate.workload


@given(jobs, candidates())
def test_name_then_id_among_full_ties(job, pool):
    for higher, lower in pairs(rank(job, pool)):
        if _same_before(job, higher, lower, "name"):
            assert (higher.candidate.name, higher.candidate.id) < (
                lower.candidate.name,
                lower.candidate.id,
            )


@given(jobs, candidates(), st.data())
def test_less_workload_never_ranks_lower(job, pool, data):
    if not pool:
        return
    chosen = data.draw(st.sampled_from(pool))
    lighter = replace(
        chosen, workload=max(0, chosen.workload - data.draw(st.integers(1, 5)))
    )
    before = next(r.rank for r in rank(job, pool) if r.candidate.id == chosen.id)
    after_pool = [lighter if c.id == chosen.id else c for c in pool]
    after = next(r.rank for r in rank(job, after_pool) if r.candidate.id == chosen.id)
    assert after <= before


@given(jobs, candidates(), st.data())
def test_a_fitting_skill_never_ranks_lower(job, pool, data):
    if not pool:
        return
    chosen = data.draw(st.sampled_from(pool))
    trained = replace(chosen, skills=(*chosen.skills, Skill()))  # fits any job
    before = next(r.rank for r in rank(job, pool) if r.candidate.id == chosen.id)
    after_pool = [trained if c.id == chosen.id else c for c in pool]
    after = next(r.rank for r in rank(job, after_pool) if r.candidate.id == chosen.id)
    assert after <= before


@given(jobs, candidates())
def test_reasons_are_consistent_with_the_flags(job, pool):
    ranked = rank(job, pool)
    for position, one in enumerate(ranked):
        codes = reasons(one)
        params = dict(one.reasons)
        # one reason per rule, and only known codes
        known = {code for group in CODES.values() for code in group}
        assert set(codes) <= known and len(codes) == len(set(codes))
        certification = set(codes) & set(CODES["certification"])
        if job.category_id is None:
            assert certification == {"no_certification_needed"} and one.certified
        elif one.certified:
            held = one.candidate.certified_category_ids
            assert held & {ANY_CATEGORY, *job.category_path}
            assert certification == {"certified"}
            assert params["certified"] == {"category_id": job.category_id}
        else:
            held = one.candidate.certified_category_ids
            assert not held & {ANY_CATEGORY, *job.category_path}
            assert certification == {"not_certified"}
        assert set(codes) & set(CODES["skill"]) == {
            "skill_fits" if one.skill_fit else "no_skill"
        }
        seniority = set(codes) & set(CODES["seniority"])
        if job.complex:
            assert seniority == {
                "senior_for_complex" if one.senior else "junior_for_complex"
            }
        else:
            assert not seniority
        zone = set(codes) & set(CODES["zone"])
        if job.zone_id is None:
            assert zone == {"no_zone"} and not one.same_zone
        else:
            assert zone == {"same_zone" if one.same_zone else "other_zone"}
        assert params["workload"] == {"count": one.candidate.workload}
        # the rule that put him after the one above: the first that differs
        after = [c for c in codes if c in CODES["after"]]
        if position == 0:
            assert not after and one.decided_by is None
            continue
        above = ranked[position - 1]
        assert after == [f"after_{one.decided_by}"]
        assert params[after[0]] == {
            "name": above.candidate.name,
            "candidate_id": above.candidate.id,
        }
        rule = one.decided_by
        assert _same_before(job, above, one, rule)
        if rule != "name":
            assert not _same_before(job, above, one, RULES[RULES.index(rule) + 1])
