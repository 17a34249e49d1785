"""What the richer exporters need beyond the contract dicts: articles, outlets, entities, relations.

The export contract (``docs/TAXONOMY.md``) carries incidents with their actors and evidence
quotes, but not the articles' outlets, URLs and publication dates, nor the entities' aliases and
the relations between them. STIX, FtM, ACLED, PLOVER and the network formats need those, so
:func:`load_bundle` reads them in a handful of queries next to
:func:`plotwatch.store.queries.list_incidents`::

    bundle = load_bundle(store, IncidentFilter(country="FR"))
    export_bundle(bundle, "stix", sys.stdout)

:meth:`Bundle.from_incidents` builds the same structure from contract dicts alone (no outlets,
no URLs, entities only as the actors name them), so every exporter also works on plain dicts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plotwatch.grade import ArticleSource, corroboration, credibility
from plotwatch.types import ActorMention

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a bundle is read from it
    from sqlalchemy.orm import Session

    from plotwatch.store.db import Store
    from plotwatch.store.queries import IncidentFilter

EPOCH = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class OutletInfo:
    """A source: name, Admiralty reliability A–F, kind, family (one voice), web domain."""

    name: str
    grade: str = "F"
    kind: str | None = None
    family: str | None = None
    domain: str | None = None


@dataclass(frozen=True)
class ArticleInfo:
    """An article cited as evidence, under the id it was ingested under."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # OutletInfo.name
    published: str | None = None  # ISO date
    author: str | None = None
    language: str | None = None
    text_sha256: str | None = None  # hex SHA-256 of the (normalised) text plotwatch stored


@dataclass(frozen=True)
class EntityInfo:
    """A person, agency, unit, group, state… with every alias the store knows."""

    id: str
    name: str
    kind: str = "unknown"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    origin: str = "extracted"


@dataclass(frozen=True)
class RelationInfo:
    """A typed link between two entities (``member_of``, ``directed_by``…) with its evidence."""

    source: str
    target: str
    type: str
    article_id: str | None = None
    incident_id: str | None = None
    quote: str | None = None
    origin: str = "extracted"


@dataclass
class Bundle:
    """Incidents (contract dicts) plus what they cite, keyed by plotwatch ids."""

    incidents: list[dict[str, Any]]
    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    outlets: dict[str, OutletInfo] = field(default_factory=dict)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    relations: list[RelationInfo] = field(default_factory=list)

    @classmethod
    def from_incidents(cls, incidents: Iterable[dict[str, Any]]) -> Bundle:
        """A bundle from contract dicts alone: articles are bare ids, entities as actors name them."""
        items = list(incidents)
        bundle = cls(items)
        for inc in items:
            for m in inc.get("mentions") or []:
                aid = m.get("article_id")
                if aid and aid not in bundle.articles:
                    bundle.articles[aid] = ArticleInfo(aid)
            for a in inc.get("actors") or []:
                eid = actor_entity_id(a)
                known = bundle.entities.get(eid)
                aliases = set(known.aliases if known else ()) | set(a.get("aliases") or [])
                bundle.entities[eid] = EntityInfo(
                    eid,
                    known.name if known else a["name"],
                    (known.kind if known else None) or a.get("kind") or "unknown",
                    (known.country if known else None) or a.get("country"),
                    tuple(sorted(aliases)),
                )
        return bundle

    def as_of(self) -> str:
        """A timestamp for the whole export: the newest publication date cited, else the epoch.

        Exports of the same database are therefore byte-identical, and an export that cites a
        newer article carries a newer timestamp (STIX ``modified``, ACLED ``timestamp``).
        """
        dates = [a.published for a in self.articles.values() if a.published]
        return f"{max(dates)}T00:00:00Z" if dates else EPOCH

    def article_credibility(self, article_id: str) -> int:
        """Admiralty credibility 1–6 of what one article says on its own (its outlet's grade)."""
        art = self.articles.get(article_id)
        outlet = self.outlets.get(art.outlet) if art and art.outlet else None
        src = ArticleSource(
            article_id,
            outlet.name if outlet else None,
            outlet.grade if outlet else None,
            outlet.family if outlet else None,
        )
        return credibility(corroboration([src]))

    def incidents_citing(self) -> dict[str, list[str]]:
        """article id → ids of the incidents it is evidence for, in incident order."""
        out: dict[str, list[str]] = {}
        for inc in self.incidents:
            for m in inc.get("mentions") or []:
                ids = out.setdefault(m.get("article_id") or "", [])
                if inc["id"] not in ids:
                    ids.append(inc["id"])
        out.pop("", None)
        return out


def actor_entity_id(actor: dict[str, Any]) -> str:
    """The actor's stored entity id, or the id the store would give it (kind + name)."""
    if actor.get("entity_id"):
        return str(actor["entity_id"])
    from plotwatch.store.db import entity_id_for

    mention = ActorMention(
        name=actor["name"], role=actor.get("role") or "", kind=actor.get("kind") or "unknown"
    )
    return entity_id_for(mention)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def load_bundle(store: Store, f: IncidentFilter | None = None) -> Bundle:
    """Incidents matching ``f`` and everything they cite, read in a few queries.

    With ``f`` None the bundle holds every incident *and* every stored entity and relation
    (including imported ones that no incident names); with a filter, only the entities the
    incidents name, the relations between them, and the entities at the other end of those.
    """
    from sqlalchemy import or_, select

    from plotwatch.store.models import Article, Relation
    from plotwatch.store.queries import IncidentFilter, list_incidents

    everything = f is None
    bundle = Bundle.from_incidents(list_incidents(store, f or IncidentFilter()))
    wanted_entities = set(bundle.entities)
    with store.session() as s:
        rel_q = select(Relation, Article.source_id).join(
            Article, Article.id == Relation.article_id, isouter=True
        )
        if not everything:
            rel_q = rel_q.where(
                or_(Relation.source_id.in_(wanted_entities), Relation.target_id.in_(wanted_entities))
            )
        for rel, article_sid in s.execute(rel_q.order_by(Relation.id)):
            add_relation(bundle, rel, article_sid)
            wanted_entities |= {rel.source_id, rel.target_id}
        add_entities(s, bundle, None if everything else wanted_entities)
        add_cited_articles(s, bundle)
    return sorted_bundle(bundle)


def add_relation(bundle: Bundle, rel: Any, article_source_id: str | None) -> None:
    """A stored relation (and the article it cites) into ``bundle``."""
    bundle.relations.append(
        RelationInfo(
            rel.source_id,
            rel.target_id,
            rel.type,
            article_source_id,
            rel.incident_id,
            rel.quote,
            rel.origin,
        )
    )


def add_entities(s: Session, bundle: Bundle, ids: Iterable[str] | None) -> None:
    """The stored entities ``ids`` (None: every entity) into ``bundle``, each with every alias
    stored or already known to the bundle."""
    from sqlalchemy import select

    from plotwatch.store.db import chunked
    from plotwatch.store.models import Alias, Entity

    chunks: list[list[str]] | list[None] = [None] if ids is None else list(chunked(sorted(ids)))
    for chunk in chunks:
        alias_q = select(Alias.entity_id, Alias.alias)
        ent_q = select(Entity)
        if chunk is not None:
            alias_q = alias_q.where(Alias.entity_id.in_(chunk))
            ent_q = ent_q.where(Entity.id.in_(chunk))
        aliases: dict[str, set[str]] = {}
        for eid, alias in s.execute(alias_q):
            aliases.setdefault(eid, set()).add(alias)
        for e in s.scalars(ent_q.order_by(Entity.id)):
            known = bundle.entities.get(e.id)
            names = aliases.get(e.id, set()) | set(known.aliases if known else ())
            bundle.entities[e.id] = EntityInfo(
                e.id, e.name, e.kind, e.country, tuple(sorted(names - {e.name})), e.origin
            )


def add_cited_articles(s: Session, bundle: Bundle) -> None:
    """The stored articles the bundle's incidents and relations cite, with their outlets."""
    from sqlalchemy import select

    from plotwatch.store.db import chunked
    from plotwatch.store.models import Article, Outlet

    cited = set(bundle.articles) | {r.article_id for r in bundle.relations if r.article_id}
    for chunk in chunked(sorted(cited)):
        rows = s.execute(
            select(Article, Outlet)
            .join(Outlet, Outlet.id == Article.outlet_id, isouter=True)
            .where(Article.source_id.in_(chunk))
        )
        for art, outlet in rows:
            bundle.articles[art.source_id] = ArticleInfo(
                art.source_id,
                art.title,
                art.url,
                outlet.name if outlet else None,
                _iso(art.published),
                art.author,
                art.language,
                art.content_hash if _SHA256.fullmatch(art.content_hash or "") else None,
            )
            if outlet is not None:
                bundle.outlets[outlet.name] = OutletInfo(
                    outlet.name, outlet.grade, outlet.kind, outlet.family, outlet.domain
                )


def sorted_bundle(bundle: Bundle) -> Bundle:
    """``bundle`` with its entities, articles and outlets in key order (stable output)."""
    bundle.entities = dict(sorted(bundle.entities.items()))
    bundle.articles = dict(sorted(bundle.articles.items()))
    bundle.outlets = dict(sorted(bundle.outlets.items()))
    return bundle
