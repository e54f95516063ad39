"""Use cases over the engine: load it once, analyse a text.

:class:`MatchingEngine` holds the heavy objects (data bundle, spaCy pipeline) and is
built once per process by :func:`load_engine`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from matcher.config import Settings
from matcher.domain import (
    CandidateProfile,
    CompetencyScore,
    GapAnalysis,
    JobAnalysis,
    ResumeFields,
    RoleScore,
    SkillExperience,
    TierSummary,
)
from matcher.errors import InputError, UnknownRoleError
from matcher.fields import extract_fields, skill_experience
from matcher.pipeline import Pipeline, build_nlp, extract_profile
from matcher.scoring import competency_profile, score_roles, tier_summaries
from matcher.scoring.gaps import gap_analysis
from matcher.scoring.jobs import analyse_job as read_job
from matcher.scoring.jobs import job_rules
from matcher.sections import HeaderRules, compile_rules, segment_sections
from matcher.taxonomy import DataBundle, load_bundle

__all__ = ["Analysis", "MatchingEngine", "load_engine"]


@dataclass(frozen=True)
class Analysis:
    """Everything the engine says about one document."""

    data_version: str
    profile: CandidateProfile
    roles: list[RoleScore]
    competencies: list[CompetencyScore]
    tiers: list[TierSummary]
    #: resume fields (contact, education, certifications, jobs); None for a plain text.
    fields: ResumeFields | None = None
    #: skill id -> years of use and last use, from the jobs that mention the skill.
    skill_years: dict[str, SkillExperience] = field(default_factory=dict)


@dataclass(frozen=True)
class MatchingEngine:
    """The loaded engine: data bundle, pipeline and settings."""

    settings: Settings
    bundle: DataBundle
    nlp: Pipeline
    rules: HeaderRules | None = None

    def extract(self, text: str) -> CandidateProfile:
        """Find the skills in a text (with offsets and context).

        Raises:
            InputError: the text is over the configured size limit.
        """
        return extract_profile(self.nlp, self.bundle, text, max_chars=self.settings.max_text_chars)

    def analyse_text(self, text: str) -> Analysis:
        """Extract skills from a text and score roles and competencies.

        Raises:
            InputError: the text is over the configured size limit.
        """
        profile = self.extract(text)
        competencies = competency_profile(profile, self.bundle)
        return Analysis(
            data_version=self.bundle.data_version,
            profile=profile,
            roles=score_roles(profile, self.bundle),
            competencies=competencies,
            tiers=tier_summaries(competencies, self.bundle),
        )

    def analyse_resume(self, text: str, *, today: date | None = None) -> Analysis:
        """:meth:`analyse_text` plus the resume's fields and years of use per skill.

        Args:
            text: the normalised resume text (``RawDocument.text``).
            today: reference date for "present" (default: today).

        Raises:
            InputError: the text is over the configured size limit.
        """
        analysis = self.analyse_text(text)
        sections_file = self.bundle.sections
        if self.rules is None or sections_file is None:
            return analysis
        resume = extract_fields(
            text,
            segment_sections(text, self.rules),
            rules=self.rules,
            cues=sections_file.cues,
            today=today or date.today(),
            bundle=self.bundle,
        )
        years = skill_experience(analysis.profile.mentions, resume.experience)
        return replace(analysis, fields=resume, skill_years=years)

    def gaps(
        self, subject: CandidateProfile | Analysis, role_id: str, *, limit: int | None = None
    ) -> GapAnalysis:
        """What a document lacks for one role, with where to learn it and reachable scores.

        Args:
            subject: the document's profile, or its analysis.
            role_id: the target role's id.
            limit: most skills listed as missing and as upgrades (None: all, >= 0).

        Returns:
            Missing skills heaviest first and partly shown skills, each with the rule fit
            score (0..100) reached by adding it and the ones before it.

        Raises:
            UnknownRoleError: ``role_id`` is not one of the data set's roles.
            InputError: ``limit`` is negative.
        """
        role = self.bundle.roles.get(role_id)
        if role is None:
            raise UnknownRoleError(role_id, list(self.bundle.roles))
        if limit is not None and limit < 0:
            raise InputError(f"limit must be 0 or more, got {limit}")
        profile = subject.profile if isinstance(subject, Analysis) else subject
        return gap_analysis(profile, role, self.bundle, limit=limit)

    def analyse_job(self, text: str) -> JobAnalysis:
        """Read an employer's job text: roles, required/preferred skills, years, education.

        Args:
            text: the normalised job text (``RawDocument.text``).

        Returns:
            The job analysis; its role scores are those :meth:`analyse_text` gives.

        Raises:
            InputError: the text is over the configured size limit.
        """
        analysis = self.analyse_text(text)
        return read_job(
            text, analysis.profile, analysis.roles, self.bundle, rules=job_rules(self.bundle)
        )


def load_engine(settings: Settings) -> MatchingEngine:
    """Load the data bundle and build the pipeline (slow: call once per process).

    Raises:
        DataValidationError: the data directory is invalid.
    """
    bundle = load_bundle(settings.data_dir)
    nlp = build_nlp(bundle, context_window=settings.context_window_tokens)
    rules = compile_rules(bundle.sections) if bundle.sections is not None else None
    return MatchingEngine(settings=settings, bundle=bundle, nlp=nlp, rules=rules)
