"""A graduate's own data on the wire: resume, profile, skills, roles, competencies, gaps."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from matcher.api import schemas as s
from matcher.api.convert.wire import to_wire
from matcher.domain import GapAnalysis
from matcher.store.orm import (
    ContactRequestRow,
    GraduateProfileRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
)

__all__ = [
    "competencies_out",
    "gap_out",
    "graduate_contact_out",
    "profile_out",
    "resume_meta",
    "resume_out",
    "role_score_out",
    "skills_out",
]


def resume_meta(resume: ResumeRow) -> s.ResumeMetaOut:
    """File facts and versions of a stored resume."""
    return s.ResumeMetaOut(
        resume_id=resume.id,
        filename=resume.filename,
        source_format=resume.source_format,
        size_bytes=resume.size_bytes,
        sha256=resume.sha256,
        pages=resume.pages,
        uploaded_at=resume.uploaded_at,
        data_version=resume.data_version,
        model_version=resume.model_version,
    )


def _role_skills(items: list[dict[str, Any]]) -> list[s.RoleSkillOut]:
    return [
        s.RoleSkillOut(
            skill_id=str(e["skill_id"]),
            label=str(e["label"]),
            importance=str(e["importance"]),
            credit=float(e["credit"]),
        )
        for e in items
    ]


def role_score_out(row: RoleScoreRow) -> s.RoleScoreOut:
    """One stored role score with its evidence."""
    return s.RoleScoreOut(
        role_id=row.role_id,
        name=row.name,
        rank=row.rank,
        score=row.score,
        probability=row.probability,
        matched=_role_skills(row.matched),
        missing=_role_skills(row.missing),
        data_version=row.data_version,
        model_version=row.model_version,
    )


def resume_out(resume: ResumeRow) -> s.ResumeOut:
    """What the engine made of an uploaded resume."""
    return s.ResumeOut(
        resume=resume_meta(resume),
        skills_found=len(resume.skills),
        roles=[role_score_out(r) for r in resume.role_scores],
        outcome=s.OutcomeOut.model_validate(resume.outcome) if resume.outcome else None,
    )


def profile_out(profile: GraduateProfileRow) -> s.ProfileOut:
    """The graduate's own profile (with their contact details: it is theirs)."""
    resume = profile.resume
    out = s.ProfileOut(
        candidate_id=profile.id,
        searchable=profile.searchable,
        open_to_remote=profile.open_to_remote,
        program_level=profile.program_level,
    )
    if resume is None:
        return out
    fields = ("degree", "field", "institution", "year")
    jobs = ("title", "employer", "start_date", "end_date", "current", "months")
    return out.model_copy(
        update={
            "resume": resume_meta(resume),
            "contact": s.ContactOut.model_validate(resume.contact),
            "education": [
                s.EducationOut.model_validate({k: e.get(k) for k in fields})
                for e in resume.education
            ],
            "experience": [
                s.ExperienceOut.model_validate({k: e.get(k) for k in jobs})
                for e in resume.experience
            ],
            "certifications": [
                s.CertificationOut(name=c["name"], skill_id=c.get("skill_id"))
                for c in resume.certifications
            ],
            "years_experience": resume.years_experience,
            "other_skill_phrases": [u["phrase"] for u in resume.unknown_skills],
        }
    )


def skills_out(resume: ResumeRow) -> list[s.SkillOut]:
    """Every skill the resume names, held ones first, with each mention."""
    by_skill: dict[str, list[SkillMentionRow]] = defaultdict(list)
    for mention in resume.mentions:
        by_skill[mention.skill_id].append(mention)
    facts = {row.skill_id: row for row in resume.skills}
    out = []
    for skill_id, mentions in by_skill.items():
        fact = facts.get(skill_id)
        out.append(
            s.SkillOut(
                skill_id=skill_id,
                label=mentions[0].label,
                category=mentions[0].category,
                held=fact is not None,
                certification=fact.certification if fact else False,
                years=fact.years if fact else None,
                last_used=fact.last_used if fact else None,
                mentions=[
                    s.MentionOut(
                        start=m.start,
                        end=m.end,
                        surface=m.surface,
                        section=m.section,
                        negated=m.negated,
                        hypothetical=m.hypothetical,
                    )
                    for m in mentions
                ],
            )
        )
    return sorted(out, key=lambda k: (not k.held, -(k.years or 0.0), k.label.lower()))


def competencies_out(resume: ResumeRow) -> s.CompetenciesOut:
    """The stored competency profile."""
    return s.CompetenciesOut(
        competencies=[
            s.CompetencyOut(
                competency_id=c.competency_id,
                name=c.name,
                tier=c.tier,
                level=c.level,
                level_name=c.level_name,
                evidence=list(c.evidence),
            )
            for c in sorted(resume.competency_scores, key=lambda c: (c.tier, c.competency_id))
        ],
        tiers=[s.TierOut.model_validate(t) for t in resume.tiers],
    )


def graduate_contact_out(row: ContactRequestRow) -> s.GraduateContactRequestOut:
    """A request as the graduate sees it (the organisation's name)."""
    return s.GraduateContactRequestOut(
        id=row.id,
        organisation=row.organisation.name,
        message=row.message,
        status=row.status,
        created_at=row.created_at,
        responded_at=row.responded_at,
    )


def gap_out(gap: GapAnalysis) -> s.GapAnalysisOut:
    """A gap analysis on the wire."""
    return to_wire(s.GapAnalysisOut, gap)
