"""The learned role scorer on the toy data set: synthetic training, probabilities, drivers."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from sklearn.calibration import CalibratedClassifierCV

from matcher.scoring.baseline import TfidfRoleBaseline
from matcher.scoring.features import (
    DomainSignals,
    RoleCoverage,
    RoleDocument,
    SkillBag,
    compile_domain_terms,
)
from matcher.scoring.role_explain import TITLE_ALONE, score_document
from matcher.scoring.role_model import (
    RoleModelParams,
    RoleScorer,
    blend_with_title,
    build_role_model,
    predict_role_probabilities,
)
from matcher.scoring.synthetic import NONE_LABEL, synthetic_examples
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle


@pytest.fixture(scope="module")
def toy_scorer(toy_engine: MatchingEngine) -> RoleScorer:
    examples = synthetic_examples(toy_engine.bundle)
    docs = [toy_engine.role_document(e.text, title=e.title) for e in examples]
    model = build_role_model(
        toy_engine.bundle, params=RoleModelParams(calibration_folds=2, short_text_chars=60)
    )
    return model.fit(docs, [e.label for e in examples])


def test_synthetic_examples_cover_every_role_and_none(toy_bundle: DataBundle) -> None:
    examples = synthetic_examples(toy_bundle)
    labels = {e.label for e in examples}
    assert labels == {*toy_bundle.roles, NONE_LABEL}
    assert any(e.text == e.title for e in examples)  # title-only examples
    assert any(len(e.text) > len(e.title) + 20 for e in examples)


def test_synthetic_examples_are_reproducible(toy_bundle: DataBundle) -> None:
    assert synthetic_examples(toy_bundle) == synthetic_examples(toy_bundle)


def test_generic_role_titles_alone_come_with_a_health_employer(real_bundle: DataBundle) -> None:
    assert real_bundle.role_model is not None
    health = compile_domain_terms(real_bundle.role_model.domain_terms)
    employers = set(real_bundle.role_model.synthetic.health_employers)
    role_titles = [
        e for e in synthetic_examples(real_bundle) if e.label != NONE_LABEL and "\n" not in e.title
    ]
    short = [e for e in role_titles if len(e.text) < len(e.title) + 60]
    generic = [e for e in short if not health.search(e.title)]
    named = [e for e in short if health.search(e.title)]
    assert generic and named
    for example in generic:
        title, _, line = example.text.partition("\nemployer: ")
        assert title == example.title and line in employers
    assert all(e.text == e.title for e in named)
    outside = [e for e in synthetic_examples(real_bundle) if e.label == NONE_LABEL]
    assert any(e.text == e.title and not health.search(e.title) for e in outside)


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Patient care and clinical EHR work at the health system.", "", [4, 1, 4, 0]),
        ("We sell shoes.", "", [0, 0, 0, 0]),
        ("We sell shoes.", "Health IT Analyst", [0, 0, 0, 1]),
    ],
)
def test_domain_signals_count_health_words(text: str, title: str, expected: list[int]) -> None:
    signals = DomainSignals(("health*", "patient*", "clinic*", "EHR")).fit([])
    row = signals.transform([RoleDocument(title=title, text=text)])[0]
    assert (row > 0).tolist() == [v > 0 for v in expected]
    assert row[3] == expected[3]


def test_domain_signals_match_whole_words_only() -> None:
    signals = DomainSignals(("EHR",)).fit([])
    assert signals.transform([RoleDocument(title="", text="rehearsal")])[0][0] == 0


def test_skill_bag_and_coverage_read_held_skills() -> None:
    doc = RoleDocument(title="", text="x", skills=(("sql", "programming-data", "skills"),))
    bag = SkillBag().fit([doc])
    assert set(bag.get_feature_names_out()) == {"skill: sql", "category: programming-data"}
    coverage = RoleCoverage({"a": {"sql": 3.0, "python": 1.0}, "b": {"python": 1.0}}).fit([])
    assert coverage.transform([doc]).tolist() == [[0.75, 0.0]]


def test_scorer_probabilities_sum_to_one_over_roles_and_none(
    toy_scorer: RoleScorer, toy_engine: MatchingEngine
) -> None:
    doc = toy_engine.role_document("Epic Ambulatory trainer for clinic staff", title="")
    (probabilities,) = predict_role_probabilities(toy_scorer, [doc])
    assert set(probabilities) == {*toy_engine.bundle.roles, NONE_LABEL}
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())


@pytest.mark.parametrize(
    ("title", "expected"),
    [("EHR Trainer", "trainer"), ("Retail Clerk", NONE_LABEL)],
)
def test_scorer_reads_titles_with_the_short_text_model(
    toy_scorer: RoleScorer, toy_engine: MatchingEngine, title: str, expected: str
) -> None:
    doc = toy_engine.role_document(title, title=title)
    assert toy_scorer.model_for(doc) is toy_scorer.title_model_
    assert toy_scorer.predict([doc])[0] == expected


def test_only_the_short_text_model_reads_letter_ngrams_and_it_is_unbalanced(
    toy_bundle: DataBundle,
) -> None:
    scorer = build_role_model(toy_bundle)
    title_features = dict(scorer.title_model.named_steps["features"].transformer_list)
    document_features = dict(scorer.document_model.named_steps["features"].transformer_list)
    assert "letters" in title_features and "letters" not in document_features

    def class_weight(model: object) -> object:
        return model.named_steps["classifier"].estimator.class_weight  # type: ignore[attr-defined]

    assert class_weight(scorer.title_model) is None
    assert class_weight(scorer.document_model) == "balanced"
    plain = build_role_model(toy_bundle, params=RoleModelParams(title_char_weight=0))
    assert "letters" not in dict(plain.title_model.named_steps["features"].transformer_list)
    with pytest.raises(ValueError, match="class weights"):
        build_role_model(toy_bundle, params=RoleModelParams(title_class_weight="even"))


def test_a_misspelt_title_word_still_counts_through_its_letters(
    toy_scorer: RoleScorer, toy_engine: MatchingEngine
) -> None:
    # "Trainr" is no word the scorer has seen; its letters are mostly those of "Trainer".
    doc = toy_engine.role_document("EHR Trainr", title="EHR Trainr")
    probabilities, drivers = score_document(toy_scorer, doc)
    assert max(probabilities, key=lambda k: probabilities[k]) == "trainer"
    assert any(d.kind == "letters in the text" for d in drivers["trainer"])


def test_scorer_explains_with_positive_drivers(
    toy_scorer: RoleScorer, toy_engine: MatchingEngine
) -> None:
    text = (
        "Clinical Systems Trainer\nDesigned instructional design programmes and taught "
        "Epic Ambulatory to clinic staff; go-live support for the health system."
    )
    doc = toy_engine.role_document(text, title="Clinical Systems Trainer")
    drivers = score_document(toy_scorer, doc)[1]["trainer"]
    assert drivers
    assert all(d.weight > 0 for d in drivers)
    assert [d.weight for d in drivers] == sorted((d.weight for d in drivers), reverse=True)


def test_scorer_needs_enough_documents_of_both_kinds(toy_bundle: DataBundle) -> None:
    model = build_role_model(toy_bundle)
    titles = [RoleDocument(title=f"t{i}", text=f"t{i}") for i in range(20)]
    with pytest.raises(ValueError, match="0 full texts and 20 titles"):
        model.fit(titles, ["trainer", "none"] * 10)


def test_build_role_model_needs_role_model_file(editable_data: object) -> None:
    from matcher.taxonomy import load_bundle

    make = editable_data  # type: ignore[assignment]
    root = make()  # type: ignore[operator]
    (root / "role_model.yaml").unlink()
    with pytest.raises(ValueError, match="role_model.yaml"):
        build_role_model(load_bundle(root))


def test_baseline_prefers_the_role_whose_description_matches(toy_bundle: DataBundle) -> None:
    baseline = TfidfRoleBaseline(toy_bundle).fit()
    (scores,) = baseline.predict_proba(["instructional design and end-user training"])
    assert max(scores, key=lambda k: scores[k]) == "trainer"
    (nothing,) = baseline.predict_proba(["zzz qqq"])
    assert max(nothing, key=lambda k: nothing[k]) == NONE_LABEL
    assert np.isclose(nothing[NONE_LABEL], baseline.none_below)


def test_a_scorer_with_the_old_layout_is_recognised(toy_scorer: RoleScorer) -> None:
    assert toy_scorer.has_current_layout()
    assert not RoleScorer().has_current_layout()  # not fitted
    old = copy.copy(toy_scorer)
    # Before 1.4.0 the calibrator wrapped the whole pipeline.
    old.document_model_ = CalibratedClassifierCV(toy_scorer.document_model_)
    assert not old.has_current_layout()


def test_scorer_scores_a_mixed_batch_as_it_scores_each_document(
    toy_scorer: RoleScorer, toy_engine: MatchingEngine
) -> None:
    texts = [
        "EHR Trainer",
        "Clinical Systems Trainer\nTaught Epic Ambulatory to clinic staff and wrote "
        "instructional design material for the health system's go-live support.",
        "Retail Clerk",
    ]
    docs = [toy_engine.role_document(t, title=t.partition("\n")[0]) for t in texts]
    assert toy_scorer.model_for(docs[0]) is not toy_scorer.model_for(docs[1])  # both kinds
    batch = toy_scorer.predict_proba(docs)
    one_by_one = np.vstack([toy_scorer.predict_proba([d]) for d in docs])
    np.testing.assert_allclose(batch, one_by_one)
    np.testing.assert_allclose(batch.sum(axis=1), 1.0)


_TRAINER_TEXT = (
    "Designed instructional design programmes and taught Epic Ambulatory to clinic staff; "
    "wrote tip sheets and led classroom sessions for the health system's go-live support."
)


def test_blend_with_title_is_a_renormalised_weighted_geometric_mean() -> None:
    text = np.asarray([[0.7, 0.2, 0.1], [0.5, 0.5, 0.0]])
    title = np.asarray([[0.1, 0.8, 0.1], [0.9, 0.1, 0.0]])
    np.testing.assert_allclose(blend_with_title(text, title, 0.0), text, atol=1e-8)
    blended = blend_with_title(text, title, 0.5)
    np.testing.assert_allclose(blended.sum(axis=1), 1.0)
    expected = np.sqrt(text[0] * title[0])
    np.testing.assert_allclose(blended[0], expected / expected.sum())
    # An outcome neither reading allows stays (next to) impossible.
    assert blended[1, 2] < 1e-6
    # Per-row weights: the second row read with the title weighing 0.
    rows = blend_with_title(text, title, np.asarray([[0.5], [0.0]]))
    np.testing.assert_allclose(rows[1], text[1], atol=1e-8)


@pytest.mark.parametrize(
    ("text", "title", "read"),
    [
        (_TRAINER_TEXT, "Clinical Systems Trainer", True),  # a health word: "Clinic*"
        (_TRAINER_TEXT, "Trainer", False),  # a generic title says nothing alone
        (_TRAINER_TEXT, "", False),
        ("Clinical Systems Trainer", "Clinical Systems Trainer", False),  # short: title model
    ],
)
def test_the_title_alone_is_read_only_for_a_full_text_with_a_health_title(
    toy_scorer: RoleScorer, text: str, title: str, read: bool
) -> None:
    doc = RoleDocument(title=title, text=text)
    assert (toy_scorer.title_weight(doc) > 0) is read
    assert copy.copy(toy_scorer).set_params(title_blend=0.0).title_weight(doc) == 0.0


def test_a_health_title_is_read_alone_and_combined_with_the_full_text(
    toy_scorer: RoleScorer,
) -> None:
    doc = RoleDocument(title="Clinical Systems Trainer", text=_TRAINER_TEXT)
    weight = toy_scorer.title_weight(doc)
    assert weight == toy_scorer.title_blend > 0
    text_only = copy.copy(toy_scorer).set_params(title_blend=0.0).predict_proba([doc])
    title_only = toy_scorer.predict_proba([doc.title_alone()])
    expected = blend_with_title(text_only, title_only, weight)
    np.testing.assert_allclose(toy_scorer.predict_proba([doc]), expected)
    assert not np.allclose(expected, text_only)
    # The explanation gives the same probabilities and names the title's own reading.
    probabilities, drivers = score_document(toy_scorer, doc)
    columns = list(toy_scorer.classes_)
    np.testing.assert_allclose(
        [probabilities[c] for c in columns], expected[0], rtol=1e-6, atol=1e-9
    )
    best = columns[int(np.argmax(title_only[0]))]
    title_drivers = [d for d in drivers[best] if d.kind == TITLE_ALONE]
    assert [d.feature for d in title_drivers] == ["Clinical Systems Trainer"]
    assert title_drivers[0].weight > 0


def test_the_title_blend_must_leave_the_full_text_a_weight(toy_engine: MatchingEngine) -> None:
    examples = synthetic_examples(toy_engine.bundle)
    docs = [toy_engine.role_document(e.text, title=e.title) for e in examples]
    params = RoleModelParams(calibration_folds=2, short_text_chars=60, title_blend=1.0)
    with pytest.raises(ValueError, match="title_blend"):
        build_role_model(toy_engine.bundle, params=params).fit(docs, [e.label for e in examples])
