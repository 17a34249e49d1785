"""Breadth-first walks over the entity–incident graph stored in SQL (see the package doc)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from heapq import heapify, heappop
from itertools import pairwise
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.engine import Connection

from plotwatch.errors import NotFoundError
from plotwatch.store.db import Store, normalize_name
from plotwatch.store.models import (
    Alias,
    Article,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    Relation,
    Review,
)
from plotwatch.types import ROLES

MAX_NODES = 400  # a walk stops adding nodes beyond this (the result says it was truncated)
QUOTES_PER_EDGE = 3
EdgeKey = tuple[str, str, str]  # (source node, target node, type)


@dataclass
class Subgraph:
    """Nodes reached (with their hop count and the path from the centre) and the edges between them."""

    center: str
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": self.center,
            "truncated": self.truncated,
            "nodes": sorted(self.nodes.values(), key=lambda n: (n["hops"], n["group"], n["label"], n["id"])),
            "edges": [self.edges[k] for k in sorted(self.edges)],
        }

    def export_items(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and edges as :func:`plotwatch.export.network.write_subgraph` takes them."""
        nodes = [
            {
                "id": n["id"],
                "label": n["label"],
                "kind": n["type"],
                "attributes": {"group": n["group"], "hops": n["hops"], "ref": n["ref"]},
            }
            for n in self.to_dict()["nodes"]
        ]
        edges = [
            {
                "source": e["source"],
                "target": e["target"],
                "type": e["type"],
                "attributes": {
                    "evidence": [f"{q['article']}: {q['quote']}" for q in e["evidence"]],
                    "weight": max(1, len(e["evidence"])),
                },
            }
            for e in self.to_dict()["edges"]
        ]
        return nodes, edges


def resolve_entity(store: Store, ref: str) -> str:
    """An entity id from an id, a name or an alias. NotFoundError names the candidates when
    ``ref`` is unknown or names several entities."""
    ref = ref.strip()
    if not ref:
        raise NotFoundError("give an entity id, name or alias")
    with store.session() as s:
        if s.get(Entity, ref) is not None:
            return ref
        norm = normalize_name(ref)
        ids = set(s.scalars(select(Alias.entity_id).where(Alias.normalized == norm)))
        ids |= set(s.scalars(select(Entity.id).where(func.lower(Entity.name) == ref.lower())))
        if len(ids) == 1:
            return ids.pop()
        if not ids:
            like = f"%{norm}%"
            ids = set(s.scalars(select(Alias.entity_id).where(Alias.normalized.like(like)).limit(20)))
            ids |= set(s.scalars(select(Entity.id).where(func.lower(Entity.name).like(like)).limit(20)))
            if not ids:
                raise NotFoundError(f"no entity called {ref!r}")
            lead = f"no entity called {ref!r}; did you mean"
        else:
            lead = f"{ref!r} names several entities"
        found = s.execute(
            select(Entity.id, Entity.name).where(Entity.id.in_(sorted(ids))).order_by(Entity.id)
        )
        listed = ", ".join(f"{name} ({eid})" for eid, name in list(found)[:10])
        raise NotFoundError(f"{lead}: {listed}")


def edge_types(store: Store) -> list[str]:
    """Edge types that can be followed: the actor roles and the stored relation types."""
    with store.session() as s:
        stored = {t for (t,) in s.execute(select(Relation.type).distinct())}
    return [*ROLES, *sorted(stored - set(ROLES))]


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
# the same edges when only those between nodes already reached can be kept (known_*)
_KNOWN_ENTS: Any = bindparam("known_ents", expanding=True)
_KNOWN_INCS: Any = bindparam("known_incs", expanding=True)
_ROLE_EDGES_AMONG = _ROLE_EDGES.where(
    or_(
        IncidentActor.incident_id.in_(_KNOWN_INCS) & IncidentActor.entity_id.in_(_ENTS),
        IncidentActor.entity_id.in_(_KNOWN_ENTS) & IncidentActor.incident_id.in_(_INCS),
    )
)
_RELATION_EDGES_AMONG = _RELATION_EDGES.where(
    Relation.source_id.in_(_KNOWN_ENTS), Relation.target_id.in_(_KNOWN_ENTS)
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


def _step(
    conn: Connection,
    frontier: Iterable[str],
    allowed: set[str] | None,
    among: Iterable[str] | None = None,
) -> dict[EdgeKey, dict[str, Any]]:
    """Every edge touching a node of ``frontier`` (of an allowed type), without evidence yet;
    with ``among``, only the edges whose other end is one of those nodes."""
    ents = sorted(n[2:] for n in frontier if n.startswith("e:"))
    incs = sorted(n[2:] for n in frontier if n.startswith("i:"))
    roles, relations, known = _ROLE_EDGES, _RELATION_EDGES, {}
    if among is not None:
        roles, relations = _ROLE_EDGES_AMONG, _RELATION_EDGES_AMONG
        known = {
            "known_ents": sorted(n[2:] for n in among if n.startswith("e:")),
            "known_incs": sorted(n[2:] for n in among if n.startswith("i:")),
        }
    found: dict[EdgeKey, dict[str, Any]] = {}
    for chunk_e, chunk_i in _chunks2(ents, incs):
        for e, i, role, name in conn.execute(roles, {"ents": chunk_e, "incs": chunk_i, **known}).all():
            _add_role(found, allowed, str(e), i, role, name)  # never None: left out
        if chunk_e:
            args = {"ents": chunk_e} | ({"known_ents": known["known_ents"]} if known else {})
            for a, b, t in conn.execute(relations, args).all():
                if allowed is None or t in allowed:
                    found.setdefault((f"e:{a}", f"e:{b}", t), {"kind": "relation"})
    return found


def _add_role(
    found: dict[EdgeKey, dict[str, Any]], allowed: set[str] | None, e: str, i: str, role: str, name: str
) -> EdgeKey | None:
    """Add the role edge entity ``e`` – incident ``i`` (of an allowed type) and the name it
    has; the edge's key when it is new."""
    if allowed is None or role in allowed:
        key = (f"e:{e}", f"i:{i}", role)
        info = found.get(key)
        if info is None:
            found[key] = {"kind": "role", "names": {name}}
            return key
        info["names"].add(name)
    return None


def _chunks2(a: Sequence[str], b: Sequence[str], size: int = 400) -> Iterable[tuple[list[str], list[str]]]:
    n = max(len(a), len(b), 1)
    for i in range(0, n, size):
        yield list(a[i : i + size]), list(b[i : i + size])


_ALL_ROLE_EDGES = select(
    IncidentActor.entity_id, IncidentActor.incident_id, IncidentActor.role, IncidentActor.name
).where(
    IncidentActor.entity_id.is_not(None),
    IncidentActor.incident_id.not_in(select(Review.incident_id).where(Review.decision == "rejected")),
)
_ALL_RELATION_EDGES = select(Relation.source_id, Relation.target_id, Relation.type)


@dataclass
class GraphIndex:
    """Every edge of the graph in memory, by node: what :func:`_step` reads with one query per
    hop, read once, and the nodes' descriptions and incidents' quotes walks have read. Worth
    it where many walks see one state of the database (the web app keeps one per data
    version); a walk with an index gives the same subgraph as without.

    Each edge is held once, as the key and the details :func:`_step` makes of it (a role
    edge's set of names read in full), listed under both of its nodes with the node at its
    other end: a step just picks them. Walks read those details and never change them."""

    edges: dict[str, list[tuple[EdgeKey, str]]] = field(default_factory=dict)  # node → (edge, other end)
    details: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)
    # what walks of this state have read or worked out: nodes' descriptions by node,
    # incidents' quotes by id, an edge's evidence by edge
    memo: dict[str, dict[Any, Any]] = field(
        default_factory=lambda: {"nodes": {}, "quotes": {}, "evidence": {}}
    )

    @classmethod
    def load(cls, store: Store) -> GraphIndex:
        index = cls()
        with store.engine.connect() as conn:
            for entity, i, role, name in conn.execute(_ALL_ROLE_EDGES):
                index._add(_add_role(index.details, None, str(entity), i, role, name))  # never None
            for a, b, t in conn.execute(_ALL_RELATION_EDGES):
                key = (f"e:{a}", f"e:{b}", t)
                if key not in index.details:
                    index.details[key] = {"kind": "relation"}
                    index._add(key)
        return index

    def _add(self, key: EdgeKey | None) -> None:
        if key is None:  # an edge seen before (another name for it)
            return
        a, b, _t = key
        self.edges.setdefault(a, []).append((key, b))
        if b != a:
            self.edges.setdefault(b, []).append((key, a))

    def step(
        self, frontier: Iterable[str], allowed: set[str] | None, among: Iterable[str] | None = None
    ) -> dict[EdgeKey, dict[str, Any]]:
        """What :func:`_step` returns, from memory."""
        known = None if among is None else set(among)
        details = self.details
        found: dict[EdgeKey, dict[str, Any]] = {}
        for node in frontier:
            for key, other in self.edges.get(node, ()):
                if (allowed is None or key[2] in allowed) and (known is None or other in known):
                    found[key] = details[key]
        return found


def _walk(
    store: Store,
    start: str,
    hops: int,
    allowed: set[str] | None,
    goal: str | None = None,
    max_nodes: int = MAX_NODES,
    index: GraphIndex | None = None,
) -> Subgraph:
    """Breadth-first from ``start`` (an entity id) up to ``hops`` edges; stops early at ``goal``."""
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
            # once the walk is full and known to be truncated, an edge to a new node would
            # only be dropped: read just the edges between nodes already reached
            among = depth if sub.truncated and len(depth) >= max_nodes else None
            if index is None:
                edges = _step(conn, frontier, allowed, among)
            else:
                edges = index.step(frontier, allowed, among)
            # edges in key order while there is room: which nodes get in, and by which edge,
            # depends on it. A heap gives that order for the few edges taken before the walk
            # is full; the rest only need both ends reached, in any order (a hub's thousands
            # of edges are never sorted)
            pending = list(edges)
            heapify(pending)
            while pending and len(depth) < max_nodes:
                key = heappop(pending)
                a, b, _t = key
                raw.setdefault(key, edges[key])
                for n in (a, b):
                    if n not in depth:
                        depth[n], parent[n] = hop, (b if n == a else a, key)
                        nxt.append(n)
            for key in pending:  # the walk is full
                if key[0] in depth and key[1] in depth:
                    raw.setdefault(key, edges[key])
                else:
                    sub.truncated = True
            frontier = nxt
            if not frontier or (goal is not None and goal in depth):
                break
        _describe(conn, sub, depth, parent, index)
        for key, info in raw.items():
            if key[0] in depth and key[1] in depth:
                sub.edges[key] = {"source": key[0], "target": key[1], "type": key[2], "kind": info["kind"]}
        _evidence(conn, sub, raw, index)
    return sub


def _path(parent: dict[str, tuple[str, EdgeKey] | None], node: str) -> list[str]:
    out = [node]
    while (step := parent.get(out[-1])) is not None:
        out.append(step[0])
    return out[::-1]


def _describe(
    conn: Connection,
    sub: Subgraph,
    depth: dict[str, int],
    parent: dict[str, tuple[str, EdgeKey] | None],
    index: GraphIndex | None = None,
) -> None:
    """Every reached node that is stored, with its hop count, its path and the edge it came by."""
    memo: dict[str, dict[Any, Any]] = index.memo if index is not None else {}
    described: dict[str, dict[str, Any]] = memo.get("nodes", {})  # node → what it says of itself
    todo = [n for n in depth if n not in described]
    ents = sorted(n[2:] for n in todo if n.startswith("e:"))
    incs = sorted(n[2:] for n in todo if n.startswith("i:"))
    found: dict[str, dict[str, Any]] = {}
    for eid, rows in _grouped(conn, _ENTITY_NODES, ents).items():
        for name, kind, country in rows:
            nid = f"e:{eid}"
            found[nid] = {"id": nid, "ref": eid, "label": name, "group": "entity", "type": kind,
                          "country": country}  # fmt: skip
    for iid, rows in _grouped(conn, _INCIDENT_NODES, incs).items():
        for itype, date, country in rows:
            nid = f"i:{iid}"
            label = " ".join(f"{itype} {date or ''} {country or ''}".split())
            found[nid] = {"id": nid, "ref": iid, "label": label, "group": "incident", "type": itype,
                          "date": date, "country": country}  # fmt: skip
    if index is not None:
        if len(described) + len(found) > MEMO_MAX:
            described.clear()
        described.update(found)
    for nid, hops in depth.items():
        base = found.get(nid) or described.get(nid)
        if base is None:  # not stored (an edge to a deleted node)
            continue
        step = parent.get(nid)
        sub.nodes[nid] = {**base, "hops": hops, "path": _path(parent, nid),
                          "via": None if step is None else {"from": step[0], "type": step[1][2]}}  # fmt: skip


def _evidence(
    conn: Connection, sub: Subgraph, raw: dict[EdgeKey, dict[str, Any]], index: GraphIndex | None = None
) -> None:
    """Quotes for each edge: the incident's sentences that name the actor (else its first
    ones) for a role; the recorded quote and article (or import origin) for a relation."""
    role_edges = [k for k, e in sub.edges.items() if e["kind"] == "role"]
    # an edge's quotes depend only on the state the index was read from: remembered by edge
    known: dict[Any, list[dict[str, str]]] = index.memo["evidence"] if index is not None else {}
    rel_edges = [k for k, e in sub.edges.items() if e["kind"] == "relation"]
    if len(known) + len(sub.edges) > MEMO_MAX:  # forget it all, before any of it is read
        known.clear()
    todo = [k for k in role_edges if k not in known]
    # incident → (article, quote, lower-cased)
    quotes = _grouped(
        conn,
        _QUOTES,
        sorted({k[1][2:] for k in todo}),
        index.memo["quotes"] if index is not None else None,
        lambda art, quote: (art, quote, quote.lower()),
    )
    for key in todo:
        names = {n.lower() for n in raw[key].get("names", ())}
        mine = quotes.get(key[1][2:], [])
        naming = [q for q in mine if any(n and n in q[2] for n in names)]
        known[key] = [{"article": a, "quote": q} for a, q, _ in (naming or mine)[:QUOTES_PER_EDGE]]
    for key in role_edges:  # the remembered quotes themselves: a subgraph is read, never changed
        sub.edges[key]["evidence"] = known[key]
    todo = [k for k in rel_edges if k not in known]
    found: dict[EdgeKey, list[dict[str, Any]]] = {k: [] for k in todo}
    for chunk in _chunks(sorted({k[0][2:] for k in todo})):
        for a, b, t, said, origin, art in conn.execute(_RELATION_QUOTES, {"ids": chunk}).all():
            key = (f"e:{a}", f"e:{b}", t)
            if key in found:
                found[key].append({"article": art or origin, "quote": said or f"recorded by {origin}"})
    for key in todo:
        known[key] = found[key][:QUOTES_PER_EDGE]
    for key in rel_edges:
        sub.edges[key]["evidence"] = known[key]


MEMO_MAX = 200_000  # ids a GraphIndex remembers rows of, per kind, before it forgets them all


def _grouped(
    conn: Connection,
    stmt: Any,
    ids: list[str],
    memo: dict[str, list[Any]] | None = None,
    shape: Callable[..., Any] = lambda *row: row,
) -> dict[str, list[Any]]:
    """The rows of ``stmt`` for ``ids`` (its first column, bound as ``ids``) by id, in the
    statement's order, each row without its id and through ``shape``; the ids ``memo`` holds
    are not read again, and those read are added to it."""
    out: dict[str, list[Any]] = {}
    missing = ids
    if memo is not None:
        out = {i: memo[i] for i in ids if i in memo}
        missing = [i for i in ids if i not in out]
    read: dict[str, list[Any]] = {i: [] for i in missing}
    for chunk in _chunks(missing):
        for row in conn.execute(stmt, {"ids": chunk}).all():
            read[row[0]].append(shape(*row[1:]))
    out.update(read)
    if memo is not None and read:
        if len(memo) + len(read) > MEMO_MAX:
            memo.clear()
        memo.update(read)
    return out


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def neighbourhood(
    store: Store,
    entity_id: str,
    hops: int = 2,
    relation_types: Iterable[str] | None = None,
    index: GraphIndex | None = None,
) -> Subgraph:
    """Entities and incidents within ``hops`` edges of ``entity_id``, optionally following only
    edges of ``relation_types`` (roles and relation types), each edge with its evidence; with
    ``index`` (:meth:`GraphIndex.load` of the same state of ``store``) the edges are read from
    memory."""
    if not 1 <= hops <= 6:
        raise ValueError(f"hops must be between 1 and 6, not {hops}")
    return _walk(store, entity_id, hops, _allowed(store, relation_types), index=index)


def _allowed(store: Store, relation_types: Iterable[str] | None) -> set[str] | None:
    """The edge types to follow (None: all); ValueError naming unknown ones and the known ones."""
    allowed = set(relation_types) if relation_types else None
    if allowed is not None:
        known = edge_types(store)
        unknown = allowed - set(known)
        if unknown:
            raise ValueError(f"unknown edge type(s) {', '.join(sorted(unknown))} (known: {', '.join(known)})")
    return allowed


def shortest_path(
    store: Store,
    source_id: str,
    target_id: str,
    max_hops: int = 6,
    relation_types: Iterable[str] | None = None,
) -> dict[str, Any] | None:
    """The shortest chain of edges from one entity to another (None when none within
    ``max_hops``): ``{"hops", "nodes": [...], "edges": [... with evidence]}``."""
    if not 1 <= max_hops <= 6:
        raise ValueError(f"max_hops must be between 1 and 6, not {max_hops}")
    allowed = _allowed(store, relation_types)
    goal = f"e:{target_id}"
    with store.session() as s:
        if s.get(Entity, target_id) is None:
            raise NotFoundError(f"no entity with id {target_id!r}")
    sub = _walk(store, source_id, max_hops, allowed, goal=goal, max_nodes=50_000)
    if goal not in sub.nodes:
        return None
    path = sub.nodes[goal]["path"]
    edges = []
    for a, b in pairwise(path):
        kind = sub.nodes[b]["via"]["type"]
        key = next(k for k in sub.edges if {k[0], k[1]} == {a, b} and k[2] == kind)
        edges.append(sub.edges[key])
    return {"hops": len(path) - 1, "nodes": [sub.nodes[n] for n in path], "edges": edges}
