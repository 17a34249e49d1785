"""The JSON API under ``/api/v1`` (OpenAPI schema at ``/api/v1/openapi.json``).

Reading needs a user (a session cookie or ``Authorization: Bearer``) unless the app is
public; review actions need the analyst role; user listing the admin role. Errors are
RFC 9457 problem details (:mod:`plotwatch.web.problems`).
"""

from __future__ import annotations

from fastapi import APIRouter

from plotwatch.web.api import audit, catalogue, exports, incidents, match, network, review

PROBLEM = {"content": {"application/problem+json": {}}, "description": "Problem details (RFC 9457)"}

router = APIRouter(
    prefix="/api/v1",
    responses={code: PROBLEM for code in (400, 401, 403, 404, 409, 422)},
)
for module in (incidents, review, catalogue, network, match, audit, exports):
    router.include_router(module.router)

__all__ = ["router"]
