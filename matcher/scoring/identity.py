"""Identity-blind text: what the role scorer reads once personal details are removed.

Who a person is must not move a score. Before the learned role scorer reads a text,
this module removes, by rules from ``data/role_model.yaml`` (``identity``):

* lines that state a personal detail ("Date of birth: ...", "Pronouns: she/her") or
  head a block of them ("PERSONAL DETAILS");
* sentences and lines holding a family, gender or religion word ("Mother of two.");
* pronouns and honorifics wherever they appear;
* the document's own personal strings (name, e-mails, phones, links, city), given by the
  caller from the parsed contact block;

and then collapses whitespace, so two resumes that differ only in those details give
the scorer the same text. Skill extraction is not affected: it reads the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from matcher.domain import ResumeFields
from matcher.taxonomy.role_model_schema import IdentityCues

__all__ = ["HEAD_LINES", "IdentityFilter", "PersonalDetails"]

#: How many lines at the top of a document form its contact header.
HEAD_LINES = 6

_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    # As written in running text: lower case or capitalised, never all capitals, so
    # that "him" goes and "HIM" (health information management) stays.
    forms = {form for w in words for form in (w.lower(), w.lower().capitalize())}
    escaped = sorted((re.escape(f) for f in forms), key=len, reverse=True)
    if not escaped:
        return None
    return re.compile(r"(?<![\w'-])(?:" + "|".join(escaped) + r")\.?(?![\w'-])")


@dataclass(frozen=True)
class PersonalDetails:
    """A document's own personal strings, which the role model must not read.

    Attributes:
        lines: strings whose whole line is dropped (name, e-mails, phones, links).
        head_lines: strings whose line is dropped in the contact header only (city).
        words: strings removed wherever they appear (the parts of the name).
    """

    lines: tuple[str, ...] = ()
    head_lines: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    @classmethod
    def of_resume(cls, resume: ResumeFields) -> PersonalDetails:
        """The personal strings of a resume's parsed contact block."""
        contact = resume.contact
        name_parts = contact.name.split() if contact.name else []
        lines = [
            *([contact.name] if contact.name else []),
            *contact.emails,
            *contact.phones,
            *contact.links,
        ]
        return cls(
            lines=tuple(lines),
            head_lines=(contact.city,) if contact.city else (),
            words=tuple(p.strip(".,") for p in name_parts if len(p) > 1),
        )


@dataclass(frozen=True)
class IdentityFilter:
    """Compiled identity rules; :meth:`blind` applies them to a text."""

    line_label: re.Pattern[str] | None
    sentence_word: re.Pattern[str] | None
    word: re.Pattern[str] | None

    @classmethod
    def from_cues(cls, cues: IdentityCues) -> IdentityFilter:
        """Compile the rules of ``data/role_model.yaml``."""
        labels = sorted((re.escape(label) for label in cues.line_labels), key=len, reverse=True)
        line_label = (
            re.compile(
                r"^\s*(?:" + "|".join(labels) + r")\s*(?::.*)?$", re.IGNORECASE | re.MULTILINE
            )
            if labels
            else None
        )
        return cls(
            line_label=line_label,
            sentence_word=_words_pattern(cues.sentence_words),
            word=_words_pattern(cues.words),
        )

    def blind(
        self,
        text: str,
        *,
        personal_lines: Iterable[str] = (),
        head_lines: Iterable[str] = (),
        personal: Iterable[str] = (),
    ) -> str:
        """The text without personal details, whitespace collapsed.

        Args:
            text: the original text.
            personal_lines: strings whose whole line is dropped (the full name, e-mails,
                phones, links: a contact line holds nothing else).
            head_lines: strings whose line is dropped only in the first
                :data:`HEAD_LINES` lines (the home city: elsewhere a job's city is work).
            personal: strings removed wherever they appear (parts of the name).
        """
        markers = [m.strip().lower() for m in personal_lines if m and m.strip()]
        head = [m.strip().lower() for m in head_lines if m and m.strip()]
        if markers or head:
            text = "\n".join(
                line
                for number, line in enumerate(text.splitlines())
                if not any(m in line.lower() for m in markers)
                and not (number < HEAD_LINES and any(m in line.lower() for m in head))
            )
        for value in sorted({p.strip() for p in personal if p and p.strip()}, key=len)[::-1]:
            text = re.sub(
                r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", " ", text, flags=re.IGNORECASE
            )
        if self.line_label is not None:
            text = self.line_label.sub(" ", text)
        if self.sentence_word is not None:
            sentence_word = self.sentence_word
            text = _SENTENCE.sub(
                lambda m: "\n" if sentence_word.search(m.group(0)) else m.group(0), text
            )
        if self.word is not None:
            text = self.word.sub(" ", text)
        lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
        return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()
