"""Ranking engineers for a repair job (aftersales_sop.rules.dispatch)."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules.dispatch import (
    JUNIOR,
    SENIOR,
    Candidate,
    Job,
    Skill,
    best,
    rank,
)

SHANGHAI, SUZHOU = 1, 2
APPLIANCES, AIR_CON = 10, 11  # AIR_CON is a child of APPLIANCES
JOB = Job(
    zone_id=SHANGHAI,
    fault_type="hardware",
    category_path=(APPLIANCES, AIR_CON),
)


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


def test_expired_certification_takes_him_out():
    uncertified = engineer(1, "Expired", certified=())
    ranked = rank(JOB, [uncertified, engineer(2, "Certified", zone=SUZHOU, workload=9)])
    assert names(ranked) == ["Certified", "Expired"]
    assert not ranked[1].eligible and "not_certified" in reasons(ranked[1])
    assert best(JOB, [uncertified]) is None


def test_certification_of_a_parent_category_covers_the_child():
    assert rank(JOB, [engineer(1, "Parent", certified=(APPLIANCES,))])[0].eligible


def test_job_without_category_needs_no_certification():
    job = Job(zone_id=SHANGHAI, fault_type="software")
    ranked = rank(job, [engineer(1, "A", certified=())])
    assert ranked[0].eligible and "no_certification_needed" in reasons(ranked[0])


def test_fitting_skill_beats_lower_workload():
    unskilled = engineer(
        1, "Software only", skills=[Skill("software", None)], workload=0
    )
    skilled = engineer(2, "Hardware", workload=3)
    assert names(rank(JOB, [unskilled, skilled])) == ["Hardware", "Software only"]


def test_complex_jobs_go_to_seniors():
    job = replace(JOB, complex=True)
    junior = engineer(1, "Junior", workload=0)
    senior = engineer(2, "Senior", level=SENIOR, workload=4)
    assert names(rank(job, [junior, senior])) == ["Senior", "Junior"]
    assert names(rank(JOB, [junior, senior])) == ["Junior", "Senior"]  # not complex
    assert "senior_for_complex" in reasons(rank(job, [senior])[0])


# -- properties ------------------------------------------------------------------

skills = st.builds(
    Skill,
    fault_type=st.sampled_from([None, "hardware", "software", "appearance"]),
    category_id=st.sampled_from([None, APPLIANCES, AIR_CON, 12]),
    level=st.sampled_from([JUNIOR, SENIOR]),
)


@st.composite
def candidates(draw):
    count = draw(st.integers(0, 8))
    return [
        Candidate(
            id=i,
            name=draw(st.sampled_from(["Li", "Wang", "Zhang", "Liu", "Chen"])),
            zone_id=draw(st.sampled_from([None, SHANGHAI, SUZHOU])),
            level=draw(st.sampled_from([JUNIOR, SENIOR])),
            skills=tuple(draw(st.lists(skills, max_size=3))),
            certified_category_ids=frozenset(
                draw(st.sets(st.sampled_from([APPLIANCES, AIR_CON, 12])))
            ),
            workload=draw(st.integers(0, 20)),
        )
        for i in range(count)
    ]


jobs = st.builds(
    Job,
    zone_id=st.sampled_from([None, SHANGHAI, SUZHOU]),
    fault_type=st.sampled_from([None, "hardware", "software", "appearance"]),
    category_path=st.sampled_from([(), (APPLIANCES,), (APPLIANCES, AIR_CON), (12,)]),
    complex=st.booleans(),
)


@given(jobs, candidates())
def test_ranking_is_a_permutation_with_consecutive_ranks(job, pool):
    ranked = rank(job, pool)
    assert sorted(r.candidate.id for r in ranked) == sorted(c.id for c in pool)
    assert [r.rank for r in ranked] == list(range(1, len(pool) + 1))


@given(jobs, candidates(), st.randoms())
def test_order_does_not_depend_on_input_order(job, pool, random):
    shuffled = list(pool)
    random.shuffle(shuffled)
    assert [r.candidate.id for r in rank(job, pool)] == [
        r.candidate.id for r in rank(job, shuffled)
    ]


@given(jobs, candidates())
def test_eligible_before_ineligible_and_rules_in_order(job, pool):
    ranked = rank(job, pool)
    keys = [
        (
            not r.eligible,
            not r.same_zone,
            not r.skill_fit,
            job.complex and not r.senior,
            r.candidate.workload,
        )
        for r in ranked
    ]
    assert keys == sorted(keys)
    first = best(job, pool)
    eligible = [r for r in ranked if r.eligible]
    assert first == (eligible[0].candidate if eligible else None)


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


@given(jobs, candidates())
def test_every_candidate_has_reasons_for_each_rule(job, pool):
    for ranked in rank(job, pool):
        codes = {code for code, _ in ranked.reasons}
        assert codes & {"certified", "not_certified", "no_certification_needed"}
        assert codes & {"same_zone", "other_zone", "no_zone"}
        assert codes & {"skill_fits", "no_skill"}
        assert "workload" in codes
        assert (ranked.eligible) == ("not_certified" not in codes)
