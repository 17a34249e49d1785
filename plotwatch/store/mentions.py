"""Stored event mentions, read back as plain records for fusion."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from plotwatch.store.db import Store
from plotwatch.store.models import Article, EventMentionRow
from plotwatch.types import ActorMention, EventMention, PartialDate, SourcedMention


def _mention_from_row(row: EventMentionRow) -> EventMention:
    return EventMention(
        type=row.type,
        status=row.status,
        date=PartialDate(row.date_value, row.date_precision),  # type: ignore[arg-type]
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        quote=row.quote,
        trigger=row.trigger,
        country=row.country,
        place=row.place,
        lat=row.lat,
        lon=row.lon,
        place_precision=row.place_precision,
        agent_state=row.agent_state,
        actors=[
            ActorMention(name=a.name, role=a.role, kind=a.kind, country=a.country, key=a.entity_id)
            for a in row.actors
        ],
        historical=row.historical,
        confidence=row.confidence,
    )


def stored_mentions(store: Store) -> tuple[list[SourcedMention], dict[int, int]]:
    """Every stored mention as a SourcedMention, and a map id(mention) → row id."""
    out: list[SourcedMention] = []
    ids: dict[int, int] = {}
    with store.session() as s:
        q = (
            select(EventMentionRow, Article.source_id, Article.published)
            .join(Article, Article.id == EventMentionRow.article_id)
            .options(selectinload(EventMentionRow.actors))
            .order_by(EventMentionRow.id)
        )
        for row, source_id, published in s.execute(q):
            m = _mention_from_row(row)
            ids[id(m)] = row.id
            out.append(SourcedMention(article_id=source_id, mention=m, published=published))
    return out, ids
