"""Who is asking, and may they? Signed session cookies, CSRF tokens, Bearer tokens, roles.

A browser holds one signed cookie (HttpOnly, SameSite=Lax) carrying the user name and a CSRF
token; every form repeats the token and every unsafe API call made with the cookie sends it
as ``X-CSRF-Token``. API clients send ``Authorization: Bearer pwt_…`` instead (no CSRF).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from fastapi import Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool

from plotwatch.auth import Principal, principal, token_principal
from plotwatch.store.db import Store
from plotwatch.web.problems import LoginRequired, Problem

COOKIE = "plotwatch_session"
MAX_AGE = 12 * 3600
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class Sessions:
    """Reads and writes the signed session cookie."""

    def __init__(self, secret: str) -> None:
        self._ser = URLSafeTimedSerializer(secret, salt="plotwatch-session")

    def load(self, cookie: str | None) -> dict[str, Any] | None:
        if not cookie:
            return None
        try:
            data = self._ser.loads(cookie, max_age=MAX_AGE)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and isinstance(data.get("csrf"), str) else None

    def dump(self, data: dict[str, Any]) -> str:
        return self._ser.dumps(data)

    @staticmethod
    def fresh(user: str | None = None) -> dict[str, Any]:
        return {"csrf": secrets.token_urlsafe(24), "user": user}


def session(request: Request) -> dict[str, Any]:
    data: dict[str, Any] = request.state.session
    return data


def login(request: Request, who: Principal) -> None:
    """Start a new session for ``who`` (a new CSRF token too: no session fixation)."""
    request.state.session = Sessions.fresh(who.name)
    request.state.session_changed = True


def logout(request: Request) -> None:
    request.state.session = Sessions.fresh()
    request.state.session_changed = True


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def who(request: Request) -> Principal | None:
    """The principal of this request (Bearer token first, then the session cookie), or None."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    found: Principal | None = None
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        found = _token_principal(request, auth[7:].strip())
        if found is None:
            raise Problem(401, "the API token is unknown or revoked", slug="bad-token")
    elif name := session(request).get("user"):
        found = principal(store_of(request), name)
    request.state.principal = found
    return found


def _token_principal(request: Request, token: str) -> Principal | None:
    """The token's user, remembered for as long as the data version (set by the response
    cache, :mod:`plotwatch.web.cache`) does not change: revoking a token or deactivating a
    user is a write, which moves the version."""
    version = getattr(request.state, "data_version", None)
    if version is None:
        return token_principal(store_of(request), token)
    known: tuple[str, dict[str, Principal]] = getattr(request.app.state, "token_principals", ("", {}))
    if known[0] != version:
        known = (version, {})
        request.app.state.token_principals = known
    found = known[1].get(token)
    if found is None:
        found = token_principal(store_of(request), token)
        if found is not None and len(known[1]) < 1000:  # unknown tokens are not remembered
            known[1][token] = found
    return found


def check_csrf(request: Request, token: str | None) -> None:
    """Reject an unsafe cookie-authenticated request whose CSRF token does not match."""
    expected = session(request).get("csrf", "")
    if not token or not hmac.compare_digest(str(token), str(expected)):
        raise Problem(403, "missing or wrong CSRF token; reload the page and try again", slug="csrf")


async def reader(request: Request) -> Principal | None:
    """Dependency: anyone who may read (everybody when the app is public, else a user).

    Asynchronous so that FastAPI does not hand every read request to a worker thread: the
    token lookup runs on the event loop on SQLite (in-process, a single indexed row) and in
    the thread pool on a database server (see :func:`plotwatch.web.queries.read`).
    """
    if store_of(request).dialect == "sqlite" or hasattr(request.state, "principal"):
        p = who(request)
    else:
        p = await run_in_threadpool(who, request)
    if p is None and not request.app.state.public_read:
        raise LoginRequired()
    return p


def require(role: str) -> Any:
    """Dependency factory: a principal with at least ``role``; CSRF-checked for cookie writes."""

    def dependency(request: Request) -> Principal:
        p = who(request)
        if p is None:
            raise LoginRequired()
        if not p.can(role):
            raise Problem(403, f"this needs the {role} role; you are a {p.role}", slug="forbidden")
        if p.via == "session" and request.method in UNSAFE and request.url.path.startswith("/api/"):
            check_csrf(request, request.headers.get("x-csrf-token"))
        return p

    return dependency


analyst = require("analyst")
admin = require("admin")
