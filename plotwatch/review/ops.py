"""Low-level review operations on an open session, shared by the actions and by :func:`reapply`.

Nothing here validates, audits or commits: :mod:`plotwatch.review.actions` does that for a
fresh decision, :mod:`plotwatch.review.replay` replays stored decisions after fusion. Keeping
one implementation of each operation is what makes a replayed decision equal the original.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from plotwatch.store.db import normalize_name
from plotwatch.store.models import (
    Alias,
    Article,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    MentionActor,
    Relation,
    utcnow,
)
from plotwatch.types import PartialDate

EDITABLE_FIELDS: tuple[str, ...] = ("type", "status", "date", "country", "place", "agent_state", "lat", "lon")


@dataclass(frozen=True)
class MentionKey:
    """A mention named by what survives re-extraction (row ids do not)."""

    article_id: str  # the article's source id
    start: int  # start of the evidence sentence
    type: str

    def token(self) -> str:
        return f"{self.article_id}\x1f{self.start}\x1f{self.type}"


def split_id(keys: Iterable[MentionKey]) -> str:
    """The stable id of the incident made from ``keys`` by a split."""
    digest = hashlib.sha1("\n".join(sorted(k.token() for k in keys)).encode()).hexdigest()
    return "split-" + digest[:14]


def snapshot(inc: Incident) -> dict[str, Any]:
    """The editable fields of an incident, as the API shows them."""
    return {
        "type": inc.type,
        "status": inc.status,
        "date": inc.date_value,
        "country": inc.country,
        "place": inc.place,
        "agent_state": inc.agent_state,
        "lat": inc.lat,
        "lon": inc.lon,
    }


def apply_fields(inc: Incident, fields: Mapping[str, Any]) -> None:
    """Set validated field values on an incident."""
    for name, value in fields.items():
        if name == "date":
            d = PartialDate.parse(value)
            inc.date_value, inc.date_precision = d.value, d.precision
        elif name in ("lat", "lon"):
            setattr(inc, name, None if value is None else float(value))
        elif name in EDITABLE_FIELDS:
            setattr(inc, name, value)
    if "place" in fields or "country" in fields:
        if inc.place:
            inc.place_precision = "place"
        elif inc.country:
            inc.place_precision = "country"
        else:
            inc.place_precision = "none"
    inc.updated_at = utcnow()


def merge_incident(s: Session, source: Incident, target: Incident) -> None:
    """Move every mention, actor and relation of ``source`` to ``target``; delete ``source``."""
    s.execute(
        update(EventMentionRow).where(EventMentionRow.incident_id == source.id).values(incident_id=target.id)
    )
    s.execute(update(Relation).where(Relation.incident_id == source.id).values(incident_id=target.id))
    have = {(a.entity_id, a.role, a.name) for a in target.actors}
    for a in source.actors:
        if (a.entity_id, a.role, a.name) not in have:
            have.add((a.entity_id, a.role, a.name))
            target.actors.append(
                IncidentActor(entity_id=a.entity_id, name=a.name, role=a.role, kind=a.kind, country=a.country)
            )
    target.historical = target.historical and source.historical
    target.updated_at = utcnow()
    s.delete(source)
    s.flush()


def mention_rows(s: Session, keys: Iterable[MentionKey]) -> list[EventMentionRow]:
    """The stored mention rows that ``keys`` name (missing ones are left out)."""
    wanted = {(k.article_id, k.start, k.type) for k in keys}
    if not wanted:
        return []
    q = (
        select(EventMentionRow, Article.source_id)
        .join(Article, Article.id == EventMentionRow.article_id)
        .where(Article.source_id.in_(sorted({w[0] for w in wanted})))
        .order_by(Article.source_id, EventMentionRow.sentence_start)
    )
    return [row for row, sid in s.execute(q) if (sid, row.sentence_start, row.type) in wanted]


def _actors_of(rows: Sequence[EventMentionRow]) -> list[MentionActor]:
    return [a for r in rows for a in r.actors]


def prune_actors(s: Session, inc: Incident) -> None:
    """Drop actors of ``inc`` that none of its remaining mentions names."""
    rows = list(s.scalars(select(EventMentionRow).where(EventMentionRow.incident_id == inc.id)))
    named = {(a.entity_id, a.role) for a in _actors_of(rows)}
    for actor in list(inc.actors):
        if actor.entity_id is not None and (actor.entity_id, actor.role) not in named:
            inc.actors.remove(actor)


def split_incident(s: Session, rows: Sequence[EventMentionRow], new_id: str) -> Incident:
    """Make (or reuse) incident ``new_id`` from mention ``rows``, taking them from their incidents.

    The new incident takes its fields from its first mention and its actors from its mentions.
    An incident left without mentions is deleted; the others lose actors no mention names.
    """
    first = rows[0]
    old_ids = {r.incident_id for r in rows if r.incident_id and r.incident_id != new_id}
    inc = s.get(Incident, new_id)
    if inc is None:
        now = utcnow()
        inc = Incident(
            id=new_id,
            type=first.type,
            status=first.status,
            date_value=first.date_value,
            date_precision=first.date_precision,
            country=first.country,
            place=first.place,
            lat=first.lat,
            lon=first.lon,
            place_precision=first.place_precision,
            agent_state=first.agent_state,
            historical=all(r.historical for r in rows),
            created_at=now,
            updated_at=now,
        )
        s.add(inc)
    seen = {(a.entity_id, a.role) for a in inc.actors}
    names = _entity_names(s, {a.entity_id for a in _actors_of(rows) if a.entity_id})
    for a in _actors_of(rows):
        if (a.entity_id, a.role) not in seen:
            seen.add((a.entity_id, a.role))
            name = names.get(a.entity_id or "", a.name)
            inc.actors.append(
                IncidentActor(entity_id=a.entity_id, name=name, role=a.role, kind=a.kind, country=a.country)
            )
    s.flush()
    for r in rows:
        r.incident_id = new_id
    s.flush()
    for old_id in sorted(old_ids):
        old = s.get(Incident, old_id)
        if old is None:
            continue
        left = s.scalar(select(EventMentionRow.id).where(EventMentionRow.incident_id == old_id).limit(1))
        if left is None:
            s.delete(old)
        else:
            prune_actors(s, old)
    s.flush()
    return inc


def _entity_names(s: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {r[0]: r[1] for r in s.execute(select(Entity.id, Entity.name).where(Entity.id.in_(sorted(ids))))}


def merge_entity(s: Session, source: Entity, target: Entity) -> None:
    """Point everything at ``target`` instead of ``source``; its names become aliases; delete it."""
    sid, tid = source.id, target.id
    s.execute(update(MentionActor).where(MentionActor.entity_id == sid).values(entity_id=tid))
    s.execute(update(Relation).where(Relation.source_id == sid).values(source_id=tid))
    s.execute(update(Relation).where(Relation.target_id == sid).values(target_id=tid))
    s.execute(delete(Relation).where(Relation.source_id == tid, Relation.target_id == tid))
    held = {
        (inc, role)
        for inc, role in s.execute(
            select(IncidentActor.incident_id, IncidentActor.role).where(IncidentActor.entity_id == tid)
        )
    }
    for actor in s.scalars(select(IncidentActor).where(IncidentActor.entity_id == sid)):
        if (actor.incident_id, actor.role) in held:
            s.delete(actor)
        else:
            held.add((actor.incident_id, actor.role))
            actor.entity_id, actor.name = tid, target.name
    known = {a.normalized for a in target.aliases}
    for name in [source.name, *(a.alias for a in source.aliases)]:
        norm = normalize_name(name)
        if norm and norm not in known:
            known.add(norm)
            target.aliases.append(Alias(alias=name, normalized=norm))
    s.flush()
    s.delete(source)
    s.flush()
