"""Use cases over the engine: load it once, analyse a text.

:class:`MatchingEngine` (``engine``) holds the heavy objects (data bundle, spaCy
pipeline, role model) and is built once per process by :func:`load_engine`
(``loading``).
"""

from matcher.scoring.identity import PersonalDetails
from matcher.service.engine import Analysis, MatchingEngine
from matcher.service.loading import load_engine

__all__ = ["Analysis", "MatchingEngine", "PersonalDetails", "load_engine"]
