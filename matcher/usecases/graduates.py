"""Graduates: upload a resume, read what the engine found, choose who may find them."""

from __future__ import annotations

import logging
import re
from datetime import date

from matcher.domain import GapAnalysis, RawDocument
from matcher.errors import InputError, NotFoundError
from matcher.ingest import MEDIA_TYPES
from matcher.service import Analysis, MatchingEngine
from matcher.store import Session, release_connection
from matcher.store.orm import GraduateProfileRow, ResumeFileRow, ResumeRow
from matcher.store.resumes import (
    ResumeAnalysis,
    StoredFile,
    candidate_profile,
    find_profile_of_user,
    save_resume,
)
from matcher.usecases.analysis_slot import analysis_slot
from matcher.usecases.common import Principal, require_role

__all__ = [
    "clean_filename",
    "my_gaps",
    "my_profile",
    "my_resume",
    "my_resume_file",
    "process_resume",
    "program_levels",
    "update_my_settings",
]

log = logging.getLogger(__name__)


def my_profile(*, session: Session, caller: Principal) -> GraduateProfileRow:
    """The calling graduate's profile.

    Raises:
        AccessDeniedError: the caller is not a graduate.
        NotFoundError: the profile is gone (the account was deleted meanwhile).
    """
    require_role(caller, "graduate")
    profile = find_profile_of_user(session=session, user_id=caller.user_id)
    if profile is None:
        raise NotFoundError("this account has no graduate profile")
    return profile


def my_resume(*, session: Session, caller: Principal) -> ResumeRow:
    """The calling graduate's current resume, with its analysis.

    Raises:
        NotFoundError: no resume uploaded yet.
    """
    profile = my_profile(session=session, caller=caller)
    if profile.resume is None:
        raise NotFoundError("no resume uploaded yet: POST one to /api/v1/me/resume")
    return profile.resume


def my_resume_file(*, session: Session, caller: Principal) -> tuple[ResumeRow, ResumeFileRow]:
    """The calling graduate's original file, byte for byte."""
    resume = my_resume(session=session, caller=caller)
    if resume.file is None:
        raise NotFoundError("the original file of this resume is not stored")
    return resume, resume.file


def process_resume(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    data: bytes,
    filename: str,
) -> ResumeRow:
    """Read, analyse and store a graduate's resume (replacing the previous one).

    The file is read and analysed before anything is written, so a bad file leaves the
    stored resume as it was.

    Args:
        session: open session; what it holds is committed before the file is read (no
            pooled connection is kept during the slow part), and the caller commits the
            new resume.
        engine: the loaded engine.
        caller: the graduate.
        data: the file's bytes.
        filename: the name it was uploaded under (kept; never logged). The download's
            media type is the detected format's, never the one the client declared.

    Raises:
        AccessDeniedError: the caller is not a graduate.
        InputError: a subclass saying what is wrong with the file.
    """
    require_role(caller, "graduate")
    release_connection(session)  # no pooled connection held while the file is read
    document, analysis = read_and_analyse(engine, data, filename=filename)
    profile = my_profile(session=session, caller=caller)
    resume = save_resume(
        session=session,
        profile=profile,
        file=StoredFile(
            filename=clean_filename(filename),
            content=data,
            media_type=MEDIA_TYPES[document.source_format],
            source_format=document.source_format,
            pages=document.pages,
        ),
        analysis=stored_analysis(engine, document.text, analysis),
        certification_categories=certification_categories(engine),
    )
    log.info(
        "resume stored: %s, %d bytes, %d skill mentions",
        document.source_format,
        len(data),
        len(analysis.profile.mentions),
    )
    return resume


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_filename(filename: str) -> str:
    """An uploaded file's name as stored: no control or direction characters, 255 at most.

    The name is kept only to show the graduate what they uploaded; a NUL in it would
    break PostgreSQL, and a direction override could disguise it.
    """
    cleaned = _UNPRINTABLE.sub("", filename).strip()[:255]
    return cleaned or "resume"


def read_and_analyse(
    engine: MatchingEngine, data: bytes, *, filename: str | None, today: date | None = None
) -> tuple[RawDocument, Analysis]:
    """Read a resume file within the configured limits and analyse its text.

    Args:
        engine: the loaded engine.
        data: the file's bytes.
        filename: the name it was uploaded under (a hint for the format).
        today: reference date for "present" in its jobs (default: today).

    Raises:
        InputError: a subclass saying what is wrong with the file.
    """
    document = engine.read_file(data, filename=filename)
    with analysis_slot(engine.settings):
        return document, engine.analyse_resume(document.text, today=today)


def stored_analysis(engine: MatchingEngine, text: str, analysis: Analysis) -> ResumeAnalysis:
    """The parts of the engine's analysis of a resume text that the store keeps."""
    outcome = analysis.outcome
    return ResumeAnalysis(
        text=text,
        profile=analysis.profile,
        roles=analysis.roles,
        competencies=analysis.competencies,
        tiers=analysis.tiers,
        fields=analysis.fields,
        skill_years=analysis.skill_years,
        data_version=analysis.data_version,
        outcome=outcome,
        model_version=(outcome.model_version if outcome else None) or engine.role_model_version,
    )


def certification_categories(engine: MatchingEngine) -> set[str]:
    """Taxonomy categories whose skills are certifications."""
    return {c.id for c in engine.bundle.categories.values() if c.mention_type == "CERT"}


def program_levels(engine: MatchingEngine) -> tuple[str, ...]:
    """The program levels the roles name (``community-college``, ``university``)."""
    return tuple(sorted({str(role.level) for role in engine.bundle.roles.values()}))


def update_my_settings(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    searchable: bool | None = None,
    open_to_remote: bool | None = None,
    program_level: str | None = None,
    clear_program_level: bool = False,
) -> GraduateProfileRow:
    """Change what the graduate chooses: searchable, open to remote work, program level.

    Args:
        session: open session (the caller commits).
        engine: the loaded engine (knows the program levels).
        caller: the graduate.
        searchable: employers may find the profile (None: unchanged).
        open_to_remote: open to remote work (None: unchanged).
        program_level: the training program's level (None: unchanged).
        clear_program_level: forget the program level.

    Raises:
        InputError: an unknown program level.
    """
    profile = my_profile(session=session, caller=caller)
    if searchable is not None:
        profile.searchable = searchable
    if open_to_remote is not None:
        profile.open_to_remote = open_to_remote
    if program_level is not None:
        levels = program_levels(engine)
        if program_level not in levels:
            raise InputError(
                f"program_level must be one of {', '.join(levels)}, got {program_level!r}"
            )
        profile.program_level = program_level
    if clear_program_level:
        profile.program_level = None
    session.flush()
    return profile


def my_gaps(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    role_id: str,
    limit: int | None = None,
) -> GapAnalysis:
    """What the graduate's resume lacks for a role, heaviest first, with where to learn it.

    Raises:
        NotFoundError: no resume yet.
        UnknownRoleError: no such role.
    """
    resume = my_resume(session=session, caller=caller)
    return engine.gaps(candidate_profile(resume), role_id, limit=limit)
