"""Read queries behind the entity, source, article, audit and incident pages (and the API)."""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from heapq import merge
from itertools import chain, repeat
from threading import Lock
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.engine import Connection

from plotwatch.errors import NotFoundError
from plotwatch.store.db import Store, normalize_name
from plotwatch.store.models import (
    Alias,
    Article,
    AuditEntry,
    Claim,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    Outlet,
    Relation,
    Review,
)
from plotwatch.store.queries import incident_records, resolve_incident_id
from plotwatch.web.cache import PerVersion

RELATED_WINDOW_YEARS = 5
BROAD_KINDS = {"state", "country"}  # a state links everything: not a useful shared actor


def entities(
    store: Store, q: str | None, kind: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Entities whose name or alias contains ``q``, with how many incidents name them, the
    most named first."""
    with store.session() as s:
        base = select(Entity.id, Entity.name, Entity.kind, Entity.country, Entity.origin)
        if q:
            like = f"%{normalize_name(q)}%"
            by_alias = select(Alias.entity_id).where(Alias.normalized.like(like))
            base = base.where(
                or_(func.lower(Entity.name).like(like), Entity.id.in_(by_alias), Entity.id == q)
            )
        if kind:
            base = base.where(Entity.kind == kind)
        db = s.connection()
        # the version is read before the counts it keys
        counts = _incident_counts(store, db, store.data_version()) if store.dialect == "sqlite" else None
        if counts is not None:  # SQLite orders text as Python does (by code point)
            found = [(*row, counts.get(row[0], 0)) for row in db.execute(base)]
            found.sort(key=lambda r: (-r[5], r[1], r[0]))
            page, total = found[offset : offset + limit], len(found)
        else:
            total = int(s.scalar(select(func.count()).select_from(base.subquery())) or 0)
            n_inc = (
                select(func.count(func.distinct(IncidentActor.incident_id)))
                .where(IncidentActor.entity_id == Entity.id)
                .scalar_subquery()
            )
            ordered = base.add_columns(n_inc.label("n")).order_by(n_inc.desc(), Entity.name, Entity.id)
            page = list(db.execute(ordered.limit(limit).offset(offset)))
        keys = ("id", "name", "kind", "country", "origin", "incidents")
        return [dict(zip(keys, row, strict=True)) for row in page], total


_COUNTS = PerVersion(1)
_ENTITY_COUNTS = (
    select(IncidentActor.entity_id, func.count(func.distinct(IncidentActor.incident_id)))
    .where(IncidentActor.entity_id.is_not(None))
    .group_by(IncidentActor.entity_id)
)


def _incident_counts(store: Store, db: Connection, version: str | None) -> dict[str, int] | None:
    """How many incidents name each entity, read once per data version (None when the
    version is not known)."""
    if version is None:
        return None
    counts: dict[str, int] = _COUNTS.get_or_make(
        store.url, version, "", lambda: {str(e): int(n) for e, n in db.execute(_ENTITY_COUNTS)}
    )
    return counts


def entity(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity with its aliases, its incidents (by role) and its relations."""
    with store.session() as s:
        e = s.get(Entity, entity_id)
        if e is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        roles = s.execute(
            select(IncidentActor.role, Incident)
            .join(Incident, Incident.id == IncidentActor.incident_id)
            .where(IncidentActor.entity_id == entity_id)
            .order_by(Incident.date_value, Incident.id)
        ).all()
        rels = s.execute(
            select(Relation, Entity.name)
            .join(Entity, or_(Entity.id == Relation.source_id, Entity.id == Relation.target_id))
            .where(
                or_(Relation.source_id == entity_id, Relation.target_id == entity_id), Entity.id != entity_id
            )
        ).all()
        return {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "country": e.country,
            "origin": e.origin,
            "aliases": sorted(a.alias for a in e.aliases),
            "incidents": [
                {
                    "id": i.id,
                    "type": i.type,
                    "status": i.status,
                    "date": i.date_value,
                    "country": i.country,
                    "role": role,
                    "credibility": i.credibility,
                }
                for role, i in roles
            ],
            "relations": [
                {
                    "type": r.type,
                    "direction": "out" if r.source_id == entity_id else "in",
                    "other_id": r.target_id if r.source_id == entity_id else r.source_id,
                    "other_name": name,
                    "quote": r.quote,
                    "incident_id": r.incident_id,
                }
                for r, name in rels
            ],
        }


def sources(store: Store) -> list[dict[str, Any]]:
    """Every outlet with its grade, kind, family and number of articles."""
    with store.session() as s:
        n = select(func.count(Article.id)).where(Article.outlet_id == Outlet.id).scalar_subquery()
        return [
            {
                "id": o.id,
                "name": o.name,
                "domain": o.domain,
                "grade": o.grade,
                "kind": o.kind,
                "family": o.family,
                "articles": count,
            }
            for o, count in s.execute(select(Outlet, n).order_by(Outlet.name))
        ]


def source(store: Store, outlet_id: int, limit: int, offset: int) -> dict[str, Any]:
    """One outlet and a page of its articles (newest first)."""
    with store.session() as s:
        o = s.get(Outlet, outlet_id)
        if o is None:
            raise NotFoundError(f"no source with id {outlet_id}")
        total = int(s.scalar(select(func.count(Article.id)).where(Article.outlet_id == outlet_id)) or 0)
        arts = s.execute(
            select(Article.source_id, Article.title, Article.published, Article.url)
            .where(Article.outlet_id == outlet_id)
            .order_by(Article.published.desc(), Article.source_id)
            .limit(limit)
            .offset(offset)
        ).all()
        return {
            "id": o.id,
            "name": o.name,
            "domain": o.domain,
            "grade": o.grade,
            "kind": o.kind,
            "family": o.family,
            "note": o.note,
            "articles_total": total,
            "articles": [
                {
                    "article_id": a[0],
                    "title": a[1],
                    "url": a[3],
                    "published": a[2].isoformat() if a[2] else None,
                }
                for a in arts
            ],
        }


def article(store: Store, source_id: str) -> dict[str, Any]:
    """An article with its text, outlet, mentions (with their incidents) and claims."""
    with store.session() as s:
        a = s.scalar(select(Article).where(Article.source_id == source_id))
        if a is None:
            raise NotFoundError(f"no article with id {source_id!r}")
        dup = s.get(Article, a.duplicate_of_id) if a.duplicate_of_id else None
        mentions = s.scalars(
            select(EventMentionRow)
            .where(EventMentionRow.article_id == a.id)
            .order_by(EventMentionRow.sentence_start)
        ).all()
        claims = s.scalars(select(Claim).where(Claim.article_id == a.id).order_by(Claim.start)).all()
        return {
            "article_id": a.source_id,
            "title": a.title,
            "url": a.url,
            "author": a.author,
            "published": a.published.isoformat() if a.published else None,
            "language": a.language,
            "outlet": None
            if a.outlet is None
            else {
                "id": a.outlet.id,
                "name": a.outlet.name,
                "grade": a.outlet.grade,
                "family": a.outlet.family,
            },
            "duplicate_of": dup.source_id if dup else None,
            "text": a.text,
            "mentions": [
                {
                    "start": m.sentence_start,
                    "end": m.sentence_end,
                    "type": m.type,
                    "status": m.status,
                    "trigger": m.trigger,
                    "incident_id": m.incident_id,
                    "quote": m.quote,
                }
                for m in mentions
            ],
            "claims": [
                {
                    "kind": c.kind,
                    "value": c.value,
                    "unit": c.unit,
                    "speaker": c.speaker,
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                }
                for c in claims
            ],
        }


def evidence(store: Store, incident_id: str) -> list[dict[str, Any]]:
    """The mentions of an incident with their article's text, title and outlet grade."""
    with store.session() as s:
        rows = s.execute(
            select(EventMentionRow, Article, Outlet)
            .join(Article, Article.id == EventMentionRow.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id, isouter=True)
            .where(EventMentionRow.incident_id == incident_id)
            .order_by(Article.published, Article.source_id, EventMentionRow.sentence_start)
        ).all()
        out = []
        for m, a, o in rows:
            out.append(
                {
                    "article_id": a.source_id,
                    "title": a.title,
                    "published": a.published,
                    "outlet": o.name if o else None,
                    "grade": o.grade if o else None,
                    "family": o.family if o else None,
                    "type": m.type,
                    "start": m.sentence_start,
                    "end": m.sentence_end,
                    "trigger": m.trigger,
                    "text": a.text,
                }
            )
        return out


def incident(store: Store, incident_id: str) -> dict[str, Any]:
    """One incident in the export contract, with its ``chain``: what
    :func:`plotwatch.store.queries.get_incident` answers (the chain is read from the links
    stored after fusion, see :func:`plotwatch.store.queries.rebuild_chains`)."""
    with store.session() as s:
        return incident_records(s, [resolve_incident_id(s, incident_id)])[0]


def related(
    store: Store, incident: dict[str, Any], limit: int = 50, version: str | None = None
) -> list[dict[str, Any]]:
    """The incident's chain and the incidents that share an actor with it, in date order.

    Typed links from fusion (``incident["chain"]``: response to, responded by, follows,
    followed by) keep their relation; other incidents that share a named non-state actor
    within a few years are labelled "shares an actor". Each item has ``relation`` and
    ``via`` (the shared entities), so the page shows both kinds the same way. ``version``
    is the store's data version when the caller has read it: each actor's incidents are then
    remembered until a write (:class:`_ActorIncidents`).
    """
    typed = {c["id"]: c for c in incident.get("chain") or []}
    shared = {
        a["entity_id"]: a for a in incident["actors"] if a["entity_id"] and a["kind"] not in BROAD_KINDS
    }
    start = incident["date"]["start"]
    via: dict[str, set[str]] = defaultdict(set)
    with store.engine.connect() as conn:
        if shared:
            by_actor = _ACTOR_INCIDENTS.read(conn, store.url, version, sorted(shared))
            window = None
            if start:
                year = int(start[:4])
                window = (str(year - RELATED_WINDOW_YEARS), f"{year + RELATED_WINDOW_YEARS}~")
            # only the first ones by date can make the page: the typed links take at most
            # len(typed) places, so limit + len(typed) shared incidents are enough
            for iid, eid, role in _first_shared(by_actor, window, incident["id"], limit + len(typed)):
                via[iid].add(f"{shared[eid]['name']} ({role})")
            for eid, items in by_actor.items():  # the actors a typed link shares, in any year
                for _, _, iid, role in items:
                    if iid in typed:
                        via[iid].add(f"{shared[eid]['name']} ({role})")
        wanted = (set(typed) | set(via)) - {incident["id"]}
        if not wanted:
            return []
        found: dict[str, dict[str, Any]] = {
            r[0]: dict(zip(_RELATED_KEYS, r, strict=True))
            for r in conn.execute(_RELATED_ROWS, {"ids": sorted(wanted)})
        }
    out = []
    for rid, r in found.items():
        r["relation"] = typed[rid]["relation"].replace("_", " ") if rid in typed else "shares an actor"
        r["typed"] = rid in typed
        r["via"] = sorted(via[rid])
        out.append(r)
    out.sort(key=lambda r: (r["date"] is None, r["date"] or "", not r["typed"], r["id"]))
    return out[:limit]


# (undated, date, incident id, role): sorts as the list sorts, dated incidents first
ActorIncident = tuple[bool, str, str, str]


def _first_shared(
    by_actor: dict[str, list[ActorIncident]], window: tuple[str, str] | None, own: str, n: int
) -> Iterator[tuple[str, str, str]]:
    """(incident id, entity id, role) of the first ``n`` incidents in date order that share an
    actor of ``by_actor`` (dated within ``window``, or undated), ``own`` left out."""
    runs = []
    for eid, items in by_actor.items():
        undated = bisect_left(items, (True, "", "", ""))
        lo = 0 if window is None else bisect_left(items, (False, window[0], "", ""))
        hi = undated if window is None else bisect_left(items, (False, window[1], "", ""))
        runs.append(zip(chain(items[lo:hi], items[undated:]), repeat(eid)))
    seen: set[str] = set()
    for (_, _, iid, role), eid in merge(*runs):
        if iid == own:
            continue
        if iid not in seen:
            if len(seen) == n:
                return
            seen.add(iid)
        yield iid, eid, role


class _ActorIncidents:
    """Each named actor's incidents (rejected ones left out), as :data:`ActorIncident` in
    date order, remembered per database for one data version (:meth:`Store.data_version`):
    an agency behind hundreds of incidents is read once, not on every incident page."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._lock = Lock()
        self._by_db: dict[str, tuple[str, OrderedDict[str, list[ActorIncident]]]] = {}

    def read(
        self, conn: Connection, db: str, version: str | None, entity_ids: list[str]
    ) -> dict[str, list[ActorIncident]]:
        with self._lock:
            known = self._by_db.get(db)
            if version is not None and (known is None or known[0] != version):
                known = self._by_db[db] = (version, OrderedDict())
            memo = known[1] if version is not None and known is not None else OrderedDict()
            out = {eid: memo[eid] for eid in entity_ids if eid in memo}
            for eid in out:
                memo.move_to_end(eid)
        missing = [eid for eid in entity_ids if eid not in out]
        if missing:
            read: dict[str, set[ActorIncident]] = {eid: set() for eid in missing}
            for actor, date, iid, role in conn.execute(_ACTOR_ROWS, {"shared": missing}):
                read[str(actor)].add((date is None, date or "", iid, role))
            with self._lock:
                for actor, items in read.items():
                    out[actor] = memo[actor] = sorted(items)
                while len(memo) > self.size:
                    memo.popitem(last=False)
        return out


_ACTOR_INCIDENTS = _ActorIncidents()

# the statements of related(), built once: each list of ids is one expanding parameter
_REJECTED = select(Review.incident_id).where(Review.decision == "rejected")
_ACTOR_ROWS = (
    select(IncidentActor.entity_id, Incident.date_value, Incident.id, IncidentActor.role)
    .join(Incident, Incident.id == IncidentActor.incident_id)
    .where(
        IncidentActor.entity_id.in_(bindparam("shared", expanding=True)),
        Incident.id.not_in(_REJECTED),
    )
)
_RELATED_ROWS = select(
    Incident.id,
    Incident.type,
    Incident.status,
    Incident.date_value,
    Incident.country,
    Incident.agent_state,
    Incident.credibility,
).where(Incident.id.in_(bindparam("ids", expanding=True)), Incident.id.not_in(_REJECTED))

_RELATED_KEYS = ("id", "type", "status", "date", "country", "agent_state", "credibility")


def audit(
    store: Store,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Audit entries, newest first, with before/after decoded."""
    with store.session() as s:
        q = select(AuditEntry)
        if object_type:
            q = q.where(AuditEntry.object_type == object_type)
        if object_id:
            q = q.where(AuditEntry.object_id == object_id)
        if actor:
            q = q.where(AuditEntry.actor == actor)
        total = int(s.scalar(select(func.count()).select_from(q.subquery())) or 0)
        rows = s.scalars(q.order_by(AuditEntry.id.desc()).limit(limit).offset(offset)).all()
        return [
            {
                "id": r.id,
                "at": _iso(r.at),
                "actor": r.actor,
                "action": r.action,
                "object_type": r.object_type,
                "object_id": r.object_id,
                "before": _json(r.before),
                "after": _json(r.after),
            }
            for r in rows
        ], total


def _iso(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat() + "Z"


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)
