"""Sign up (graduates), sign in (everyone), who am I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, status

from matcher.api.convert import user_out
from matcher.api.deps import CurrentUser, SessionDep, SettingsDep, StoreDep
from matcher.api.routes._responses import problems
from matcher.api.schemas import RegisterIn, SignInForm, Token, UserOut
from matcher.api.security import issue_token
from matcher.usecases import accounts
from matcher.usecases import sign_in as signing_in

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.post("/auth/token", responses=problems(401, 422, 429), summary="Sign in")
def sign_in(
    form: Annotated[SignInForm, Form()],
    store: StoreDep,
    settings: SettingsDep,
    request: Request,
) -> Token:
    """OAuth2 password flow: ``username`` is the email. Returns a bearer token.

    After ``MATCHER_SIGN_IN_MAX_FAILURES`` failed sign-ins for one account within
    ``MATCHER_SIGN_IN_WINDOW_SECONDS``, the account's sign-in answers 429 with
    ``Retry-After`` (the right password too) until the oldest failure leaves the window;
    likewise after ``MATCHER_SIGN_IN_MAX_FAILURES_PER_CLIENT`` failures from one network
    address over any accounts.
    """
    user = signing_in.sign_in(
        store=store,
        email=form.username,
        password=form.password,
        policy=signing_in.SignInPolicy.from_settings(settings),
        key=request.app.state.signing_key,
        client=request.client.host if request.client else None,
    )
    token, seconds = issue_token(
        user_id=user.id, key=request.app.state.signing_key, minutes=settings.token_minutes
    )
    return Token(access_token=token, expires_in=seconds)


@router.post(
    "/auth/register",
    status_code=status.HTTP_201_CREATED,
    responses=problems(409, 422),
    summary="Sign up as a graduate",
)
def register(body: RegisterIn, session: SessionDep) -> UserOut:
    """Create a graduate account; the profile starts hidden from employers."""
    user = accounts.register_graduate(
        session=session, email=body.email, password=body.password, display_name=body.display_name
    )
    return user_out(user)


@router.get("/users/me", responses=problems(401), summary="Who am I")
def me(caller: CurrentUser, session: SessionDep) -> UserOut:
    """The signed-in account."""
    return user_out(accounts.current_user(session=session, user_id=caller.user_id))
