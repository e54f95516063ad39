from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from matcher.domain import SkillMention
from matcher.errors import InputError
from matcher.pipeline import Pipeline, extract_profile
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle


def _found(nlp: Pipeline, bundle: DataBundle, text: str) -> list[tuple[str, str]]:
    profile = extract_profile(nlp, bundle, text, max_chars=100_000)
    for m in profile.mentions:
        assert text[m.start : m.end] == m.surface
    return [(m.skill_id, m.surface) for m in profile.mentions]


def test_factory_names_are_registered() -> None:
    import matcher.pipeline  # noqa: F401  (registers the factories)

    names = {n for n in spacy.registry.factories.get_all() if n.startswith("matcher_")}
    assert names == {
        "matcher_sectionizer",
        "matcher_skill_ruler",
        "matcher_skill_linker",
        "matcher_skill_context",
        "matcher_unknown_skills",
    }


def test_pipeline_components(toy_nlp: Pipeline) -> None:
    assert toy_nlp.pipe_names == [
        "matcher_sectionizer",
        "matcher_skill_ruler",
        "matcher_skill_linker",
        "matcher_skill_context",
        "matcher_unknown_skills",
    ]


def test_extract_profile_offsets_point_at_the_surface(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = "Led go-live support for EpicCare Ambulatory.\nWrote SQL and Python."
    found = _found(toy_nlp, toy_bundle, text)
    assert found == [
        ("go-live-support", "go-live support"),
        ("epic-ambulatory", "EpicCare Ambulatory"),
        ("sql", "SQL"),
        ("python", "Python"),
    ]


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("did WORKFLOW ANALYSIS daily", "workflow-analysis", "WORKFLOW ANALYSIS"),
        ("several workflow analyses", "workflow-analysis", "workflow analyses"),
        ("eprescribing rollout", "e-prescribing", "eprescribing"),
        ("e prescribing rollout", "e-prescribing", "e prescribing"),
        ("HL7v2 feeds", "hl7-v2", "HL7v2"),
        ("HL7 v2.x feeds", "hl7-v2", "HL7 v2.x"),
    ],
)
def test_extract_profile_survives_spelling_variants(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, skill: str, surface: str
) -> None:
    assert (skill, surface) in _found(toy_nlp, toy_bundle, text)


def test_longest_match_wins(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    assert _found(toy_nlp, toy_bundle, "Epic Cadence scheduling") == [
        ("epic-cadence", "Epic Cadence")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It was an epic effort.",
        "Epic effort all round.",
        "Grade R of the scale.",
        "Gave staff Access to the building.",
        "access control lists",
    ],
)
def test_ambiguous_aliases_without_context_are_dropped(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str
) -> None:
    assert _found(toy_nlp, toy_bundle, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Languages: Python, R, SQL", ("r-language", "R")),
        ("EHRs: Cerner and Epic", ("epic", "Epic")),
        ("Tools: Excel, Access, ServiceNow", ("microsoft-access", "Access")),
        ("Built Epic Cadence templates; Epic certified", ("epic", "Epic")),
    ],
)
def test_ambiguous_aliases_with_context_are_kept(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _found(toy_nlp, toy_bundle, text)


def test_extract_profile_rejects_text_over_the_limit(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    with pytest.raises(InputError, match="the limit is 10"):
        extract_profile(toy_nlp, toy_bundle, "x" * 11, max_chars=10)


def test_pipeline_round_trips_through_disk(
    toy_nlp: Pipeline, toy_bundle: DataBundle, tmp_path: Path
) -> None:
    toy_nlp.to_disk(tmp_path)
    restored = spacy.load(tmp_path)
    text = (
        "SKILLS\nPython, R, Epic Ambulatory, Inpatient and Cadence; ICD-10-CM/PCS.\n"
        "No experience with SQL. Willing to learn ServiceNow."
    )
    before = extract_profile(toy_nlp, toy_bundle, text, max_chars=10_000)
    after = extract_profile(restored, toy_bundle, text, max_chars=10_000)
    assert after == before
    assert {m.skill_id for m in after.mentions} >= {"epic-inpatient", "icd-10-pcs", "sql"}
    assert any(m.negated for m in after.mentions)


def _mentions(nlp: Pipeline, bundle: DataBundle, text: str) -> dict[str, SkillMention]:
    profile = extract_profile(nlp, bundle, text, max_chars=100_000)
    for m in profile.mentions:
        assert text[m.start : m.end] == m.surface
    return {m.skill_id: m for m in profile.mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Epic Ambulatory, Inpatient and Cadence",
            {"epic-ambulatory", "epic-inpatient", "epic-cadence"},
        ),
        ("Coded in ICD-10-CM/PCS daily", {"icd-10-cm", "icd-10-pcs"}),
        ("Worked in EPIC and Cerner", {"epic", "cerner"}),
        ("HIPAA- and SQL-based reporting", {"sql"}),
        ("Agile/Python", {"python"}),
        # a non-breaking space decoded with the wrong code page
        ("Skills: PythonÂ and SQLÂ", {"python", "sql"}),
    ],
)
def test_lists_share_prefixes_and_tokens_split(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, expected: set[str]
) -> None:
    assert expected <= set(_mentions(toy_nlp, toy_bundle, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Experience with unit, integration and regression testing.",
            "unit, integration and regression testing",
            {"unit-testing", "integrated-testing", "regression-testing"},
        ),
        (
            "Five years of project/program management.",
            "project/program management",
            {"project-management", "program-management"},
        ),
        (
            "Client-side and server-side development.",
            "Client-side and server-side development",
            {"front-end-development", "back-end-development"},
        ),
    ],
)
def test_lists_share_a_head_and_every_skill_points_at_the_whole_list(
    real_engine: MatchingEngine, text: str, phrase: str, expected: set[str]
) -> None:
    found = {m.skill_id: m.surface for m in real_engine.extract(text).mentions}
    assert expected <= set(found)
    assert {found[skill] for skill in expected} == {phrase}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # a lower-case item inside a comma list that goes on shares the prefix ...
        (
            "Help us with data interpretation, cleaning, modeling, queries, and visualization.",
            {"cleaning": "data-cleaning", "modeling": "data-modeling"},
            None,
        ),
        # ... a lone noun after "and" or at the end of the list does not
        ("Maintain security frameworks and standards.", {}, "standards"),
        ("Knowledge of security frameworks, standards and tools.", {}, "standards"),
    ],
)
def test_a_prefix_is_shared_by_lower_case_items_only_inside_a_comma_list(
    real_engine: MatchingEngine, text: str, expected: dict[str, str], not_expected: str | None
) -> None:
    found = {m.surface: m.skill_id for m in real_engine.extract(text).mentions}
    assert expected.items() <= found.items()
    assert not_expected not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_expected", "kept"),
    [
        # A comma alone lists two things: no "operations research".
        (
            "A combination of operations, threat research and engineering.",
            "algorithm-development",
            "threat-intelligence",
        ),
        # An item that is a skill of its own keeps its own span.
        ("Built HL7 and FHIR interfaces.", None, "hl7"),
        # An item naming the span's own skill adds nothing: the span keeps its extent.
        ("Led Vendor and Third-Party Risk Management.", None, "third-party-risk-management"),
    ],
)
def test_a_head_is_shared_only_across_a_conjunction_with_free_items(
    real_engine: MatchingEngine, text: str, not_expected: str | None, kept: str
) -> None:
    mentions = real_engine.extract(text).mentions
    assert not_expected not in {m.skill_id for m in mentions}
    (own,) = [m for m in mentions if m.skill_id == kept]
    assert "," not in own.surface and " and " not in own.surface


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "present"),
    [
        ("Reporting to the Director, you will build reporting in SQL.", "Reporting", "sql"),
        ("Skills: Wireless Access Point, Cisco switches, MS Access", "Access Point", "cisco"),
        ("We will not sponsor employment authorization. SSO and MFA.", "authorization", "sso"),
    ],
)
def test_a_skill_name_inside_an_ordinary_phrase_is_not_a_skill(
    real_engine: MatchingEngine, text: str, word: str, present: str
) -> None:
    mentions = real_engine.extract(text).mentions
    found = {m.skill_id for m in mentions}
    at = text.index(word)
    assert not any(m.start <= at < m.end for m in mentions)
    assert present in found
    # the same skill names elsewhere in the text still count
    if "in SQL" in text:
        assert "report-development" in found
    if "MS Access" in text:
        assert "microsoft-access" in found


def test_list_item_without_a_matching_alias_is_not_invented(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    found = _mentions(toy_nlp, toy_bundle, "Epic Ambulatory, Radiology and Inpatient")
    assert set(found) == {"epic-ambulatory"}


def test_ambiguous_alias_next_to_a_skill_in_a_list_is_kept(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    assert "r-language" in _mentions(toy_nlp, toy_bundle, "Excel / R")


@pytest.mark.parametrize(
    ("text", "skill", "kept"),
    [
        # a health name needs a health neighbour ...
        ("Built with Python and Epic at the core.", "epic", False),
        ("Coded in ICD-10 and Epic at the clinic.", "epic", True),
        # ... a general name may stand next to a health one
        ("Coded in ICD-10 and Access at the clinic.", "microsoft-access", True),
    ],
)
def test_a_health_name_is_supported_only_by_a_health_list_neighbour(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, skill: str, kept: bool
) -> None:
    assert (skill in _mentions(toy_nlp, toy_bundle, text)) is kept


@pytest.mark.parametrize(
    ("text", "skill", "negated", "hypothetical"),
    [
        ("I have no experience with Python.", "python", True, False),
        ("Python experience is not required.", "python", True, False),
        ("Willing to learn Python and SQL.", "sql", False, True),
        ("Used Python daily. No experience with SQL.", "python", False, False),
        ("Used Python daily. No experience with SQL.", "sql", True, False),
    ],
)
def test_negation_and_hypotheticals_are_not_held(
    toy_nlp: Pipeline,
    toy_bundle: DataBundle,
    text: str,
    skill: str,
    negated: bool,
    hypothetical: bool,
) -> None:
    mention = _mentions(toy_nlp, toy_bundle, text)[skill]
    assert (mention.negated, mention.hypothetical) == (negated, hypothetical)
    assert mention.held is not (negated or hypothetical)


def test_negated_skills_do_not_count_for_the_profile(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    profile = extract_profile(
        toy_nlp, toy_bundle, "Python expert; no experience with SQL", max_chars=1000
    )
    assert profile.skill_ids == {"python"}


def test_field_of_study_is_flagged(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    found = _mentions(toy_nlp, toy_bundle, "Master's degree in health informatics; used Python")
    assert found["health-informatics"].field_of_study
    assert not found["python"].field_of_study


def test_required_and_preferred_in_job_text(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    text = (
        "About the role\nYou will support clinics.\n\n"
        "Requirements:\n- 3 years of Python\n- HL7 v2 interfaces\n\n"
        "Preferred qualifications:\n- Epic Cadence\n\n"
        "Benefits\n- Excel training\n"
        "SQL is a plus. Must have ServiceNow experience."
    )
    found = _mentions(toy_nlp, toy_bundle, text)
    assert found["python"].requirement == "required"
    assert found["hl7-v2"].requirement == "required"
    assert found["epic-cadence"].requirement == "preferred"
    assert found["microsoft-excel"].requirement is None
    assert found["sql"].requirement == "preferred"
    assert found["servicenow"].requirement == "required"


@pytest.mark.slow
def test_posting_headers_with_typographic_apostrophes_open_blocks(
    real_engine: MatchingEngine,
) -> None:
    text = (
        "### What you’ll bring\n- Python and HL7 interfaces\n\n"
        "Nice to haves:\n- SQL\n\nRecommended qualifications:\n- Tableau\n"
    )
    found = {m.skill_id: m.requirement for m in real_engine.extract(text).mentions}
    assert found["python"] == "required"
    assert (found["sql"], found["tableau"]) == ("preferred", "preferred")

    degree = real_engine.extract("Master’s degree in health informatics").mentions
    assert [(m.surface, m.skill_id) for m in degree][0] == (
        "Master’s degree in health informatics",
        "ms-health-informatics",
    )


def test_mentions_carry_their_resume_section(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    text = (
        "Jordan Example\n\nEXPERIENCE\nTrainer, Clinic, 2020 - Present\n"
        "Taught Epic Cadence.\n\nSKILLS\nPython, SQL\n\nCERTIFICATIONS\nCHTS-TR\n"
    )
    found = _mentions(toy_nlp, toy_bundle, text)
    assert found["epic-cadence"].section == "experience"
    assert found["python"].section == "skills"
    assert found["chts-tr"].section == "certifications"


@pytest.mark.parametrize(
    ("text", "skill", "part_of_name"),
    [
        ("Senior Python Developer, Acme", "python", True),
        ("Member, SQL Association", "sql", True),
        ("Wrote Python daily", "python", False),
    ],
)
def test_skill_names_inside_titles_and_organisations_are_flagged(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, skill: str, part_of_name: bool
) -> None:
    assert _mentions(toy_nlp, toy_bundle, text)[skill].part_of_name is part_of_name


def test_coursework_subjects_are_fields_of_study(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    found = _mentions(toy_nlp, toy_bundle, "Coursework in Python, SQL and workflow analysis.")
    assert all(m.field_of_study for m in found.values()) and len(found) == 3


def test_unknown_skills_are_proposed_apart_from_taxonomy_skills(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = (
        "SKILLS\nPython, strong Kubernetes skills, Tableau\n\n"
        "EXPERIENCE\nAnalyst. Experience with Snowflake and dbt Cloud.\n"
        "Worked on the team.\n"
    )
    profile = extract_profile(toy_nlp, toy_bundle, text, max_chars=10_000)
    phrases = [u.phrase for u in profile.unknown_skills]
    assert phrases == ["Kubernetes", "Tableau", "Snowflake", "dbt Cloud"]
    for u in profile.unknown_skills:
        assert text[u.start : u.end] == u.phrase
    assert {m.skill_id for m in profile.mentions} == {"python"}


def test_without_in_a_clause_does_not_negate_skills(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    found = _mentions(toy_nlp, toy_bundle, "Closed tickets without escalation using ServiceNow.")
    assert found["servicenow"].held


def test_tokenizer_without_whitespace_exceptions_gives_the_same_tokens(toy_nlp: Pipeline) -> None:
    # The pipeline drops spaCy's whitespace-only special cases so that its word cache
    # works (see pipeline._cache_document_words); the tokens must not change.
    reference = spacy.blank("en")
    reference.tokenizer = toy_nlp.tokenizer.__class__(
        reference.vocab,
        rules=reference.tokenizer.rules,
        prefix_search=toy_nlp.tokenizer.prefix_search,
        suffix_search=toy_nlp.tokenizer.suffix_search,
        infix_finditer=toy_nlp.tokenizer.infix_finditer,
        token_match=toy_nlp.tokenizer.token_match,
        url_match=toy_nlp.tokenizer.url_match,
    )
    text = "Skills:\n\tEpic, SQL\n\n  Agile/Scrum\xa0team \t\n e.g. HL7 FHIR.\n"

    def tokens(nlp: Pipeline) -> list[tuple[str, str, str]]:
        return [(t.text, t.norm_, t.whitespace_) for t in nlp.make_doc(text)]

    for _ in range(2):  # the second pass reads the cache
        assert tokens(toy_nlp) == tokens(reference)


def test_skills_in_the_employer_blurb_are_not_asked_of_the_candidate(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = (
        "About Acme\nAcme runs its clinics on Python services.\n\n"
        "About the Role\nBuild HL7 v2 interfaces.\n\n"
        "Benefits\n- Excel training\n- SQL is a plus for the analytics guild\n"
    )
    found = _mentions(toy_nlp, toy_bundle, text)
    assert found["python"].part_of_name  # under "About Acme"
    assert not found["hl7-v2"].part_of_name  # "About the role" is the job
    assert found["microsoft-excel"].part_of_name  # a benefit
    # a requirement cue in its clause makes it asked of the candidate, block or not
    assert not found["sql"].part_of_name
    assert found["sql"].requirement == "preferred"


@pytest.mark.slow
def test_not_required_is_read_by_its_longest_cue(real_engine: MatchingEngine) -> None:
    def requirement(text: str, skill_id: str) -> tuple[bool, str | None]:
        (mention,) = [m for m in real_engine.extract(text).mentions if m.skill_id == skill_id]
        return mention.held, mention.requirement

    # "required" inside "not required" is not a required cue; the longer cue decides
    assert requirement("Certifications helpful but not required: CISSP, GIAC.", "cissp") == (
        True,
        "preferred",
    )
    assert requirement("CISSP is preferred but not required.", "cissp") == (True, "preferred")
    assert requirement("A CISSP is not required.", "cissp") == (False, None)
    assert requirement("CISSP is required.", "cissp") == (True, "required")


@pytest.mark.slow
def test_cloud_and_network_words_are_not_health_records(real_engine: MatchingEngine) -> None:
    text = "Pipelines on Amazon EMR and AWS EMR. A 30-mile hiring radius. Configured RADIUS."
    found = [(m.surface, m.skill_id) for m in real_engine.extract(text).mentions]
    assert ("Amazon EMR", "amazon-emr") in found and ("AWS EMR", "amazon-emr") in found
    assert not any(skill_id == "ehr" for _, skill_id in found)
    assert [s for s, skill_id in found if skill_id == "authentication"] == ["RADIUS"]


def _skill_ids(engine: MatchingEngine, text: str) -> set[str]:
    return {m.skill_id for m in engine.extract(text).mentions}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("AWS services (S3, EMR, EC2, Glue)", "amazon-emr", "ehr"),
        ("Experience with S3, RDS, Redshift and Lambda", "amazon-rds", "hl7-rds"),
        ("Tools: S3, Athena, Kinesis", "amazon-athena", "athenahealth"),
        # the first reading's family, or no family of the other, keeps the first reading
        ("Skills: EMR, Excel, Word, data entry", "ehr", "amazon-emr"),
        ("Charted every visit in the EMR.", "ehr", "amazon-emr"),
        ("HL7 messages (ADT, ORM, RDS, ORU)", "hl7-rds", "amazon-rds"),
    ],
)
def test_a_name_with_two_readings_is_read_by_the_family_named_near_it(
    real_engine: MatchingEngine, text: str, expected: str, not_expected: str
) -> None:
    found = _skill_ids(real_engine, text)
    assert expected in found and not_expected not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Delivered integrations with EHRs like Epic and others.", True),
        ("Integration with electronic health record (EHR) systems such as Epic via FHIR.", True),
        ("Experience with an EHR (Epic, Cerner).", True),
        # near, but not introduced as an example of it
        ("It was an Epic journey for the EHR team.", False),
        ("Our customers include Epic Games and Airbnb.", False),
    ],
)
def test_a_health_it_system_introducing_an_ehr_product_supports_it(
    real_engine: MatchingEngine, text: str, held: bool
) -> None:
    assert ("epic" in _skill_ids(real_engine, text)) is held


@pytest.mark.slow
def test_a_list_neighbour_supports_only_a_candidate_of_its_own_kind(
    real_engine: MatchingEngine,
) -> None:
    # "Persistent" (a soft skill only in context) next to a language is a library name
    assert "perseverance" not in _skill_ids(real_engine, "Languages: Haskell/Persistent, Python")
    # next to other soft skills it is the trait
    assert "perseverance" in _skill_ids(
        real_engine, "Strengths: teamwork, persistent, communication"
    )


@pytest.mark.slow
def test_product_names_that_are_common_words_need_a_technical_neighbour(
    real_engine: MatchingEngine,
) -> None:
    stack = _skill_ids(real_engine, "Stack: Celery, Redis, gRPC and Webpack.")
    assert {"celery", "grpc", "webpack"} <= stack
    assert "celery" not in _skill_ids(real_engine, "The cafeteria serves celery and carrots.")
    assert "envoy-proxy" not in _skill_ids(
        real_engine, "She served as a special Envoy to the region."
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "skill_id", "requirement"),
    [
        ("Aggregate the required data with SQL.", "sql", None),  # "the required" is no cue
        ("Experience with IaC (Terraform, Ansible) is highly desirable.", "terraform", "preferred"),
        ("Knowledge of HL7 would be an advantage.", "hl7", "preferred"),
        ("Preferable experience with Kubernetes.", "kubernetes", "preferred"),
        ("SQL is required.", "sql", "required"),
    ],
)
def test_requirement_cues_in_job_text(
    real_engine: MatchingEngine, text: str, skill_id: str, requirement: str | None
) -> None:
    found = {m.skill_id: m.requirement for m in real_engine.extract(text).mentions}
    assert found[skill_id] == requirement


@pytest.mark.slow
def test_a_skill_cue_supports_a_capitalised_ambiguous_name(real_engine: MatchingEngine) -> None:
    assert "epic" in _skill_ids(real_engine, "Experience with Epic is an asset.")
    assert "go" in _skill_ids(real_engine, "Solid experience with Go and gRPC.")
    # "preferably" and "ideally" name the skill wanted
    assert "react" in _skill_ids(real_engine, "Front-end libraries, preferably React.")
    assert "react" not in _skill_ids(real_engine, "Front-end libraries. React quickly.")
    # the cue is about the tests, and "Sales Cloud" is a longer name
    assert "written-communication" not in _skill_ids(
        real_engine, "Experience in writing unit tests."
    )
    assert "sales" not in _skill_ids(real_engine, "A strong background in Sales Cloud.")


@pytest.mark.slow
def test_a_one_letter_language_at_a_sentence_end(real_engine: MatchingEngine) -> None:
    found = real_engine.extract("Analyse data with Python or R. Report weekly.").mentions
    assert [(m.surface, m.skill_id) for m in found if m.skill_id == "r"] == [("R", "r")]
    # an initial in a name is not the language
    assert "r" not in _skill_ids(real_engine, "References: John R. Smith.")
