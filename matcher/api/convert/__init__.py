"""Explicit conversions: store rows and use-case views -> wire models."""

from matcher.api.convert.accounts import organisation_out, user_out
from matcher.api.convert.employers import candidate_out, contact_out, job_out, ranking_page
from matcher.api.convert.graduates import (
    competencies_out,
    gap_out,
    graduate_contact_out,
    profile_out,
    resume_meta,
    resume_out,
    role_score_out,
    skills_out,
)

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
    "resume_meta",
    "resume_out",
    "role_score_out",
    "skills_out",
    "user_out",
]
