"""healthit-matcher: health IT resumes and job texts -> ONC workforce roles and competencies.

Matches text to the twelve ONC health IT workforce roles and the EHR/HIM competency model.

Nothing is loaded at import; start with :func:`matcher.service.load_engine`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
