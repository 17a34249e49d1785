"""The database schema, as SQLAlchemy 2 declarative models.

Changes to this file need an Alembic migration in ``plotwatch/store/migrations/versions``;
``tests/store/test_migrations.py`` fails when the models and the migrations disagree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    """A source: a newspaper, wire service, broadcaster, government office, court, NGO."""

    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    domain: Mapped[str | None] = mapped_column(String(300))
    grade: Mapped[str] = mapped_column(String(1), default="F")  # Admiralty reliability A-F
    kind: Mapped[str | None] = mapped_column(String(40))
    family: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(500), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[dt.date | None] = mapped_column(Date)
    fmt: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    raw_text: Mapped[str] = mapped_column(Text)
    needs_fetch: Mapped[bool] = mapped_column(Boolean, default=False)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    duplicate_score: Mapped[float | None] = mapped_column(Float)
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    outlet: Mapped[Outlet | None] = relationship()
    mentions: Mapped[list[EventMentionRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )


class Entity(Base):
    """A person, agency, unit, group, state, court, police force, ministry, or weapon."""

    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="unknown")
    country: Mapped[str | None] = mapped_column(String(8))
    origin: Mapped[str] = mapped_column(String(40), default="extracted")  # gazetteer, extracted, …
    aliases: Mapped[list[Alias]] = relationship(back_populates="entity", cascade="all, delete-orphan")


class Alias(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "normalized"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    entity: Mapped[Entity] = relationship(back_populates="aliases")


class EventMentionRow(Base):
    """One event reported in one sentence of one article."""

    __tablename__ = "event_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    status: Mapped[str | None] = mapped_column(String(16))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str] = mapped_column(String(8), default="none")
    country: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str] = mapped_column(String(8), default="none")
    agent_state: Mapped[str | None] = mapped_column(String(8))
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(String(200))
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    incident_id: Mapped[str | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True
    )
    # the incident fusion put this mention in, before analyst merges and splits (migration 0005);
    # incremental fusion reads it to find the incidents a new article can touch
    fused_id: Mapped[str | None] = mapped_column(String(40), index=True)

    article: Mapped[Article] = relationship(back_populates="mentions")
    actors: Mapped[list[MentionActor]] = relationship(cascade="all, delete-orphan")


class MentionActor(Base):
    __tablename__ = "mention_actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("event_mentions.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40), default="unknown")
    country: Mapped[str | None] = mapped_column(String(8))


class Incident(Base):
    """A real-world incident: fused from one or more event mentions."""

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str | None] = mapped_column(String(16))
    date_value: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str] = mapped_column(String(8), default="none")
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str] = mapped_column(String(8), default="none")
    agent_state: Mapped[str | None] = mapped_column(String(8), index=True)
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    # grading, materialised by plotwatch.grade.regrade so lists can filter and sort on it
    n_articles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_outlets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_sources: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    credibility: Mapped[int] = mapped_column(Integer, default=6, server_default="6", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    actors: Mapped[list[IncidentActor]] = relationship(cascade="all, delete-orphan")
    mentions: Mapped[list[EventMentionRow]] = relationship(viewonly=True)


class IncidentActor(Base):
    __tablename__ = "incident_actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40), default="unknown")
    country: Mapped[str | None] = mapped_column(String(8))


class Review(Base):
    """An analyst's decision on an incident; survives re-extraction and re-fusion."""

    __tablename__ = "reviews"
    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    decision: Mapped[str] = mapped_column(String(16))  # accepted, rejected
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class Relation(Base):
    """A typed link between two entities (member_of, directed_by, employed_by, …)."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"))
    quote: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(40), default="extracted")


class Claim(Base):
    """A figure ("eight plots this year") or a recommendation, with who says it."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(300))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # "more than", "about", or a verbal quantity ("tens of thousands") — migration 0005
    qualifier: Mapped[str | None] = mapped_column(String(40))


class AuditEntry(Base):
    """Who changed what, when, from what to what."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(120))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


Index("ix_articles_outlet", Article.outlet_id)
Index("ix_articles_duplicate_of", Article.duplicate_of_id)
# an entity's incidents without reading the table (migration 0006): entity pages and counts,
# search by alias, related incidents, chains
Index("ix_incident_actors_entity_incident", IncidentActor.entity_id, IncidentActor.incident_id)
# the list sorted best graded first walks this index instead of sorting (migration 0006)
Index("ix_incidents_credibility_id", Incident.credibility, Incident.id)
# the list newest, most reported or most independently sourced first (migration 0007); in
# SQLite a descending index keeps NULL dates last, as the "-date" sort does
Index("ix_incidents_date_id", Incident.date_value.desc(), Incident.id)
Index("ix_incidents_articles_id", Incident.n_articles.desc(), Incident.id)
Index("ix_incidents_sources_id", Incident.n_sources.desc(), Incident.id)
# a text search reads each distinct actor name once, by seeks in this index (migration 0008)
Index("ix_incident_actors_name_incident", IncidentActor.name, IncidentActor.incident_id)


# -- users, access and analyst decisions (migration 0004) ---------------------------------


class User(Base):
    """A local user of the web app and API: viewer, analyst or admin."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ApiToken(Base):
    """A Bearer token for the JSON API; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AppSetting(Base):
    """Small key/value settings of the application (the session signing key)."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class IncidentOverride(Base):
    """An analyst's value for one field of an incident (JSON); re-applied after every fusion."""

    __tablename__ = "incident_overrides"
    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IncidentMerge(Base):
    """Incident ``source_id`` was merged into ``target_id``; re-applied after every fusion."""

    __tablename__ = "incident_merges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(40), unique=True)
    target_id: Mapped[str] = mapped_column(String(40), index=True)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MentionSplit(Base):
    """A mention moved out into incident ``new_incident_id``.

    A mention is named by what survives re-extraction: its article's source id, the start of
    its evidence sentence and its event type (mention row ids change on reprocess).
    """

    __tablename__ = "mention_splits"
    __table_args__ = (UniqueConstraint("article_source_id", "sentence_start", "type"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_source_id: Mapped[str] = mapped_column(String(500))
    sentence_start: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    new_incident_id: Mapped[str] = mapped_column(String(40), index=True)
    from_incident_id: Mapped[str | None] = mapped_column(String(40))
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EntityMerge(Base):
    """Entity ``source_id`` was merged into ``target_id``; re-applied after every fusion."""

    __tablename__ = "entity_merges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(120), unique=True)
    target_id: Mapped[str] = mapped_column(String(120), index=True)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# -- campaigns (migration 0005) --------------------------------------------------------------


class Campaign(Base):
    """Hostile incidents of one sponsor state against one target over a period.

    Rebuilt after every fusion by :mod:`plotwatch.fuse.campaigns`; the id is stable for the
    same sponsor, target and first incident.
    """

    __tablename__ = "campaigns"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sponsor_state: Mapped[str] = mapped_column(String(8), index=True)
    target_entity_id: Mapped[str] = mapped_column(String(120))
    target_name: Mapped[str] = mapped_column(String(300))
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    n_incidents: Mapped[int] = mapped_column(Integer, default=0)


class CampaignIncident(Base):
    """Membership of an incident in a campaign (incident ids are stable strings, no foreign key:
    the incidents table is rebuilt by fusion before campaigns are)."""

    __tablename__ = "campaign_incidents"
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


# -- chains (migration 0006) -----------------------------------------------------------------


class IncidentChain(Base):
    """The typed links of one incident to others (response to, responded by, follows,
    followed by), as a JSON list in date order.

    Rebuilt over every incident after fusion and after each analyst decision by
    :func:`plotwatch.store.queries.rebuild_chains`; an incident without a row (stored by some
    other path since) has its chain linked when it is read. No foreign key, as for campaigns:
    the incidents table is rebuilt by fusion before chains are.
    """

    __tablename__ = "incident_chains"
    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    links: Mapped[str] = mapped_column(Text)
