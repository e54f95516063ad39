"""Explicit conversions: store rows and use-case views -> wire models."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from pydantic import BaseModel

from matcher.api import schemas as s
from matcher.domain import GapAnalysis, JobAnalysis
from matcher.store.orm import (
    ContactRequestRow,
    GraduateProfileRow,
    JobRow,
    OrganisationRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
    UserRow,
)
from matcher.usecases import CandidateView, Page, RankedView

__all__ = [
    "candidate_out",
    "competencies_out",
    "contact_out",
    "gap_out",
    "graduate_contact_out",
    "job_out",
    "organisation_out",
    "profile_out",
    "ranking_page",
    "resume_out",
    "role_score_out",
    "skills_out",
    "user_out",
]


def user_out(user: UserRow) -> s.UserOut:
    """An account on the wire (never its password hash)."""
    return s.UserOut(
        id=user.id,
        email=user.email,
        role=user.role,
        display_name=user.display_name,
        organisation_id=user.organisation_id,
        created_at=user.created_at,
    )


def organisation_out(org: OrganisationRow) -> s.OrganisationOut:
    """An organisation on the wire."""
    return s.OrganisationOut(id=org.id, name=org.name, created_at=org.created_at)


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


def contact_out(row: ContactRequestRow) -> s.ContactRequestOut:
    """A request as the employer sees it."""
    return s.ContactRequestOut(
        id=row.id,
        candidate_id=row.profile_id,
        job_id=row.job_id,
        message=row.message,
        status=row.status,
        created_at=row.created_at,
        responded_at=row.responded_at,
    )


def candidate_out(view: CandidateView) -> s.CandidateOut:
    """A (blind unless revealed) candidate."""
    return s.CandidateOut(
        candidate_id=view.candidate_id,
        revealed=view.revealed,
        name=view.name,
        emails=list(view.emails),
        phones=list(view.phones),
        city=view.city,
        links=list(view.links),
        state=view.state,
        open_to_remote=view.open_to_remote,
        program_level=view.program_level,
        years_experience=view.years_experience,
        skills=[
            s.CandidateSkillOut(
                skill_id=k.skill_id, label=k.label, years=k.years, certification=k.certification
            )
            for k in view.skills
        ],
        top_roles=[
            s.CandidateRoleOut(
                role_id=r.role_id, name=r.name, score=r.score, probability=r.probability
            )
            for r in view.top_roles
        ],
        education=[s.EducationOut.model_validate(e) for e in view.education],
        job_titles=list(view.job_titles),
    )


def _refs(ids: tuple[str, ...], labels: dict[str, str]) -> list[s.SkillRefOut]:
    return [s.SkillRefOut(skill_id=i, label=labels.get(i, i)) for i in ids]


def ranking_page(page: Page[RankedView]) -> s.RankingPage:
    """A page of ranked candidates with the reasons."""
    items = []
    for position, view in enumerate(page.items, start=page.offset + 1):
        r, labels = view.ranked, view.labels
        items.append(
            s.RankedCandidateOut(
                rank=position,
                score=r.score,
                matched_required=_refs(r.matched_required, labels),
                missing_required=_refs(r.missing_required, labels),
                matched_preferred=_refs(r.matched_preferred, labels),
                missing_preferred=_refs(r.missing_preferred, labels),
                role_id=r.role_id,
                role_score=r.role_score,
                role_probability=r.role_probability,
                meets_years=r.meets_years,
                reasons=list(r.reasons),
                candidate=candidate_out(view.candidate),
            )
        )
    return s.RankingPage(items=items, total=page.total, limit=page.limit, offset=page.offset)


def job_out(job: JobRow) -> s.JobOut:
    """A job with the engine's reading of it."""
    analysis = JobAnalysis.model_validate(job.analysis)
    return s.JobOut(
        id=job.id,
        title=job.title,
        created_at=job.created_at,
        data_version=job.data_version,
        detected_roles=[
            s.CandidateRoleOut(
                role_id=r.role_id,
                name=r.name,
                score=r.score,
                probability=getattr(r, "probability", None),
            )
            for r in analysis.roles[:3]
        ],
        required=[_wire(s.JobSkillOut, k) for k in analysis.required],
        preferred=[_wire(s.JobSkillOut, k) for k in analysis.preferred],
        unspecified=[_wire(s.JobSkillOut, k) for k in analysis.unspecified],
        certifications=[_wire(s.JobSkillOut, k) for k in analysis.certifications],
        years=[_wire(s.YearsRequirementOut, y) for y in analysis.years],
        min_years=analysis.min_years,
        education=[_wire(s.EducationRequirementOut, e) for e in analysis.education],
    )


def gap_out(gap: GapAnalysis) -> s.GapAnalysisOut:
    """A gap analysis on the wire."""
    return _wire(s.GapAnalysisOut, gap)


W = TypeVar("W", bound=BaseModel)


def _wire(model: type[W], value: BaseModel) -> W:
    # A domain value object as its wire mirror: the fields the wire model declares, with
    # nested models narrowed the same way (a field added to the domain model later does
    # not leak onto the wire, nor break the response).
    return model.model_validate(_narrow(model, value.model_dump(mode="json")))


def _narrow(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        nested = _nested_model(info.annotation)
        if nested is not None and isinstance(value, list):
            value = [_narrow(nested, v) if isinstance(v, dict) else v for v in value]
        elif nested is not None and isinstance(value, dict):
            value = _narrow(nested, value)
        out[name] = value
    return out


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
