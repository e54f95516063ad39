"""The ``matcher`` command line.

Commands: ``validate-data``, ``score FILE``, ``gaps FILE --role ROLE``, ``job FILE``
(:mod:`matcher.cli.analyse`), ``serve``, ``db-upgrade``, ``add-user``
(:mod:`matcher.cli.serve`), ``rescore`` (:mod:`matcher.cli.rescore`), ``train`` and
``evaluate roles`` (:mod:`matcher.cli.train`) and the other ``evaluate`` commands
(``skills``, ``fields``, ``ingest``, ``speed``, ``taxonomy-coverage``). Errors the user
can fix exit with status 2 and a message; invalid data exits 1. Logging is configured
here (and for the server in ``serve``) and nowhere else.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer

from matcher.cli._common import (
    DataDirOption,
    fail,
    load_file,
    out,
    settings_for,
)
from matcher.cli._render import analysis_json, highlight, print_analysis
from matcher.cli.analyse import gaps, job
from matcher.cli.evaluate import evaluate_app
from matcher.cli.rescore import rescore
from matcher.cli.serve import add_user, db_upgrade, serve
from matcher.cli.train import roles_command, train
from matcher.errors import DataValidationError, MatcherError
from matcher.taxonomy import load_bundle

__all__ = ["app"]

app = typer.Typer(
    name="matcher",
    help="Health IT resume-to-role matching: skills, role fit and competency profile.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(evaluate_app, name="evaluate")
for _name, _command in (("serve", serve), ("db-upgrade", db_upgrade), ("add-user", add_user)):
    app.command(_name)(_command)
evaluate_app.command("roles")(roles_command)
app.command("train")(train)
app.command("gaps")(gaps)
app.command("job")(job)
app.command("rescore")(rescore)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@app.command("validate-data")
def validate_data(data_dir: DataDirOption = None) -> None:
    """Check every data file against its schema and cross-references; list all problems."""
    settings = settings_for(data_dir)
    try:
        bundle = load_bundle(settings.data_dir)
    except DataValidationError as exc:
        fail(exc)
    n_aliases = len(bundle.aliases)
    n_comp = len(bundle.competencies)
    out.print(
        f"data {bundle.data_version} is valid: {len(bundle.skills)} skills, {n_aliases} aliases, "
        f"{len(bundle.roles)} roles, {n_comp} competencies in "
        f"{len(bundle.competency_model.tiers)} tiers"
    )


@app.command()
def score(
    file: Annotated[
        Path,
        typer.Argument(help="The resume or job description (PDF, DOCX, ODT, RTF, HTML, text)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    top: Annotated[int, typer.Option(min=1, help="Skills listed per role in the table.")] = 6,
    show_highlight: Annotated[
        bool,
        typer.Option("--highlight", help="Print the text with every skill mention marked."),
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Find skills in FILE and score it against the twelve roles and the competency model."""
    engine, text = load_file(file, data_dir)
    try:
        analysis = engine.analyse_resume(text)
    except MatcherError as exc:
        fail(exc)
    if as_json:
        out.print_json(json.dumps(analysis_json(analysis)))
        return
    if show_highlight:
        out.print(highlight(text, analysis.profile.mentions))
    else:
        print_analysis(analysis, top=top, skill_label=lambda s: engine.bundle.skills[s].label)
