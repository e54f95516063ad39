"""Frozen value objects shared by every layer.

These are the only shapes that cross layer boundaries: the pipeline returns a
:class:`CandidateProfile`, the scorers return :class:`RoleScore` and
:class:`CompetencyScore`; nothing outside the pipeline sees a spaCy ``Doc``.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CandidateProfile",
    "CertificationEntry",
    "CertificationLink",
    "CompetencyScore",
    "ContactInfo",
    "CurriculumLink",
    "EducationEntry",
    "EducationRequirement",
    "ExperienceEntry",
    "GapAnalysis",
    "JobAnalysis",
    "JobSkill",
    "RawDocument",
    "ResumeFields",
    "RoleOutcome",
    "RoleScore",
    "RoleSkillEvidence",
    "ScoreDriver",
    "SectionSpan",
    "SkillExperience",
    "SkillGap",
    "SkillMention",
    "TierSummary",
    "UnknownSkill",
    "YearsRequirement",
]


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawDocument(_Value):
    """A document turned into text, before any analysis.

    Attributes:
        text: the normalised text; every character offset in the engine refers to it.
        source_format: the detected format (``txt`` ...).
        filename: the name the file was submitted under, if any.
    """

    text: str
    source_format: str
    filename: str | None = None
    pages: int | None = Field(default=None, ge=0)
    warnings: tuple[str, ...] = ()


class SectionSpan(_Value):
    """One section of a resume.

    Attributes:
        category: section category id from ``data/sections.yaml`` (``experience`` ...),
            ``contact`` for the text before the first header.
        header: the header line as written (empty for the leading contact block).
        start: offset of the header's first character (of the section's, if no header).
        content_start: offset of the first character after the header line.
        end: offset one past the section's last character.
    """

    category: str
    header: str
    start: int = Field(ge=0)
    content_start: int = Field(ge=0)
    end: int = Field(ge=0)


class ContactInfo(_Value):
    """Who the resume belongs to and how to reach them (all optional)."""

    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    city: str | None = None
    state: str | None = None
    links: tuple[str, ...] = ()


class EducationEntry(_Value):
    """One degree or school.

    Attributes:
        degree: the degree as written (``B.S.``, ``Associate of Applied Science``).
        field: the field of study, if given.
        institution: school or university.
        year: graduation (or last) year, if given.
        start: offset of the entry's first line; end: one past its last line.
    """

    degree: str | None = None
    field: str | None = None
    institution: str | None = None
    year: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CertificationEntry(_Value):
    """A certification or licence named in the resume.

    Attributes:
        name: as written.
        skill_id: the taxonomy certification skill it names, if it is in the taxonomy.
        start: offset of ``name``; end: one past it.
    """

    name: str
    skill_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ExperienceEntry(_Value):
    """One job.

    Attributes:
        title: job title, if found.
        employer: organisation, if found.
        start_date: first month (day 1), if a start date was given.
        end_date: last month (day 1); the reference month when ``current``.
        current: the job runs to the present.
        months: length in months, both ends inclusive (0 if unknown).
        start: offset of the entry's first line; end: one past its last character.
    """

    title: str | None = None
    employer: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    current: bool = False
    months: int = Field(default=0, ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SkillExperience(_Value):
    """How long and how recently a skill was used, from the jobs that mention it.

    Attributes:
        skill_id: taxonomy skill id.
        years: months covered by those jobs (overlaps counted once) / 12.
        last_used: the latest end month of those jobs (None: no dated job mentions it).
        entries: how many jobs mention it.
    """

    skill_id: str
    years: float = Field(ge=0)
    last_used: date | None = None
    entries: int = Field(ge=0)


class ResumeFields(_Value):
    """The structured fields of a resume; offsets refer to the normalised text.

    Attributes:
        contact: name, e-mails, phones, links, city.
        education: degrees and schools, as written.
        certifications: certifications, linked to taxonomy ids where known.
        experience: jobs, most recent first.
        current_titles: the current position's titles: the most recent job's and the
            headline's under the name, deduplicated (:mod:`matcher.fields.positions`).
        current_employers: the current position's employers, read the same way.
    """

    contact: ContactInfo
    education: tuple[EducationEntry, ...] = ()
    certifications: tuple[CertificationEntry, ...] = ()
    experience: tuple[ExperienceEntry, ...] = ()
    current_titles: tuple[str, ...] = ()
    current_employers: tuple[str, ...] = ()

    @property
    def months_of_experience(self) -> int:
        """Sum of job lengths in months (overlapping jobs counted twice)."""
        return sum(e.months for e in self.experience)


class SkillMention(_Value):
    """One place in a text where a taxonomy skill is named.

    Attributes:
        skill_id: taxonomy id of the skill.
        label: the skill's display label.
        category: taxonomy category id.
        start: character offset of the first character in the text (0-based).
        end: character offset one past the last character.
        surface: the text exactly as written (``text[start:end]``).
        section: resume section the mention is in (``experience``, ``skills``...), if known.
        requirement: ``"required"`` or ``"preferred"`` where job text says so.
        negated: the text says the skill is not held ("no experience with").
        hypothetical: an aim or an offer, not a holding ("willing to learn").
        field_of_study: the subject of a degree ("degree in health informatics").
        part_of_name: part of a job title or an organisation's name ("Data Scientist").
    """

    skill_id: str
    label: str
    category: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    surface: str
    section: str | None = None
    requirement: str | None = None
    negated: bool = False
    hypothetical: bool = False
    field_of_study: bool = False
    part_of_name: bool = False

    @property
    def held(self) -> bool:
        """True when the mention evidences the skill (not negated, not hypothetical)."""
        return not (self.negated or self.hypothetical)


class UnknownSkill(_Value):
    """A phrase outside the taxonomy that reads as a skill; never scored.

    Proposed from, e.g., a list item of a resume's skills section; reported apart from
    taxonomy skills.

    Attributes:
        phrase: the text as written.
        start: character offset of the first character.
        end: character offset one past the last character.
    """

    phrase: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class CandidateProfile(_Value):
    """What the pipeline found in one document.

    Attributes:
        text_length: characters in the analysed text.
        mentions: taxonomy skill mentions, in text order.
        unknown_skills: proposed skill phrases outside the taxonomy, in text order.
    """

    text_length: int = Field(ge=0)
    mentions: tuple[SkillMention, ...]
    unknown_skills: tuple[UnknownSkill, ...] = ()

    @property
    def skill_ids(self) -> frozenset[str]:
        """Distinct skill ids the text evidences (negated and hypothetical mentions aside)."""
        return frozenset(m.skill_id for m in self.mentions if m.held)

    def mentions_of(self, skill_id: str) -> tuple[SkillMention, ...]:
        """All mentions of one skill, in text order."""
        return tuple(m for m in self.mentions if m.skill_id == skill_id)


class RoleSkillEvidence(_Value):
    """A role skill and how the document covers it.

    Attributes:
        skill_id: the skill the role asks for.
        label: its display label.
        importance: ``required``, ``core`` or ``supporting``.
        credit: 0..1, the share of the skill's weight earned (1 = named in the text,
            a narrower skill counts fully, a broader one partly).
        via: the skill ids in the text that earned the credit.
        mentions: where those skills are named.
    """

    skill_id: str
    label: str
    importance: str
    credit: float = Field(ge=0, le=1)
    via: tuple[str, ...] = ()
    mentions: tuple[SkillMention, ...] = ()


class ScoreDriver(_Value):
    """One feature that pushed the learned model towards (or away from) a role.

    Attributes:
        kind: ``title word``, ``text word``, ``skill``, ``skill category``,
            ``health context`` or ``role coverage``.
        feature: what was seen (a word, a skill id, a signal name).
        weight: its contribution to the role's log-odds against the average role;
            positive pushes towards the role.
    """

    kind: str
    feature: str
    weight: float


class RoleScore(_Value):
    """Fit of one document to one role.

    Attributes:
        role_id: role id.
        name: official role name.
        score: 0..100 weighted coverage of the role's skills, higher is a better fit.
        matched: role skills with credit > 0, heaviest first.
        missing: role skills the text does not evidence (required and core only).
        probability: 0..1 calibrated probability that the role is the document's role,
            from the learned model (None when no model is loaded). The twelve roles and
            ``none`` sum to 1.
        drivers: the features that weighed most for this role in the learned model.
    """

    role_id: str
    name: str
    score: float = Field(ge=0, le=100)
    matched: tuple[RoleSkillEvidence, ...]
    missing: tuple[RoleSkillEvidence, ...]
    probability: float | None = Field(default=None, ge=0, le=1)
    drivers: tuple[ScoreDriver, ...] = ()


class RoleOutcome(_Value):
    """The learned model's verdict on a whole document.

    Attributes:
        role_id: the most probable role, or ``none`` when the text is not health IT.
        probability: 0..1 calibrated probability of that outcome.
        none_probability: 0..1 probability that the text is not health IT at all.
        model_version: the role-scorer artifact version that produced it.
    """

    role_id: str
    probability: float = Field(ge=0, le=1)
    none_probability: float = Field(ge=0, le=1)
    model_version: str


class CompetencyScore(_Value):
    """Level of one competency-model block, with the skills that evidence it.

    Attributes:
        competency_id: competency id.
        name: its name in the latest edition that has it.
        tier: tier number.
        level: 0..4 (see ``levels`` in the competency model data).
        level_name: the level's name.
        evidence: skill ids found in the text that evidence the competency.
    """

    competency_id: str
    name: str
    tier: int
    level: int = Field(ge=0)
    level_name: str
    evidence: tuple[str, ...]


class TierSummary(_Value):
    """Average competency level of one tier (0..4) and how many blocks have evidence."""

    tier: int
    name: str
    mean_level: float = Field(ge=0)
    evidenced: int = Field(ge=0)
    total: int = Field(ge=0)


# --- gap analysis --------------------------------------------------------------------


class CurriculumLink(_Value):
    """A curriculum component where a skill is taught.

    Attributes:
        component: component number in ``data/curriculum.yaml``.
        title: the component's published title.
        role_emphasis: how the target role weighs the component (``core``,
            ``secondary``, ``overlap``); None when the role does not list it.
        via: competency-model blocks linking the skill to the component (empty when the
            component names the skill itself).
    """

    component: int = Field(ge=1)
    title: str
    role_emphasis: str | None = None
    via: tuple[str, ...] = ()


class CertificationLink(_Value):
    """A certification whose competency-model block covers a skill.

    Attributes:
        skill_id: the certification's taxonomy id.
        label: its display label.
        for_role: the target role lists it among its certifications or exam.
        via: the competency-model blocks the certification shares with the skill.
    """

    skill_id: str
    label: str
    for_role: bool = False
    via: tuple[str, ...] = ()


class SkillGap(_Value):
    """A role skill the document lacks (or only partly shows), and what adding it is worth.

    Attributes:
        skill_id: the role skill.
        label: its display label.
        category: taxonomy category id.
        importance: ``required``, ``core`` or ``supporting``.
        weight: the importance weight from ``data/scoring.yaml`` (> 0).
        credit: 0..1, the share of the weight earned now (0 missing, the parent credit
            when only a broader skill is shown).
        via: broader skills in the document that earn the partial credit.
        gain: 0..100, fit-score points gained by adding this skill alone.
        reachable_score: 0..100, the rule fit score after adding this skill and every
            skill listed before it in the same list.
        curriculum: where the skill is taught, role's core components first.
        certifications: certifications that cover it, the role's own first.
    """

    skill_id: str
    label: str
    category: str
    importance: str
    weight: float = Field(gt=0)
    credit: float = Field(ge=0, le=1)
    via: tuple[str, ...] = ()
    gain: float = Field(ge=0, le=100)
    reachable_score: float = Field(ge=0, le=100)
    curriculum: tuple[CurriculumLink, ...] = ()
    certifications: tuple[CertificationLink, ...] = ()


class GapAnalysis(_Value):
    """What a document lacks for one role, ordered by what it is worth.

    Scores are the rule-based fit (0..100, higher is better), the same the role list shows.

    Attributes:
        data_version: data set the analysis used.
        role_id: the target role.
        role_name: its official name.
        score: the current fit score (0..100).
        missing: role skills with no credit, heaviest first (at most the requested limit).
        missing_total: how many role skills have no credit.
        score_with_missing: 0..100, the fit score with every missing skill added.
        upgrades: role skills with partial credit (only a broader skill shown), heaviest
            first; ``reachable_score`` counts from the current score, upgrades only.
        upgrades_total: how many role skills have partial credit.
    """

    data_version: str
    role_id: str
    role_name: str
    score: float = Field(ge=0, le=100)
    missing: tuple[SkillGap, ...]
    missing_total: int = Field(ge=0)
    score_with_missing: float = Field(ge=0, le=100)
    upgrades: tuple[SkillGap, ...] = ()
    upgrades_total: int = Field(ge=0, default=0)


# --- job descriptions ----------------------------------------------------------------


class JobSkill(_Value):
    """A taxonomy skill a job text asks for.

    Attributes:
        skill_id: taxonomy id.
        label: display label.
        category: taxonomy category id.
        requirement: ``required``, ``preferred`` or None (named without either cue); a
            skill named several times takes the strongest.
        years: the fewest years of experience the text asks for with this skill, if any.
        mentions: how many times the text names it (held mentions only).
        start: offset of its first mention.
    """

    skill_id: str
    label: str
    category: str
    requirement: str | None = None
    years: float | None = Field(default=None, ge=0)
    mentions: int = Field(ge=1)
    start: int = Field(ge=0)


class YearsRequirement(_Value):
    """A duration of experience a job text asks for ("3+ years of Epic experience").

    Attributes:
        min_years: lower bound in years (months / 12 for "18 months").
        max_years: upper bound of a range ("2-5 years"); None when open ("3+ years").
        skill_ids: skills the duration is about; empty when it is about the job overall.
        requirement: ``required``, ``preferred`` or None.
        text: the duration as written; start/end: its offsets in the text.
    """

    min_years: float = Field(ge=0)
    max_years: float | None = Field(default=None, ge=0)
    skill_ids: tuple[str, ...] = ()
    requirement: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class EducationRequirement(_Value):
    """A level of education a job text names.

    Attributes:
        level: level id from ``data/extraction.yaml`` (``bachelor`` ...).
        rank: 0 (high school) upwards.
        field_skill_ids: skills named as the field of study in the same clause.
        or_equivalent: the clause accepts equivalent experience instead.
        requirement: ``required``, ``preferred`` or None.
        text: the degree as written; start/end: its offsets in the text.
    """

    level: str
    rank: int = Field(ge=0)
    field_skill_ids: tuple[str, ...] = ()
    or_equivalent: bool = False
    requirement: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class JobAnalysis(_Value):
    """What the engine reads in an employer's job text.

    Attributes:
        data_version: data set the analysis used.
        profile: every skill mention (offsets, context), as for a resume.
        roles: the twelve role scores of the text, best fit first.
        required: skills the text requires, in text order (certifications apart).
        preferred: skills it prefers, in text order (certifications apart).
        unspecified: skills named without a required/preferred cue (certifications apart).
        certifications: certification skills, each with its requirement.
        years: durations of experience asked for, in text order.
        min_years: the largest lower bound among the non-preferred durations (all of them
            when every one is preferred): the experience the job asks for; None if none.
        education: levels of education named, in text order.
        outcome: the role model's verdict (a role, or ``none`` when the job is not
            health IT work); None without a role model.
    """

    data_version: str
    profile: CandidateProfile
    roles: tuple[RoleScore, ...]
    required: tuple[JobSkill, ...] = ()
    preferred: tuple[JobSkill, ...] = ()
    unspecified: tuple[JobSkill, ...] = ()
    certifications: tuple[JobSkill, ...] = ()
    years: tuple[YearsRequirement, ...] = ()
    min_years: float | None = Field(default=None, ge=0)
    education: tuple[EducationRequirement, ...] = ()
    outcome: RoleOutcome | None = None
