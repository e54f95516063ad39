"""Dependencies: settings, engine, store (built once in the lifespan), session, caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import OAuth2PasswordBearer

from matcher.api.params import example
from matcher.api.security import TOKEN_URL, decode_token
from matcher.config import Settings
from matcher.errors import AuthenticationError, InputError, ServiceBusyError
from matcher.service import MatchingEngine
from matcher.store import POOL_EXHAUSTED, Session, Store
from matcher.usecases import CandidateQuery, Principal, current_user, principal_of

__all__ = [
    "CandidateQueryDep",
    "CurrentUser",
    "EngineDep",
    "PageDep",
    "SessionDep",
    "SettingsDep",
    "StoreDep",
]

_oauth2 = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _engine(request: Request) -> MatchingEngine:
    engine: MatchingEngine = request.app.state.engine
    return engine


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


_POOL_RETRY_SECONDS = 5

SettingsDep = Annotated[Settings, Depends(_settings)]
EngineDep = Annotated[MatchingEngine, Depends(_engine)]
StoreDep = Annotated[Store, Depends(_store)]


def _session(store: StoreDep) -> Iterator[Session]:
    # Commit when the route returns, before the response is sent; roll back on error.
    # Every pooled connection busy for the pool's timeout: 503, not an unexpected 500.
    with store.sessions() as session:
        try:
            yield session
            session.commit()
        except POOL_EXHAUSTED as exc:
            session.rollback()
            raise ServiceBusyError(_POOL_RETRY_SECONDS, what="requests") from exc
        except BaseException:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(_session, scope="function")]


def _caller(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(_oauth2)]
) -> Principal:
    if not token:
        raise AuthenticationError("sign in first: send 'Authorization: Bearer <token>'")
    user_id = decode_token(token, key=request.app.state.signing_key)
    return principal_of(current_user(session=session, user_id=user_id))


CurrentUser = Annotated[Principal, Depends(_caller)]


#: Largest ``offset`` accepted (a database's integer range is far larger; no list is).
MAX_OFFSET = 1_000_000_000


class PageParams:
    """``limit`` and ``offset`` query parameters, bounded by ``Settings.page_size_max``."""

    def __init__(
        self,
        settings: SettingsDep,
        limit: Annotated[
            int,
            Query(
                ge=1,
                description="Items per page (at most `MATCHER_PAGE_SIZE_MAX`, 100 by default).",
                openapi_examples=example(20, "a page of 20"),
            ),
        ] = 20,
        offset: Annotated[
            int,
            Query(
                ge=0,
                le=MAX_OFFSET,
                description="Items to skip (the page size times the pages before).",
                openapi_examples=example(0, "the first page"),
            ),
        ] = 0,
    ) -> None:
        if limit > settings.page_size_max:
            raise InputError(f"limit must be at most {settings.page_size_max}, got {limit}")
        self.limit = limit
        self.offset = offset


PageDep = Annotated[PageParams, Depends()]


def _candidate_query(
    state: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=2,
            description="Two-letter US state the candidate lives in.",
            openapi_examples=example("IA", "Iowa"),
        ),
    ] = None,
    remote: Annotated[
        bool | None,
        Query(
            description="true: only graduates open to remote work.",
            openapi_examples=example(True, "open to remote work"),
        ),
    ] = None,
    certification: Annotated[
        list[str] | None,
        Query(
            description="Certification id or name every candidate must hold (repeatable).",
            openapi_examples=example(["chts-is"], "holds CHTS-IS"),
        ),
    ] = None,
    min_years: Annotated[
        float | None,
        Query(
            ge=0,
            le=60,
            description="Least total years of experience.",
            openapi_examples=example(2, "two years or more"),
        ),
    ] = None,
    program_level: Annotated[
        str | None,
        Query(
            description="community-college or university.",
            openapi_examples=example("community-college", "community college graduates"),
        ),
    ] = None,
) -> CandidateQuery:
    return CandidateQuery(
        state=state,
        remote=remote,
        certifications=tuple(certification or ()),
        min_years=min_years,
        program_level=program_level,
    )


CandidateQueryDep = Annotated[CandidateQuery, Depends(_candidate_query)]
