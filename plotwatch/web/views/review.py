"""Form posts of the review actions (analyst role, CSRF-checked); each redirects back."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from plotwatch import review
from plotwatch.auth import Principal
from plotwatch.review import InvalidEditError
from plotwatch.web.security import analyst, check_csrf, store_of

router = APIRouter(include_in_schema=False)
Analyst = Annotated[Principal, Depends(analyst)]
Csrf = Annotated[str, Form()]


def _back(kind: str, ident: str, done: str) -> Response:
    return RedirectResponse(f"/{kind}/{quote(ident, safe='')}?done={done}", status_code=303)


@router.post("/incidents/{incident_id}/review")
def decide(
    request: Request,
    who: Analyst,
    incident_id: str,
    csrf_token: Csrf,
    decision: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(request, csrf_token)
    review.set_review(store_of(request), incident_id, decision, actor=who.name, note=note or None)
    return _back("incidents", incident_id, decision)


@router.post("/incidents/{incident_id}/edit")
def edit(
    request: Request,
    who: Analyst,
    incident_id: str,
    csrf_token: Csrf,
    type: Annotated[str, Form()],
    status: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    agent_state: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    fields = {
        "type": type,
        "status": status,
        "date": date,
        "country": country,
        "place": place,
        "agent_state": agent_state,
    }
    review.edit_incident(store_of(request), incident_id, fields, actor=who.name)
    return _back("incidents", incident_id, "edited")


@router.post("/incidents/{incident_id}/merge")
def merge(
    request: Request, who: Analyst, incident_id: str, csrf_token: Csrf, into: Annotated[str, Form()]
) -> Response:
    check_csrf(request, csrf_token)
    review.merge_incidents(store_of(request), incident_id, into.strip(), actor=who.name)
    return _back("incidents", into.strip(), "merged")


@router.post("/incidents/{incident_id}/split")
def split(
    request: Request,
    who: Analyst,
    incident_id: str,
    csrf_token: Csrf,
    mention: Annotated[list[str], Form()],
) -> Response:
    check_csrf(request, csrf_token)
    refs = []
    for value in mention:  # "start|type|article id"
        start, mtype, article_id = [*value.split("|", 2), "", ""][:3]
        if not start.isdigit() or not article_id:
            raise InvalidEditError(f"not a mention reference: {value!r}")
        refs.append((article_id, int(start), mtype or None))
    result = review.split_incident(store_of(request), incident_id, refs, actor=who.name)
    return _back("incidents", result["new_incident"], "split")


@router.post("/entities/{entity_id}/merge")
def merge_entity(
    request: Request, who: Analyst, entity_id: str, csrf_token: Csrf, into: Annotated[str, Form()]
) -> Response:
    check_csrf(request, csrf_token)
    review.merge_entities(store_of(request), entity_id, into.strip(), actor=who.name)
    return _back("entities", into.strip(), "merged")


@router.post("/entities/{entity_id}/aliases")
def add_alias(
    request: Request, who: Analyst, entity_id: str, csrf_token: Csrf, alias: Annotated[str, Form()]
) -> Response:
    check_csrf(request, csrf_token)
    review.add_alias(store_of(request), entity_id, alias, actor=who.name)
    return _back("entities", entity_id, "alias")
