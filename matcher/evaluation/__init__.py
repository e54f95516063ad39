"""Measurements of the engine on reference data (O*NET, labelled evaluation sets)."""

from matcher.evaluation.fields import FieldScore, FieldsReport, evaluate_fields
from matcher.evaluation.ingest import IngestReport, measure_ingest
from matcher.evaluation.onet_coverage import (
    DEFAULT_OCCUPATIONS,
    CoverageReport,
    measure_onet_coverage,
)

__all__ = [
    "DEFAULT_OCCUPATIONS",
    "CoverageReport",
    "FieldScore",
    "FieldsReport",
    "IngestReport",
    "evaluate_fields",
    "measure_ingest",
    "measure_onet_coverage",
]
