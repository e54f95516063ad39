"""Skill extraction measured against hand-labelled mentions (JSON Lines gold files).

Gold format (one document per line): ``{"uid", "text", "mentions": [{"text", "type",
"spans": [[start, end], ...]}]}``; a gold mention is a distinct surface form with all its
occurrences. Predictions are grouped the same way: one predicted mention per distinct
surface (after normalisation) with all its spans.

Matching, per document, each gold mention matched at most once:

* **strict**: same text after lower-casing and collapsing whitespace and punctuation;
* **partial**: a predicted span overlaps a gold span.

``partial`` and ``strict`` count HARD and CERT mentions together (a HARD prediction may
match a CERT gold mention and vice versa); ``by_type`` scores each type on its own with
partial matching. Predicted types come from the category's ``mention_type``. DEGREE
predictions, fields of study ("degree in health informatics") and parts of job titles or
organisation names ("Clinical Data Scientist") are not skill mentions and are left out;
negated and hypothetical mentions still name a skill and count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matcher.domain import SkillMention
from matcher.evaluation.jsonl import read_jsonl
from matcher.evaluation.metrics import PRF

__all__ = [
    "DocumentResult",
    "GoldMention",
    "PRF",
    "SkillEvaluation",
    "evaluate_skills",
    "read_skill_gold",
]

_TYPES = ("HARD", "CERT", "SOFT")
_SKILL_TYPES = frozenset({"HARD", "CERT"})
_PUNCT_SPACE = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return _PUNCT_SPACE.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class GoldMention:
    """A labelled (or predicted) mention: one surface form with all its spans."""

    text: str
    type: str
    spans: tuple[tuple[int, int], ...]

    def overlaps(self, other: GoldMention) -> bool:
        """True when any span of one overlaps any span of the other."""
        return any(a < d and c < b for a, b in self.spans for c, d in other.spans)


@dataclass(frozen=True)
class GoldDocument:
    """One labelled document."""

    uid: str
    kind: str
    text: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class DocumentResult:
    """Misses and false hits of one document (partial matching, HARD+CERT)."""

    uid: str
    misses: tuple[GoldMention, ...]
    false_hits: tuple[GoldMention, ...]


@dataclass(frozen=True)
class SkillEvaluation:
    """The whole evaluation."""

    n_docs: int
    partial: PRF
    strict: PRF
    by_type: dict[str, PRF]
    documents: list[DocumentResult] = field(default_factory=list)
    partial_with_unknown: PRF | None = None

    def most_common_errors(self, n: int) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """The ``n`` most frequent missed and falsely found surface forms, with counts."""
        misses: Counter[str] = Counter()
        false_hits: Counter[str] = Counter()
        for doc in self.documents:
            misses.update(m.text for m in doc.misses)
            false_hits.update(m.text for m in doc.false_hits)
        return misses.most_common(n), false_hits.most_common(n)

    def as_dict(self, *, with_errors: bool = False) -> dict[str, object]:
        """The report as JSON-ready data; misses and false hits on request."""
        out: dict[str, object] = {
            "n_docs": self.n_docs,
            "partial": self.partial.as_dict(),
            "strict": self.strict.as_dict(),
            "by_type": {t: prf.as_dict() for t, prf in self.by_type.items()},
        }
        if self.partial_with_unknown is not None:
            out["partial_with_unknown"] = self.partial_with_unknown.as_dict()
        if with_errors:
            out["documents"] = [
                {
                    "uid": d.uid,
                    "misses": [m.text for m in d.misses],
                    "false_hits": [m.text for m in d.false_hits],
                }
                for d in self.documents
            ]
        return out


def read_skill_gold(path: Path) -> list[GoldDocument]:
    """Read a gold JSON Lines file.

    Raises:
        InputError: the file cannot be read or a line is not in the documented format.
    """
    return read_jsonl(path, _gold_document, what="gold skill record")


def _gold_document(raw: Any) -> GoldDocument:
    mentions = tuple(
        GoldMention(
            text=m["text"],
            type=m["type"],
            spans=tuple((int(a), int(b)) for a, b in m["spans"]),
        )
        for m in raw["mentions"]
    )
    return GoldDocument(raw["uid"], raw.get("kind", ""), raw["text"], mentions)


def group_predictions(
    text: str, mentions: Iterable[SkillMention], type_of: Callable[[str], str]
) -> list[GoldMention]:
    """Group predicted mentions by normalised surface, as the gold file groups them."""
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    first: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.field_of_study or m.part_of_name:
            continue
        kind = type_of(m.category)
        if kind not in _TYPES:
            continue
        key = (_norm(text[m.start : m.end]), kind)
        groups.setdefault(key, []).append((m.start, m.end))
        first.setdefault(key, m.surface)
    return [GoldMention(first[k], k[1], tuple(v)) for k, v in groups.items()]


def _match(
    pred: Sequence[GoldMention],
    gold: Sequence[GoldMention],
    same: Callable[[GoldMention, GoldMention], bool],
) -> tuple[set[int], set[int]]:
    """Maximum one-to-one matching (augmenting paths); matched prediction/gold indices."""
    edges = [[j for j, g in enumerate(gold) if same(p, g)] for p in pred]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        assign(i, set())
    return set(owner.values()), set(owner)


def _strict(p: GoldMention, g: GoldMention) -> bool:
    return _norm(p.text) == _norm(g.text)


def _partial(p: GoldMention, g: GoldMention) -> bool:
    return p.overlaps(g)


class _Tally:
    def __init__(self) -> None:
        self.total = PRF(0, 0, 0, 0)

    def add(
        self,
        pred: Sequence[GoldMention],
        gold: Sequence[GoldMention],
        same: Callable[[GoldMention, GoldMention], bool],
    ) -> tuple[set[int], set[int]]:
        mp, mg = _match(pred, gold, same)
        self.total += PRF(len(mp), len(pred), len(mg), len(gold))
        return mp, mg

    def prf(self) -> PRF:
        return self.total


def evaluate_skills(
    docs: Sequence[GoldDocument],
    extract: Callable[[str], Sequence[SkillMention]],
    type_of: Callable[[str], str],
    *,
    unknown: Callable[[str], Sequence[tuple[str, int, int]]] | None = None,
) -> SkillEvaluation:
    """Run ``extract`` on every gold document and score it.

    Args:
        docs: gold documents.
        extract: text -> predicted skill mentions.
        type_of: category id -> mention type (HARD, CERT, SOFT, DEGREE).
        unknown: text -> proposed phrases outside the taxonomy as (phrase, start, end);
            when given, ``partial_with_unknown`` scores taxonomy mentions plus these (as
            HARD) against HARD+CERT gold.

    Returns:
        Partial and strict scores over HARD+CERT, per-type scores, per-document errors.
    """
    partial, strict, with_unknown = _Tally(), _Tally(), _Tally()
    per_type = {t: _Tally() for t in _TYPES}
    results: list[DocumentResult] = []
    for doc in docs:
        pred = group_predictions(doc.text, extract(doc.text), type_of)
        pred_skill = [p for p in pred if p.type in _SKILL_TYPES]
        gold_skill = [g for g in doc.mentions if g.type in _SKILL_TYPES]
        mp, mg = partial.add(pred_skill, gold_skill, _partial)
        if unknown is not None:
            extra = [GoldMention(p, "HARD", ((a, b),)) for p, a, b in unknown(doc.text)]
            with_unknown.add([*pred_skill, *extra], gold_skill, _partial)
        strict.add(pred_skill, gold_skill, _strict)
        for t, tally in per_type.items():
            tally.add(
                [p for p in pred if p.type == t], [g for g in doc.mentions if g.type == t], _partial
            )
        results.append(
            DocumentResult(
                uid=doc.uid,
                misses=tuple(g for j, g in enumerate(gold_skill) if j not in mg),
                false_hits=tuple(p for i, p in enumerate(pred_skill) if i not in mp),
            )
        )
    return SkillEvaluation(
        n_docs=len(docs),
        partial=partial.prf(),
        strict=strict.prf(),
        by_type={t: tally.prf() for t, tally in per_type.items()},
        documents=results,
        partial_with_unknown=with_unknown.prf() if unknown is not None else None,
    )
