"""Repository functions for graduates' profiles and resumes.

:func:`save_resume` turns the engine's domain objects into rows (a new resume replaces
the old one, rows and file); :func:`candidate_profile` turns rows back into the
:class:`~matcher.domain.CandidateProfile` the engine reads (for a gap analysis, without
re-running the pipeline).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.domain import (
    CandidateProfile,
    CompetencyScore,
    ContactInfo,
    ResumeFields,
    RoleScore,
    SkillExperience,
    SkillMention,
    TierSummary,
    UnknownSkill,
)
from matcher.store.db import conflict_on_duplicate
from matcher.store.orm import (
    CandidateSkillRow,
    CompetencyScoreRow,
    GraduateProfileRow,
    ResumeFileRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
)

__all__ = [
    "AnalysisRows",
    "ResumeAnalysis",
    "StoredFile",
    "analysis_columns",
    "analysis_rows",
    "candidate_profile",
    "find_profile_of_user",
    "save_resume",
]


@dataclass(frozen=True)
class StoredFile:
    """An uploaded file as it is kept: the original bytes and what was read from them."""

    filename: str
    content: bytes
    media_type: str
    source_format: str
    pages: int | None = None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the content."""
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class ResumeAnalysis:
    """The parts of the engine's analysis the store keeps for one resume."""

    text: str
    profile: CandidateProfile
    roles: Sequence[RoleScore]
    competencies: Sequence[CompetencyScore]
    tiers: Sequence[TierSummary]
    fields: ResumeFields | None
    skill_years: Mapping[str, SkillExperience]
    data_version: str
    #: the learned model's verdict (``RoleOutcome``), when a trained model is loaded.
    outcome: BaseModel | None = None
    model_version: str | None = None


def find_profile_of_user(*, session: Session, user_id: uuid.UUID) -> GraduateProfileRow | None:
    """The graduate profile of a user, if the user is a graduate."""
    query = select(GraduateProfileRow).where(GraduateProfileRow.user_id == user_id)
    return session.scalar(query)


def save_resume(
    *,
    session: Session,
    profile: GraduateProfileRow,
    file: StoredFile,
    analysis: ResumeAnalysis,
    certification_categories: Collection[str],
) -> ResumeRow:
    """Store a resume and its analysis as the profile's current resume.

    The previous resume, if any, is deleted first (its rows and its file), in the same
    transaction: a failure leaves the old resume in place.

    Args:
        session: open session (the caller commits).
        profile: the graduate's profile.
        file: the original file.
        analysis: the engine's analysis of the file's text.
        certification_categories: category ids whose skills are certifications.

    Returns:
        The new resume row.
    """
    if profile.resume is not None:
        session.delete(profile.resume)
        session.flush()
    resume = ResumeRow(
        profile_id=profile.id,
        filename=file.filename[:255],
        size_bytes=len(file.content),
        sha256=file.sha256,
        **analysis_columns(analysis, file),
    )
    resume.file = ResumeFileRow(media_type=file.media_type, content=file.content)
    rows = analysis_rows(analysis, certification_categories)
    resume.mentions = rows.mentions
    resume.skills = rows.skills
    resume.role_scores = rows.role_scores
    resume.competency_scores = rows.competency_scores
    profile.resume = resume
    session.add(resume)
    with conflict_on_duplicate(
        "another upload of your resume was being saved at the same time; upload it again"
    ):
        session.flush()
    return resume


@dataclass(frozen=True)
class AnalysisRows:
    """The child rows an analysis gives a resume (not yet attached to one)."""

    mentions: list[SkillMentionRow]
    skills: list[CandidateSkillRow]
    role_scores: list[RoleScoreRow]
    competency_scores: list[CompetencyScoreRow]


def analysis_columns(analysis: ResumeAnalysis, file: StoredFile) -> dict[str, Any]:
    """The resume row's columns that come from reading and analysing its file."""
    fields = analysis.fields or ResumeFields(contact=ContactInfo())
    return {
        "source_format": file.source_format,
        "pages": file.pages,
        "text": analysis.text,
        "data_version": analysis.data_version,
        "model_version": analysis.model_version,
        "contact": fields.contact.model_dump(mode="json"),
        "education": [e.model_dump(mode="json") for e in fields.education],
        "certifications": [c.model_dump(mode="json") for c in fields.certifications],
        "experience": [e.model_dump(mode="json") for e in fields.experience],
        "unknown_skills": [u.model_dump(mode="json") for u in analysis.profile.unknown_skills],
        "tiers": [t.model_dump(mode="json") for t in analysis.tiers],
        "outcome": analysis.outcome.model_dump(mode="json") if analysis.outcome else None,
        "state": fields.contact.state,
        "years_experience": round(fields.months_of_experience / 12, 2),
    }


def analysis_rows(
    analysis: ResumeAnalysis, certification_categories: Collection[str]
) -> AnalysisRows:
    """The skill mentions, skills, role and competency scores of an analysis, as rows."""
    fields = analysis.fields or ResumeFields(contact=ContactInfo())
    return AnalysisRows(
        mentions=[_mention_row(m) for m in analysis.profile.mentions],
        skills=_skill_rows(analysis, fields, certification_categories),
        role_scores=[
            _role_row(rank, score, analysis) for rank, score in enumerate(analysis.roles, start=1)
        ],
        competency_scores=[
            CompetencyScoreRow(
                competency_id=c.competency_id,
                name=c.name,
                tier=c.tier,
                level=c.level,
                level_name=c.level_name,
                evidence=list(c.evidence),
            )
            for c in analysis.competencies
        ],
    )


def _mention_row(mention: SkillMention) -> SkillMentionRow:
    return SkillMentionRow(
        skill_id=mention.skill_id,
        label=mention.label,
        category=mention.category,
        start=mention.start,
        end=mention.end,
        surface=mention.surface[:500],
        section=mention.section,
        requirement=mention.requirement,
        negated=mention.negated,
        hypothetical=mention.hypothetical,
        field_of_study=mention.field_of_study,
        part_of_name=mention.part_of_name,
    )


def _skill_rows(
    analysis: ResumeAnalysis, fields: ResumeFields, certification_categories: Collection[str]
) -> list[CandidateSkillRow]:
    rows: dict[str, CandidateSkillRow] = {}
    for mention in analysis.profile.mentions:
        if not mention.held:
            continue
        row = rows.get(mention.skill_id)
        if row is None:
            years = analysis.skill_years.get(mention.skill_id)
            row = CandidateSkillRow(
                skill_id=mention.skill_id,
                label=mention.label,
                category=mention.category,
                mentions=0,
                certification=mention.category in certification_categories,
                years=years.years if years else None,
                last_used=years.last_used if years else None,
            )
            rows[mention.skill_id] = row
        row.mentions += 1
    for cert in fields.certifications:
        if cert.skill_id is not None and cert.skill_id in rows:
            rows[cert.skill_id].certification = True
    return list(rows.values())


def _role_row(rank: int, score: RoleScore, analysis: ResumeAnalysis) -> RoleScoreRow:
    return RoleScoreRow(
        role_id=score.role_id,
        name=score.name,
        rank=rank,
        score=score.score,
        # probability and drivers come with the trained role scorer (None/() without it)
        probability=_optional(score, "probability"),
        matched=[e.model_dump(mode="json") for e in score.matched],
        missing=[e.model_dump(mode="json") for e in score.missing],
        drivers=[d.model_dump(mode="json") for d in _optional(score, "drivers") or ()],
        data_version=analysis.data_version,
        model_version=analysis.model_version,
    )


def _optional(value: object, name: str) -> Any:
    return getattr(value, name, None)


def candidate_profile(resume: ResumeRow) -> CandidateProfile:
    """The stored resume as the engine's :class:`CandidateProfile` (mentions, unknowns)."""
    mentions = tuple(
        SkillMention(
            skill_id=m.skill_id,
            label=m.label,
            category=m.category,
            start=m.start,
            end=m.end,
            surface=m.surface,
            section=m.section,
            requirement=m.requirement,
            negated=m.negated,
            hypothetical=m.hypothetical,
            field_of_study=m.field_of_study,
            part_of_name=m.part_of_name,
        )
        for m in resume.mentions
    )
    return CandidateProfile(
        text_length=len(resume.text),
        mentions=mentions,
        unknown_skills=tuple(UnknownSkill.model_validate(u) for u in resume.unknown_skills),
    )
