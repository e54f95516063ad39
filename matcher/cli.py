"""The ``matcher`` command line.

Commands: ``validate-data``, ``score FILE``, ``evaluate taxonomy-coverage``, ``evaluate
fields``, ``evaluate ingest``. Errors the
user can fix exit with status 2 and a one-paragraph message; invalid data exits 1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from matcher.config import Settings, get_settings
from matcher.domain import ResumeFields
from matcher.errors import DataValidationError, MatcherError
from matcher.evaluation import (
    DEFAULT_OCCUPATIONS,
    evaluate_fields,
    evaluate_skills,
    measure_ingest,
    measure_onet_coverage,
    measure_speed,
    read_skill_gold,
)
from matcher.fields import extract_fields
from matcher.ingest import SUPPORTED_SUFFIXES, IngestLimits, read_document
from matcher.pipeline import spacy_blank_tokenizer
from matcher.sections import compile_rules, segment_sections
from matcher.service import Analysis, MatchingEngine, load_engine
from matcher.taxonomy import load_bundle, load_sections

__all__ = ["app"]

app = typer.Typer(
    name="matcher",
    help="Health IT resume-to-role matching: skills, role fit and competency profile.",
    no_args_is_help=True,
    add_completion=False,
)
evaluate_app = typer.Typer(help="Measure the engine on reference data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")

_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Data directory (default: MATCHER_DATA_DIR or the bundled data/)."
    ),
]


def _settings(data_dir: Path | None) -> Settings:
    return Settings(data_dir=data_dir) if data_dir is not None else get_settings()


def _fail(exc: MatcherError) -> NoReturn:
    _err.print(f"[bold red]error:[/] {exc}", markup=True)
    raise typer.Exit(code=1 if isinstance(exc, DataValidationError) else 2)


def _engine(settings: Settings) -> MatchingEngine:
    try:
        return load_engine(settings)
    except MatcherError as exc:
        _fail(exc)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@app.command("validate-data")
def validate_data(data_dir: DataDirOption = None) -> None:
    """Check every data file against its schema and cross-references; list all problems."""
    settings = _settings(data_dir)
    try:
        bundle = load_bundle(settings.data_dir)
    except DataValidationError as exc:
        _fail(exc)
    n_aliases = len(bundle.aliases)
    n_comp = len(bundle.competencies)
    _out.print(
        f"data {bundle.data_version} is valid: {len(bundle.skills)} skills, {n_aliases} aliases, "
        f"{len(bundle.roles)} roles, {n_comp} competencies in "
        f"{len(bundle.competency_model.tiers)} tiers"
    )


def _analysis_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "data_version": analysis.data_version,
        "text_length": analysis.profile.text_length,
        "skills": [m.model_dump() for m in analysis.profile.mentions],
        "roles": [
            r.model_dump(
                exclude={
                    "matched": {"__all__": {"mentions"}},
                    "missing": {"__all__": {"mentions", "via"}},
                }
            )
            for r in analysis.roles
        ],
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
    _out.print(table)
    education = Table(title="Education")
    for col in ("degree", "institution", "year"):
        education.add_column(col)
    for e in resume.education:
        education.add_row(e.degree or "-", e.institution or "-", str(e.year or "-"))
    _out.print(education)
    certs = Table(title="Certifications")
    for col in ("certification", "taxonomy id"):
        certs.add_column(col)
    for c in resume.certifications:
        certs.add_row(c.name, c.skill_id or "-")
    _out.print(certs)
    jobs = Table(title=f"Experience ({resume.months_of_experience} months in dated jobs)")
    for col in ("title", "employer", "from", "to", "months"):
        jobs.add_column(col)
    for j in resume.experience:
        start = j.start_date.strftime("%Y-%m") if j.start_date else "-"
        end = "present" if j.current else (j.end_date.strftime("%Y-%m") if j.end_date else "-")
        jobs.add_row(j.title or "-", j.employer or "-", start, end, str(j.months))
    _out.print(jobs)
    years = Table(title="Years of experience per skill (from the dated jobs that mention it)")
    for col in ("skill", "years", "last used", "jobs"):
        years.add_column(col)
    for s in sorted(analysis.skill_years.values(), key=lambda s: -s.years):
        last = s.last_used.strftime("%Y-%m") if s.last_used else "-"
        years.add_row(skill_label(s.skill_id), f"{s.years:.1f}", last, str(s.entries))
    _out.print(years)


def _print_analysis(analysis: Analysis, *, top: int, skill_label: Callable[[str], str]) -> None:
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
    _out.print(skills)
    _print_fields(analysis, skill_label=skill_label)

    roles = Table(title="Role fit (0-100, weighted coverage of each role's skills)")
    for col in ("role", "score", "matched (heaviest first)", "missing required/core"):
        roles.add_column(col)
    for r in analysis.roles:
        matched = ", ".join(e.label for e in r.matched[:top]) + (
            " ..." if len(r.matched) > top else ""
        )
        missing = ", ".join(e.label for e in r.missing[:top]) + (
            " ..." if len(r.missing) > top else ""
        )
        roles.add_row(r.name, f"{r.score:.1f}", matched or "-", missing or "-")
    _out.print(roles)

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
    _out.print(comps)
    for t in analysis.tiers:
        _out.print(
            f"Tier {t.tier} {t.name}: mean level {t.mean_level:.2f}, "
            f"{t.evidenced}/{t.total} blocks evidenced"
        )


@app.command()
def score(
    file: Annotated[
        Path,
        typer.Argument(help="The resume or job description (PDF, DOCX, ODT, RTF, HTML, text)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    top: Annotated[int, typer.Option(min=1, help="Skills listed per role in the table.")] = 6,
    data_dir: DataDirOption = None,
) -> None:
    """Find skills in FILE and score it against the twelve roles and the competency model."""
    settings = _settings(data_dir)
    try:
        data = file.read_bytes()
    except OSError as exc:
        _err.print(f"error: cannot read {file}: {exc.strerror or exc}")
        raise typer.Exit(code=2) from exc
    engine = _engine(settings)
    try:
        document = read_document(
            data, filename=file.name, limits=IngestLimits.from_settings(settings)
        )
        analysis = engine.analyse_resume(document.text)
    except MatcherError as exc:
        _fail(exc)
    if as_json:
        _out.print_json(json.dumps(_analysis_json(analysis)))
    else:
        _print_analysis(analysis, top=top, skill_label=lambda s: engine.bundle.skills[s].label)


@evaluate_app.command("taxonomy-coverage")
def taxonomy_coverage(
    onet_csv: Annotated[Path, typer.Option("--onet-csv", help="O*NET technology_skills.csv")],
    occupation: Annotated[
        list[str] | None, typer.Option("--occupation", help="O*NET-SOC code (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Share of O*NET's health IT technology names that the pipeline recognises."""
    engine = _engine(_settings(data_dir))
    try:
        report = measure_onet_coverage(
            onet_csv,
            lambda name: bool(engine.analyse_text(name).profile.mentions),
            occupations=occupation or DEFAULT_OCCUPATIONS,
        )
    except MatcherError as exc:
        _fail(exc)
    result = {
        "occupations": list(report.occupations),
        "names": report.total,
        "recognised": report.recognised,
        "share": round(report.share, 4),
        "medical_software_names": report.medical_total,
        "medical_software_recognised": report.medical_recognised,
        "medical_software_share": round(report.medical_share, 4),
        "missed": report.missed,
    }
    if as_json:
        _out.print_json(json.dumps(result))
        return
    _out.print(
        f"O*NET technology names for {', '.join(report.occupations)}: "
        f"{report.recognised}/{report.total} recognised ({report.share:.1%}); "
        f"'Medical software' subset {report.medical_recognised}/{report.medical_total} "
        f"({report.medical_share:.1%})"
    )
    if report.missed:
        _out.print("not recognised: " + "; ".join(report.missed))


@evaluate_app.command("fields")
def fields_command(
    gold: Annotated[Path, typer.Option("--gold", help="resume_fields JSON Lines gold file.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Precision/recall of each annotated resume field (name, titles, employers, degrees...)."""
    settings = _settings(data_dir)
    try:
        sections_file = load_sections(settings.data_dir)
    except MatcherError as exc:
        _fail(exc)
    rules = compile_rules(sections_file)
    limits = IngestLimits.from_settings(settings)
    today = date.today()

    def extract(text: str) -> ResumeFields:
        document = read_document(text.encode("utf-8"), filename="resume.txt", limits=limits)
        sections = segment_sections(document.text, rules)
        return extract_fields(
            document.text, sections, rules=rules, cues=sections_file.cues, today=today
        )

    try:
        report = evaluate_fields(gold, extract)
    except MatcherError as exc:
        _fail(exc)
    if as_json:
        _out.print_json(json.dumps(report.as_dict()))
        return
    table = Table(title=f"Resume fields on {report.n_docs} resumes (F1 0..1, higher is better)")
    for col in ("field", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(col)
    for name, score in report.fields.items():
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.predicted),
            str(score.gold),
        )
    _out.print(table)


@evaluate_app.command("ingest")
def ingest_command(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of documents (recursive).")],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Read at most N.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Share of documents read without error, errors by type, sections found, speed."""
    settings = _settings(data_dir)
    try:
        rules = compile_rules(load_sections(settings.data_dir))
    except MatcherError as exc:
        _fail(exc)
    limits = IngestLimits.from_settings(settings)
    try:
        report = measure_ingest(
            corpus,
            read=lambda data, name: read_document(data, filename=name, limits=limits),
            segment=lambda text: segment_sections(text, rules),
            suffixes=SUPPORTED_SUFFIXES,
            limit=limit,
        )
    except MatcherError as exc:
        _fail(exc)
    result = report.as_dict()
    if as_json:
        _out.print_json(json.dumps(result))
        return
    _out.print(
        f"{report.parsed}/{report.files} read without error ({report.share_parsed:.1%}); "
        f"{report.mean_sections:.2f} section categories per document; "
        f"{report.docs_per_second:.1f} documents per second"
    )
    if report.errors:
        _out.print("errors: " + ", ".join(f"{k} {v}" for k, v in report.errors.most_common()))


@evaluate_app.command("skills")
def skills_command(
    gold: Annotated[Path, typer.Option("--gold", help="Labelled skill mentions (JSON Lines).")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    errors: Annotated[
        int, typer.Option("--errors", min=0, help="Misses and false hits listed (most common).")
    ] = 30,
    data_dir: DataDirOption = None,
) -> None:
    """Precision, recall and F1 of skill extraction (partial/strict; HARD+CERT; per type)."""
    engine = _engine(_settings(data_dir))
    try:
        docs = read_skill_gold(gold)
        evaluation = evaluate_skills(
            docs,
            lambda text: engine.analyse_text(text).profile.mentions,
            lambda category: engine.bundle.categories[category].mention_type.value,
        )
    except MatcherError as exc:
        _fail(exc)
    if as_json:
        _out.print_json(json.dumps(evaluation.as_dict(with_errors=errors > 0)))
        return
    table = Table(title=f"Skill extraction on {evaluation.n_docs} documents")
    for col in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(col)
    rows = [("partial HARD+CERT", evaluation.partial), ("strict HARD+CERT", evaluation.strict)]
    rows += [(f"partial {t}", prf) for t, prf in evaluation.by_type.items()]
    for name, prf in rows:
        table.add_row(
            name,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"{prf.f1:.3f}",
            str(prf.n_pred),
            str(prf.n_gold),
        )
    _out.print(table)
    if errors:
        misses, false_hits = evaluation.most_common_errors(errors)
        _out.print("misses: " + "; ".join(f"{t} ({n})" for t, n in misses))
        _out.print("false hits: " + "; ".join(f"{t} ({n})" for t, n in false_hits))


@evaluate_app.command("speed")
def speed_command(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of resumes (recursive).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Documents timed.")] = 300,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Resumes per second for text -> skills next to a blank spaCy tokenizer (one core)."""
    settings = _settings(data_dir)
    engine = _engine(settings)
    limits = IngestLimits.from_settings(settings)
    texts: list[str] = []
    for path in sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES):
        if len(texts) >= limit:
            break
        try:
            texts.append(read_document(path.read_bytes(), filename=path.name, limits=limits).text)
        except (MatcherError, OSError):
            continue
    if not texts:
        _err.print(f"error: no readable documents under {corpus}")
        raise typer.Exit(code=2)
    blank = spacy_blank_tokenizer()
    report = measure_speed(texts, engine.extract, blank)
    full = measure_speed(texts, engine.analyse_text, blank, repeats=1)
    if as_json:
        _out.print_json(
            json.dumps(
                {
                    **report.as_dict(),
                    "analysis_docs_per_second": full.as_dict()["pipeline_docs_per_second"],
                }
            )
        )
        return
    _out.print(
        f"{report.n_docs} documents ({report.n_chars:,} characters), one core: "
        f"text -> skills {report.pipeline_docs_per_second:.1f}/s; blank spaCy tokenizer "
        f"{report.tokenizer_docs_per_second:.1f}/s; ratio {report.ratio:.2f} (target >= 0.75); "
        f"with role and competency scoring {full.pipeline_docs_per_second:.1f}/s"
    )
