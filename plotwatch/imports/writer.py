"""Storing a :class:`~plotwatch.imports.records.Parsed` file: one transaction, audited, idempotent.

Everything goes through :meth:`Store.transaction` and every row created is recorded with
:meth:`Store.audit` (actor, action ``import``). Existing rows are never changed: an entity
already stored keeps its name and kind (only missing aliases are added), an outlet keeps its
grade, an incident or article already stored is left as it is. Importing the same file twice
therefore adds nothing.

Imported incidents are stored the way fused ones are: an ``incidents`` row with its actors,
*and* event mentions (with their actors) on the articles that carry the evidence, so grading
counts the import's sources and a later re-fusion re-derives the incidents from the mentions.
An article is rebuilt from its quotes: each quote at its original offsets, blanks between
(a later quote that would overlap an earlier one is appended instead).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plotwatch.imports.records import ImpArticle, ImpIncident, ImpMention, ImpOutlet, Parsed
from plotwatch.store.db import Store, normalize_name
from plotwatch.store.models import (
    Alias,
    Article,
    Entity,
    EventMentionRow,
    Incident,
    IncidentActor,
    MentionActor,
    Outlet,
    Relation,
    utcnow,
)
from plotwatch.types import PartialDate


def article_text(mentions: list[ImpMention]) -> tuple[str, list[tuple[int, int]]]:
    """Text holding every quote at its offsets where possible, and the (start, end) used for each."""
    chars: list[str] = []
    spans = []
    for m in mentions:
        start = m.start if m.start >= 0 and m.end - m.start == len(m.quote) else len(chars)
        existing = "".join(chars[start : start + len(m.quote)])
        if existing.strip() and existing != m.quote:
            start = len(chars) + (1 if chars else 0)
        chars.extend(" " * max(0, start + len(m.quote) - len(chars)))
        chars[start : start + len(m.quote)] = list(m.quote)
        spans.append((start, start + len(m.quote)))
    return "".join(chars), spans


class Writer:
    """Writes one parsed file inside one session; counts what it adds."""

    def __init__(self, store: Store, s: Session, parsed: Parsed, actor: str, path: str) -> None:
        self.store, self.s, self.parsed, self.actor, self.path = store, s, parsed, actor, path
        self.added: Counter[str] = Counter()
        self.new_incidents: list[str] = []

    def _audit(self, object_type: str, object_id: str, after: Any) -> None:
        self.store.audit(
            self.s,
            actor=self.actor,
            action="import",
            object_type=object_type,
            object_id=object_id,
            after=after,
        )
        self.added[object_type] += 1

    def outlet(self, o: ImpOutlet) -> Outlet:
        row = self.s.scalar(select(Outlet).where(Outlet.name == o.name))
        if row is None:
            row = Outlet(name=o.name, grade=o.grade, kind=o.kind, family=o.family, domain=o.domain)
            self.s.add(row)
            self.s.flush()
            self._audit("source", o.name, {"grade": o.grade, "kind": o.kind, "family": o.family})
        return row

    def entities(self) -> None:
        for e in self.parsed.entities:
            row = self.s.get(Entity, e.id)
            if row is None:
                row = Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, origin=self.parsed.origin)
                self.s.add(row)
                self.s.flush()
                self._audit("entity", e.id, {"name": e.name, "kind": e.kind, "country": e.country})
            known = {a.normalized for a in row.aliases}
            for alias in [e.name, *e.aliases]:
                norm = normalize_name(alias)
                if norm and norm not in known:
                    known.add(norm)
                    row.aliases.append(Alias(alias=alias, normalized=norm))
                    self.added["alias"] += 1

    def articles(self) -> dict[str, int]:
        """Create the articles that carry new evidence; article id → row id of every known one."""
        quotes: dict[str, list[ImpMention]] = {}
        for inc in self.parsed.incidents:
            for m in inc.mentions:
                quotes.setdefault(m.article_id, []).append(m)
        wanted = {a.id for a in self.parsed.articles} | {
            r.article_id for r in self.parsed.relations if r.article_id
        }
        rows = dict(
            self.s.execute(select(Article.source_id, Article.id).where(Article.source_id.in_(wanted))).all()
        )
        for art in self.parsed.articles:
            if art.id in rows or art.id not in quotes:
                continue
            text, spans = article_text(quotes[art.id])
            for m, (start, end) in zip(quotes[art.id], spans, strict=True):
                m.start, m.end = start, end
            rows[art.id] = self._article(art, text)
        return rows

    def _article(self, art: ImpArticle, text: str) -> int:
        import datetime as dt

        row = Article(
            source_id=art.id,
            content_hash=hashlib.sha256(f"{self.parsed.origin}|{art.id}|{text}".encode()).hexdigest(),
            title=art.title,
            url=art.url,
            outlet=self.outlet(
                next((o for o in self.parsed.outlets if o.name == art.outlet), self.parsed.feed)
            ),
            author=art.author,
            published=dt.date.fromisoformat(art.published[:10]) if art.published else None,
            fmt=self.parsed.origin.split(":")[-1],
            origin=self.path,
            language=art.language,
            text=text,
            raw_text=text,
            extractor_version=self.parsed.origin,
        )
        self.s.add(row)
        self.s.flush()
        self._audit("article", art.id, {"title": art.title, "url": art.url, "outlet": art.outlet})
        return row.id

    def incident(self, inc: ImpIncident, article_rows: dict[str, int]) -> None:
        if self.s.get(Incident, inc.id) is not None:
            return
        date = PartialDate.parse(inc.date)
        now = utcnow()
        row = Incident(
            id=inc.id,
            type=inc.type,
            status=inc.status,
            date_value=date.value,
            date_precision=date.precision,
            country=inc.country,
            place=inc.place,
            lat=inc.lat,
            lon=inc.lon,
            place_precision=inc.place_precision,
            agent_state=inc.agent_state,
            historical=inc.historical,
            created_at=now,
            updated_at=now,
        )
        for a in inc.actors:
            row.actors.append(
                IncidentActor(entity_id=a.entity_id, name=a.name, role=a.role, kind=a.kind, country=a.country)
            )
        self.s.add(row)
        self.s.flush()
        for m in inc.mentions:
            if m.article_id not in article_rows:
                continue
            mdate = PartialDate.parse(m.date) if m.date else date
            mention = EventMentionRow(
                article_id=article_rows[m.article_id],
                type=inc.type,
                status=inc.status,
                date_value=mdate.value,
                date_precision=mdate.precision,
                country=m.country or inc.country,
                place=inc.place,
                lat=inc.lat,
                lon=inc.lon,
                place_precision=inc.place_precision,
                agent_state=inc.agent_state,
                sentence_start=m.start,
                sentence_end=m.end,
                quote=m.quote,
                trigger=(m.trigger or inc.type)[:200],
                historical=inc.historical,
                confidence=1.0,
                incident_id=inc.id,
            )
            for a in inc.actors:
                mention.actors.append(
                    MentionActor(
                        entity_id=a.entity_id, name=a.name, role=a.role, kind=a.kind, country=a.country
                    )
                )
            self.s.add(mention)
        self._audit("incident", inc.id, {"type": inc.type, "status": inc.status, "date": inc.date})
        self.new_incidents.append(inc.id)

    def relations(self, article_rows: dict[str, int]) -> None:
        for r in self.parsed.relations:
            exists = self.s.scalar(
                select(Relation.id).where(
                    Relation.source_id == r.source, Relation.target_id == r.target, Relation.type == r.type
                )
            )
            ends = self.s.scalars(select(Entity.id).where(Entity.id.in_([r.source, r.target]))).all()
            if exists is None and set(ends) == {r.source, r.target}:
                self.s.add(
                    Relation(
                        source_id=r.source,
                        target_id=r.target,
                        type=r.type,
                        article_id=article_rows.get(r.article_id or ""),
                        quote=r.quote,
                        origin=self.parsed.origin,
                    )
                )
                self.s.flush()
                self._audit("relation", f"{r.source} {r.type} {r.target}", {"quote": r.quote})


def write(store: Store, parsed: Parsed, *, actor: str, path: str) -> Counter[str]:
    """Store ``parsed`` in one transaction and regrade the new incidents; returns what was added."""
    from plotwatch.store.queries import regrade

    with store.transaction() as s:
        writer = Writer(store, s, parsed, actor, path)
        writer.outlet(parsed.feed)
        writer.entities()
        rows = writer.articles()
        for inc in parsed.incidents:
            writer.incident(inc, rows)
        writer.relations(rows)
    if writer.new_incidents:
        regrade(store, writer.new_incidents)
    return writer.added
