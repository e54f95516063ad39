"""Every ``._`` attribute the package sets on spaCy objects, registered once.

Attributes on skill spans (``doc.spans["skills"]``):

* ``section``: resume section category the mention sits in (``experience``...), or None;
* ``requirement``: ``"required"``, ``"preferred"`` or None (job text);
* ``negated``: the text says the skill is not held ("no experience with");
* ``hypothetical``: an aim or offer, not a holding ("willing to learn");
* ``field_of_study``: the subject of a degree ("degree in health informatics");
* ``part_of_name``: part of a job title or an organisation's name ("Data Scientist",
  "EHR Application Analyst"), or of the employer describing itself ("We use machine
  learning to ...", a posting's "About us" or "Benefits" block): not a skill claim, still
  evidence for role fit;
* ``expanded``: the span was found from another one: by sharing a list's prefix ("Epic
  ..., Cadence") or as the abbreviation the text defines for it ("... (MDM)").
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["SPAN_ATTRIBUTES", "register_extensions"]

SPAN_ATTRIBUTES: dict[str, object] = {
    "section": None,
    "requirement": None,
    "negated": False,
    "hypothetical": False,
    "field_of_study": False,
    "part_of_name": False,
    "expanded": False,
}


def register_extensions() -> None:
    """Register the span attributes (idempotent)."""
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
