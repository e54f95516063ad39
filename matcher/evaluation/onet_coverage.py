"""How many of O*NET's health IT technology names the taxonomy recognises.

Probe set: every distinct ``Example`` in O*NET's ``technology_skills.csv`` listed for the
health IT occupations (default: 15-1211.01 Health Informatics Specialists, 29-9021.00
Health Information Technologists and Medical Registrars, 29-2072.00 Medical Records
Specialists). A name counts as recognised when the extraction pipeline, run on the
name alone, finds at least one taxonomy skill in it. The report also gives the share
for the subset O*NET files under the commodity "Medical software" (health-specific
products) and lists the names not recognised, for taxonomy growth.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from matcher.errors import InputError

__all__ = ["DEFAULT_OCCUPATIONS", "CoverageReport", "measure_onet_coverage"]

DEFAULT_OCCUPATIONS = ("15-1211.01", "29-9021.00", "29-2072.00")
_MEDICAL = "Medical software"


@dataclass(frozen=True)
class CoverageReport:
    """Recognised shares (0..1) of the probe names."""

    occupations: tuple[str, ...]
    total: int
    recognised: int
    medical_total: int
    medical_recognised: int
    missed: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Recognised share of all probe names (0..1)."""
        return self.recognised / self.total if self.total else 0.0

    @property
    def medical_share(self) -> float:
        """Recognised share of the "Medical software" names (0..1)."""
        return self.medical_recognised / self.medical_total if self.medical_total else 0.0


def _probe_names(csv_path: Path, occupations: Iterable[str]) -> dict[str, bool]:
    wanted = set(occupations)
    names: dict[str, bool] = {}
    try:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("O*NET-SOC Code") in wanted:
                    name = row["Example"].strip()
                    names[name] = names.get(name, False) or row.get("Commodity Title") == _MEDICAL
    except (OSError, KeyError) as exc:
        raise InputError(f"cannot read O*NET technology skills from {csv_path}: {exc}") from exc
    return names


def measure_onet_coverage(
    csv_path: Path,
    recognises: Callable[[str], bool],
    *,
    occupations: Iterable[str] = DEFAULT_OCCUPATIONS,
) -> CoverageReport:
    """Measure the share of O*NET technology names that ``recognises`` accepts.

    Args:
        csv_path: O*NET ``technology_skills.csv``.
        recognises: True when the engine finds a skill in the given name.
        occupations: O*NET-SOC codes whose technologies form the probe set.

    Returns:
        The coverage report.
    """
    codes = tuple(occupations)
    names = _probe_names(csv_path, codes)
    if not names:
        raise InputError(f"no technology names found for occupations {', '.join(codes)}")
    hits = {name: recognises(name) for name in sorted(names)}
    return CoverageReport(
        occupations=codes,
        total=len(hits),
        recognised=sum(hits.values()),
        medical_total=sum(1 for n in hits if names[n]),
        medical_recognised=sum(1 for n, ok in hits.items() if ok and names[n]),
        missed=[n for n, ok in hits.items() if not ok],
    )
