"""Review actions (analyst role): accept/reject, edit, merge, split; merge entities, add aliases.

Each calls :mod:`plotwatch.review`, which records the decision (so it survives re-fusion)
and an audit entry. With a session cookie, send the page's CSRF token as ``X-CSRF-Token``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from plotwatch import review
from plotwatch.auth import Principal
from plotwatch.web.security import analyst, store_of

router = APIRouter(tags=["review"])
Analyst = Annotated[Principal, Depends(analyst)]


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["accepted", "rejected"]
    note: str | None = Field(default=None, max_length=2000)


class EditBody(BaseModel):
    """Fields to change; those left out stay as they are, null clears a value."""

    model_config = ConfigDict(extra="forbid")
    type: str | None = None
    status: str | None = None
    date: str | None = Field(default=None, description="2018, 2018-06 or 2018-06-30")
    country: str | None = None
    place: str | None = None
    agent_state: str | None = None
    lat: float | None = None
    lon: float | None = None


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into: str = Field(min_length=1, max_length=120, description="The id that is kept.")


class MentionRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article_id: str
    start: int = Field(ge=0, description="Start offset of the evidence sentence.")
    type: str | None = None


class SplitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mentions: list[MentionRef] = Field(min_length=1)


class AliasBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    alias: str = Field(min_length=1, max_length=300)


@router.post("/incidents/{incident_id}/review")
def decide(request: Request, who: Analyst, incident_id: str, body: ReviewBody) -> dict[str, Any]:
    """Accept or reject an incident (a rejected one leaves lists, exports and the map)."""
    return review.set_review(store_of(request), incident_id, body.decision, actor=who.name, note=body.note)


@router.patch("/incidents/{incident_id}")
def edit(request: Request, who: Analyst, incident_id: str, body: EditBody) -> dict[str, Any]:
    """Change type, status, date, country, place, agent_state, lat or lon; kept over re-fusion."""
    return review.edit_incident(
        store_of(request), incident_id, body.model_dump(exclude_unset=True), actor=who.name
    )


@router.post("/incidents/{incident_id}/merge")
def merge(request: Request, who: Analyst, incident_id: str, body: MergeBody) -> dict[str, Any]:
    """Merge this incident into ``into``: its mentions and actors move there."""
    return review.merge_incidents(store_of(request), incident_id, body.into, actor=who.name)


@router.post("/incidents/{incident_id}/split")
def split(request: Request, who: Analyst, incident_id: str, body: SplitBody) -> dict[str, Any]:
    """Move the named mentions (article id + sentence start) into a new incident."""
    refs = [(m.article_id, m.start, m.type) for m in body.mentions]
    return review.split_incident(store_of(request), incident_id, refs, actor=who.name)


@router.post("/entities/{entity_id}/merge")
def merge_entity(request: Request, who: Analyst, entity_id: str, body: MergeBody) -> dict[str, Any]:
    """Merge this entity into ``into``: its roles, relations and names move there."""
    return review.merge_entities(store_of(request), entity_id, body.into, actor=who.name)


@router.post("/entities/{entity_id}/aliases", status_code=201)
def add_alias(request: Request, who: Analyst, entity_id: str, body: AliasBody) -> dict[str, Any]:
    """Give an entity another name."""
    return review.add_alias(store_of(request), entity_id, body.alias, actor=who.name)
