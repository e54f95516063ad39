"""What an employer sees of a candidate: blind until the candidate accepts contact.

Blind means the employer judges skills, roles, experience and the kind of education,
not the person: names and contact details are withheld, and so are the school and the
graduation year (a school can point to a person or a group, a year to an age) until the
candidate accepts the organisation's contact request. Degrees, fields of study and job
titles are shown.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from matcher.ranking import CandidateFacts, RankedCandidate
from matcher.store.orm import ResumeRow

__all__ = ["CandidateView", "RankedView", "candidate_facts", "candidate_view"]

_TOP_ROLES = 3
_EDUCATION = ("degree", "field", "institution", "year")
#: What a blind view shows of an education entry.
_BLIND_EDUCATION = frozenset({"degree", "field"})


@dataclass(frozen=True)
class SkillFact:
    """A skill the candidate evidences: id, label, years of use (None: undated)."""

    skill_id: str
    label: str
    years: float | None
    certification: bool


@dataclass(frozen=True)
class RoleFact:
    """A role fit: id, name, score 0..100, probability 0..1 (None without a model)."""

    role_id: str
    name: str
    score: float
    probability: float | None


@dataclass(frozen=True)
class CandidateView:
    """One opted-in candidate as an employer sees them.

    Names, contact details, schools and graduation years are None unless ``revealed``
    (the candidate accepted a contact request from the employer's organisation).
    """

    candidate_id: uuid.UUID
    revealed: bool
    state: str | None
    open_to_remote: bool
    program_level: str | None
    years_experience: float
    skills: tuple[SkillFact, ...]
    top_roles: tuple[RoleFact, ...]
    education: tuple[dict[str, Any], ...]
    job_titles: tuple[str, ...]
    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    city: str | None = None
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankedView:
    """A candidate's place in a ranking, the reasons, and the (blind) candidate."""

    ranked: RankedCandidate
    candidate: CandidateView
    #: skill id -> display label, and -> taxonomy category, for the skills named
    labels: dict[str, str]
    categories: dict[str, str] = field(default_factory=dict)


def candidate_facts(resume: ResumeRow) -> CandidateFacts:
    """What ranking needs of a stored resume."""
    return CandidateFacts(
        candidate_id=str(resume.profile_id),
        skills={s.skill_id: s.years for s in resume.skills},
        years_experience=resume.years_experience,
        role_scores={r.role_id: (r.score, r.probability) for r in resume.role_scores},
    )


def candidate_view(resume: ResumeRow, *, revealed: bool) -> CandidateView:
    """The employer's view of a stored resume (contact details only when ``revealed``)."""
    contact = resume.contact if revealed else {}
    skills = sorted(resume.skills, key=lambda s: (-(s.years or 0.0), -s.mentions, s.label))
    roles = sorted(resume.role_scores, key=lambda r: r.rank)[:_TOP_ROLES]
    return CandidateView(
        candidate_id=resume.profile_id,
        revealed=revealed,
        state=resume.state,
        open_to_remote=resume.profile.open_to_remote,
        program_level=resume.profile.program_level,
        years_experience=resume.years_experience,
        skills=tuple(SkillFact(s.skill_id, s.label, s.years, s.certification) for s in skills),
        top_roles=tuple(RoleFact(r.role_id, r.name, r.score, r.probability) for r in roles),
        education=tuple(
            {k: e.get(k) if revealed or k in _BLIND_EDUCATION else None for k in _EDUCATION}
            for e in resume.education
        ),
        job_titles=tuple(e["title"] for e in resume.experience if e.get("title")),
        name=contact.get("name"),
        emails=tuple(contact.get("emails", ())),
        phones=tuple(contact.get("phones", ())),
        city=contact.get("city"),
        links=tuple(contact.get("links", ())),
    )
