"""What employers see on the wire: candidates, rankings, jobs, contact requests."""

from __future__ import annotations

from matcher.api import schemas as s
from matcher.api.convert.wire import to_wire
from matcher.domain import JobAnalysis
from matcher.store.orm import ContactRequestRow, JobRow
from matcher.usecases import CandidateView, Page, RankedView

__all__ = ["candidate_out", "contact_out", "job_out", "ranking_page"]


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


def _refs(ids: tuple[str, ...], view: RankedView) -> list[s.SkillRefOut]:
    return [
        s.SkillRefOut(skill_id=i, label=view.labels.get(i, i), category=view.categories.get(i))
        for i in ids
    ]


def ranking_page(page: Page[RankedView]) -> s.RankingPage:
    """A page of ranked candidates with the reasons."""
    items = []
    for position, view in enumerate(page.items, start=page.offset + 1):
        r = view.ranked
        items.append(
            s.RankedCandidateOut(
                rank=position,
                score=r.score,
                matched_required=_refs(r.matched_required, view),
                missing_required=_refs(r.missing_required, view),
                matched_preferred=_refs(r.matched_preferred, view),
                missing_preferred=_refs(r.missing_preferred, view),
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
        required=[to_wire(s.JobSkillOut, k) for k in analysis.required],
        preferred=[to_wire(s.JobSkillOut, k) for k in analysis.preferred],
        unspecified=[to_wire(s.JobSkillOut, k) for k in analysis.unspecified],
        certifications=[to_wire(s.JobSkillOut, k) for k in analysis.certifications],
        years=[to_wire(s.YearsRequirementOut, y) for y in analysis.years],
        min_years=analysis.min_years,
        education=[to_wire(s.EducationRequirementOut, e) for e in analysis.education],
    )
