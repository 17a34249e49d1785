"""End-to-end regression over the seed articles and the background corpus (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plotwatch.extract import Extractor
from plotwatch.fuse import fuse
from plotwatch.types import IncidentDraft, SourcedMention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
BACKGROUND = SHARED / "corpus" / "background" / "lee.jsonl"


def contract(d: IncidentDraft) -> dict:
    return {
        "id": d.id,
        "type": d.type,
        "status": d.status,
        "date": {"start": d.date.value, "end": d.date.value, "precision": d.date.precision},
        "location": {"country": d.country, "place": d.place, "precision": d.place_precision},
        "agent_state": d.agent_state,
        "actors": [
            {
                "entity_id": a.key,
                "name": a.canonical or a.name,
                "aliases": [a.name, *a.aliases],
                "kind": a.kind,
                "role": a.role,
                "country": a.country,
            }
            for a in d.actors
        ],
        "mentions": [
            {
                "article_id": m.article_id,
                "quote": m.mention.quote,
                "start": m.mention.sentence_start,
                "end": m.mention.sentence_end,
            }
            for m in d.mentions
        ],
    }


@pytest.mark.slow
def test_seeds_regression_incident_f1(extractor: Extractor) -> None:
    if not SEEDS.exists():
        pytest.skip(f"shared corpus not found at {SHARED}")
    evaluate = pytest.importorskip("plotwatch.evaluate").evaluate
    files = sorted(SEEDS.glob("*.txt"))
    mentions = []
    for f, ex in zip(files, extractor.extract_many((f.read_text(), None) for f in files), strict=True):
        mentions += [SourcedMention(f.stem, m) for m in ex.events]
    report = evaluate([contract(d) for d in fuse(mentions)], SEEDS / "gold.jsonl").to_dict()
    assert report["f1"] >= 0.70
    assert report["accuracy"]["agent_state"] >= 0.85


@pytest.mark.slow
def test_seeds_regression_background_stays_quiet(extractor: Extractor) -> None:
    if not BACKGROUND.exists():
        pytest.skip(f"background corpus not found at {BACKGROUND}")
    rows = [json.loads(line) for line in BACKGROUND.open()]
    mentions = [
        SourcedMention(r["id"], m)
        for r, ex in zip(rows, extractor.extract_many((r["text"], None) for r in rows), strict=True)
        for m in ex.events
    ]
    assert len(fuse(mentions)) <= 40  # 350 articles, almost none about state plots
