"""Measurements of the engine on reference data (O*NET, labelled evaluation sets)."""

from matcher.evaluation.onet_coverage import (
    DEFAULT_OCCUPATIONS,
    CoverageReport,
    measure_onet_coverage,
)

__all__ = ["DEFAULT_OCCUPATIONS", "CoverageReport", "measure_onet_coverage"]
