"""The whole job, as library functions: ingest → extract → store → fuse.

The CLI, the web app and the benchmarks call these; none of them repeats the steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, BinaryIO, TextIO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from plotwatch.errors import InputError
from plotwatch.grade.registry import Registry
from plotwatch.ingest import DEFAULT_MAX_BYTES, NearDuplicateIndex, content_hash, iter_inputs
from plotwatch.review import reapply
from plotwatch.store.db import Store, chunked
from plotwatch.store.mentions import _mention_from_row as mention_from_row
from plotwatch.store.mentions import stored_mentions
from plotwatch.store.models import Article, EventMentionRow
from plotwatch.store.queries import refresh_derived, regrade
from plotwatch.types import EventMention, Extraction, IncidentDraft, PartialDate, RawArticle, SourcedMention

Progress = Callable[[str], None]
BATCH = 16


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # same content already stored
    conflicts: list[str] = field(default_factory=list)  # id stored with other content
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    mentions: int = 0
    incidents: int = 0
    redated: int = 0  # undated articles given the year of the incidents they share

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "near_duplicates": [
                {"article_id": a, "copies": b, "similarity": round(s, 3)} for a, b, s in self.near_duplicates
            ],
            "errors": [{"input": e.source, "problem": e.problem} for e in self.errors],
            "mentions": self.mentions,
            "incidents": self.incidents,
            "redated": self.redated,
        }


@lru_cache(maxsize=1)
def default_extractor() -> Any:
    """The default extractor, loaded once per process (loading spaCy takes a second)."""
    from plotwatch.extract import Extractor

    return Extractor()


def _get_extractor(extractor: Any | None) -> Any:
    return extractor if extractor is not None else default_extractor()


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    extractor: Any | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    fuse: bool = True,
    registry: Registry | None = None,
    incremental: bool = True,
) -> IngestReport:
    """Read every input, extract, store each new article in its own transaction, then fuse.

    Bad inputs are reported in the result (never raised); the good ones are still stored.
    Content already stored is skipped, so running the same ingest twice adds nothing.
    Fusion is incremental (:func:`refuse_new`) unless ``incremental`` is false.
    """
    report = IngestReport()
    ex = _get_extractor(extractor)
    registry = registry or Registry.load()
    known = store.known_hashes()
    index = NearDuplicateIndex()
    for source_id, blob in store.minhashes():
        index.add(source_id, NearDuplicateIndex.deserialize(blob))

    def fresh() -> Iterator[tuple[RawArticle, str]]:
        seen_ids: set[str] = set()
        for item in iter_inputs(paths, max_bytes=max_bytes, stdin=stdin):
            if isinstance(item, InputError):
                report.errors.append(item)
                if progress:
                    progress(item.source)
                continue
            h = content_hash(item.text if item.text.strip() else f"{item.url or ''}|{item.source_id}")
            if h in known:
                report.unchanged.append(item.source_id)
            elif item.source_id in seen_ids or store.source_id_exists(item.source_id):
                report.conflicts.append(item.source_id)
            else:
                known.add(h)
                seen_ids.add(item.source_id)
                yield item, h
                continue
            if progress:
                progress(item.source_id)

    for batch in _batched(fresh(), BATCH):
        texts = [(raw.text, raw.published) for raw, _ in batch]
        extractions = list(ex.extract_many(texts))
        for (raw, h), extraction in zip(batch, extractions, strict=True):
            signature = None
            duplicate_of = None
            if raw.text.strip():
                signature = index.signature(raw.text)
                hits = index.query(signature)
                if hits:
                    duplicate_of = hits[0]
                    report.near_duplicates.append((raw.source_id, hits[0][0], hits[0][1]))
                index.add(raw.source_id, signature)
            store.add_article(
                raw,
                content_hash=h,
                extraction=extraction,
                extractor_version=ex.version,
                minhash=NearDuplicateIndex.serialize(signature) if signature is not None else None,
                duplicate_of=duplicate_of,
                source=registry.lookup(raw.outlet, raw.url),
            )
            report.added.append(raw.source_id)
            report.mentions += len(extraction.events)
            if progress:
                progress(raw.source_id)
    if fuse and report.added:
        report.incidents = refuse_new(store, report.added) if incremental else refuse(store)
        with store.session() as s:
            q = select(Article.id).where(Article.published.is_(None))
            undated = [
                aid
                for chunk in chunked(report.added)
                for aid in s.scalars(q.where(Article.source_id.in_(chunk)))
            ]
        if redated := date_from_shared_incidents(store, ex, undated):
            report.incidents = refuse(store)  # their old mentions were fused: fuse everything again
            report.redated = redated
    elif fuse:
        report.incidents = store.counts()["incidents"]
    return report


def reprocess(
    store: Store,
    *,
    extractor: Any | None = None,
    progress: Progress | None = None,
    only_stale: bool = False,
) -> dict[str, int]:
    """Re-run extraction over stored articles, then fusion. Each article: one transaction."""
    ex = _get_extractor(extractor)
    with store.session() as s:
        q = select(
            Article.id,
            Article.source_id,
            Article.text,
            Article.published,
            Article.extractor_version,
        )
        rows = [r for r in s.execute(q.order_by(Article.id)) if not only_stale or r[4] != ex.version]
    mentions = 0
    for batch in _batched(rows, BATCH):
        extractions = ex.extract_many([(r[2], r[3]) for r in batch])
        for row, extraction in zip(batch, extractions, strict=True):
            store.replace_extraction(row[0], extraction, ex.version)
            mentions += len(extraction.events)
            if progress:
                progress(row[1])
    incidents = refuse(store)
    if date_from_shared_incidents(store, ex, [r[0] for r in rows if r[3] is None]):
        incidents = refuse(store)
    return {"articles": len(rows), "mentions": mentions, "incidents": incidents}


def date_from_shared_incidents(store: Store, ex: Any, article_ids: Sequence[int]) -> int:
    """Extract again, with the year of the incidents they share with dated articles
    (:mod:`plotwatch.fuse.article_years`), the undated articles among ``article_ids`` that
    name no year. Returns how many were extracted again; the caller fuses again when any was."""
    from plotwatch.fuse.article_years import shared_years, undated

    texts = undated(store, article_ids)
    years = shared_years(store, texts)
    if not years:
        return 0
    ids = sorted(years)
    for aid, extraction in zip(
        ids, ex.extract_many([(texts[aid], None, years[aid]) for aid in ids]), strict=True
    ):
        store.replace_extraction(aid, extraction, ex.version)
    return len(ids)


def refuse(
    store: Store, fuser: Callable[[Sequence[SourcedMention]], list[IncidentDraft]] | None = None
) -> int:
    """Rebuild incidents from every stored mention. Returns the number of incidents."""
    if fuser is None:
        from plotwatch.fuse import fuse

        fuser = fuse
    mentions, ids = stored_mentions(store)
    drafts = fuser(mentions)
    store.replace_incidents(drafts, ids)
    regrade(store)
    reapply(store)  # analysts' merges, splits and edits
    refresh_derived(store)  # campaigns and chains
    return len(drafts)


def _light_mention(row: Any) -> EventMention:
    """The fields fusion's dependency index reads (see plotwatch.fuse.incremental)."""
    return EventMention(
        type=row.type,
        status=None,
        date=PartialDate(row.date_value, row.date_precision),  # type: ignore[arg-type]
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_start,
        quote="",
        trigger=row.trigger,
        country=row.country,
        agent_state=row.agent_state,
    )


def refuse_new(
    store: Store,
    source_ids: Sequence[str],
    fuser: Callable[[Sequence[SourcedMention]], list[IncidentDraft]] | None = None,
) -> int:
    """Fuse the mentions of newly stored articles ``source_ids`` into the incidents they can
    touch, leaving the others as they are (:mod:`plotwatch.fuse.incremental`); the result is
    the one :func:`refuse` gives. Falls back to :func:`refuse` when stored mentions have never
    been fused (a database from before incremental fusion, or after re-extraction).
    Returns the number of incidents.
    """
    from plotwatch.fuse import fuse, load_settings
    from plotwatch.fuse.incremental import FusionIndex, paused_gc

    fuser = fuser or fuse
    cfg = load_settings()
    wanted = set(source_ids)
    with store.session() as s:
        rows = s.execute(
            select(
                EventMentionRow.id,
                EventMentionRow.article_id,
                Article.source_id,
                EventMentionRow.type,
                EventMentionRow.date_value,
                EventMentionRow.date_precision,
                EventMentionRow.country,
                EventMentionRow.agent_state,
                EventMentionRow.sentence_start,
                EventMentionRow.trigger,
                EventMentionRow.fused_id,
                EventMentionRow.incident_id,
            ).join(Article, Article.id == EventMentionRow.article_id)
        ).all()
    if any(r.fused_id is None and r.source_id not in wanted for r in rows):
        return refuse(store, fuser)
    index = FusionIndex(int(cfg.get("inferred_year_slack", 1)), int(cfg.get("day_slack", 0)))
    new: list[SourcedMention] = []
    new_articles: set[int] = set()
    groups: dict[str, set[str]] = {}
    with paused_gc():
        for r in rows:
            sm = SourcedMention(article_id=r.source_id, mention=_light_mention(r))
            if r.source_id in wanted:
                new.append(sm)
                new_articles.add(r.article_id)
                continue
            index.add(r.fused_id, sm)
            if r.incident_id and r.incident_id != r.fused_id:  # an analyst's merge or split
                groups.setdefault(r.incident_id, {r.incident_id}).add(r.fused_id)
    if not new:
        return store.counts()["incidents"]
    gone = index.affected(new, groups.values())
    mentions, ids, remove = stored_mentions_of(store, gone, new_articles)
    drafts = fuser(mentions)
    store.replace_some_incidents(drafts, ids, gone | remove)
    regrade(store, [d.id for d in drafts])
    __import__("plotwatch.review").review.reapply(store)  # analysts' merges, splits and edits
    refresh_derived(store)  # campaigns and chains
    return store.counts()["incidents"]


def stored_mentions_of(
    store: Store, fused_ids: set[str], article_ids: set[int]
) -> tuple[list[SourcedMention], dict[int, int], set[str]]:
    """Mentions fused into ``fused_ids`` or from articles ``article_ids`` (row ids), as
    SourcedMentions, with the map id(mention) → row id and the incidents they now sit in."""
    out: list[SourcedMention] = []
    ids: dict[int, int] = {}
    current: set[str] = set()
    seen: set[int] = set()
    with store.session() as s:
        conditions = [EventMentionRow.fused_id.in_(c) for c in chunked(sorted(fused_ids))]
        conditions += [EventMentionRow.article_id.in_(c) for c in chunked(sorted(article_ids))]
        for cond in conditions:
            q = (
                select(EventMentionRow, Article.source_id, Article.published)
                .join(Article, Article.id == EventMentionRow.article_id)
                .options(selectinload(EventMentionRow.actors))
                .where(cond)
                .order_by(EventMentionRow.id)
            )
            for row, source_id, published in s.execute(q):
                if row.id in seen:
                    continue
                seen.add(row.id)
                m = mention_from_row(row)
                ids[id(m)] = row.id
                if row.incident_id:
                    current.add(row.incident_id)
                out.append(SourcedMention(article_id=source_id, mention=m, published=published))
    return out, ids, current


def extract_text(text: str, extractor: Any | None = None) -> Extraction:
    """Convenience for notebooks and tests: extract from one text, no store."""
    result: Extraction = _get_extractor(extractor).extract(text)
    return result
