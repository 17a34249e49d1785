"""Fusion cost on synthetic mentions: time and peak memory at n and 2n mentions.

Synthetic mentions mimic news: a few thousand real incidents, each reported by several
articles with small variations (date precision, place given or not, actors named or not),
spread over many types, states and years. Generation is seeded, so runs are comparable.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import resource
import time
from typing import Any

from plotwatch.types import (
    EVENT_TYPES,
    HOSTILE_TYPES,
    ActorMention,
    EventMention,
    PartialDate,
    SourcedMention,
)

STATES = ["IR", "RU", "SA", "CN", "IN", "RW", "BY", "TR", "EG", "ER", "SY", "KP", "PK", "AE", "VN"]
HOSTS = ["FR", "DE", "BE", "NL", "GB", "US", "CA", "SE", "DK", "NO", "AL", "AT", "TR", "AU", "IE"]


def synthetic_mentions(n: int, seed: int = 7) -> list[SourcedMention]:
    """About ``n`` mentions of ``n / 4`` incidents (four reports each on average)."""
    rng = random.Random(seed)
    out: list[SourcedMention] = []
    incident = 0
    while len(out) < n:
        incident += 1
        type_ = rng.choice(EVENT_TYPES)
        state = rng.choice(STATES)
        host = rng.choice(HOSTS)
        year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
        person = f"Person {incident}"
        for report in range(rng.randint(1, 7)):
            precision = rng.random()
            date = (
                PartialDate.of(year, month, day)
                if precision < 0.5
                else PartialDate.of(year, month)
                if precision < 0.8
                else PartialDate.of(year)
            )
            hostile = type_ in HOSTILE_TYPES
            quote = f"Report {report} of incident {incident}."
            actors = [ActorMention(name=person, role="target" if hostile else "responder", kind="person")]
            mention = EventMention(
                type=type_,
                status="foiled" if hostile else None,
                date=date,
                sentence_start=0,
                sentence_end=len(quote),
                quote=quote,
                trigger="t",
                country=host if rng.random() < 0.9 else None,
                agent_state=state if hostile else host,
                actors=actors if rng.random() < 0.7 else [],
            )
            out.append(SourcedMention(article_id=f"art-{incident}-{report}", mention=mention))
    return out[:n]


def _run(n: int, queue: Any) -> None:
    from plotwatch.fuse import fuse

    mentions = synthetic_mentions(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    drafts = fuse(mentions)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(
        {
            "mentions": n,
            "incidents": len(drafts),
            "seconds": seconds,
            "peak_rss_mib": peak / 1024,
            "fusion_rss_mib": (peak - base) / 1024,
        }
    )


def run(n: int = 100_000) -> dict[str, Any]:
    """Fuse n and 2n synthetic mentions, each in a fresh process; report the growth factor."""
    ctx = mp.get_context("spawn")
    results = []
    for size in (n, 2 * n):
        queue = ctx.Queue()
        proc = ctx.Process(target=_run, args=(size, queue))
        proc.start()
        results.append(queue.get())
        proc.join()
    return {"runs": results, "time_ratio_2x": results[1]["seconds"] / results[0]["seconds"]}


def _run_incremental(n: int, add: int, queue: Any) -> None:
    from plotwatch.fuse import fuse, load_settings
    from plotwatch.fuse.incremental import FusionIndex, refuse_incrementally

    cfg = load_settings()
    mentions = synthetic_mentions(n + add, seed=13)
    picked = set(random.Random(5).sample(range(len(mentions)), add))  # new reports, old and new incidents
    new = [m for i, m in enumerate(mentions) if i in picked]
    base = [m for i, m in enumerate(mentions) if i not in picked]
    before = fuse(base)
    start = time.perf_counter()
    index = FusionIndex.of(before, int(cfg.get("inferred_year_slack", 1)), int(cfg.get("day_slack", 0)))
    indexed = time.perf_counter()
    gone, fresh = refuse_incrementally(index, new, fuse)
    done = time.perf_counter()
    full = fuse(mentions)
    full_done = time.perf_counter()

    def signature(drafts: Any) -> set[Any]:
        return {(d.id, tuple(sorted(id(m) for m in d.mentions))) for d in drafts}

    kept = [d for d in before if d.id not in gone]
    queue.put(
        {
            "base_mentions": len(base),
            "added_mentions": len(new),
            "incidents": len(full),
            "incidents_refused": len(gone),
            "index_seconds": indexed - start,
            "incremental_seconds": done - indexed,
            "full_seconds": full_done - done,
            "identical": signature(kept + fresh) == signature(full),
        }
    )


def run_incremental(n: int = 100_000, add: int = 1000) -> dict[str, Any]:
    """Add ``add`` mentions to an ``n``-mention base: incremental fusion vs full re-fusion.

    The index is what incremental fusion reads about the last fusion (in the store: one query
    over the mentions' block columns); it is timed apart. ``identical`` checks that both give
    the same incidents and ids.
    """
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run_incremental, args=(n, add, queue))
    proc.start()
    result: dict[str, Any] = queue.get()
    proc.join()
    result["speedup"] = result["full_seconds"] / max(
        1e-9, result["index_seconds"] + result["incremental_seconds"]
    )
    return result
