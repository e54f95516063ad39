"""The loaded engine: analyse a text, a resume or a job with the heavy objects.

:class:`MatchingEngine` holds the data bundle, the spaCy pipeline and the role model; it
is built once per process by :func:`matcher.service.loading.load_engine`.
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
    RawDocument,
    ResumeFields,
    RoleOutcome,
    RoleScore,
    SkillExperience,
    TierSummary,
)
from matcher.errors import InputError, UnknownRoleError
from matcher.fields import extract_fields, skill_experience
from matcher.ingest import IngestLimits, read_document
from matcher.ingest.isolated import IsolatedReader
from matcher.pipeline import Pipeline, extract_profile
from matcher.scoring import competency_profile, score_roles, tier_summaries
from matcher.scoring.features import RoleDocument
from matcher.scoring.gaps import gap_analysis
from matcher.scoring.identity import IdentityFilter, PersonalDetails
from matcher.scoring.jobs import analyse_job as read_job
from matcher.scoring.jobs import job_rules
from matcher.scoring.role_explain import score_document
from matcher.scoring.role_model import RoleScorer
from matcher.scoring.synthetic import NONE_LABEL
from matcher.sections import HeaderRules, segment_sections
from matcher.taxonomy import DataBundle

__all__ = ["Analysis", "MatchingEngine"]


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
    #: the learned model's verdict (a role or ``none``); None without a role model.
    outcome: RoleOutcome | None = None


@dataclass(frozen=True)
class MatchingEngine:
    """The loaded engine: data bundle, pipeline and settings."""

    settings: Settings
    bundle: DataBundle
    nlp: Pipeline
    rules: HeaderRules | None = None
    role_model: RoleScorer | None = None
    role_model_version: str | None = None
    identity: IdentityFilter | None = None
    #: reads uploads in killable child processes (``Settings.isolate_parsing``).
    reader: IsolatedReader | None = None

    def read_file(self, data: bytes, *, filename: str | None) -> RawDocument:
        """A submitted file's normalised text, within the configured limits.

        With ``isolate_parsing`` the file is read in a child process killed at the time
        limit (:mod:`matcher.ingest.isolated`); otherwise in this process.

        Raises:
            InputError: a subclass saying what is wrong with the file.
            ServiceBusyError: every reading slot stayed busy for the time limit.
        """
        if self.reader is not None:
            return self.reader.read(data, filename=filename)
        return read_document(
            data, filename=filename, limits=IngestLimits.from_settings(self.settings)
        )

    def extract(self, text: str) -> CandidateProfile:
        """Find the skills in a text (with offsets and context).

        Raises:
            InputError: the text is over the configured size limit.
        """
        return extract_profile(self.nlp, self.bundle, text, max_chars=self.settings.max_text_chars)

    def role_document(
        self,
        text: str,
        *,
        title: str = "",
        profile: CandidateProfile | None = None,
        personal: PersonalDetails | None = None,
    ) -> RoleDocument:
        """What the learned role scorer reads about a text: identity-blind text, skills.

        Args:
            text: the normalised text.
            title: a posting's title, if any.
            profile: the text's extracted profile (extracted here when None).
            personal: the document's own personal strings (name, e-mails, ...), removed
                from the text the scorer reads, with every personal-detail rule of
                ``data/role_model.yaml``.

        Raises:
            InputError: the text is over the configured size limit.
        """
        found = profile if profile is not None else self.extract(text)
        details = personal or PersonalDetails()
        read = (
            self.identity.blind(
                text,
                personal_lines=details.lines,
                head_lines=details.head_lines,
                personal=details.words,
            )
            if self.identity
            else text
        )
        return RoleDocument.from_profile(found, text=read, title=title)

    def analyse_text(
        self, text: str, *, title: str = "", personal: PersonalDetails | None = None
    ) -> Analysis:
        """Extract skills from a text and score roles and competencies.

        Args:
            text: the normalised text.
            title: a job posting's title, if it has one (the learned model reads it).
            personal: personal strings the role model must not read (see
                :meth:`role_document`).

        Returns:
            The analysis. With a role model loaded, roles are ordered by calibrated
            probability and carry their drivers, and ``outcome`` says which role (or
            ``none``) the text is; without one, roles are ordered by rule score.

        Raises:
            InputError: the text is over the configured size limit.
        """
        profile = self.extract(text)
        competencies = competency_profile(profile, self.bundle)
        roles = score_roles(profile, self.bundle)
        outcome = None
        if self.role_model is not None:
            doc = self.role_document(text, title=title, profile=profile, personal=personal)
            roles, outcome = self._with_probabilities(doc, roles)
        return Analysis(
            data_version=self.bundle.data_version,
            profile=profile,
            roles=roles,
            competencies=competencies,
            tiers=tier_summaries(competencies, self.bundle),
            outcome=outcome,
        )

    def _with_probabilities(
        self, doc: RoleDocument, roles: list[RoleScore]
    ) -> tuple[list[RoleScore], RoleOutcome]:
        model = self.role_model
        if model is None:  # pragma: no cover - callers check
            raise RuntimeError("no role model loaded")
        probabilities, drivers = score_document(model, doc)
        scored = [
            role.model_copy(
                update={
                    "probability": round(probabilities.get(role.role_id, 0.0), 4),
                    "drivers": drivers.get(role.role_id, ()),
                }
            )
            for role in roles
        ]
        scored.sort(key=lambda r: (-(r.probability or 0.0), -r.score))
        best = max(probabilities, key=lambda label: probabilities[label])
        outcome = RoleOutcome(
            role_id=best,
            probability=round(probabilities[best], 4),
            none_probability=round(probabilities.get(NONE_LABEL, 0.0), 4),
            model_version=self.role_model_version or "",
        )
        return scored, outcome

    def analyse_resume(self, text: str, *, today: date | None = None) -> Analysis:
        """:meth:`analyse_text` plus the resume's fields and years of use per skill.

        Args:
            text: the normalised resume text (``RawDocument.text``).
            today: reference date for "present" (default: today).

        Raises:
            InputError: the text is over the configured size limit.
        """
        sections_file = self.bundle.sections
        if self.rules is None or sections_file is None:
            return self.analyse_text(text)
        resume = extract_fields(
            text,
            segment_sections(text, self.rules),
            rules=self.rules,
            cues=sections_file.cues,
            today=today or date.today(),
            bundle=self.bundle,
        )
        analysis = self.analyse_text(text, personal=PersonalDetails.of_resume(resume))
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

    def analyse_job(self, text: str, *, title: str = "") -> JobAnalysis:
        """Read an employer's job text: roles, required/preferred skills, years, education.

        Args:
            text: the normalised job text (``RawDocument.text``).
            title: the job's title, when the employer gives it apart from the text (the
                role model reads it).

        Returns:
            The job analysis; its role scores are those :meth:`analyse_text` gives.

        Raises:
            InputError: the text is over the configured size limit.
        """
        analysis = self.analyse_text(text, title=title)
        job = read_job(
            text, analysis.profile, analysis.roles, self.bundle, rules=job_rules(self.bundle)
        )
        return job.model_copy(update={"outcome": analysis.outcome})
