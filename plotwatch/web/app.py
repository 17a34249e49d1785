"""The application factory: ``create_app(store_or_url) -> FastAPI``.

Pages (server-rendered, one view module per kind of page in :mod:`plotwatch.web.views`) and
the JSON API under ``/api/v1`` (:mod:`plotwatch.web.api`, OpenAPI at
``/api/v1/openapi.json``) share the store, the session middleware and the error handlers.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plotwatch.auth import secret_key
from plotwatch.store.db import Store
from plotwatch.web import problems
from plotwatch.web.cache import CachedReads, cache_size_from_env
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
    cache_bytes: int | None = None,
) -> FastAPI:
    """The web app over a store (or a database URL).

    ``public_read`` lets anonymous visitors read (writes always need a user);
    ``vendor_dir`` is where the front-end libraries are (default ``static/vendor``);
    ``cache_bytes`` bounds the API's response cache (default ``PLOTWATCH_RESPONSE_CACHE_MB``
    or 64 MiB; 0 turns it off, see :mod:`plotwatch.web.cache`).
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

    # the last added runs first: the session is loaded before the cache looks at the caller
    app.add_middleware(
        CachedReads, store=store, max_bytes=cache_size_from_env() if cache_bytes is None else cache_bytes
    )
    app.add_middleware(SessionAndHeaders, sessions=sessions, secure_cookies=secure_cookies)

    if app.state.vendor_ok:
        app.mount("/static/vendor", StaticFiles(directory=str(vendor)), name="vendor")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from plotwatch.web.api import router as api_router
    from plotwatch.web.views import routers

    app.include_router(api_router)
    for router in routers:
        app.include_router(router)
    return app


_SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


class SessionAndHeaders:
    """Loads the signed session into ``request.state``, turns away control characters, sets
    the session cookie when the session changed (pages only) and the security headers.

    A plain ASGI middleware: it wraps ``send`` instead of buffering the response through a
    task and a stream per request as ``@app.middleware("http")`` does.
    """

    def __init__(self, app: ASGIApp, sessions: Sessions, secure_cookies: bool = False) -> None:
        self.app, self.sessions, self.secure_cookies = app, sessions, secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        data = self.sessions.load(request.cookies.get(COOKIE))
        state = request.state
        state.session_changed = data is None
        state.session = data or Sessions.fresh()
        path: str = scope["path"]
        pages = not path.startswith(("/static/", "/api/"))
        cache = not path.startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[tuple[bytes, bytes]] = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                if pages and state.session_changed:
                    headers.append((b"set-cookie", self._cookie(state.session)))
                headers += [h for h in _SECURITY_HEADERS if h[0] not in present]
                if cache and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        bad = _control_characters(request)
        if bad is not None:
            state.principal = None  # answer without touching the database
            response = problems.problem_response(
                request, 400, f"{bad} must not contain control characters", "validation", parameter=bad
            )
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _cookie(self, session: dict[str, Any]) -> bytes:
        carrier = Response()
        carrier.set_cookie(
            COOKIE,
            self.sessions.dump(session),
            max_age=MAX_AGE,
            httponly=True,
            samesite="lax",
            secure=self.secure_cookies,
            path="/",
        )
        return next(v for k, v in carrier.raw_headers if k == b"set-cookie")


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


def settle_heap() -> None:
    """Put everything made while starting (modules, the app, the store) out of the garbage
    collector's reach (:func:`gc.freeze`), as a server does before taking requests.

    The started app holds ~150,000 container objects that live as long as the process; a
    full collection walks all of them (80 ms measured on this project's test machine) and
    stops every request in flight meanwhile, which made the slowest twentieth of responses
    several times slower than the median. Frozen, they are never walked again.
    """
    gc.collect()
    gc.freeze()


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory``: the database from ``PLOTWATCH_DB``."""
    app = create_app(
        os.environ.get("PLOTWATCH_DB"),
        public_read=os.environ.get("PLOTWATCH_PUBLIC_READ", "") not in ("", "0"),
    )
    settle_heap()
    return app
