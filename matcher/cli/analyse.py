"""``matcher gaps FILE --role ROLE`` and ``matcher job FILE``.

``gaps``: what a resume lacks for one role, heaviest first, with where to learn each skill
and the fit score reached with it. ``job``: what an employer's job text asks for (roles,
required/preferred skills, certifications, years of experience, education). Both read
FILE like ``matcher score`` (any supported format) and exit 2 on input problems.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from matcher.cli._common import (
    DataDirOption,
    fail,
    load_file,
    out,
)
from matcher.domain import GapAnalysis, JobAnalysis, JobSkill, SkillGap
from matcher.errors import MatcherError

__all__ = ["gaps", "job"]

FileArgument = Annotated[
    Path, typer.Argument(help="The document (PDF, DOCX, ODT, RTF, HTML, text).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]

#: role-score fields left out of the JSON (offsets into the text are in ``profile``).
_ROLE_EXCLUDE: dict[str, Any] = {
    "matched": {"__all__": {"mentions"}},
    "missing": {"__all__": {"mentions", "via"}},
}


def gaps(
    file: FileArgument,
    role: Annotated[str, typer.Option("--role", help="Target role id (see the README).")],
    as_json: JsonOption = False,
    limit: Annotated[
        int | None, typer.Option(min=0, help="Most missing skills (and upgrades) listed.")
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """List the skills FILE lacks for a role, with where to learn them and the fit they reach."""
    engine, text = load_file(file, data_dir)
    try:
        result = engine.gaps(engine.analyse_resume(text), role, limit=limit)
    except MatcherError as exc:
        fail(exc)
    if as_json:
        out.print_json(result.model_dump_json())
        return
    _print_gaps(result)


def job(file: FileArgument, as_json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Read a job description: roles, required/preferred skills, years and education."""
    engine, text = load_file(file, data_dir)
    try:
        result = engine.analyse_job(text)
    except MatcherError as exc:
        fail(exc)
    if as_json:
        data = result.model_dump(
            mode="json", exclude={"roles": {"__all__": _ROLE_EXCLUDE}, "profile": True}
        )
        data["skills"] = [m.model_dump() for m in result.profile.mentions]
        out.print_json(json.dumps(data))
        return
    _print_job(result)


def _where(gap: SkillGap) -> tuple[str, str]:
    learn = ", ".join(
        f"{c.component}" + (f" ({c.role_emphasis})" if c.role_emphasis else "")
        for c in gap.curriculum[:3]
    )
    role_certs = [c.label for c in gap.certifications if c.for_role]
    certs = role_certs[:3] or [c.label for c in gap.certifications[:2]]
    return learn or "-", ", ".join(certs) or "-"


def _print_gaps(result: GapAnalysis) -> None:
    out.print(
        f"{result.role_name}: fit {result.score:.1f} now, {result.score_with_missing:.1f} with "
        f"all {result.missing_total} missing skills"
    )
    components: dict[int, str] = {}
    for title, items in (("Missing skills", result.missing), ("Upgrades", result.upgrades)):
        if not items:
            continue
        table = Table(title=title)
        for col in ("#", "skill", "importance", "+fit", "fit", "curriculum", "certifications"):
            table.add_column(col)
        for n, gap in enumerate(items, start=1):
            learn, certs = _where(gap)
            components.update((c.component, c.title) for c in gap.curriculum[:3])
            label = gap.label + (f" (have: {', '.join(gap.via)})" if gap.via else "")
            table.add_row(
                str(n),
                label,
                gap.importance,
                f"{gap.gain:.1f}",
                f"{gap.reachable_score:.1f}",
                learn,
                certs,
            )
        out.print(table)
    for number, title in sorted(components.items()):
        out.print(f"  curriculum component {number}: {title}")


def _skill_rows(table: Table, kind: str, skills: tuple[JobSkill, ...]) -> None:
    for skill in skills:
        years = f"{skill.years:g}+" if skill.years is not None else ""
        table.add_row(kind, skill.label, skill.category, years)


def _print_job(result: JobAnalysis) -> None:
    roles = Table(title="Roles (most likely first; p: calibrated probability)")
    for col in ("role", "p", "fit 0-100"):
        roles.add_column(col)
    for score in result.roles[:5]:
        p = "-" if score.probability is None else f"{score.probability:.2f}"
        roles.add_row(score.name, p, f"{score.score:.1f}")
    out.print(roles)
    skills = Table(title="Skills")
    for col in ("requirement", "skill", "category", "years"):
        skills.add_column(col)
    _skill_rows(skills, "required", result.required)
    _skill_rows(skills, "preferred", result.preferred)
    _skill_rows(skills, "-", result.unspecified)
    for cert in result.certifications:
        skills.add_row(cert.requirement or "-", cert.label, "certification", "")
    out.print(skills)
    years = Table(title=f"Years of experience (asked: {result.min_years or '-'})")
    for col in ("as written", "min", "max", "skills", "requirement"):
        years.add_column(col)
    for y in result.years:
        years.add_row(
            y.text,
            f"{y.min_years:g}",
            f"{y.max_years:g}" if y.max_years is not None else "-",
            ", ".join(y.skill_ids) or "(job)",
            y.requirement or "-",
        )
    out.print(years)
    education = Table(title="Education")
    for col in ("as written", "level", "field", "or equivalent", "requirement"):
        education.add_column(col)
    for e in result.education:
        education.add_row(
            e.text,
            e.level,
            ", ".join(e.field_skill_ids) or "-",
            "yes" if e.or_equivalent else "no",
            e.requirement or "-",
        )
    out.print(education)
