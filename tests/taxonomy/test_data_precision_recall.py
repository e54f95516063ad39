"""Skill families the data links or no longer links (issue 4 point 6), on the real data."""

from __future__ import annotations

import pytest

from matcher.service import MatchingEngine

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Appealed denials to improve Medicare reimbursement.", "reimbursement-methodologies"),
        ("Worked to maximize reimbursement for the clinic.", "reimbursement-methodologies"),
        ("Trained in ASC coding and surgery coding.", "outpatient-coding"),
        ("Certificate in Health Care Informatics, 2019", "health-informatics-certificate"),
        ("Project Management Certificate, UC Irvine", "project-management-certificate"),
        ("Medical Coding Certificate, 2015", "medical-coding-certificate"),
        ("Built order sets in iKnowMed and OncoEMR.", "iknowmed"),
        ("Built order sets in iKnowMed and OncoEMR.", "oncoemr"),
        ("Charge entry in PrimeSUITE and MicroMD.", "greenway-prime-suite"),
        ("Monitored PHINMS and VPN connections.", "phinms"),
        ("Abstracted cases for NCDR and NSQIP.", "ncdr"),
        ("Abstracted cases for NCDR and NSQIP.", "nsqip"),
        ("Built positions in HNA User and Bedrock wizards.", "cerner-hna-user"),
        ("Wrote CCL in Discern Visual Developer.", "cerner-ccl"),
        ("Developed RPA bots with UiPath.", "process-automation"),
        ("Owned patching of Windows servers.", "patch-management"),
        ("Assessed re-identification risk before data release.", "de-identification"),
    ],
)
def test_family_links(real_engine: MatchingEngine, text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in real_engine.extract(text).mentions}


@pytest.mark.parametrize(
    "skill",
    ["health-informatics-certificate", "health-it-certificate", "medical-coding-certificate"],
)
def test_certificate_programs_are_credentials(real_engine: MatchingEngine, skill: str) -> None:
    bundle = real_engine.bundle
    assert bundle.categories[bundle.skills[skill].category].mention_type.value == "CERT"


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Benefits: tuition reimbursement, 401(k) and paid leave.", "reimbursement-methodologies"),
        ("Our products support patient care in 40 states.", "direct-patient-care"),
        ("An ecosystem of real-world data partners.", "healthcare-data"),
        ("Collective Medical joined our company in 2021.", "bamboo-health"),
    ],
)
def test_not_skills(real_engine: MatchingEngine, text: str, skill: str) -> None:
    assert skill not in {m.skill_id for m in real_engine.extract(text).mentions}
