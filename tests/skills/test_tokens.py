from __future__ import annotations

import spacy
from spacy.attrs import IS_TITLE, LOWER

from matcher.skills.tokens import column, hashes


def test_columns_match_the_tokens_and_follow_retokenising() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Epic and SQL")
    assert column(doc, LOWER) == [t.lower for t in doc]
    assert column(doc, IS_TITLE) == [1, 0, 0]
    assert column(doc, LOWER) is column(doc, LOWER)  # read once per document
    with doc.retokenize() as retokenizer:
        retokenizer.split(doc[2], ["S", "QL"], heads=[(doc[2], 0), (doc[2], 1)])
    assert column(doc, LOWER) == [t.lower for t in doc]


def test_hashes_are_the_lower_column_values() -> None:
    doc = spacy.blank("en")("Team")
    assert column(doc, LOWER)[0] in hashes(["team"])
