"""Use cases of the service: accounts, graduates' resumes, employers' searches and jobs.

Each function takes the caller (:class:`Principal`), an open store session and, where
it analyses text, the loaded :class:`~matcher.service.MatchingEngine`; it checks what the
caller may see, works through :mod:`matcher.store` and :mod:`matcher.ranking`, and
raises :mod:`matcher.errors` classes the API maps to HTTP statuses. Callers commit.

These live beside :mod:`matcher.service` (the engine) rather than in it: the engine is
usable without a database (the CLI's ``score``), and the store-backed use cases would
double the size of that module.
"""

from matcher.usecases.accounts import (
    authenticate,
    create_organisation,
    create_user,
    current_user,
    delete_account,
    list_organisations,
    list_users,
    principal_of,
    register_graduate,
)
from matcher.usecases.common import Page, Principal
from matcher.usecases.contacts import (
    answer_contact_request,
    list_contact_requests,
    list_my_contact_requests,
    request_contact,
)
from matcher.usecases.employers import (
    CandidateQuery,
    SkillSearch,
    candidate_detail,
    rank_for_job,
    rank_for_role,
    search_candidates,
)
from matcher.usecases.graduates import (
    my_gaps,
    my_profile,
    my_resume,
    my_resume_file,
    process_resume,
    update_my_settings,
)
from matcher.usecases.jobs import delete_job, get_job, list_jobs, post_job
from matcher.usecases.lifecycle import Store, check_service_settings, open_store
from matcher.usecases.rescoring import (
    RescoreFailure,
    RescoreReport,
    rescore_jobs,
    rescore_resumes,
)
from matcher.usecases.views import CandidateView, RankedView

__all__ = [
    "CandidateQuery",
    "CandidateView",
    "Page",
    "Principal",
    "RankedView",
    "RescoreFailure",
    "RescoreReport",
    "SkillSearch",
    "Store",
    "answer_contact_request",
    "authenticate",
    "candidate_detail",
    "check_service_settings",
    "create_organisation",
    "create_user",
    "current_user",
    "delete_account",
    "delete_job",
    "get_job",
    "list_contact_requests",
    "list_jobs",
    "list_my_contact_requests",
    "list_organisations",
    "list_users",
    "my_gaps",
    "my_profile",
    "my_resume",
    "my_resume_file",
    "open_store",
    "post_job",
    "principal_of",
    "process_resume",
    "rank_for_job",
    "rank_for_role",
    "register_graduate",
    "request_contact",
    "rescore_jobs",
    "rescore_resumes",
    "search_candidates",
    "update_my_settings",
]
