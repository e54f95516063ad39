"""Precision and recall of resume field extraction against annotated resumes.

Gold: JSON Lines ``{"uid", "text", "fields": {"<field name>": [{"text", "start",
"end"}]}}`` (the ``resume_fields`` format). Each resume's text goes through the same
path as an upload (:func:`~matcher.ingest.read_document` as a text file, sections,
:func:`~matcher.fields.extract_fields`).

Matching rule, per resume and per field:

- values are normalised: lower case, every run of non-alphanumeric characters becomes
  one space, stripped; empty values are dropped, and duplicates (the same normalised
  value annotated or predicted twice) count once;
- a predicted value matches a gold value when one normalised string equals or contains
  the other (at word boundaries); each gold value is matched at most once, greedily in
  predicted order, preferring an exact match;
- precision = matched predictions / predictions, recall = matched gold values / gold
  values, summed over all resumes (micro-average); F1 their harmonic mean.

``Designation`` and ``Companies worked at`` compare what the engine reports as the
resume's current position (:mod:`matcher.fields.positions`: the headline under the name
and the most recent job, deduplicated), decided by the engine alone: the gold answer is
never used to choose or cut the predictions. Two diagnostic rows score other choices:
every job (``... (all jobs)``) and the most recent job only (``... (most recent job)``).
The annotators mark the headline and the first job consistently and later jobs rarely,
so the ``all jobs`` rows count real but unannotated jobs as errors.

Fields compared (gold name -> prediction): ``Name`` -> contact name; ``Email Address``
-> e-mails (in the dataturks data it mostly holds job-site links, so its scores say
little); ``Location`` -> contact city; ``Designation`` -> current titles;
``Companies worked at`` -> current employers; ``College Name`` -> institutions; ``Degree`` ->
degrees; ``Graduation Year`` -> education years. Gold fields without a counterpart
(``Skills``, ``Years of Experience``) are not scored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from matcher.domain import ResumeFields
from matcher.errors import InputError
from matcher.evaluation.jsonl import read_jsonl
from matcher.evaluation.metrics import PRF

__all__ = [
    "FieldsReport",
    "evaluate_fields",
    "match_values",
    "normalise_value",
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

_PREDICTORS: dict[str, Callable[[ResumeFields], list[str]]] = {
    "Name": lambda f: [f.contact.name] if f.contact.name else [],
    "Email Address": lambda f: list(f.contact.emails),
    "Location": lambda f: [f.contact.city] if f.contact.city else [],
    "Designation": lambda f: list(f.current_titles),
    "Companies worked at": lambda f: list(f.current_employers),
    "College Name": lambda f: [e.institution for e in f.education if e.institution],
    "Degree": lambda f: [e.degree for e in f.education if e.degree],
    "Graduation Year": lambda f: [str(e.year) for e in f.education if e.year],
    "Designation (all jobs)": lambda f: [e.title for e in f.experience if e.title],
    "Companies worked at (all jobs)": lambda f: [e.employer for e in f.experience if e.employer],
    "Designation (most recent job)": lambda f: [e.title for e in f.experience if e.title][:1],
    "Companies worked at (most recent job)": lambda f: [
        e.employer for e in f.experience if e.employer
    ][:1],
}
_GOLD_NAME = {
    "Designation (all jobs)": "Designation",
    "Companies worked at (all jobs)": "Companies worked at",
    "Designation (most recent job)": "Designation",
    "Companies worked at (most recent job)": "Companies worked at",
}


def normalise_value(value: str) -> str:
    """Lower case, non-alphanumeric runs -> one space, stripped."""
    return _NON_ALNUM.sub(" ", value.lower()).strip()


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in (normalise_value(x) for x in values) if v))


def _contains(a: str, b: str) -> bool:
    return f" {b} " in f" {a} " or f" {a} " in f" {b} "


def match_values(predicted: list[str], gold: list[str]) -> tuple[int, int, int]:
    """(matched, predictions, gold values) for one resume and field (module rule).

    Args:
        predicted: predicted values, in the engine's order.
        gold: gold values.
    """
    preds, golds = _unique(predicted), _unique(gold)
    free = set(range(len(golds)))
    matched = 0
    for pred in preds:
        exact = next((i for i in sorted(free) if golds[i] == pred), None)
        hit = (
            exact
            if exact is not None
            else next((i for i in sorted(free) if _contains(golds[i], pred)), None)
        )
        if hit is not None:
            free.discard(hit)
            matched += 1
    return matched, len(preds), len(golds)


@dataclass
class FieldsReport:
    """Per-field scores over a gold file."""

    n_docs: int = 0
    failed: int = 0
    fields: dict[str, PRF] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """``{"n_docs", "failed", "fields": {name: {"precision", "recall", "f1", ...}}}``."""
        return {
            "n_docs": self.n_docs,
            "failed": self.failed,
            "fields": {
                name: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "predicted": s.n_pred,
                    "gold": s.n_gold,
                }
                for name, s in self.fields.items()
            },
        }


def evaluate_fields(gold_path: Path, extract: Callable[[str], ResumeFields]) -> FieldsReport:
    """Score field extraction on a gold file.

    Args:
        gold_path: the JSON Lines gold file.
        extract: resume text -> fields (the caller wires ingest, sections and fields).

    Returns:
        The report; a resume whose text cannot be read counts as predicting nothing.

    Raises:
        InputError: the gold file is missing or not JSON Lines.
    """
    report = FieldsReport(fields={name: PRF(0, 0, 0, 0) for name in _PREDICTORS})
    rows = read_jsonl(
        gold_path, lambda row: (str(row["text"]), dict(row["fields"])), what="resume_fields record"
    )
    for text, gold_fields in rows:
        report.n_docs += 1
        try:
            predicted = extract(text)
        except InputError:
            report.failed += 1
            predicted = None
        for name, predictor in _PREDICTORS.items():
            gold = [g["text"] for g in gold_fields.get(_GOLD_NAME.get(name, name), [])]
            values = predictor(predicted) if predicted is not None else []
            matched, n_pred, n_gold = match_values(values, gold)
            report.fields[name] += PRF(matched, n_pred, matched, n_gold)
    return report
