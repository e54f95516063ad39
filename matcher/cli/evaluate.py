"""``matcher evaluate ...``: measurements on reference data (thin: logic in matcher.evaluation)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from matcher.cli._common import DataDirOption, engine_for, err, fail, out, settings_for
from matcher.domain import ResumeFields
from matcher.errors import MatcherError
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
from matcher.taxonomy import load_sections

__all__ = ["evaluate_app"]

evaluate_app = typer.Typer(help="Measure the engine on reference data.", no_args_is_help=True)


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
    engine = engine_for(settings_for(data_dir))
    try:
        report = measure_onet_coverage(
            onet_csv,
            lambda name: bool(engine.analyse_text(name).profile.mentions),
            occupations=occupation or DEFAULT_OCCUPATIONS,
        )
    except MatcherError as exc:
        fail(exc)
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
        out.print_json(json.dumps(result))
        return
    out.print(
        f"O*NET technology names for {', '.join(report.occupations)}: "
        f"{report.recognised}/{report.total} recognised ({report.share:.1%}); "
        f"'Medical software' subset {report.medical_recognised}/{report.medical_total} "
        f"({report.medical_share:.1%})"
    )
    if report.missed:
        out.print("not recognised: " + "; ".join(report.missed))


@evaluate_app.command("fields")
def fields_command(
    gold: Annotated[Path, typer.Option("--gold", help="resume_fields JSON Lines gold file.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Precision/recall of each annotated resume field (name, titles, employers, degrees...)."""
    settings = settings_for(data_dir)
    try:
        sections_file = load_sections(settings.data_dir)
    except MatcherError as exc:
        fail(exc)
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
        fail(exc)
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
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
            str(score.n_pred),
            str(score.n_gold),
        )
    out.print(table)


@evaluate_app.command("ingest")
def ingest_command(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of documents (recursive).")],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Read at most N.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Share of documents read without error, errors by type, sections found, speed."""
    settings = settings_for(data_dir)
    try:
        rules = compile_rules(load_sections(settings.data_dir))
    except MatcherError as exc:
        fail(exc)
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
        fail(exc)
    result = report.as_dict()
    if as_json:
        out.print_json(json.dumps(result))
        return
    out.print(
        f"{report.parsed}/{report.files} read without error ({report.share_parsed:.1%}); "
        f"{report.mean_sections:.2f} section categories per document; "
        f"{report.docs_per_second:.1f} documents per second"
    )
    if report.errors:
        out.print("errors: " + ", ".join(f"{k} {v}" for k, v in report.errors.most_common()))


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
    engine = engine_for(settings_for(data_dir))
    try:
        docs = read_skill_gold(gold)
        evaluation = evaluate_skills(
            docs,
            lambda text: engine.extract(text).mentions,
            lambda category: engine.bundle.categories[category].mention_type.value,
            unknown=lambda text: [
                (u.phrase, u.start, u.end) for u in engine.extract(text).unknown_skills
            ],
        )
    except MatcherError as exc:
        fail(exc)
    if as_json:
        out.print_json(json.dumps(evaluation.as_dict(with_errors=errors > 0)))
        return
    table = Table(title=f"Skill extraction on {evaluation.n_docs} documents")
    for col in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(col)
    rows = [("partial HARD+CERT", evaluation.partial), ("strict HARD+CERT", evaluation.strict)]
    rows += [(f"partial {t}", prf) for t, prf in evaluation.by_type.items()]
    if evaluation.partial_with_unknown is not None:
        rows.append(("partial HARD+CERT + proposed phrases", evaluation.partial_with_unknown))
    for name, prf in rows:
        table.add_row(
            name,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"{prf.f1:.3f}",
            str(prf.n_pred),
            str(prf.n_gold),
        )
    out.print(table)
    if errors:
        misses, false_hits = evaluation.most_common_errors(errors)
        out.print("misses: " + "; ".join(f"{t} ({n})" for t, n in misses))
        out.print("false hits: " + "; ".join(f"{t} ({n})" for t, n in false_hits))


@evaluate_app.command("speed")
def speed_command(
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of resumes (recursive).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Documents timed.")] = 300,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Resumes per second for text -> skills next to a blank spaCy tokenizer (one core)."""
    settings = settings_for(data_dir)
    engine = engine_for(settings)
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
        err.print(f"error: no readable documents under {corpus}")
        raise typer.Exit(code=2)
    blank = spacy_blank_tokenizer()
    report = measure_speed(texts, engine.extract, blank)
    full = measure_speed(texts, engine.analyse_text, blank, repeats=1)
    if as_json:
        out.print_json(
            json.dumps(
                {
                    **report.as_dict(),
                    "analysis_docs_per_second": full.as_dict()["pipeline_docs_per_second"],
                }
            )
        )
        return
    out.print(
        f"{report.n_docs} documents ({report.n_chars:,} characters), one core: "
        f"text -> skills {report.pipeline_docs_per_second:.1f}/s; blank spaCy tokenizer "
        f"{report.tokenizer_docs_per_second:.1f}/s; ratio {report.ratio:.2f} (target >= 0.75); "
        f"with role and competency scoring {full.pipeline_docs_per_second:.1f}/s"
    )
