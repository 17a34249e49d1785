"""The actor network behind /network and /api/v1/network: the walk of
:mod:`plotwatch.network` (``{"center", "truncated", "nodes", "edges"}``, each edge with its
evidence), written for a page that asks for it on every visit.

:func:`neighbourhood` answers exactly what ``plotwatch.network.neighbourhood(...).to_dict()``
answers (the tests compare the two, truncation included). It reads plain rows on one
connection with statements built once (each id list is a single expanding parameter, not
hundreds of bound literals to coerce), the reached nodes as the few columns a node shows
rather than as mapped objects, and each incident's quotes lower-cased once for all its
edges. A walk that reaches the cap of :data:`MAX_NODES` nodes says so (``truncated``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.engine import Connection

from plotwatch.errors import NotFoundError
from plotwatch.network import edge_types, resolve_entity
from plotwatch.network.walk import (  # the walk's result type and rules are shared
    MAX_NODES,
    QUOTES_PER_EDGE,
    EdgeKey,
    Subgraph,
    _allowed,
    _chunks,
    _chunks2,
    _path,
)
from plotwatch.store.db import Store
from plotwatch.store.models import Article, Entity, EventMentionRow, Incident, IncidentActor, Relation, Review

__all__ = ["MAX_NODES", "neighbourhood", "relation_types", "resolve"]


def resolve(store: Store, ref: str) -> str:
    """An entity id from an id, a name or an alias (NotFoundError lists candidates)."""
    return resolve_entity(store, ref)


def relation_types(store: Store) -> list[str]:
    """Edge types that can be filtered on: the roles and the stored relation types."""
    return edge_types(store)


def neighbourhood(
    store: Store, entity_id: str, hops: int = 2, types: Iterable[str] | None = None
) -> dict[str, Any]:
    """The graph within ``hops`` edges of an entity, optionally only over edges of ``types``
    (at most :data:`MAX_NODES` nodes; ``truncated`` says when the walk stopped there)."""
    if not 1 <= hops <= 6:
        raise ValueError(f"hops must be between 1 and 6, not {hops}")
    return _walk(store, entity_id, hops, _allowed(store, types)).to_dict()


_ENTS: Any = bindparam("ents", expanding=True)
_INCS: Any = bindparam("incs", expanding=True)
_IDS: Any = bindparam("ids", expanding=True)
_ROLE_EDGES = select(
    IncidentActor.entity_id, IncidentActor.incident_id, IncidentActor.role, IncidentActor.name
).where(
    IncidentActor.entity_id.is_not(None),
    IncidentActor.incident_id.not_in(select(Review.incident_id).where(Review.decision == "rejected")),
    or_(IncidentActor.entity_id.in_(_ENTS), IncidentActor.incident_id.in_(_INCS)),
)
_RELATION_EDGES = select(Relation.source_id, Relation.target_id, Relation.type).where(
    or_(Relation.source_id.in_(_ENTS), Relation.target_id.in_(_ENTS))
)
_ENTITY_NODES = select(Entity.id, Entity.name, Entity.kind, Entity.country).where(Entity.id.in_(_IDS))
_INCIDENT_NODES = select(Incident.id, Incident.type, Incident.date_value, Incident.country).where(
    Incident.id.in_(_IDS)
)
_QUOTES = (
    select(EventMentionRow.incident_id, Article.source_id, EventMentionRow.quote)
    .join(Article, Article.id == EventMentionRow.article_id)
    .where(EventMentionRow.incident_id.in_(_IDS))
    .order_by(EventMentionRow.incident_id, Article.source_id, EventMentionRow.sentence_start)
)
_RELATION_QUOTES = (
    select(Relation.source_id, Relation.target_id, Relation.type, Relation.quote, Relation.origin,
           Article.source_id)
    .join(Article, Article.id == Relation.article_id, isouter=True)
    .where(Relation.source_id.in_(_IDS))
    .order_by(Relation.id)
)  # fmt: skip


def _walk(store: Store, start: str, hops: int, allowed: set[str] | None) -> Subgraph:
    """Breadth-first from ``start`` up to ``hops`` edges (:func:`plotwatch.network.walk._walk`)."""
    center = f"e:{start}"
    sub = Subgraph(center)
    parent: dict[str, tuple[str, EdgeKey] | None] = {center: None}
    depth = {center: 0}
    raw: dict[EdgeKey, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        if conn.execute(select(Entity.id).where(Entity.id == start)).first() is None:
            raise NotFoundError(f"no entity with id {start!r}")
        frontier = [center]
        for hop in range(1, hops + 1):
            nxt: list[str] = []
            for key, info in sorted(_step(conn, frontier, allowed).items()):
                a, b, _t = key
                new = [n for n in (a, b) if n not in depth]
                if new and len(depth) >= MAX_NODES:
                    sub.truncated = True
                    continue
                raw.setdefault(key, info)
                for n in new:
                    depth[n], parent[n] = hop, (b if n == a else a, key)
                    nxt.append(n)
            frontier = nxt
            if not frontier:
                break
        _describe(conn, sub, depth, parent)
        for key, info in raw.items():
            if key[0] in depth and key[1] in depth:
                sub.edges[key] = {"source": key[0], "target": key[1], "type": key[2], "kind": info["kind"]}
        _evidence(conn, sub, raw)
    return sub


def _step(
    conn: Connection, frontier: Iterable[str], allowed: set[str] | None
) -> dict[EdgeKey, dict[str, Any]]:
    """Every edge touching a node of ``frontier`` (of an allowed type), without evidence yet."""
    ents = sorted(n[2:] for n in frontier if n.startswith("e:"))
    incs = sorted(n[2:] for n in frontier if n.startswith("i:"))
    found: dict[EdgeKey, dict[str, Any]] = {}
    for chunk_e, chunk_i in _chunks2(ents, incs):
        for e, i, role, name in conn.execute(_ROLE_EDGES, {"ents": chunk_e, "incs": chunk_i}).all():
            if allowed is None or role in allowed:
                key = (f"e:{e}", f"i:{i}", role)
                info = found.get(key)
                if info is None:
                    found[key] = info = {"kind": "role", "names": set()}
                info["names"].add(name)
        if chunk_e:
            for a, b, t in conn.execute(_RELATION_EDGES, {"ents": chunk_e}).all():
                if allowed is None or t in allowed:
                    found.setdefault((f"e:{a}", f"e:{b}", t), {"kind": "relation"})
    return found


def _describe(
    conn: Connection, sub: Subgraph, depth: dict[str, int], parent: dict[str, tuple[str, EdgeKey] | None]
) -> None:
    """Every reached node that is stored, with its hop count, its path and the edge it came by."""
    ents = sorted(n[2:] for n in depth if n.startswith("e:"))
    incs = sorted(n[2:] for n in depth if n.startswith("i:"))
    for chunk in _chunks(ents):
        for eid, name, kind, country in conn.execute(_ENTITY_NODES, {"ids": chunk}).all():
            nid = f"e:{eid}"
            sub.nodes[nid] = {"id": nid, "ref": eid, "label": name, "group": "entity", "type": kind,
                              "country": country}  # fmt: skip
    for chunk in _chunks(incs):
        for iid, itype, date, country in conn.execute(_INCIDENT_NODES, {"ids": chunk}).all():
            nid = f"i:{iid}"
            label = " ".join(f"{itype} {date or ''} {country or ''}".split())
            sub.nodes[nid] = {"id": nid, "ref": iid, "label": label, "group": "incident", "type": itype,
                              "date": date, "country": country}  # fmt: skip
    for nid, node in sub.nodes.items():
        node["hops"] = depth[nid]
        node["path"] = _path(parent, nid)
        step = parent.get(nid)
        node["via"] = None if step is None else {"from": step[0], "type": step[1][2]}


def _evidence(conn: Connection, sub: Subgraph, raw: dict[EdgeKey, dict[str, Any]]) -> None:
    """Quotes for each edge: the incident's sentences that name the actor (else its first
    ones) for a role; the recorded quote and article (or import origin) for a relation."""
    role_edges = [k for k, e in sub.edges.items() if e["kind"] == "role"]
    quotes: dict[Any, list[tuple[str, str, str]]] = {}  # incident → (article, quote, lower-cased)
    for chunk in _chunks(sorted({k[1][2:] for k in role_edges})):
        for inc, art, quote in conn.execute(_QUOTES, {"ids": chunk}).all():
            quotes.setdefault(inc, []).append((art, quote, quote.lower()))
    for key in role_edges:
        names = {n.lower() for n in raw[key].get("names", ())}
        mine = quotes.get(key[1][2:], [])
        naming = [q for q in mine if any(n and n in q[2] for n in names)]
        sub.edges[key]["evidence"] = [
            {"article": a, "quote": q} for a, q, _ in (naming or mine)[:QUOTES_PER_EDGE]
        ]
    rel_edges = [k for k, e in sub.edges.items() if e["kind"] == "relation"]
    found: dict[EdgeKey, list[dict[str, Any]]] = {}
    for chunk in _chunks(sorted({k[0][2:] for k in rel_edges})):
        for a, b, t, said, origin, art in conn.execute(_RELATION_QUOTES, {"ids": chunk}).all():
            key = (f"e:{a}", f"e:{b}", t)
            if key in sub.edges:
                found.setdefault(key, []).append(
                    {"article": art or origin, "quote": said or f"recorded by {origin}"}
                )
    for key in rel_edges:
        sub.edges[key]["evidence"] = found.get(key, [])[:QUOTES_PER_EDGE]
