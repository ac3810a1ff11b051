# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ranking engineers for a repair job (SPEC §4.2).

The dispatcher is offered every engineer, best first:

1. eligible first: an engineer needs a valid certification for the product
   category of the job (an expired one takes him out of dispatch for that
   category, SPEC §10); a job without a product category needs none;
2. same zone (city) as the service address first;
3. a skill that fits the fault type and the product category;
4. for a complex job, senior engineers first;
5. the lowest open workload;
6. then by name, so that the order never depends on the input order.

Every candidate carries the reasons of his place, as codes with parameters,
for the Odoo layer to render in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

JUNIOR = "junior"
SENIOR = "senior"


@dataclass(frozen=True)
class Skill:
    """What an engineer can repair: ``None`` matches any fault type or category."""

    fault_type: str | None = None
    category_id: int | None = None
    level: str = JUNIOR

    def fits(self, job: Job) -> bool:
        if self.fault_type and job.fault_type and self.fault_type != job.fault_type:
            return False
        if self.category_id is None:
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
class Ranked:
    candidate: Candidate
    rank: int
    eligible: bool
    same_zone: bool
    skill_fit: bool
    senior: bool
    reasons: tuple[tuple[str, dict], ...] = field(default=())


def _best_skill(candidate: Candidate, job: Job) -> Skill | None:
    fitting = [s for s in candidate.skills if s.fits(job)]
    if not fitting:
        return None
    return max(fitting, key=lambda s: (s.level == SENIOR, s.category_id is not None))


def _assess(candidate: Candidate, job: Job):
    reasons: list[tuple[str, dict]] = []
    certified = job.category_id is None or any(
        c in candidate.certified_category_ids for c in job.category_path
    )
    if job.category_id is None:
        reasons.append(("no_certification_needed", {}))
    elif certified:
        reasons.append(("certified", {"category_id": job.category_id}))
    else:
        reasons.append(("not_certified", {"category_id": job.category_id}))
    same_zone = job.zone_id is not None and candidate.zone_id == job.zone_id
    if job.zone_id is None:
        reasons.append(("no_zone", {}))
    elif same_zone:
        reasons.append(("same_zone", {"zone_id": job.zone_id}))
    else:
        reasons.append(("other_zone", {"zone_id": candidate.zone_id}))
    skill = _best_skill(candidate, job)
    if skill:
        reasons.append(("skill_fits", {"level": skill.level}))
    else:
        reasons.append(("no_skill", {}))
    senior = candidate.level == SENIOR or bool(skill and skill.level == SENIOR)
    if job.complex:
        reasons.append(("senior_for_complex" if senior else "junior_for_complex", {}))
    reasons.append(("workload", {"count": candidate.workload}))
    return certified, same_zone, bool(skill), senior, tuple(reasons)


def rank(job: Job, candidates: Iterable[Candidate]) -> list[Ranked]:
    """Every candidate, best first, with the reasons of his place."""
    assessed = []
    for candidate in candidates:
        eligible, same_zone, skill_fit, senior, reasons = _assess(candidate, job)
        key = (
            not eligible,
            not same_zone,
            not skill_fit,
            job.complex and not senior,
            candidate.workload,
            candidate.name,
            candidate.id,
        )
        assessed.append(
            (key, candidate, eligible, same_zone, skill_fit, senior, reasons)
        )
    assessed.sort(key=lambda row: row[0])
    return [
        Ranked(candidate, position, eligible, same_zone, skill_fit, senior, reasons)
        for position, (
            _key,
            candidate,
            eligible,
            same_zone,
            skill_fit,
            senior,
            reasons,
        ) in (enumerate(assessed, start=1))
    ]


def best(job: Job, candidates: Sequence[Candidate]) -> Candidate | None:
    """The first eligible candidate, if any."""
    for ranked in rank(job, candidates):
        if ranked.eligible:
            return ranked.candidate
    return None
