"""RFC 9457 problem details: every API error is ``application/problem+json``.

Bad query or path parameters give 400, a bad request body 422, a missing login 401, a
missing role or CSRF token 403, an unknown id 404 and a conflicting action 409; nothing a
client sends should produce a 500. Pages get the same status with an HTML error page.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from plotwatch.auth import AuthError, UserExistsError
from plotwatch.errors import NotFoundError, PlotwatchError, StoreError
from plotwatch.review import ConflictError, InvalidEditError

PROBLEM_TYPE = "urn:plotwatch:problem:"
TITLES = {
    400: "Bad request",
    401: "Login required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    422: "Unprocessable content",
    500: "Internal error",
    503: "Service unavailable",
}


class Problem(Exception):
    """Raised by views and dependencies to answer with a problem (or an HTML error page)."""

    def __init__(self, status: int, detail: str, *, slug: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.detail, self.extra = status, detail, extra
        self.slug = slug or TITLES.get(status, "error").lower().replace(" ", "-")


class LoginRequired(Exception):
    """A page needs a logged-in user: pages redirect to /login, the API answers 401."""


def problem_response(
    request: Request, status: int, detail: str, slug: str | None = None, **extra: Any
) -> Response:
    """The problem as JSON under /api, as an HTML page elsewhere."""
    title = TITLES.get(status, "Error")
    headers = {"WWW-Authenticate": 'Bearer realm="plotwatch"'} if status == 401 else None
    if not request.url.path.startswith("/api/"):
        from plotwatch.web.render import render

        return render(request, "error.html", status_code=status, title=title, detail=detail, status=status)
    body = {
        "type": PROBLEM_TYPE + (slug or title.lower().replace(" ", "-")),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


def _validation(request: Request, exc: RequestValidationError) -> Response:
    errors = [
        {"loc": ".".join(str(p) for p in e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e["type"]}
        for e in exc.errors()
    ]
    in_body = any(str(e["loc"]).startswith("body") for e in errors)
    detail = "; ".join(f"{e['loc']}: {e['msg']}" for e in errors) or "invalid request"
    return problem_response(request, 422 if in_body else 400, detail, "validation", errors=errors)


def _plotwatch_error(request: Request, exc: PlotwatchError) -> Response:
    if isinstance(exc, NotFoundError):
        return problem_response(request, 404, str(exc), "not-found")
    if isinstance(exc, ConflictError | UserExistsError):
        return problem_response(request, 409, str(exc), "conflict")
    if isinstance(exc, InvalidEditError):
        return problem_response(request, 422, str(exc), "invalid-value")
    if isinstance(exc, AuthError):
        return problem_response(request, 400, str(exc), "invalid-value")
    if isinstance(exc, StoreError):
        return problem_response(request, 503, "the database could not complete the request", "store")
    return problem_response(request, 400, str(exc))


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return problem_response(request, exc.status, exc.detail, exc.slug, **exc.extra)

    @app.exception_handler(LoginRequired)
    async def on_login(request: Request, exc: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return problem_response(request, 401, "log in or send an API token (Authorization: Bearer …)")
        from urllib.parse import quote

        from fastapi.responses import RedirectResponse

        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return _validation(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        return problem_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(PlotwatchError)
    async def on_plotwatch(request: Request, exc: PlotwatchError) -> Response:
        return _plotwatch_error(request, exc)

    @app.exception_handler(ValueError)
    async def on_value(request: Request, exc: ValueError) -> Response:
        if isinstance(exc, PlotwatchError):
            return _plotwatch_error(request, exc)
        return problem_response(request, 400, str(exc), "invalid-value")
