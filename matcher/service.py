"""Use cases over the engine: load it once, analyse a text.

:class:`MatchingEngine` holds the heavy objects (data bundle, spaCy pipeline) and is
built once per process by :func:`load_engine`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date

from matcher.artifacts import latest_version, load_artifact
from matcher.config import Settings
from matcher.domain import (
    CandidateProfile,
    CompetencyScore,
    GapAnalysis,
    JobAnalysis,
    ResumeFields,
    RoleOutcome,
    RoleScore,
    SkillExperience,
    TierSummary,
)
from matcher.errors import ArtifactError, InputError, UnknownRoleError
from matcher.fields import extract_fields, skill_experience
from matcher.pipeline import Pipeline, build_nlp, extract_profile
from matcher.scoring import competency_profile, score_roles, tier_summaries
from matcher.scoring.features import RoleDocument
from matcher.scoring.gaps import gap_analysis
from matcher.scoring.identity import IdentityFilter
from matcher.scoring.jobs import analyse_job as read_job
from matcher.scoring.jobs import job_rules
from matcher.scoring.role_explain import score_document
from matcher.scoring.role_model import ROLE_MODEL_NAME, RoleScorer
from matcher.scoring.synthetic import NONE_LABEL
from matcher.sections import HeaderRules, compile_rules, segment_sections
from matcher.taxonomy import DataBundle, load_bundle

logger = logging.getLogger(__name__)

__all__ = ["Analysis", "MatchingEngine", "PersonalDetails", "load_engine"]


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
        analysis = self.analyse_text(text, personal=_personal_strings(resume))
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


def load_engine(settings: Settings) -> MatchingEngine:
    """Load the data bundle, build the pipeline and load the role model (slow: once).

    Raises:
        DataValidationError: the data directory is invalid.
        ArtifactError: the configured role model is missing or incompatible.
    """
    bundle = load_bundle(settings.data_dir)
    nlp = build_nlp(bundle, context_window=settings.context_window_tokens)
    rules = compile_rules(bundle.sections) if bundle.sections is not None else None
    role_model, version = _load_role_model(settings, bundle)
    return MatchingEngine(
        settings=settings,
        bundle=bundle,
        nlp=nlp,
        rules=rules,
        role_model=role_model,
        role_model_version=version,
        identity=IdentityFilter.from_cues(bundle.role_model.identity)
        if bundle.role_model
        else None,
    )


def _load_role_model(
    settings: Settings, bundle: DataBundle
) -> tuple[RoleScorer | None, str | None]:
    # A configured version must load; the implicit latest one is skipped (rule scores
    # only, with a warning) when it was trained for other roles, e.g. another data set.
    configured = settings.role_model_version
    version = configured or latest_version(settings.models_dir, ROLE_MODEL_NAME)
    if version is None:
        return None, None
    loaded, _ = load_artifact(
        settings.models_dir, ROLE_MODEL_NAME, version, data_version=bundle.data_version
    )
    if not isinstance(loaded, RoleScorer):
        raise ArtifactError(f"{ROLE_MODEL_NAME} {version} is not a role scorer")
    if not loaded.has_current_layout():
        raise ArtifactError(
            f"{ROLE_MODEL_NAME} {version} was built with an older layout of the scorer: "
            "retrain it with `matcher train`"
        )
    unknown = {str(c) for c in loaded.classes_} - {*bundle.roles, NONE_LABEL}
    if not unknown:
        return loaded, version
    message = (
        f"{ROLE_MODEL_NAME} {version} predicts roles the data does not define "
        f"({', '.join(sorted(unknown))}): retrain it with `matcher train`"
    )
    if configured:
        raise ArtifactError(message)
    logger.warning("%s; scoring with the rule scorer only", message)
    return None, None


def _personal_strings(resume: ResumeFields) -> PersonalDetails:
    contact = resume.contact
    name_parts = contact.name.split() if contact.name else []
    lines = [
        *([contact.name] if contact.name else []),
        *contact.emails,
        *contact.phones,
        *contact.links,
    ]
    return PersonalDetails(
        lines=tuple(lines),
        head_lines=(contact.city,) if contact.city else (),
        words=tuple(p.strip(".,") for p in name_parts if len(p) > 1),
    )


@dataclass(frozen=True)
class PersonalDetails:
    """A resume's own personal strings, which the role model must not read.

    Attributes:
        lines: strings whose whole line is dropped (name, e-mails, phones, links).
        head_lines: strings whose line is dropped in the contact header only (city).
        words: strings removed wherever they appear (the parts of the name).
    """

    lines: tuple[str, ...] = ()
    head_lines: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
