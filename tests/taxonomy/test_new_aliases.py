"""Phrases the 0.3.0 taxonomy links, on the real data (synthetic sentences)."""

from __future__ import annotations

import pytest

from matcher.service import MatchingEngine

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Reviewed charts and was assigning codes for outpatient visits.", "medical-coding"),
        ("Ran incident and change work under ITIL with ServiceNow.", "it-service-management"),
        ("Helped the team identify and mitigate risks on the rollout.", "risk-management"),
        ("Published events through RabbitMQ and Kafka.", "rabbitmq"),
        ("Handled PII and PHI under HIPAA.", "pii-protection"),
        ("Tuned the WAF rules and ran SAST and DAST scans.", "web-application-firewall"),
        ("Worked the cash register and balanced the drawer.", "point-of-sale-systems"),
        ("Led provider contracting with hospitals in three states.", "provider-network-management"),
        ("Six years in healthcare IT supporting clinics.", "health-information-technology"),
        ("Removed malware and viruses during incident response.", "endpoint-protection"),
        ("Bootstrap resampling methods for confidence intervals.", "statistical-sampling"),
        ("Provided second-tier support for the service desk.", "help-desk-support"),
        ("Owned production deployments with Jenkins and Git.", "release-management"),
    ],
)
def test_new_aliases_link(real_engine: MatchingEngine, text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in real_engine.extract(text).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coded in ICD-10-CM/PCS daily.", {"icd-10-cm", "icd-10-pcs"}),
        ("Ran Scrum/Agile ceremonies with Jira.", {"scrum", "agile"}),
    ],
)
def test_slash_pairs_of_two_skills_split(
    real_engine: MatchingEngine, text: str, expected: set[str]
) -> None:
    assert expected <= {m.skill_id for m in real_engine.extract(text).mentions}


def test_generic_words_need_neighbouring_skills(real_engine: MatchingEngine) -> None:
    alone = {m.skill_id for m in real_engine.extract("Claims were mailed on Monday.").mentions}
    assert "claims-processing" not in alone
    listed = real_engine.extract("Skills: medical billing, claims, denials, CPT coding.")
    assert {"claims-processing", "denial-management"} <= {m.skill_id for m in listed.mentions}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("We met with insurance carriers and government payers weekly.", "health-insurance"),
        ("Reviewed the data products with a new client.", "data-products"),
        ("The team improved the quality of care last year.", "healthcare-quality"),
    ],
)
def test_entity_nouns_alone_are_not_skills(
    real_engine: MatchingEngine, text: str, skill: str
) -> None:
    assert skill not in {m.skill_id for m in real_engine.extract(text).mentions}


def test_hyphenated_three_word_alias_beats_its_prefix(real_engine: MatchingEngine) -> None:
    found = real_engine.extract("Moved the stack to a service-oriented architecture.").mentions
    assert [m.skill_id for m in found] == ["service-oriented-architecture"]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Able to communicate clearly with clinicians and think critically.", "communication"),
        ("Known for the ability to problem solve under pressure.", "problem-solving"),
        ("Can manage multiple projects at once.", "multitasking"),
        ("Quick to build rapport with new clients.", "relationship-building"),
    ],
)
def test_soft_skills_written_as_verbs(real_engine: MatchingEngine, text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in real_engine.extract(text).mentions}


def test_plural_of_a_generic_soft_word_is_not_the_skill(real_engine: MatchingEngine) -> None:
    found = real_engine.extract("Led three company initiatives across the organizations.")
    assert "initiative" not in {m.skill_id for m in found.mentions}


def test_subject_of_an_associate_degree_is_a_field_of_study(real_engine: MatchingEngine) -> None:
    found = real_engine.extract("Associate of Science: Network Engineering, 2012").mentions
    assert all(m.field_of_study for m in found if m.skill_id == "computer-networking")
    assert any(m.skill_id == "computer-networking" for m in found)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("The schedule includes on-call hours and weekends.", "on-call-support"),
        ("Troubleshoot issues as they come up.", "troubleshooting"),
    ],
)
def test_schedules_and_bare_duty_verbs_are_not_skills(
    real_engine: MatchingEngine, text: str, skill: str
) -> None:
    assert skill not in {m.skill_id for m in real_engine.extract(text).mentions}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Register patients and verify coverage at the front desk.", "patient-registration"),
        ("Enter data from paper forms into the registry.", "data-entry"),
        ("Resolving incidents within the agreed service levels.", "incident-management"),
        ("Train end users on the new order entry screens.", "end-user-training"),
        ("Submit claims to Medicare and commercial payers.", "claims-processing"),
    ],
)
def test_activity_phrases_link(real_engine: MatchingEngine, text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in real_engine.extract(text).mentions}


def test_filler_words_are_stripped_from_proposals(real_engine: MatchingEngine) -> None:
    found = real_engine.extract("Familiarity with Zorblax libraries, preferably Quuxify.")
    assert "Quuxify" in [u.phrase for u in found.unknown_skills]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Excellent communication skills and project management skills.", "communication"),
        ("Excellent communication skills and project management skills.", "project management"),
    ],
)
def test_mentions_are_the_minimal_phrase_without_skills(
    real_engine: MatchingEngine, text: str, surface: str
) -> None:
    assert surface in [m.surface for m in real_engine.extract(text).mentions]
