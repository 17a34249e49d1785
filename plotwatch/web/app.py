"""The application factory: ``create_app(store_or_url) -> FastAPI``.

Pages (server-rendered, one view module per kind of page in :mod:`plotwatch.web.views`) and
the JSON API under ``/api/v1`` (:mod:`plotwatch.web.api`, OpenAPI at
``/api/v1/openapi.json``) share the store, the session middleware and the error handlers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from plotwatch.auth import secret_key
from plotwatch.store.db import Store
from plotwatch.web import problems
from plotwatch.web.render import STATIC
from plotwatch.web.security import COOKIE, MAX_AGE, Sessions

VENDOR = STATIC / "vendor"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def create_app(
    store_or_url: Store | str | None = None,
    *,
    public_read: bool = False,
    vendor_dir: Path | None = None,
    secure_cookies: bool = False,
) -> FastAPI:
    """The web app over a store (or a database URL).

    ``public_read`` lets anonymous visitors read (writes always need a user);
    ``vendor_dir`` is where the front-end libraries are (default ``static/vendor``).
    """
    store = store_or_url if isinstance(store_or_url, Store) else Store(store_or_url)
    app = FastAPI(
        title="plotwatch",
        version="1",
        description="Source-graded incidents of state-sponsored plots abroad: read, search, review.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    vendor = vendor_dir or VENDOR
    app.state.store = store
    app.state.public_read = public_read
    app.state.vendor_ok = (vendor / "d3.min.js").is_file() and (vendor / "topojson-client.min.js").is_file()
    sessions = Sessions(secret_key(store))
    problems.install(app)

    @app.middleware("http")
    async def session_and_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        data = sessions.load(request.cookies.get(COOKIE))
        request.state.session_changed = data is None
        request.state.session = data or Sessions.fresh()
        bad = _control_characters(request)
        if bad is not None:
            request.state.principal = None  # answer without touching the database
            response = problems.problem_response(
                request, 400, f"{bad} must not contain control characters", "validation", parameter=bad
            )
        else:
            response = await call_next(request)
        path = request.url.path
        if request.state.session_changed and not path.startswith(("/static/", "/api/")):
            response.set_cookie(
                COOKIE,
                sessions.dump(request.state.session),
                max_age=MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=secure_cookies,
                path="/",
            )
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    if app.state.vendor_ok:
        app.mount("/static/vendor", StaticFiles(directory=str(vendor)), name="vendor")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from plotwatch.web.api import router as api_router
    from plotwatch.web.views import routers

    app.include_router(api_router)
    for router in routers:
        app.include_router(router)
    return app


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_characters(request: Request) -> str | None:
    """The name of a query parameter (or "path") holding a control character, if any.

    Databases refuse NUL bytes and full-text engines choke on other control characters, so
    they are turned away as a bad parameter before any query runs.
    """
    if _CONTROL.search(request.url.path):
        return "path"
    for key, value in request.query_params.multi_items():
        if _CONTROL.search(key) or _CONTROL.search(value):
            return key if not _CONTROL.search(key) else "query"
    return None


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory``: the database from ``PLOTWATCH_DB``."""
    return create_app(
        os.environ.get("PLOTWATCH_DB"),
        public_read=os.environ.get("PLOTWATCH_PUBLIC_READ", "") not in ("", "0"),
    )
