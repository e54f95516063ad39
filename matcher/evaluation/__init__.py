"""Measurements of the engine on reference data (O*NET, labelled evaluation sets)."""

from matcher.evaluation.fields import FieldsReport, evaluate_fields
from matcher.evaluation.ingest import IngestReport, measure_ingest
from matcher.evaluation.metrics import PRF
from matcher.evaluation.onet_coverage import (
    DEFAULT_OCCUPATIONS,
    CoverageReport,
    measure_onet_coverage,
)
from matcher.evaluation.skills import SkillEvaluation, evaluate_skills, read_skill_gold
from matcher.evaluation.speed import SpeedReport, measure_speed

__all__ = [
    "DEFAULT_OCCUPATIONS",
    "CoverageReport",
    "PRF",
    "FieldsReport",
    "IngestReport",
    "SkillEvaluation",
    "SpeedReport",
    "evaluate_fields",
    "evaluate_skills",
    "measure_ingest",
    "measure_onet_coverage",
    "measure_speed",
    "read_skill_gold",
]
