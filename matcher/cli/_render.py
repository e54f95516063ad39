"""Analysis -> JSON data and rich tables for ``matcher score``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from matcher.cli._common import out
from matcher.domain import SkillMention
from matcher.service import Analysis

__all__ = ["analysis_json", "highlight", "print_analysis"]


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "data_version": analysis.data_version,
        "text_length": analysis.profile.text_length,
        "skills": [m.model_dump() for m in analysis.profile.mentions],
        "unknown_skills": [u.model_dump() for u in analysis.profile.unknown_skills],
        "roles": [
            r.model_dump(
                exclude={
                    "matched": {"__all__": {"mentions"}},
                    "missing": {"__all__": {"mentions", "via"}},
                }
            )
            for r in analysis.roles
        ],
        "outcome": analysis.outcome.model_dump() if analysis.outcome else None,
        "competencies": [c.model_dump() for c in analysis.competencies],
        "tiers": [t.model_dump() for t in analysis.tiers],
        "fields": _fields_json(analysis),
    }


def _fields_json(analysis: Analysis) -> dict[str, Any] | None:
    if analysis.fields is None:
        return None
    result: dict[str, Any] = analysis.fields.model_dump(mode="json")
    result["months_of_experience"] = analysis.fields.months_of_experience
    result["skill_experience"] = [s.model_dump(mode="json") for s in analysis.skill_years.values()]
    return result


def _print_fields(analysis: Analysis, *, skill_label: Callable[[str], str]) -> None:
    resume = analysis.fields
    if resume is None:
        return
    contact = resume.contact
    table = Table(title="Contact")
    for col in ("field", "value"):
        table.add_column(col)
    place = ", ".join(p for p in (contact.city, contact.state) if p)
    for name, value in (
        ("name", contact.name or ""),
        ("e-mail", ", ".join(contact.emails)),
        ("phone", ", ".join(contact.phones)),
        ("location", place),
        ("links", ", ".join(contact.links)),
    ):
        table.add_row(name, value or "-")
    out.print(table)
    education = Table(title="Education")
    for col in ("degree", "institution", "year"):
        education.add_column(col)
    for e in resume.education:
        education.add_row(e.degree or "-", e.institution or "-", str(e.year or "-"))
    out.print(education)
    certs = Table(title="Certifications")
    for col in ("certification", "taxonomy id"):
        certs.add_column(col)
    for c in resume.certifications:
        certs.add_row(c.name, c.skill_id or "-")
    out.print(certs)
    jobs = Table(title=f"Experience ({resume.months_of_experience} months in dated jobs)")
    for col in ("title", "employer", "from", "to", "months"):
        jobs.add_column(col)
    for j in resume.experience:
        start = j.start_date.strftime("%Y-%m") if j.start_date else "-"
        end = "present" if j.current else (j.end_date.strftime("%Y-%m") if j.end_date else "-")
        jobs.add_row(j.title or "-", j.employer or "-", start, end, str(j.months))
    out.print(jobs)
    years = Table(title="Years of experience per skill (from the dated jobs that mention it)")
    for col in ("skill", "years", "last used", "jobs"):
        years.add_column(col)
    for s in sorted(analysis.skill_years.values(), key=lambda s: -s.years):
        last = s.last_used.strftime("%Y-%m") if s.last_used else "-"
        years.add_row(skill_label(s.skill_id), f"{s.years:.1f}", last, str(s.entries))
    out.print(years)


def print_analysis(analysis: Analysis, *, top: int, skill_label: Callable[[str], str]) -> None:
    by_skill: dict[str, list[str]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for m in analysis.profile.mentions:
        by_skill.setdefault(m.skill_id, []).append(f"{m.start}-{m.end}")
        labels[m.skill_id] = (m.label, m.category)
    skills = Table(
        title=f"Skills found ({len(by_skill)} distinct, {len(analysis.profile.mentions)} mentions)"
    )
    for col in ("skill", "category", "mentions", "offsets"):
        skills.add_column(col)
    for skill_id, spans in by_skill.items():
        label, category = labels[skill_id]
        shown = ", ".join(spans[:4]) + (" ..." if len(spans) > 4 else "")
        skills.add_row(label, category, str(len(spans)), shown)
    out.print(skills)
    if analysis.profile.unknown_skills:
        phrases = dict.fromkeys(u.phrase for u in analysis.profile.unknown_skills)
        out.print("Other skill phrases (not in the taxonomy): " + "; ".join(phrases))
    _print_fields(analysis, skill_label=skill_label)

    outcome = analysis.outcome
    if outcome is not None:
        verdict = "not health IT work" if outcome.role_id == "none" else outcome.role_id
        out.print(
            f"Role model {outcome.model_version}: {verdict} "
            f"(p={outcome.probability:.2f}; p(not health IT)={outcome.none_probability:.2f})"
        )
    roles = Table(
        title="Role fit (fit: 0-100 weighted coverage of each role's skills; "
        "p: calibrated probability of the role)"
    )
    columns = ["role", "fit", "p", "matched (heaviest first)", "missing required/core"]
    if outcome is not None:
        columns.append("weighed most")
    for col in columns:
        roles.add_column(col)
    for r in analysis.roles:
        matched = ", ".join(e.label for e in r.matched[:top]) + (
            " ..." if len(r.matched) > top else ""
        )
        missing = ", ".join(e.label for e in r.missing[:top]) + (
            " ..." if len(r.missing) > top else ""
        )
        p = "-" if r.probability is None else f"{r.probability:.2f}"
        row = [r.name, f"{r.score:.1f}", p, matched or "-", missing or "-"]
        if outcome is not None:
            row.append(", ".join(f"{d.kind} '{d.feature}'" for d in r.drivers[:3]) or "-")
        roles.add_row(*row)
    out.print(roles)

    comps = Table(title="Competency profile (EHR 2011 / HIM 2018 model; level 0-4)")
    for col in ("tier", "competency", "level", "evidence"):
        comps.add_column(col)
    for c in analysis.competencies:
        if c.level > 0:
            comps.add_row(
                str(c.tier),
                c.name,
                f"{c.level} {c.level_name}",
                ", ".join(skill_label(s) for s in c.evidence[:top]),
            )
    out.print(comps)
    for t in analysis.tiers:
        out.print(
            f"Tier {t.tier} {t.name}: mean level {t.mean_level:.2f}, "
            f"{t.evidenced}/{t.total} blocks evidenced"
        )


def highlight(text: str, mentions: Sequence[SkillMention]) -> Text:
    """The document text with every skill mention marked at its offsets.

    Held skills are bold green, negated or hypothetical ones struck through, subjects of
    a degree or parts of a title/organisation name dim; required/preferred job skills
    are underlined. Each mention is followed by its skill id in brackets.
    """
    rendered = Text()
    cursor = 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < cursor:
            continue
        rendered.append(text[cursor : m.start])
        if not m.held:
            style = "strike red"
        elif m.field_of_study or m.part_of_name:
            style = "dim green"
        else:
            style = "bold green"
        if m.requirement:
            style += " underline"
        rendered.append(text[m.start : m.end], style=style)
        rendered.append(f"[{m.skill_id}]", style="cyan")
        cursor = m.end
    rendered.append(text[cursor:])
    return rendered
