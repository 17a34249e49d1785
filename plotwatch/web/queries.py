"""Incident lists for the web app: filters, source family, sorting, paging, facets.

The filtering semantics (type, dates, text in actors or evidence, rejected hidden) are those
of :mod:`plotwatch.store.queries`; this module adds the source-family filter, sorting and a
fast row shape. List rows carry every export-contract key except ``mentions`` and
``contradictions`` (fetch one incident for those); grades come from the columns that
``regrade`` materialises, so a page of 50 costs three queries, not a grading per row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal, TypeVar

from sqlalchemy import Select, and_, bindparam, func, or_, select, union
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable
from starlette.concurrency import run_in_threadpool

from plotwatch.store.db import Store
from plotwatch.store.models import Alias, Article, EventMentionRow, Incident, IncidentActor, Outlet, Review
from plotwatch.store.queries import ACTOR_COLUMNS, INCIDENT_COLUMNS, _filtered, _fts_mention_ids
from plotwatch.web.cache import PerVersion
from plotwatch.web.params import IncidentParams

T = TypeVar("T")


async def read(store: Store, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``, a read of ``store``, from an ``async`` endpoint.

    SQLite is read in-process and CPU-bound, so the read runs on the event loop: handing it to
    a worker thread only adds GIL hand-offs between that thread and the loop (measured: fewer
    requests per second and a longer p95 under concurrent clients). A database server's round
    trips must not block the loop, so PostgreSQL reads run in the thread pool.
    """
    if store.dialect == "sqlite":
        return fn(*args)
    return await run_in_threadpool(fn, *args)


_SORT_COLUMNS: dict[str, Any] = {
    "date": Incident.date_value,
    "credibility": Incident.credibility,
    "articles": Incident.n_articles,
    "sources": Incident.n_sources,
    "type": Incident.type,
    "country": Incident.country,
    "id": Incident.id,
}


def _select(store: Store, s: Session, p: IncidentParams, text: bool = True) -> Select[Any]:
    """Incidents matching ``p``; without its text filter when ``text`` is false."""
    f = p.store_filter(text=False)
    f.validate()
    q = _filtered(store, s, f)
    if p.q and text:
        q = q.where(_matching(store, s, p.q))
    if p.family:
        by_family = (
            select(EventMentionRow.incident_id)
            .join(Article, Article.id == EventMentionRow.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(or_(Outlet.family == p.family, and_(Outlet.family.is_(None), Outlet.name == p.family)))
        )
        q = q.where(Incident.id.in_(by_family))
    decided = select(Review.incident_id)
    if p.review in ("accepted", "rejected"):
        q = q.where(Incident.id.in_(decided.where(Review.decision == p.review)))
    elif p.review == "unreviewed":
        q = q.where(Incident.id.not_in(decided))
    return q


def _matching(store: Store, s: Session, text: str) -> Any:
    """Incidents with ``text`` in an actor's name or alias, or in their evidence: the text
    filter of :func:`plotwatch.store.queries._filtered` as one set of incident ids (a UNION),
    so that a page and its total are taken from the matches read once. Actor names are
    matched once per distinct name, found by a walk of the (name, incident) index (one seek
    per name, migration 0008), not by reading every actor row."""
    like = f"%{text.lower()}%"
    by_name = select(IncidentActor.incident_id).where(IncidentActor.name.in_(_distinct_names(store, like)))
    by_alias = select(IncidentActor.incident_id).where(
        IncidentActor.entity_id.in_(select(Alias.entity_id).where(Alias.normalized.like(like)))
    )
    by_quote = select(EventMentionRow.incident_id).where(
        EventMentionRow.id.in_(_fts_mention_ids(s, store.dialect, text))
    )
    return Incident.id.in_(union(by_name, by_alias, by_quote))


def _distinct_names(store: Store, like: str) -> Select[Any]:
    """Distinct actor names matching ``like``, read by a recursive walk of the name index
    (each step: the smallest name after the previous one)."""
    names = select(func.min(IncidentActor.name).label("name")).cte("actor_names", recursive=True)
    following = select(func.min(IncidentActor.name)).where(IncidentActor.name > names.c.name)
    names = names.union_all(select(following.scalar_subquery()).where(names.c.name.is_not(None)))
    # SQLite's LIKE already ignores ASCII case (and its lower() folds only ASCII)
    name = names.c.name if store.dialect == "sqlite" else func.lower(names.c.name)
    return select(names.c.name).where(name.like(like))


def _order(q: Select[Any], sort: str) -> Select[Any]:
    desc = sort.startswith("-")
    col = _SORT_COLUMNS[sort.lstrip("-")]
    # credibility 1 is best, so "credibility" lists the best graded first. NULLS LAST (rather
    # than sorting on "col IS NULL") lets SQLite and PostgreSQL walk the column's index; it is
    # left out for columns that hold no NULL (SQLite walks an index ascending only NULLS FIRST).
    order = col.desc() if desc else col.asc()
    return q.order_by(order.nulls_last() if col.nullable else order, Incident.id)


# A text search whose matches number at most this many is paged by SQL from the list of their
# ids; with more, by walking the list's sort index and keeping the matches (see _matched_page).
FEW_MATCHES = 2000


def incident_page(
    store: Store, p: IncidentParams, version: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """One page of incidents (list rows) and the number of matching incidents; ``version``
    is the store's data version when the caller has already read it (the response cache)."""
    with store.session() as s:
        version = version or store.data_version()  # read before the counts and orders it keys
        if p.q:
            ids, total = _matched_page(store, s, p, version)
            return rows(s, ids), total
        q = _select(store, s, p)
        # the page's ids first (the sort reads only the index and the id), then their rows
        page = _order(q.with_only_columns(Incident.id), p.sort).limit(p.limit).offset(p.offset)
        ids = _ids(s.connection(), page)
        key = repr(replace(p, sort="", limit=0, offset=0))
        known = _TOTALS.get(store.url, version, key)
        if known is None:
            matching = q.with_only_columns(Incident.id).subquery()
            known = int(s.scalar(select(func.count()).select_from(matching)) or 0)
            _TOTALS.put(store.url, version, key, known)
        return rows(s, ids), known


# How many incidents match each set of filters: pages of one list, in any order, share it.
_TOTALS = PerVersion(1000)
# The ids of the incidents each set of filters keeps, in a sort order, with each id's place:
# every text search with those filters and that order takes its page from them (see
# _matched_page). At most ORDER_MAX ids are kept per order (False marks a longer one).
_ORDERS = PerVersion(4)
ORDER_MAX = 100_000


def _sorted_ids(
    store: Store, db: Connection, q: Select[Any], key: str, version: str | None
) -> tuple[list[str], dict[str, int]] | None:
    """The ids ``q`` selects in its order and each id's place in it, remembered per data
    version; None when they are more than ORDER_MAX or the version is not known."""
    if version is None:
        return None

    def read() -> tuple[list[str], dict[str, int]] | Literal[False]:
        ids = _ids(db, q.limit(ORDER_MAX + 1))
        return (ids, {iid: n for n, iid in enumerate(ids)}) if len(ids) <= ORDER_MAX else False

    return _ORDERS.get_or_make(store.url, version, key, read) or None


def _matched_page(store: Store, s: Session, p: IncidentParams, version: str | None) -> tuple[list[str], int]:
    """The page's ids and the number of matches of a text search: the matches of
    :func:`_matching`, found as sets of incident ids in Python (a set per way of matching,
    read from its index), then taken in the list's order from the incidents that the other
    filters keep.

    That order (the ids the other filters keep, sorted) is read once per data version and
    then shared by every search with the same filters and sort (see _sorted_ids). When it
    is too long to keep: with few matches SQL sorts just those ids; with many, the list's
    ids are read in order through the sort index and the matches kept. Either way, the ways
    of matching after the first are read only when an incident is not in the ones read so
    far (a common word usually matches every incident by actor name, and its evidence is
    then never read)."""
    assert p.q
    db = s.connection()  # plain rows: Core reads ids several times faster than the ORM
    ways = _match_ways(store, s, p.q, version)
    matched: set[str | None] = set()
    pending = iter(ways)
    q = _order(_select(store, s, p, text=False).with_only_columns(Incident.id), p.sort)
    order = _sorted_ids(store, db, q, repr(replace(p, q=None, limit=0, offset=0)), version)
    for way in pending:
        matched.update(way())
        if len(matched) > FEW_MATCHES:
            break
    else:  # every way read, few matches
        matched.discard(None)  # a mention in no incident
        if not matched:
            return [], 0
        if order is not None:
            ids, place = order
            found = [ids[n] for n in sorted(place[i] for i in matched if i in place)]
        else:
            found = _ids(db, q.where(Incident.id.in_(sorted(matched))))
        return found[p.offset : p.offset + p.limit], len(found)
    kept: list[str] = []
    for iid in order[0] if order is not None else _ids(db, q):
        while iid not in matched:
            more = next(pending, None)
            if more is None:
                break
            matched.update(more())
        else:
            kept.append(iid)
    return kept[p.offset : p.offset + p.limit], len(kept)


_MENTION_INCIDENTS = sql_text(
    "SELECT m.incident_id FROM mention_fts JOIN event_mentions m ON m.id = mention_fts.rowid "
    "WHERE mention_fts MATCH :q"
)


def _ids(db: Connection, q: Executable, params: dict[str, Any] | None = None) -> list[Any]:
    """The first column of every row of ``q`` (plain values: ids and names), read from the
    database driver's cursor: making a result row of each costs three times the read itself."""
    return [r[0] for r in _tuples(db, q, params)]


def _tuples(db: Connection, q: Executable, params: dict[str, Any] | None = None) -> list[Any]:
    """Every row of ``q`` as the driver's plain tuple (the column types of the rows read here
    need no conversion: text, numbers, booleans, ISO dates)."""
    result = db.execute(q, params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _match_ways(
    store: Store, s: Session, text: str, version: str | None = None
) -> list[Callable[[], list[str | None]]]:
    """Readers of the ids of the incidents that :func:`_matching` finds, one per way of
    matching (actor name, alias, evidence), most likely to find many first."""
    like = f"%{text.lower()}%"
    db = s.connection()

    def by_name() -> list[str | None]:
        actors = _actor_index(store, db, version)
        if actors is None:
            names = _ids(db, _distinct_names(store, like))
            if not names:
                return []
            return _ids(db, select(IncidentActor.incident_id).where(IncidentActor.name.in_(names)))
        matches = sqlite_like(like).fullmatch
        return [i for name, ids in actors.by_name.items() if matches(name) for i in ids]

    def by_alias() -> list[str | None]:
        aliased = select(Alias.entity_id).where(Alias.normalized.like(like))
        actors = _actor_index(store, db, version)
        if actors is None:
            return _ids(db, select(IncidentActor.incident_id).where(IncidentActor.entity_id.in_(aliased)))
        return [i for e in _ids(db, aliased) for i in actors.by_entity.get(e, ())]

    def by_quote() -> list[str | None]:
        if store.dialect == "sqlite":  # the full-text index joined to its mentions by rowid
            terms = " ".join('"' + t.replace('"', "") + '"' for t in text.split() if t.strip('"'))
            return _ids(db, _MENTION_INCIDENTS, {"q": terms or '""'})
        mentions = _fts_mention_ids(s, store.dialect, text)
        return _ids(db, select(EventMentionRow.incident_id).where(EventMentionRow.id.in_(mentions)))

    return [by_name, by_alias, by_quote]


@dataclass
class _ActorIndex:
    """The incidents of each actor name and of each entity, from every actor row."""

    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_entity: dict[str, list[str]] = field(default_factory=dict)


# The actor rows of an SQLite store as an _ActorIndex, read once per data version (names are
# matched in Python exactly as SQLite's LIKE would, see sqlite_like); at most ACTORS_MAX rows.
_ACTORS = PerVersion(1)
ACTORS_MAX = 500_000
_ACTOR_ROWS = select(IncidentActor.name, IncidentActor.entity_id, IncidentActor.incident_id)


def _actor_index(store: Store, db: Connection, version: str | None) -> _ActorIndex | None:
    """The incidents of each actor name and entity of an SQLite store, read once per data
    version; None elsewhere, when the version is not known or when there are more than
    ACTORS_MAX actor rows."""
    if version is None or store.dialect != "sqlite":
        return None

    def read() -> _ActorIndex | Literal[False]:
        rows = _tuples(db, _ACTOR_ROWS.limit(ACTORS_MAX + 1))
        if len(rows) > ACTORS_MAX:
            return False
        index = _ActorIndex()
        for name, entity, incident in rows:
            if name is not None:
                index.by_name.setdefault(name, []).append(incident)
            if entity is not None:
                index.by_entity.setdefault(entity, []).append(incident)
        return index

    found: _ActorIndex | Literal[False] = _ACTORS.get_or_make(store.url, version, "", read)
    return found or None


@lru_cache(maxsize=256)
def sqlite_like(pattern: str) -> re.Pattern[str]:
    """``pattern`` (SQLite LIKE, no ESCAPE) as a regular expression matching the same
    strings: ``%`` any run of characters, ``_`` any one, case folded for ASCII letters only."""
    parts = ("." if c == "_" else ".*" if c == "%" else re.escape(c) for c in pattern)
    return re.compile("".join(parts), re.ASCII | re.IGNORECASE | re.DOTALL)


_ROW_COLUMNS = (
    *INCIDENT_COLUMNS,
    Incident.n_articles,
    Incident.n_outlets,
    Incident.n_sources,
    Incident.credibility,
)


_ROWS = select(*_ROW_COLUMNS).where(Incident.id.in_(bindparam("ids", expanding=True)))
_ROW_ACTORS = (
    select(*ACTOR_COLUMNS)
    .where(IncidentActor.incident_id.in_(bindparam("ids", expanding=True)))
    .order_by(IncidentActor.role, IncidentActor.id)
)
_ROW_REVIEWS = select(Review.incident_id, Review.decision).where(
    Review.incident_id.in_(bindparam("ids", expanding=True))
)


def rows(s: Session, ids: Sequence[str]) -> list[dict[str, Any]]:
    """List rows for the incidents ``ids``, in that order: three queries for a page, built
    once (a statement made per call costs more than SQLite takes to run it) and read as
    plain tuples from the driver's cursor."""
    if not ids:
        return []
    db, bound = s.connection(), {"ids": list(ids)}
    found = {r[0]: r for r in _tuples(db, _ROWS, bound)}
    actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for iid, entity_id, name, kind, role, country in _tuples(db, _ROW_ACTORS, bound):
        actors[iid].append(
            {"entity_id": entity_id, "name": name, "kind": kind, "role": role, "country": country}
        )
    reviews = dict(_tuples(db, _ROW_REVIEWS, bound))
    out = []
    for iid in ids:
        if iid not in found:
            continue
        (_, type_, status, date, precision, country, place, lat, lon, place_precision, state,
         historical, n_articles, n_outlets, n_sources, credibility) = found[iid]  # fmt: skip
        out.append(
            {
                "id": iid,
                "type": type_,
                "status": status,
                "date": {"start": date, "end": date, "precision": precision},
                "location": {
                    "country": country,
                    "place": place,
                    "lat": lat,
                    "lon": lon,
                    "precision": place_precision,
                },
                "agent_state": state,
                "historical": bool(historical) if historical is not None else None,
                "actors": actors.get(iid, []),
                "corroboration": {
                    "articles": n_articles,
                    "outlets": n_outlets,
                    "independent_sources": n_sources,
                },
                "credibility": credibility,
                "review": reviews.get(iid),
            }
        )
    return out


def points(store: Store, p: IncidentParams, cap: int = 20_000) -> list[dict[str, Any]]:
    """Light records of every matching incident, for the timeline and the map."""
    with store.session() as s:
        sub = _select(store, s, p).subquery()
        q = (
            select(
                sub.c.id,
                sub.c.type,
                sub.c.status,
                sub.c.date_value,
                sub.c.country,
                sub.c.place,
                sub.c.lat,
                sub.c.lon,
                sub.c.agent_state,
                sub.c.credibility,
                sub.c.n_articles,
            )
            .order_by(sub.c.date_value, sub.c.id)
            .limit(cap)
        )
        keys = (
            "id",
            "type",
            "status",
            "date",
            "country",
            "place",
            "lat",
            "lon",
            "agent_state",
            "credibility",
            "articles",
        )
        return [dict(zip(keys, r, strict=True)) for r in s.execute(q)]


def facets(store: Store) -> dict[str, list[str]]:
    """Values present in the database, for the filter drop-downs."""
    with store.session() as s:

        def distinct(col: Any) -> list[str]:
            return sorted(v for (v,) in s.execute(select(col).distinct()) if v)

        families = {fam or name for name, fam in s.execute(select(Outlet.name, Outlet.family).distinct())}
        return {
            "agent_state": distinct(Incident.agent_state),
            "country": distinct(Incident.country),
            "family": sorted(f for f in families if f),
        }
