"""Hand-labelled role gold files and the documents the role scorer reads from them.

Two JSON Lines formats, one record per line:

* postings and resumes: ``{"uid", "kind": "posting" | "resume", "title", "text",
  "primary", "also", ...}``; a resume's ``title`` is only its source dataset's category,
  so it is not given to the scorer;
* titles: ``{"uid", "kind": "title", "title", "context", "primary", "also", ...}``; the
  scorer reads the title with its context line (e.g. "employer: ...").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from matcher.errors import InputError
from matcher.evaluation.jsonl import read_jsonl
from matcher.scoring.features import RoleDocument, compile_domain_terms
from matcher.scoring.synthetic import NONE_LABEL
from matcher.service import MatchingEngine

__all__ = ["RoleGold", "file_sha256", "gold_document", "read_role_gold", "title_document"]


@dataclass(frozen=True)
class RoleGold:
    """One labelled item.

    Attributes:
        uid: the record's id.
        kind: ``posting``, ``resume`` or ``title``.
        title: the posting's title, the resume's dataset category, or the job title.
        text: the full text (for a title record: the title and its context line).
        primary: the role id that fits best, or ``none``.
        also: other role ids an expert would accept.
        confidence: the labeller's confidence.
    """

    uid: str
    kind: str
    title: str
    text: str
    primary: str
    also: tuple[str, ...] = ()
    confidence: str = ""

    @property
    def accepted(self) -> frozenset[str]:
        """Every outcome counted correct at top-1."""
        return frozenset((self.primary, *self.also))


def _record(raw: dict[str, object]) -> RoleGold:
    kind = str(raw["kind"])
    title = str(raw.get("title") or "")
    if kind == "title":
        context = str(raw.get("context") or "")
        text = title + ("\n" + context if context else "")
    else:
        text = str(raw["text"])
    also = raw.get("also") or []
    if not isinstance(also, list):
        raise ValueError("'also' must be a list")
    return RoleGold(
        uid=str(raw["uid"]),
        kind=kind,
        title=title,
        text=text,
        primary=str(raw["primary"]),
        also=tuple(str(a) for a in also),
        confidence=str(raw.get("confidence") or ""),
    )


def read_role_gold(path: Path) -> list[RoleGold]:
    """Read a role gold file (either format).

    Raises:
        InputError: the file cannot be read or a line is not a role record.
    """
    records = read_jsonl(path, _record, what="role gold record")
    if not records:
        raise InputError(f"{path}: no records")
    return records


def file_sha256(path: Path) -> str:
    """Hash of a file's bytes (to recognise a training file at evaluation time)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gold_document(engine: MatchingEngine, gold: RoleGold) -> RoleDocument:
    """What the scorer reads for a gold record (a resume's dataset category is left out)."""
    title = "" if gold.kind == "resume" else gold.title
    return engine.role_document(gold.text, title=title)


def title_document(engine: MatchingEngine, gold: RoleGold) -> RoleDocument | None:
    """A posting's title alone, as an extra short-text example, when it shows the label.

    None for other kinds, and for a health IT posting whose title names no health word
    (``Software Engineer`` at a hospital): the title alone is not health IT by the
    labelling rule, so as an example it would teach the short-text model that every
    generic title is a role.
    """
    if gold.kind != "posting" or not gold.title.strip():
        return None
    role_model = engine.bundle.role_model
    health_words = compile_domain_terms(role_model.domain_terms) if role_model else None
    if gold.primary != NONE_LABEL and health_words and not health_words.search(gold.title):
        return None
    return engine.role_document(gold.title, title=gold.title)
