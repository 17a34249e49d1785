"""The whole job, as library functions: ingest → extract → store → fuse.

The CLI, the web app and the benchmarks call these; none of them repeats the steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, BinaryIO, TextIO

from sqlalchemy import select

from plotwatch.errors import InputError
from plotwatch.grade.registry import Registry
from plotwatch.ingest import DEFAULT_MAX_BYTES, NearDuplicateIndex, content_hash, iter_inputs
from plotwatch.store.db import Store
from plotwatch.store.mentions import stored_mentions
from plotwatch.store.models import Article
from plotwatch.store.queries import regrade
from plotwatch.types import Extraction, IncidentDraft, RawArticle, SourcedMention

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
) -> IngestReport:
    """Read every input, extract, store each new article in its own transaction, then fuse.

    Bad inputs are reported in the result (never raised); the good ones are still stored.
    Content already stored is skipped, so running the same ingest twice adds nothing.
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
        report.incidents = refuse(store)
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
    return {"articles": len(rows), "mentions": mentions, "incidents": incidents}


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
    return len(drafts)


def extract_text(text: str, extractor: Any | None = None) -> Extraction:
    """Convenience for notebooks and tests: extract from one text, no store."""
    result: Extraction = _get_extractor(extractor).extract(text)
    return result
