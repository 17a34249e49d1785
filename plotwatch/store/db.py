"""The store: one object, one write path, migrations tracked in the database.

``Store(url)`` opens (and migrates) a SQLite file or a PostgreSQL database. Every write goes
through a method of this class inside :meth:`Store.transaction`, so an article and everything
extracted from it land together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from plotwatch.errors import StoreError
from plotwatch.grade.registry import SourceEntry
from plotwatch.store.models import (
    Alias,
    Article,
    AuditEntry,
    Campaign,
    CampaignIncident,
    Claim,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    MentionActor,
    Outlet,
    utcnow,
)
from plotwatch.types import ActorMention, Extraction, IncidentDraft, RawArticle

DEFAULT_URL = "sqlite:///plotwatch.db"


def normalize_url(url: str | None) -> str:
    """Accept a SQLAlchemy URL, ``postgresql://…`` or a plain file path."""
    if not url:
        return DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def normalize_name(name: str) -> str:
    """Case- and space-folded form used to compare aliases."""
    name = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"\s+", " ", name).casefold()


def entity_id_for(actor: ActorMention) -> str:
    """The gazetteer id, else a stable id from the kind and the normalised name."""
    if actor.key:
        return actor.key
    digest = hashlib.sha1(f"{actor.kind}|{normalize_name(actor.canonical or actor.name)}".encode())
    return "ent-" + digest.hexdigest()[:12]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # reads: a larger page cache (negative: KiB, per connection), the file memory-mapped,
    # sorts and IN-lists of big searches in memory rather than in temporary files
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


class Store:
    """A plotwatch database. Opening it applies any pending migration."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = normalize_url(url)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database {url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._watcher: sqlite3.Connection | None = None
        self._watcher_lock = threading.Lock()
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- schema -------------------------------------------------------------------------
    def _alembic_config(self) -> Config:
        cfg = Config()
        location = resources.files("plotwatch.store") / "migrations"
        cfg.set_main_option("script_location", str(location))
        return cfg

    def migrate(self) -> None:
        """Bring the schema to the newest revision (recorded in ``alembic_version``)."""
        cfg = self._alembic_config()
        try:
            with self.engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open database {self.url}: {exc.orig}") from exc

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def data_version(self) -> str | None:
        """A value that changes whenever a write to the database is committed, by this
        process or any other; None when it cannot be known (an in-memory database).

        SQLite: ``PRAGMA data_version`` of a connection kept for this and never used to write
        (the pragma changes when *another* connection commits). PostgreSQL: the current
        snapshot (``xmin:xmax:running xids``), which changes when a writing transaction
        starts and again when it ends. Read before a query, it keys anything derived from the
        query's result (the web app's response cache): what is read afterwards is at least
        as new as the version.
        """
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                return str(conn.execute(text("SELECT pg_current_snapshot()::text")).scalar())
        if self.dialect != "sqlite":
            return None
        with self._watcher_lock:
            if self._watcher is None:
                path = self.engine.url.database
                if not path or path == ":memory:" or path.startswith("file:"):
                    return None
                self._watcher = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            return str(self._watcher.execute("PRAGMA data_version").fetchone()[0])

    # -- sessions -----------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (nothing is committed)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """The one write path: commit on success, roll back everything on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            raise StoreError(f"database write failed: {exc}") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- articles -----------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        with self.session() as s:
            return set(s.scalars(select(Article.content_hash)))

    def source_id_exists(self, source_id: str) -> bool:
        with self.session() as s:
            return s.scalar(select(Article.id).where(Article.source_id == source_id)) is not None

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(source_id, serialized MinHash) of every stored article that has one."""
        with self.session() as s:
            rows = s.execute(select(Article.source_id, Article.minhash).where(Article.minhash.is_not(None)))
            yield from ((source_id, blob) for source_id, blob in rows if blob is not None)

    def add_article(
        self,
        raw: RawArticle,
        *,
        content_hash: str,
        extraction: Extraction,
        extractor_version: str,
        minhash: bytes | None = None,
        duplicate_of: tuple[str, float] | None = None,
        source: SourceEntry | None = None,
    ) -> int:
        """Store an article with everything extracted from it, in one transaction.

        ``source`` is the registry entry of the article's outlet: it grades the outlet when the
        outlet is first seen (later changes go through :meth:`set_outlet`).
        """
        with self.transaction() as s:
            name = source.name if source else raw.outlet
            outlet = self._outlet(s, name, source) if name else None
            dup_id = None
            if duplicate_of:
                dup_id = s.scalar(select(Article.id).where(Article.source_id == duplicate_of[0]))
            article = Article(
                source_id=raw.source_id,
                content_hash=content_hash,
                title=raw.title,
                url=raw.url,
                outlet=outlet,
                author=raw.author,
                published=raw.published,
                fmt=raw.fmt,
                origin=raw.origin,
                language=raw.language,
                text=raw.text,
                raw_text=raw.raw_text,
                needs_fetch=raw.needs_fetch,
                minhash=minhash,
                duplicate_of_id=dup_id,
                duplicate_score=duplicate_of[1] if duplicate_of else None,
                extractor_version=extractor_version,
            )
            s.add(article)
            s.flush()
            self._write_extraction(s, article, extraction)
            return article.id

    def replace_extraction(self, article_id: int, extraction: Extraction, version: str) -> None:
        """Swap an article's mentions for a new extraction (reprocess), in one transaction."""
        with self.transaction() as s:
            article = s.get(Article, article_id)
            if article is None:
                raise StoreError(f"article {article_id} vanished during reprocessing")
            s.execute(delete(EventMentionRow).where(EventMentionRow.article_id == article_id))
            s.execute(delete(Claim).where(Claim.article_id == article_id))
            article.extractor_version = version
            self._write_extraction(s, article, extraction)

    def _outlet(self, s: Session, name: str, source: SourceEntry | None = None) -> Outlet:
        outlet = s.scalar(select(Outlet).where(Outlet.name == name))
        if outlet is None:
            outlet = Outlet(name=name, grade="F")
            if source is not None:
                outlet.grade, outlet.kind, outlet.family, outlet.note = (
                    source.grade,
                    source.kind,
                    source.family,
                    source.note,
                )
                outlet.domain = source.domains[0] if source.domains else None
            s.add(outlet)
            s.flush()
        return outlet

    def set_outlet(self, name: str, *, actor: str = "cli", **fields: str | None) -> dict[str, Any]:
        """Change an outlet's grade, kind, family or note (creating it if need be); audited."""
        allowed = {"grade", "kind", "family", "note", "domain"}
        if unknown := set(fields) - allowed:
            raise ValueError(f"cannot set {', '.join(sorted(unknown))} on a source")
        with self.transaction() as s:
            outlet = self._outlet(s, name)
            before = {k: getattr(outlet, k) for k in sorted(allowed)}
            for k, v in fields.items():
                if v is not None:
                    setattr(outlet, k, v)
            after = {k: getattr(outlet, k) for k in sorted(allowed)}
            if before != after:
                self.audit(
                    s,
                    actor=actor,
                    action="edit",
                    object_type="source",
                    object_id=name,
                    before=before,
                    after=after,
                )
            return {"name": outlet.name, **after}

    def _entity(self, s: Session, actor: ActorMention) -> str:
        eid = entity_id_for(actor)
        entity = s.get(Entity, eid)
        if entity is None:
            entity = Entity(
                id=eid,
                name=actor.canonical or actor.name,
                kind=actor.kind,
                country=actor.country,
                origin="gazetteer" if actor.key else "extracted",
            )
            s.add(entity)
            s.flush()
        known = {a.normalized for a in entity.aliases}
        for alias in [actor.canonical, actor.name, *actor.aliases]:
            if alias and (norm := normalize_name(alias)) and norm not in known:
                known.add(norm)
                entity.aliases.append(Alias(alias=alias, normalized=norm))
        return eid

    def _write_extraction(self, s: Session, article: Article, extraction: Extraction) -> None:
        for c in extraction.claims:
            s.add(
                Claim(
                    article_id=article.id,
                    kind=c.kind,
                    value=c.value,
                    unit=c.unit,
                    text=c.text,
                    speaker=c.speaker,
                    start=c.start,
                    end=c.end,
                    qualifier=(c.qualifier or None) and c.qualifier[:40],
                )
            )
        for m in extraction.events:
            row = EventMentionRow(
                article_id=article.id,
                type=m.type,
                status=m.status,
                date_value=m.date.value,
                date_precision=m.date.precision,
                country=m.country,
                place=m.place,
                lat=m.lat,
                lon=m.lon,
                place_precision=m.place_precision,
                agent_state=m.agent_state,
                sentence_start=m.sentence_start,
                sentence_end=m.sentence_end,
                quote=m.quote,
                trigger=m.trigger[:200],
                historical=m.historical,
                confidence=m.confidence,
            )
            for a in m.actors:
                row.actors.append(
                    MentionActor(
                        entity_id=self._entity(s, a),
                        name=a.name,
                        role=a.role,
                        kind=a.kind,
                        country=a.country,
                    )
                )
            s.add(row)

    # -- incidents ----------------------------------------------------------------------
    def replace_incidents(self, drafts: Sequence[IncidentDraft], mention_ids: dict[int, int]) -> None:
        """Replace the fused incidents with ``drafts`` in one transaction.

        ``mention_ids`` maps ``id(SourcedMention.mention)`` to the mention row id, so each
        mention row is pointed at its incident. Incident ids are stable, so analyst reviews
        (kept in their own table) re-attach by id.
        """
        with self.transaction() as s:
            s.execute(text("UPDATE event_mentions SET incident_id = NULL, fused_id = NULL"))
            s.execute(delete(IncidentActor))
            s.execute(delete(Incident))
            self._insert_drafts(s, drafts, mention_ids)

    def replace_some_incidents(
        self, drafts: Sequence[IncidentDraft], mention_ids: dict[int, int], gone: Iterable[str]
    ) -> None:
        """Incremental fusion's write: incidents ``gone`` are replaced by ``drafts``, the others
        are left alone; one transaction."""
        gone_ids = sorted(set(gone))
        with self.transaction() as s:
            for chunk in chunked(gone_ids, 500):
                s.execute(
                    update(EventMentionRow)
                    .where(EventMentionRow.incident_id.in_(chunk))
                    .values(incident_id=None, fused_id=None)
                )
                s.execute(delete(IncidentActor).where(IncidentActor.incident_id.in_(chunk)))
                s.execute(delete(Incident).where(Incident.id.in_(chunk)))
            self._insert_drafts(s, drafts, mention_ids)

    def _insert_drafts(
        self, s: Session, drafts: Sequence[IncidentDraft], mention_ids: dict[int, int]
    ) -> None:
        now = utcnow()
        for d in drafts:
            inc = Incident(
                id=d.id,
                type=d.type,
                status=d.status,
                date_value=d.date.value,
                date_precision=d.date.precision,
                country=d.country,
                place=d.place,
                lat=d.lat,
                lon=d.lon,
                place_precision=d.place_precision,
                agent_state=d.agent_state,
                historical=d.historical,
                created_at=now,
                updated_at=now,
            )
            seen: set[tuple[str, str]] = set()
            for a in d.actors:
                eid = self._entity(s, a)
                if (eid, a.role) in seen:
                    continue
                seen.add((eid, a.role))
                inc.actors.append(
                    IncidentActor(
                        entity_id=eid,
                        name=a.canonical or a.name,
                        role=a.role,
                        kind=a.kind,
                        country=a.country,
                    )
                )
            s.add(inc)
        s.flush()
        by_incident: dict[str, list[int]] = {}
        for d in drafts:
            for sm in d.mentions:
                row_id = mention_ids.get(id(sm.mention))
                if row_id is not None:
                    by_incident.setdefault(d.id, []).append(row_id)
        for inc_id, ids in by_incident.items():
            for chunk in chunked(ids, 500):
                s.execute(
                    update(EventMentionRow)
                    .where(EventMentionRow.id.in_(chunk))
                    .values(incident_id=inc_id, fused_id=inc_id)
                )

    def replace_campaigns(self, campaigns: Sequence[Any]) -> None:
        """Replace every campaign and its members (see :mod:`plotwatch.fuse.campaigns`)."""
        with self.transaction() as s:
            s.execute(delete(CampaignIncident))
            s.execute(delete(Campaign))
            for c in campaigns:
                s.add(
                    Campaign(
                        id=c.id,
                        sponsor_state=c.sponsor_state,
                        target_entity_id=c.target_id,
                        target_name=c.target_name,
                        start=c.start,
                        end=c.end,
                        n_incidents=len(c.incident_ids),
                    )
                )
            s.flush()
            for c in campaigns:
                for incident_id in c.incident_ids:
                    s.add(CampaignIncident(campaign_id=c.id, incident_id=incident_id))

    # -- audit ----------------------------------------------------------------------------
    def audit(
        self,
        s: Session,
        *,
        actor: str,
        action: str,
        object_type: str,
        object_id: str,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Record a change inside the caller's transaction."""
        s.add(
            AuditEntry(
                actor=actor,
                action=action,
                object_type=object_type,
                object_id=object_id,
                before=None if before is None else json.dumps(before, default=str, sort_keys=True),
                after=None if after is None else json.dumps(after, default=str, sort_keys=True),
            )
        )

    # -- counts ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = {
            "articles": Article,
            "outlets": Outlet,
            "entities": Entity,
            "aliases": Alias,
            "event_mentions": EventMentionRow,
            "claims": Claim,
            "incidents": Incident,
            "campaigns": Campaign,
            "audit_log": AuditEntry,
        }
        with self.session() as s:
            out = {
                name: int(s.scalar(select(func.count()).select_from(m)) or 0) for name, m in tables.items()
            }
            out["near_duplicates"] = int(
                s.scalar(select(func.count()).where(Article.duplicate_of_id.is_not(None))) or 0
            )
        return out

    def close(self) -> None:
        with self._watcher_lock:
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None
        self.engine.dispose()


def chunked(items: Sequence[Any], size: int = 500) -> Iterator[list[Any]]:
    """``items`` in lists short enough for an ``IN (...)`` clause."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def default_db_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return None
