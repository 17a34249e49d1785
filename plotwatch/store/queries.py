"""Read side of the store: incidents as export-contract dicts, filters, search, statistics."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, insert, literal, or_, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import BindParameter

from plotwatch.claims.incident_figures import FigureSpan, MentionSpan, link_figures
from plotwatch.errors import NotFoundError
from plotwatch.fuse import load_settings
from plotwatch.fuse.chains import link_chains
from plotwatch.fuse.contradictions import Fact, FigureFact, field_values
from plotwatch.fuse.contradictions import contradictions as find_contradictions
from plotwatch.grade import ArticleSource, corroboration, credibility
from plotwatch.store.db import Store
from plotwatch.store.models import (
    Alias,
    Article,
    Campaign,
    CampaignIncident,
    Claim,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    IncidentChain,
    Outlet,
    Review,
)
from plotwatch.types import PartialDate

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# Statements built once (compiling a statement costs more than running it on one incident):
# the incident pages read through these, and so do the helpers of _to_contract.
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_INCIDENT_EXISTS = select(Incident.id).where(Incident.id == bindparam("id"))
_INCIDENT_BY_PREFIX = select(Incident.id).where(Incident.id.like(bindparam("prefix"), escape="\\")).limit(2)
INCIDENT_COLUMNS = (  # an incident's own fields, as the contract and the list rows read them
    Incident.id,
    Incident.type,
    Incident.status,
    Incident.date_value,
    Incident.date_precision,
    Incident.country,
    Incident.place,
    Incident.lat,
    Incident.lon,
    Incident.place_precision,
    Incident.agent_state,
    Incident.historical,
)
_INCIDENT_ROWS = select(*INCIDENT_COLUMNS).where(Incident.id.in_(_IDS))
ACTOR_COLUMNS = (  # an incident's actors, as the contract and the list rows read them
    IncidentActor.incident_id,
    IncidentActor.entity_id,
    IncidentActor.name,
    IncidentActor.kind,
    IncidentActor.role,
    IncidentActor.country,
)
_ACTOR_ROWS = select(*ACTOR_COLUMNS).where(IncidentActor.incident_id.in_(_IDS))
_MENTION_ROWS = select(
    EventMentionRow.incident_id,
    EventMentionRow.article_id,
    EventMentionRow.sentence_start,
    EventMentionRow.sentence_end,
    EventMentionRow.quote,
    EventMentionRow.trigger,
    EventMentionRow.type,
    EventMentionRow.status,
    EventMentionRow.date_value,
    EventMentionRow.country,
    EventMentionRow.place,
    EventMentionRow.agent_state,
    EventMentionRow.lat,
    EventMentionRow.lon,
).where(EventMentionRow.incident_id.in_(_IDS))
_ARTICLE_SOURCES = (
    select(Article.id, Article.source_id, Article.duplicate_of_id, Outlet.name, Outlet.grade, Outlet.family)
    .join(Outlet, Outlet.id == Article.outlet_id, isouter=True)
    .where(Article.id.in_(_IDS))
)
_ALIASES = select(Alias.entity_id, Alias.alias).where(Alias.entity_id.in_(_IDS))
_REVIEWS = select(Review.incident_id, Review.decision).where(Review.incident_id.in_(_IDS))
_CHAINS = select(IncidentChain.incident_id, IncidentChain.links).where(IncidentChain.incident_id.in_(_IDS))
_FIGURE_CLAIMS = (
    select(
        Claim.article_id,
        Article.source_id,
        Claim.start,
        Claim.end,
        Claim.value,
        Claim.qualifier,
        Claim.unit,
        Claim.text,
    )
    .join(Article, Article.id == Claim.article_id)
    .where(Claim.article_id.in_(_IDS), Claim.kind == "figure")
)
_MENTION_SPANS = select(
    EventMentionRow.article_id,
    EventMentionRow.sentence_start,
    EventMentionRow.sentence_end,
    EventMentionRow.incident_id,
    EventMentionRow.type,
).where(EventMentionRow.article_id.in_(_IDS))
_CAMPAIGNS_OF = (
    select(
        CampaignIncident.incident_id,
        Campaign.id,
        Campaign.sponsor_state,
        Campaign.target_name,
        Campaign.target_entity_id,
    )
    .join(Campaign, Campaign.id == CampaignIncident.campaign_id)
    .where(CampaignIncident.incident_id.in_(_IDS))
    .order_by(Campaign.start, Campaign.id)
)


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
    """One incident (or the only one whose id starts with ``incident_id``, as people copy
    short ids) as an export-contract dict with its chain."""
    with store.session() as s:
        return incident_records(s, [resolve_incident_id(s, incident_id)])[0]


def resolve_incident_id(s: Session, incident_id: str) -> str:
    """``incident_id`` if stored, else the one stored id it is a prefix of."""
    db = s.connection()
    if db.execute(_INCIDENT_EXISTS, {"id": incident_id}).first() is not None:
        return incident_id
    prefix = incident_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = list(db.execute(_INCIDENT_BY_PREFIX, {"prefix": prefix}).scalars())
    if len(found) != 1:
        raise NotFoundError(f"no incident with id {incident_id!r}")
    return str(found[0])


def incident_records(s: Session, incident_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Export-contract dicts with chains of the incidents ``incident_ids`` (in that order;
    ids not stored are left out), read by statements built once: the same records as
    :func:`list_incidents`, for the pages that show one incident at a time."""
    db = s.connection()
    ids = list(incident_ids)
    by_id: dict[str, SimpleNamespace] = {}
    for chunk in _chunks(ids, 500):
        bound = {"ids": chunk}
        for inc in db.execute(_INCIDENT_ROWS, bound):
            by_id[inc.id] = SimpleNamespace(**inc._asdict(), actors=[], mentions=[])
        for actor in db.execute(_ACTOR_ROWS, bound):
            by_id[actor.incident_id].actors.append(actor)
        for mention in db.execute(_MENTION_ROWS, bound):
            by_id[mention.incident_id].mentions.append(mention)
    views = [by_id[i] for i in ids if i in by_id]
    return _attach_chains(s, _to_contract(s, views))


def _attach_chains(s: Session, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each record's ``chain`` (plot → responses, in date order).

    Chains are read from ``incident_chains`` (linked over every incident by
    :func:`rebuild_chains`); a record without a stored chain (an incident stored since the last
    rebuild) is linked against every incident that shares a named non-state actor with it.
    """
    stored: dict[str, list[dict[str, Any]]] = {}
    ids = [r["id"] for r in records]
    db = s.connection()
    for chunk in _chunks(ids, 500):
        for iid, links in db.execute(_CHAINS, {"ids": chunk}):
            stored[iid] = json.loads(links)
    missing = [r for r in records if r["id"] not in stored]
    if missing:
        stored.update(_link_around(s, missing))
    for r in records:
        r["chain"] = stored.get(r["id"], [])
    return records


_UNLINKED_KINDS = ("state", "unknown")  # see plotwatch.fuse.chains: states link everything


def _rejected(s: Session) -> set[str]:
    return set(s.scalars(select(Review.incident_id).where(Review.decision == "rejected")))


def _chain_records(s: Session, incident_ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    """The few fields :func:`plotwatch.fuse.chains.link_chains` reads (id, type, date, named
    actors) of incidents ``incident_ids`` (all by default), rejected incidents left out."""
    rejected = _rejected(s)
    chunks: list[list[Any]] | list[None] = (
        [None] if incident_ids is None else _chunks(sorted(incident_ids), 500)
    )
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks:
        q = select(Incident.id, Incident.type, Incident.date_value)
        a = select(
            IncidentActor.incident_id, IncidentActor.entity_id, IncidentActor.kind, IncidentActor.role
        ).where(IncidentActor.entity_id.is_not(None), IncidentActor.kind.not_in(_UNLINKED_KINDS))
        if chunk is not None:
            q = q.where(Incident.id.in_(chunk))
            a = a.where(IncidentActor.incident_id.in_(chunk))
        for iid, itype, date in s.execute(q):
            if iid not in rejected:
                out[iid] = {"id": iid, "type": itype, "date": {"start": date}, "actors": []}
        for iid, eid, kind, role in s.execute(a):
            if iid in out:
                out[iid]["actors"].append({"entity_id": eid, "kind": kind, "role": role})
    return out


def _link_around(s: Session, records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Chains of ``records`` linked over them and every incident sharing a named non-state actor
    with them (a response's plot shares an actor with it, so this finds every ``response_to``)."""
    rejected = _rejected(s)
    entity_ids = sorted(
        {
            a["entity_id"]
            for r in records
            for a in r["actors"]
            if a["entity_id"] and a["kind"] not in _UNLINKED_KINDS
        }
    )
    near: set[str] = set()
    for chunk in _chunks(entity_ids, 500):
        near.update(s.scalars(select(IncidentActor.incident_id).where(IncidentActor.entity_id.in_(chunk))))
    own = {r["id"] for r in records}
    light = _chain_records(s, sorted(near - own)) if near - own else {}
    chains = link_chains([*(r for r in records if r["id"] not in rejected), *light.values()])
    return {r["id"]: chains.get(r["id"], []) for r in records}


def rebuild_chains(store: Store) -> int:
    """Link every incident's chain over all incidents (rejected ones left out) and store it in
    ``incident_chains``; returns how many incidents have a link."""
    with store.session() as s:
        records = _chain_records(s)
        every = list(s.scalars(select(Incident.id)))
    chains = link_chains(records.values())
    rows = [{"incident_id": iid, "links": json.dumps(chains.get(iid, []))} for iid in every]
    with store.transaction() as s:
        s.execute(delete(IncidentChain))
        for chunk in [rows[i : i + 1000] for i in range(0, len(rows), 1000)]:
            s.execute(insert(IncidentChain), chunk)
    return len(chains)


def refresh_derived(store: Store) -> None:
    """Rebuild what is derived from all incidents at once (campaigns and chains); called after
    every fusion and every analyst decision."""
    rebuild_campaigns(store)
    rebuild_chains(store)


def _article_sources(s: Session, article_ids: set[int]) -> dict[int, ArticleSource]:
    """Grading facts per article row id, following near-duplicate links to their roots."""
    info: dict[int, Any] = {}
    wanted = set(article_ids)
    db = s.connection()
    for _ in range(5):  # near-duplicate chains are short; bound the walk
        wanted -= set(info)
        if not wanted:
            break
        rows = [r for ids in _chunks(sorted(wanted), 500) for r in db.execute(_ARTICLE_SOURCES, {"ids": ids})]
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
    db = s.connection()
    for chunk in _chunks(sorted(entity_ids), 500):
        for eid, alias in db.execute(_ALIASES, {"ids": chunk}):
            out[eid].append(alias)
    return out


def _facts(mentions: Sequence[EventMentionRow], src: dict[int, ArticleSource]) -> list[Fact]:
    return [
        Fact(
            article_id=src[m.article_id].article_id,
            type=m.type,
            status=m.status,
            date=m.date_value,
            country=m.country,
            place=m.place,
            agent_state=m.agent_state,
            lat=m.lat,
            lon=m.lon,
        )
        for m in mentions
        if m.article_id in src
    ]


def _incident_figures(s: Session, article_ids: set[int]) -> dict[str, list[FigureFact]]:
    """Figures that are fields of incidents (attendance, killed, …), by incident id."""
    if not article_ids:
        return {}
    spans: list[MentionSpan] = []
    figures: list[FigureSpan] = []
    db = s.connection()
    for chunk in _chunks(sorted(article_ids), 500):
        claims = db.execute(_FIGURE_CLAIMS, {"ids": chunk}).all()
        if not claims:
            continue
        figures += [FigureSpan(*c) for c in claims]
        with_figures = sorted({c[0] for c in claims})
        spans += [MentionSpan(*r) for r in db.execute(_MENTION_SPANS, {"ids": with_figures})]
    return link_figures(spans, figures)


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _graded_fields(
    facts: Sequence[Fact],
    figures: Sequence[FigureFact],
    disputed: set[str],
    src_by_article: dict[str, ArticleSource],
) -> dict[str, list[dict[str, Any]]]:
    """field → every value stated, each with its articles, outlets, voices and credibility."""
    values: dict[str, dict[str, set[str]]] = {k: dict(v) for k, v in field_values(facts).items()}
    for f in figures:
        values.setdefault(f.field, {}).setdefault(f.expression, set()).add(f.article_id)
    out: dict[str, list[dict[str, Any]]] = {}
    for field in sorted(values):
        entries = []
        for value, ids in sorted(values[field].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            corr = corroboration(src_by_article[a] for a in ids if a in src_by_article)
            entries.append(
                {
                    "value": value,
                    "article_ids": sorted(ids),
                    **corr.as_dict(),
                    "credibility": credibility(corr, contradicted=field in disputed),
                }
            )
        out[field] = entries
    return out


def _figures_record(figures: Sequence[FigureFact]) -> dict[str, list[dict[str, Any]]]:
    """what → each figure stated about the incident, with its range and articles."""
    grouped: dict[str, dict[str, tuple[Any, set[str]]]] = defaultdict(dict)
    for f in figures:
        _, ids = grouped[f.field.removeprefix("figures.")].setdefault(f.expression, (f.range, set()))
        ids.add(f.article_id)
    return {
        what: [
            {"value": e, "range": list(r) if r else None, "article_ids": sorted(ids)}
            for e, (r, ids) in sorted(values.items())
        ]
        for what, values in sorted(grouped.items())
    }


def _campaigns_of(s: Session, incident_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    db = s.connection()
    for chunk in _chunks(incident_ids, 500):
        for incident_id, cid, sponsor, target, target_id in db.execute(_CAMPAIGNS_OF, {"ids": chunk}):
            record = {"id": cid, "sponsor_state": sponsor, "target": target, "target_id": target_id}
            out[incident_id].append(record)
    return out


def _to_contract(s: Session, incidents: Sequence[Any]) -> list[dict[str, Any]]:
    """Export-contract dicts of ``incidents``: ORM ``Incident`` objects or the views of
    :func:`incident_records` (the same attributes, ``actors`` and ``mentions`` as rows)."""
    article_ids = {m.article_id for inc in incidents for m in inc.mentions}
    src = _article_sources(s, article_ids) if article_ids else {}
    aliases = _aliases(s, {a.entity_id for inc in incidents for a in inc.actors if a.entity_id})
    db = s.connection()
    reviews = {
        iid: decision
        for chunk in _chunks([i.id for i in incidents], 500)
        for iid, decision in db.execute(_REVIEWS, {"ids": chunk})
    }
    figures = _incident_figures(s, article_ids)
    campaigns = _campaigns_of(s, [i.id for i in incidents])
    settings = load_settings()
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
        facts = _facts(mentions, src)
        inc_figures = figures.get(inc.id, [])
        contradictions = find_contradictions(facts, inc_figures, settings)
        by_source_id = {a.article_id: a for a in src.values()}
        fields = _graded_fields(facts, inc_figures, {c["field"] for c in contradictions}, by_source_id)
        for c in contradictions:  # each disputed value with its grading
            graded = {e["value"]: e for e in fields.get(c["field"], [])}
            for v in c["values"]:
                g = graded.get(v["value"], {})
                v.update({k: g[k] for k in ("independent_sources", "credibility") if k in g})
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
            "corroboration": {**corr.as_dict(), "fields": fields},
            "credibility": credibility(corr, contradicted=bool(contradictions)),
            "contradictions": contradictions,
            "figures": _figures_record(inc_figures),
            "campaigns": campaigns.get(inc.id, []),
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
        article_ids = {m.article_id for inc in incidents for m in inc.mentions}
        src = _article_sources(s, article_ids)
        figures = _incident_figures(s, article_ids)
        settings = load_settings()
        for inc in incidents:
            corr = corroboration(src[m.article_id] for m in inc.mentions if m.article_id in src)
            inc.n_articles = corr.articles
            inc.n_outlets = corr.outlets
            inc.n_sources = corr.independent_sources
            disputed = find_contradictions(_facts(inc.mentions, src), figures.get(inc.id, []), settings)
            inc.credibility = credibility(corr, contradicted=bool(disputed))
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
    disputed = {c["field"] for c in rec["contradictions"]}
    fields = rec["corroboration"].get("fields", {})
    if fields:
        lines.append("each field, value by value (articles; independent voices; credibility):")
    for field, values in fields.items():
        flag = " (sources disagree)" if field in disputed else ""
        lines.append(f"  {field}{flag}")
        for v in values:
            lines.append(
                f"    {v['value']}: {', '.join(v['article_ids'])}; "
                f"{v['independent_sources']} voice(s); credibility {v['credibility']}"
            )
    if rec["contradictions"]:
        lines.append("sources disagree on: " + ", ".join(c["field"] for c in rec["contradictions"]))
    return lines


def rebuild_campaigns(store: Store) -> int:
    """Regroup the stored incidents into campaigns (rejected incidents left out); returns how many."""
    from plotwatch.fuse.campaigns import CampaignIncident as Member
    from plotwatch.fuse.campaigns import build_campaigns

    with store.session() as s:
        rejected = set(s.scalars(select(Review.incident_id).where(Review.decision == "rejected")))
        targets: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for incident_id, entity_id, name, kind in s.execute(
            select(
                IncidentActor.incident_id,
                IncidentActor.entity_id,
                func.coalesce(Entity.name, IncidentActor.name),  # the entity's canonical name
                IncidentActor.kind,
            )
            .join(Entity, Entity.id == IncidentActor.entity_id, isouter=True)
            .where(IncidentActor.role.in_(["target", "victim"]))
        ):
            if entity_id and kind not in {"state", "unknown", "weapon"}:
                targets[incident_id].append((entity_id, name))
        members = [
            Member(r[0], r[1], r[2], r[3], tuple(targets.get(r[0], ())))
            for r in s.execute(select(Incident.id, Incident.type, Incident.date_value, Incident.agent_state))
            if r[0] not in rejected and r[0] in targets
        ]
    campaigns = build_campaigns(members, load_settings())
    store.replace_campaigns(campaigns)
    return len(campaigns)


def list_campaigns(
    store: Store, sponsor: str | None = None, campaign_id: str | None = None
) -> list[dict[str, Any]]:
    """Stored campaigns with their incidents (id, type, date, country), by sponsor and start."""
    with store.session() as s:
        q = select(Campaign)
        if sponsor:
            q = q.where(Campaign.sponsor_state == sponsor.upper())
        if campaign_id:
            q = q.where(Campaign.id.like(campaign_id + "%"))
        campaigns = list(s.scalars(q.order_by(Campaign.sponsor_state, Campaign.start, Campaign.id)))
        ids = [c.id for c in campaigns]
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for chunk in [ids[i : i + 500] for i in range(0, len(ids), 500)]:
            rows = s.execute(
                select(CampaignIncident.campaign_id, Incident)
                .join(Incident, Incident.id == CampaignIncident.incident_id)
                .where(CampaignIncident.campaign_id.in_(chunk))
                .order_by(Incident.date_value, Incident.id)
            ).all()
            for cid, inc in rows:
                members[cid].append(
                    {
                        "id": inc.id,
                        "type": inc.type,
                        "status": inc.status,
                        "date": inc.date_value,
                        "country": inc.country,
                        "credibility": inc.credibility,
                    }
                )
    if campaign_id and not campaigns:
        raise NotFoundError(f"no campaign with id {campaign_id!r}")
    return [
        {
            "id": c.id,
            "sponsor_state": c.sponsor_state,
            "target": {"entity_id": c.target_entity_id, "name": c.target_name},
            "start": c.start,
            "end": c.end,
            "incidents": members.get(c.id, []),
        }
        for c in campaigns
    ]
