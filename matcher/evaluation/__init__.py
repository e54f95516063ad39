"""Measurements of the engine on reference data (O*NET, labelled evaluation sets)."""

from matcher.evaluation.fields import FieldsReport, evaluate_fields
from matcher.evaluation.ingest import IngestReport, measure_ingest
from matcher.evaluation.metrics import PRF
from matcher.evaluation.onet_coverage import (
    DEFAULT_OCCUPATIONS,
    CoverageReport,
    measure_onet_coverage,
)
from matcher.evaluation.role_tables import (
    calibration_frame,
    confusion_frame,
    outcome_scores_frame,
    per_label_frame,
    repeated_cv_frame,
    role_summary_frame,
)
from matcher.evaluation.skill_tables import (
    SkillRun,
    evaluate_skill_file,
    skill_errors_frame,
    skill_misses_by_category,
    skill_scores_frame,
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
    "SkillRun",
    "SpeedReport",
    "calibration_frame",
    "confusion_frame",
    "evaluate_fields",
    "evaluate_skill_file",
    "evaluate_skills",
    "measure_ingest",
    "measure_onet_coverage",
    "measure_speed",
    "outcome_scores_frame",
    "per_label_frame",
    "read_skill_gold",
    "repeated_cv_frame",
    "role_summary_frame",
    "skill_errors_frame",
    "skill_misses_by_category",
    "skill_scores_frame",
]
