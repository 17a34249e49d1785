"""Read side of the store: incidents as export-contract dicts, filters, search, statistics."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal, or_, select, text
from sqlalchemy.orm import Session, selectinload

from plotwatch.errors import NotFoundError
from plotwatch.fuse.chains import link_chains
from plotwatch.grade import ArticleSource, corroboration, credibility
from plotwatch.store.db import Store
from plotwatch.store.models import (
    Alias,
    Article,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    Outlet,
    Review,
)
from plotwatch.types import PartialDate

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class IncidentFilter:
    type: str | None = None
    status: str | None = None
    country: str | None = None
    agent_state: str | None = None
    since: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    until: str | None = None
    query: str | None = None
    min_credibility: int | None = None  # 1 is best: keep incidents graded this or better
    include_rejected: bool = False
    limit: int | None = None
    offset: int = 0

    def validate(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE_RE.match(value):
                raise ValueError(f"--{name} must look like 2018, 2018-06 or 2018-06-30, not {value!r}")


def _fts_mention_ids(s: Session, dialect: str, query: str) -> Select[Any]:
    if dialect == "sqlite":
        terms = " ".join('"' + t.replace('"', "") + '"' for t in query.split() if t.strip('"'))
        return (
            select(text("rowid"))
            .select_from(text("mention_fts"))
            .where(text("mention_fts MATCH :q").bindparams(q=terms or '""'))
        )
    return select(EventMentionRow.id).where(
        func.to_tsvector("english", EventMentionRow.quote).op("@@")(func.plainto_tsquery("english", query))
    )


def _filtered(store: Store, s: Session, f: IncidentFilter) -> Select[Any]:
    q = select(Incident)
    if f.type:
        q = q.where(Incident.type == f.type)
    if f.status:
        q = q.where(Incident.status == f.status)
    if f.country:
        q = q.where(Incident.country == f.country.upper())
    if f.agent_state:
        q = q.where(Incident.agent_state == f.agent_state.upper())
    if f.since:
        # a coarser date that contains `since` ("2018" for since=2018-06) also qualifies
        q = q.where(or_(Incident.date_value >= f.since, literal(f.since).like(Incident.date_value + "%")))
    if f.until:  # "~" sorts after every digit and dash: until=2018 keeps 2018-12-31
        q = q.where(Incident.date_value <= (f.until if len(f.until) == 10 else f.until + "~"))
    if f.min_credibility is not None:
        q = q.where(Incident.credibility <= f.min_credibility)
    if f.query:
        like = f"%{f.query.lower()}%"
        by_actor = (
            select(IncidentActor.incident_id)
            .join(Alias, Alias.entity_id == IncidentActor.entity_id, isouter=True)
            .where(or_(func.lower(IncidentActor.name).like(like), Alias.normalized.like(like)))
        )
        by_quote = select(EventMentionRow.incident_id).where(
            EventMentionRow.id.in_(_fts_mention_ids(s, store.dialect, f.query))
        )
        q = q.where(or_(Incident.id.in_(by_actor), Incident.id.in_(by_quote)))
    if not f.include_rejected:
        rejected = select(Review.incident_id).where(Review.decision == "rejected")
        q = q.where(Incident.id.not_in(rejected))
    return q


def count_incidents(store: Store, f: IncidentFilter) -> int:
    f.validate()
    with store.session() as s:
        sub = _filtered(store, s, f).subquery()
        return int(s.scalar(select(func.count()).select_from(sub)) or 0)


def list_incidents(store: Store, f: IncidentFilter | None = None) -> list[dict[str, Any]]:
    """Incidents matching ``f`` as export-contract dicts, ordered by date then id."""
    f = f or IncidentFilter()
    f.validate()
    with store.session() as s:
        q = _filtered(store, s, f).order_by(Incident.date_value.is_(None), Incident.date_value, Incident.id)
        if f.limit is not None:
            q = q.limit(f.limit)
        if f.offset:
            q = q.offset(f.offset)
        q = q.options(selectinload(Incident.actors), selectinload(Incident.mentions))
        incidents = list(s.scalars(q))
        return _attach_chains(s, _to_contract(s, incidents))


def get_incident(store: Store, incident_id: str) -> dict[str, Any]:
    with store.session() as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            # allow a unique prefix, as people copy short ids
            matches = list(s.scalars(select(Incident).where(Incident.id.like(incident_id + "%")).limit(2)))
            if len(matches) != 1:
                raise NotFoundError(f"no incident with id {incident_id!r}")
            inc = matches[0]
        return _attach_chains(s, _to_contract(s, [inc]))[0]


def _attach_chains(s: Session, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each record's ``chain`` (plot → responses, in date order), looking beyond ``records``
    to every incident that shares a named non-state actor with them."""
    entity_ids = {
        a["entity_id"]
        for r in records
        for a in r["actors"]
        if a["entity_id"] and a["kind"] not in {"state", "unknown"}
    }
    have = {r["id"] for r in records}
    others: list[dict[str, Any]] = []
    if entity_ids:
        ids = (
            set(s.scalars(select(IncidentActor.incident_id).where(IncidentActor.entity_id.in_(entity_ids))))
            - have
        )
        if ids:
            q = (
                select(Incident)
                .where(Incident.id.in_(ids))
                .options(selectinload(Incident.actors), selectinload(Incident.mentions))
            )
            others = _to_contract(s, list(s.scalars(q)))
    chains = link_chains([*records, *others])
    for r in records:
        r["chain"] = chains.get(r["id"], [])
    return records


def _article_sources(s: Session, article_ids: set[int]) -> dict[int, ArticleSource]:
    """Grading facts per article row id, following near-duplicate links to their roots."""
    info: dict[int, Any] = {}
    wanted = set(article_ids)
    for _ in range(5):  # near-duplicate chains are short; bound the walk
        wanted -= set(info)
        if not wanted:
            break
        rows = s.execute(
            select(
                Article.id,
                Article.source_id,
                Article.duplicate_of_id,
                Outlet.name,
                Outlet.grade,
                Outlet.family,
            )
            .join(Outlet, Outlet.id == Article.outlet_id, isouter=True)
            .where(Article.id.in_(wanted))
        ).all()
        info.update({r[0]: r for r in rows})
        wanted = {r[2] for r in rows if r[2]}
    built: dict[int, ArticleSource] = {}

    def build(aid: int, depth: int = 0) -> ArticleSource:
        if aid not in built:
            r = info[aid]
            dup = build(r[2], depth + 1) if r[2] in info and depth < 5 else None
            built[aid] = ArticleSource(r[1], r[3], r[4], r[5], dup)
        return built[aid]

    return {aid: build(aid) for aid in article_ids if aid in info}


def _aliases(s: Session, entity_ids: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if entity_ids:
        for eid, alias in s.execute(
            select(Alias.entity_id, Alias.alias).where(Alias.entity_id.in_(entity_ids))
        ):
            out[eid].append(alias)
    return out


def _contradictions(
    mentions: Sequence[EventMentionRow], src: dict[int, ArticleSource]
) -> list[dict[str, Any]]:
    out = []
    for field, getter in (
        ("location.country", lambda m: m.country),
        ("date", lambda m: m.date_value),
    ):
        values: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            v = getter(m)
            if v and m.article_id in src:
                values[v].add(src[m.article_id].article_id)
        keys = sorted(values)
        if field == "date":  # "2018" and "2018-06" do not disagree
            keys = [k for k in keys if not any(o != k and o.startswith(k) for o in keys)]
            if not any(not PartialDate.parse(a).compatible(PartialDate.parse(b)) for a in keys for b in keys):
                continue
        if len(keys) > 1:
            out.append(
                {
                    "field": field,
                    "values": [{"value": k, "article_ids": sorted(values[k])} for k in keys],
                }
            )
    return out


def _to_contract(s: Session, incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    article_ids = {m.article_id for inc in incidents for m in inc.mentions}
    src = _article_sources(s, article_ids) if article_ids else {}
    aliases = _aliases(s, {a.entity_id for inc in incidents for a in inc.actors if a.entity_id})
    reviews = {
        r.incident_id: r.decision
        for r in s.scalars(select(Review).where(Review.incident_id.in_([i.id for i in incidents])))
    }
    out = []
    for inc in incidents:
        mentions = sorted(
            inc.mentions,
            key=lambda m: (
                src[m.article_id].article_id if m.article_id in src else "",
                m.sentence_start,
            ),
        )
        corr = corroboration(src[m.article_id] for m in mentions if m.article_id in src)
        contradictions = _contradictions(mentions, src)
        d = PartialDate(inc.date_value, inc.date_precision)  # type: ignore[arg-type]
        record: dict[str, Any] = {
            "id": inc.id,
            "type": inc.type,
            "status": inc.status,
            "date": {"start": d.value, "end": d.value, "precision": d.precision},
            "location": {
                "country": inc.country,
                "place": inc.place,
                "lat": inc.lat,
                "lon": inc.lon,
                "precision": inc.place_precision,
            },
            "agent_state": inc.agent_state,
            "historical": inc.historical,
            "actors": [
                {
                    "entity_id": a.entity_id,
                    "name": a.name,
                    "aliases": sorted({x for x in aliases.get(a.entity_id or "", []) if x != a.name}),
                    "kind": a.kind,
                    "role": a.role,
                    "country": a.country,
                }
                for a in sorted(inc.actors, key=lambda a: (a.role, a.name))
            ],
            "mentions": [
                {
                    "article_id": src[m.article_id].article_id if m.article_id in src else None,
                    "quote": m.quote,
                    "start": m.sentence_start,
                    "end": m.sentence_end,
                    "trigger": m.trigger,
                }
                for m in mentions
            ],
            "corroboration": corr.as_dict(),
            "credibility": credibility(corr, contradicted=bool(contradictions)),
            "contradictions": contradictions,
            "review": reviews.get(inc.id),
        }
        out.append(record)
    return out


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything, incidents by type, country, year and sponsor state."""
    out: dict[str, Any] = {"counts": store.counts()}
    with store.session() as s:
        rows = s.execute(
            select(Incident.type, Incident.country, Incident.date_value, Incident.agent_state)
        ).all()
        out["incidents_by_type"] = dict(Counter(r[0] for r in rows).most_common())
        out["incidents_by_country"] = dict(Counter(r[1] or "?" for r in rows).most_common())
        out["incidents_by_year"] = dict(sorted(Counter((r[2] or "?")[:4] for r in rows).items()))
        out["incidents_by_agent_state"] = dict(Counter(r[3] or "?" for r in rows).most_common())
        out["articles_by_outlet"] = dict(
            Counter(
                name or "(unknown outlet)"
                for (name,) in s.execute(
                    select(Outlet.name)
                    .select_from(Article)
                    .join(Outlet, Outlet.id == Article.outlet_id, isouter=True)
                )
            ).most_common()
        )
        out["entities_by_kind"] = dict(Counter(k for (k,) in s.execute(select(Entity.kind))).most_common())
    return out


def search_articles(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over article titles and text: (source_id, title, snippet)."""
    with store.session() as s:
        if store.dialect == "sqlite":
            terms = " ".join('"' + t.replace('"', "") + '"' for t in query.split() if t.strip('"'))
            rows = s.execute(
                text(
                    "SELECT a.source_id, a.title, snippet(article_fts, 1, '[', ']', '…', 12) "
                    "FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
                    "WHERE article_fts MATCH :q ORDER BY rank LIMIT :n"
                ),
                {"q": terms or '""', "n": limit},
            ).all()
        else:
            rows = s.execute(
                text(
                    "SELECT source_id, title, "
                    "ts_headline('english', text, plainto_tsquery('english', :q), "
                    "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') FROM articles "
                    "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) "
                    "@@ plainto_tsquery('english', :q) LIMIT :n"
                ),
                {"q": query, "n": limit},
            ).all()
        return [{"article_id": r[0], "title": r[1], "snippet": r[2]} for r in rows]


def regrade(store: Store, incident_ids: Sequence[str] | None = None) -> int:
    """Recompute and store corroboration and credibility of incidents (all by default)."""
    with store.transaction() as s:
        q = select(Incident).options(selectinload(Incident.mentions))
        if incident_ids is not None:
            q = q.where(Incident.id.in_(list(incident_ids)))
        incidents = list(s.scalars(q))
        src = _article_sources(s, {m.article_id for inc in incidents for m in inc.mentions})
        for inc in incidents:
            corr = corroboration(src[m.article_id] for m in inc.mentions if m.article_id in src)
            inc.n_articles = corr.articles
            inc.n_outlets = corr.outlets
            inc.n_sources = corr.independent_sources
            inc.credibility = credibility(corr, contradicted=bool(_contradictions(inc.mentions, src)))
        return len(incidents)


def explain_incident(store: Store, incident_id: str) -> list[str]:
    """The grading of one incident in words: articles, outlets, voices, credibility rule."""
    from plotwatch.grade import explain

    rec = get_incident(store, incident_id)
    with store.session() as s:
        rows = s.execute(
            select(Article.id, Article.source_id)
            .join(EventMentionRow, EventMentionRow.article_id == Article.id)
            .where(EventMentionRow.incident_id == rec["id"])
        ).all()
        src = _article_sources(s, {r[0] for r in rows})
    lines = [f"{rec['id']}: {rec['type']}" + (f" ({rec['status']})" if rec["status"] else "")]
    for a in sorted(src.values(), key=lambda a: a.article_id):
        via = f", a near-duplicate of {a.duplicate_of.article_id}" if a.duplicate_of else ""
        outlet = (
            f"{a.outlet} (grade {a.grade or 'F'}, family {a.family or a.outlet})"
            if a.outlet
            else "unknown outlet"
        )
        lines.append(f"  article {a.article_id}: {outlet}{via}")
    corr = corroboration(src.values())
    lines += explain(corr, rec["credibility"])
    if rec["contradictions"]:
        lines.append("sources disagree on: " + ", ".join(c["field"] for c in rec["contradictions"]))
    return lines
