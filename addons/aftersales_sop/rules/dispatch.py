# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which engineers may go to a repair job, and in which order (SPEC §4.2).

Eligibility (:func:`eligibility`): an engineer may be sent to a job when he
holds a valid certification for the product category of the job (an expired
one takes him out of dispatch for that category, SPEC §10; a job without a
product category needs none) **and** a skill that fits the fault type and the
product category of the job. An engineer who is certified but whose skills do
not fit may be sent only when an after-sales manager overrides, with a reason
(``overridable``); one without a valid certification never.

The dispatcher is offered every engineer, best first. The rules, in the order
they decide:

1. certification: the eligible and the overridable come before every engineer
   without a valid certification, who is listed only to show why he cannot go;
2. skill: a skill that fits the fault type and the product category of the
   job. An engineer whose skills do not fit never ranks above one whose skills
   fit, whatever his zone, workload or seniority;
3. seniority, for a complex job only: seniors before juniors, whatever the
   distance (a junior may go under a senior, as his assistant);
4. zone: the zone (city) of the service address first;
5. workload: the fewest open jobs first;
6. then by name and id, so that the order never depends on the input order.

So the eligible engineers come first, then those a manager may send anyway,
then those nobody may send.

Every candidate carries the reasons of his place, as codes with parameters,
for the Odoo layer to render in the user's language: one reason per rule
(``CODES``), and for every candidate but the first the rule that put him
after the one above him (``after_<rule>``, with that engineer's name).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

JUNIOR = "junior"
SENIOR = "senior"
#: in ``Candidate.certified_category_ids``: a certification without a product
#: category, which covers every category
ANY_CATEGORY = 0

#: the rules of the ranking, in the order they decide
RULES = ("certification", "skill", "seniority", "zone", "workload", "name")

#: every reason code ``rank`` gives, by the rule it explains
CODES = {
    "certification": ("certified", "not_certified", "no_certification_needed"),
    "skill": ("skill_fits", "no_skill"),
    "seniority": ("senior_for_complex", "junior_for_complex"),
    "zone": ("same_zone", "other_zone", "no_zone"),
    "workload": ("workload",),
    "after": tuple(f"after_{rule}" for rule in RULES),
}


@dataclass(frozen=True)
class Skill:
    """What an engineer can repair: ``None`` matches any fault type or category."""

    fault_type: str | None = None
    category_id: int | None = None
    level: str = JUNIOR

    def fits(self, job: Job) -> bool:
        """Whether the skill covers the job's fault type and product category.

        What the job does not say (no fault type, no category) is not held
        against the skill.
        """
        if self.fault_type and job.fault_type and self.fault_type != job.fault_type:
            return False
        if self.category_id is None or not job.category_path:
            return True
        return self.category_id in job.category_path


@dataclass(frozen=True)
class Job:
    """The repair to dispatch."""

    zone_id: int | None = None
    fault_type: str | None = None
    #: the product category of the job and its parents (a skill or a
    #: certification for a parent category covers its children)
    category_path: tuple[int, ...] = ()
    complex: bool = False

    @property
    def category_id(self) -> int | None:
        return self.category_path[-1] if self.category_path else None


@dataclass(frozen=True)
class Candidate:
    """An engineer as the ranking sees him."""

    id: int
    name: str
    zone_id: int | None = None
    level: str = JUNIOR
    skills: tuple[Skill, ...] = ()
    #: product categories he holds a valid certification for
    certified_category_ids: frozenset[int] = frozenset()
    workload: int = 0


@dataclass(frozen=True)
class Eligibility:
    """Whether an engineer may be sent to a job."""

    #: a valid certification for the job's product category (or none needed)
    certified: bool
    #: a skill that fits the job's fault type and product category
    skill_fit: bool

    @property
    def eligible(self) -> bool:
        """He may be sent: certified, with a skill that fits."""
        return self.certified and self.skill_fit

    @property
    def overridable(self) -> bool:
        """He may be sent only on an after-sales manager's decision, with a
        reason: certified, but no skill of his fits."""
        return self.certified and not self.skill_fit


def certified(candidate: Candidate, job: Job) -> bool:
    """A valid certification for the job's product category or one of its
    parents, or one without a category; a job without a category needs none."""
    held = candidate.certified_category_ids
    return job.category_id is None or any(
        c in held for c in (ANY_CATEGORY, *job.category_path)
    )


def eligibility(candidate: Candidate, job: Job) -> Eligibility:
    """Whether ``candidate`` may be sent to ``job``: certified, and a skill
    that fits."""
    return Eligibility(
        certified=certified(candidate, job),
        skill_fit=_best_skill(candidate, job) is not None,
    )


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    rank: int
    #: certified and a skill that fits: may be sent
    eligible: bool
    same_zone: bool
    skill_fit: bool
    senior: bool
    #: the rule that put him after the candidate above (None for the first)
    decided_by: str | None = None
    reasons: tuple[tuple[str, dict], ...] = field(default=())
    #: a valid certification for the job (the skill may still not fit)
    certified: bool = False

    @property
    def overridable(self) -> bool:
        """Not eligible, but a manager may send him with a reason."""
        return self.certified and not self.skill_fit


@dataclass(frozen=True)
class _Assessment:
    candidate: Candidate
    certified: bool
    skill: Skill | None
    senior: bool
    same_zone: bool

    @property
    def eligible(self) -> bool:
        return Eligibility(self.certified, self.skill is not None).eligible

    def key(self, job: Job) -> tuple:
        """The sort key: one component per rule of ``RULES``, in that order."""
        return (
            not self.certified,
            self.skill is None,
            job.complex and not self.senior,
            not self.same_zone,
            self.candidate.workload,
            (self.candidate.name, self.candidate.id),
        )


def _best_skill(candidate: Candidate, job: Job) -> Skill | None:
    fitting = [s for s in candidate.skills if s.fits(job)]
    if not fitting:
        return None
    return max(fitting, key=lambda s: (s.level == SENIOR, s.category_id is not None))


def _assess(candidate: Candidate, job: Job) -> _Assessment:
    skill = _best_skill(candidate, job)
    return _Assessment(
        candidate=candidate,
        certified=certified(candidate, job),
        skill=skill,
        senior=candidate.level == SENIOR or bool(skill and skill.level == SENIOR),
        same_zone=job.zone_id is not None and candidate.zone_id == job.zone_id,
    )


def _rule_reasons(assessment: _Assessment, job: Job) -> list[tuple[str, dict]]:
    """One reason per rule, in the order of the rules."""
    reasons: list[tuple[str, dict]] = []
    if job.category_id is None:
        reasons.append(("no_certification_needed", {}))
    elif assessment.certified:
        reasons.append(("certified", {"category_id": job.category_id}))
    else:
        reasons.append(("not_certified", {"category_id": job.category_id}))
    if assessment.skill:
        reasons.append(("skill_fits", {"level": assessment.skill.level}))
    else:
        reasons.append(("no_skill", {}))
    if job.complex:
        reasons.append(
            ("senior_for_complex" if assessment.senior else "junior_for_complex", {})
        )
    if job.zone_id is None:
        reasons.append(("no_zone", {}))
    elif assessment.same_zone:
        reasons.append(("same_zone", {"zone_id": job.zone_id}))
    else:
        reasons.append(("other_zone", {"zone_id": assessment.candidate.zone_id}))
    reasons.append(("workload", {"count": assessment.candidate.workload}))
    return reasons


def _deciding_rule(key: tuple, key_above: tuple) -> str:
    """The first rule on which a candidate loses to the one above him."""
    for rule, mine, theirs in zip(RULES, key, key_above, strict=True):
        if mine != theirs:
            return rule
    return RULES[-1]  # the same engineer twice: nothing else to tell


def rank(job: Job, candidates: Iterable[Candidate]) -> list[Ranked]:
    """Every candidate, best first, with the reasons of his place."""
    assessments = [_assess(candidate, job) for candidate in candidates]
    rows = sorted(((a.key(job), a) for a in assessments), key=lambda row: row[0])
    result = []
    for position, (key, assessment) in enumerate(rows, start=1):
        reasons = _rule_reasons(assessment, job)
        decided_by = None
        if position > 1:
            key_above, above = rows[position - 2]
            decided_by = _deciding_rule(key, key_above)
            reasons.insert(
                0,
                (
                    f"after_{decided_by}",
                    {"name": above.candidate.name, "candidate_id": above.candidate.id},
                ),
            )
        result.append(
            Ranked(
                candidate=assessment.candidate,
                rank=position,
                eligible=assessment.eligible,
                same_zone=assessment.same_zone,
                skill_fit=assessment.skill is not None,
                senior=assessment.senior,
                decided_by=decided_by,
                reasons=tuple(reasons),
                certified=assessment.certified,
            )
        )
    return result


def best(job: Job, candidates: Sequence[Candidate]) -> Candidate | None:
    """The first eligible candidate (certified, with a skill that fits), if any."""
    for ranked in rank(job, candidates):
        if ranked.eligible:
            return ranked.candidate
    return None
