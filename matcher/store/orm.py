"""Tables of the store (SQLAlchemy 2, typed ``Mapped[...]``, portable types).

::

    organisations 1─* users (employers belong to one organisation)
    users 1─1 graduate_profiles 1─1 resumes 1─1 resume_files (the original bytes)
                                     resumes 1─* skill_mentions (evidence, offsets)
                                     resumes 1─* candidate_skills (one row per skill)
                                     resumes 1─* role_scores, competency_scores
    organisations 1─* jobs
    organisations *─* graduate_profiles through contact_requests
    sign_in_failures (recent failed sign-ins per account key; no link, no email)

Deleting a user deletes everything hanging from it, in the database (``ON DELETE
CASCADE``) and in the ORM (``cascade="all, delete-orphan"``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matcher.store.db import Base

__all__ = [
    "CandidateSkillRow",
    "CompetencyScoreRow",
    "ContactRequestRow",
    "GraduateProfileRow",
    "JobRow",
    "OrganisationRow",
    "ResumeFileRow",
    "ResumeRow",
    "RoleScoreRow",
    "SignInFailureRow",
    "SkillMentionRow",
    "UserRow",
    "utcnow",
]


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back timezone-aware on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE")


class OrganisationRow(Base):
    """An employer organisation (a practice, a hospital)."""

    __tablename__ = "organisations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    users: Mapped[list[UserRow]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True
    )
    jobs: Mapped[list[JobRow]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True
    )


class UserRow(Base):
    """Someone who signs in: a graduate, an employer (of one organisation) or an admin."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('graduate', 'employer', 'admin')", name="role"),
        CheckConstraint(
            "(role = 'employer') = (organisation_id IS NOT NULL)", name="employer_organisation"
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        _fk("organisations.id"), index=True, default=None
    )
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[OrganisationRow | None] = relationship(back_populates="users")
    profile: Mapped[GraduateProfileRow | None] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class GraduateProfileRow(Base):
    """A graduate's searchable profile and the settings they choose."""

    __tablename__ = "graduate_profiles"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(_fk("users.id"), unique=True)
    searchable: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    open_to_remote: Mapped[bool] = mapped_column(Boolean, default=False)
    program_level: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user: Mapped[UserRow] = relationship(back_populates="profile")
    resume: Mapped[ResumeRow | None] = relationship(
        back_populates="profile", cascade="all, delete-orphan", passive_deletes=True
    )
    contact_requests: Mapped[list[ContactRequestRow]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", passive_deletes=True
    )


class ResumeRow(Base):
    """A graduate's current resume: its text, parsed fields and analysis versions."""

    __tablename__ = "resumes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    profile_id: Mapped[uuid.UUID] = mapped_column(_fk("graduate_profiles.id"), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    source_format: Mapped[str] = mapped_column(String(16))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    pages: Mapped[int | None] = mapped_column(Integer, default=None)
    text: Mapped[str] = mapped_column(Text)
    data_version: Mapped[str] = mapped_column(String(64))
    model_version: Mapped[str | None] = mapped_column(String(64), default=None)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the parsed resume fields and analysis parts read back whole (domain model dumps).
    contact: Mapped[dict[str, Any]] = mapped_column(JSON)
    education: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    certifications: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    experience: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    unknown_skills: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    tiers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    #: filterable facts: state (two letters) and total years of experience.
    state: Mapped[str | None] = mapped_column(String(8), default=None, index=True)
    years_experience: Mapped[float] = mapped_column(Float, default=0.0)

    profile: Mapped[GraduateProfileRow] = relationship(back_populates="resume")
    file: Mapped[ResumeFileRow | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    mentions: Mapped[list[SkillMentionRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="SkillMentionRow.start"
    )
    skills: Mapped[list[CandidateSkillRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    role_scores: Mapped[list[RoleScoreRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RoleScoreRow.rank"
    )
    competency_scores: Mapped[list[CompetencyScoreRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ResumeFileRow(Base):
    """The original uploaded file, byte for byte (kept apart so lists do not load it)."""

    __tablename__ = "resume_files"

    resume_id: Mapped[uuid.UUID] = mapped_column(_fk("resumes.id"), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class SkillMentionRow(Base):
    """One place in a resume where a taxonomy skill is named (the evidence)."""

    __tablename__ = "skill_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    resume_id: Mapped[uuid.UUID] = mapped_column(_fk("resumes.id"), index=True)
    skill_id: Mapped[str] = mapped_column(String(120))
    label: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String(500))
    section: Mapped[str | None] = mapped_column(String(64), default=None)
    requirement: Mapped[str | None] = mapped_column(String(16), default=None)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    hypothetical: Mapped[bool] = mapped_column(Boolean, default=False)
    field_of_study: Mapped[bool] = mapped_column(Boolean, default=False)
    part_of_name: Mapped[bool] = mapped_column(Boolean, default=False)


class CandidateSkillRow(Base):
    """One skill a resume evidences, with how long it was used: what searches filter on."""

    __tablename__ = "candidate_skills"

    resume_id: Mapped[uuid.UUID] = mapped_column(_fk("resumes.id"), primary_key=True)
    skill_id: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)
    label: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(64))
    mentions: Mapped[int] = mapped_column(Integer)
    certification: Mapped[bool] = mapped_column(Boolean, default=False)
    years: Mapped[float | None] = mapped_column(Float, default=None)
    last_used: Mapped[date | None] = mapped_column(Date, default=None)


class RoleScoreRow(Base):
    """Fit of a resume to one role, tagged with the data and model versions."""

    __tablename__ = "role_scores"

    resume_id: Mapped[uuid.UUID] = mapped_column(_fk("resumes.id"), primary_key=True)
    role_id: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    probability: Mapped[float | None] = mapped_column(Float, default=None)
    matched: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    missing: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    drivers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    data_version: Mapped[str] = mapped_column(String(64))
    model_version: Mapped[str | None] = mapped_column(String(64), default=None)


class CompetencyScoreRow(Base):
    """Level of one competency-model block for a resume."""

    __tablename__ = "competency_scores"

    resume_id: Mapped[uuid.UUID] = mapped_column(_fk("resumes.id"), primary_key=True)
    competency_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    tier: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    level_name: Mapped[str] = mapped_column(String(120))
    evidence: Mapped[list[str]] = mapped_column(JSON)


class JobRow(Base):
    """A job description an employer posted, with the engine's reading of it."""

    __tablename__ = "jobs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisations.id"), index=True)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    data_version: Mapped[str] = mapped_column(String(64))
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[OrganisationRow] = relationship(back_populates="jobs")


class ContactRequestRow(Base):
    """An organisation asking a graduate to reveal their name and contact details."""

    __tablename__ = "contact_requests"
    __table_args__ = (
        UniqueConstraint("organisation_id", "profile_id", name="uq_contact_org_profile"),
        CheckConstraint("status IN ('pending', 'accepted', 'declined')", name="status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisations.id"), index=True)
    profile_id: Mapped[uuid.UUID] = mapped_column(_fk("graduate_profiles.id"), index=True)
    requested_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    profile: Mapped[GraduateProfileRow] = relationship(back_populates="contact_requests")
    organisation: Mapped[OrganisationRow] = relationship()


class SignInFailureRow(Base):
    """A failed sign-in, kept for the brute-force limit while it is within the window.

    ``account_key`` is a keyed hash of the normalised email, or of the network address
    the attempt came from (never the email or the address itself), so unknown emails are
    limited alike and the table holds no personal data.
    """

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_key: Mapped[str] = mapped_column(String(64), index=True)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
