"""Incremental fusion gives the incidents and ids of a full re-fusion."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from plotwatch.bench.fusion import synthetic_mentions
from plotwatch.fuse import fuse, load_settings
from plotwatch.fuse.incremental import FusionIndex, refuse_incrementally
from plotwatch.types import (
    EVENT_TYPES,
    HOSTILE_TYPES,
    ActorMention,
    EventMention,
    PartialDate,
    SourcedMention,
)


def signature(drafts: Any) -> set[tuple[str, tuple[tuple[str, int, str], ...]]]:
    return {
        (d.id, tuple(sorted((m.article_id, m.mention.sentence_start, m.mention.type) for m in d.mentions)))
        for d in drafts
    }


def index_of(drafts: Any) -> FusionIndex:
    cfg = load_settings()
    return FusionIndex.of(drafts, int(cfg["inferred_year_slack"]), int(cfg["day_slack"]))


def messy_mentions(n: int, seed: int) -> list[SourcedMention]:
    """Mentions with what makes fusion order-sensitive: generic types, inferred years, no
    date, no country, days near new year, several mentions per article and shared actors."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        type_ = rng.choice(EVENT_TYPES[:4] + EVENT_TYPES[9:12])
        hostile = type_ in HOSTILE_TYPES
        year = rng.choice([2017, 2018, 2019])
        kind = rng.random()
        date = (
            PartialDate.unknown()
            if kind < 0.2
            else PartialDate.of(year)
            if kind < 0.4
            else PartialDate.of(year, rng.choice([1, 6, 12]))
            if kind < 0.7
            else PartialDate.of(year, rng.choice([1, 12]), rng.choice([1, 2, 30, 31]))
        )
        m = EventMention(
            type=type_,
            status="foiled" if hostile else None,
            date=date,
            sentence_start=rng.randint(0, 4) * 100,
            sentence_end=0,
            quote="",
            trigger=rng.choice(["plot", "attack", "arrested"]),
            country=rng.choice(["FR", "BE", "NL", None]),
            agent_state=rng.choice(["IR", None]) if hostile else rng.choice(["FR", "BE", None]),
            actors=[ActorMention(f"P{rng.randint(1, 6)}", "target", kind="person")]
            if rng.random() < 0.5
            else [],
            generic=hostile and rng.random() < 0.2,
            date_inferred=date.precision == "year" and rng.random() < 0.5,
        )
        out.append(SourcedMention(f"art-{rng.randint(1, n // 3)}", m))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_incremental_equals_full_refusion_on_messy_mentions(seed: int) -> None:
    mentions = messy_mentions(400, seed)
    rng = random.Random(seed)
    new_articles = {f"art-{i}" for i in rng.sample(range(1, 133), 8)}
    base = [m for m in mentions if m.article_id not in new_articles]
    new = [m for m in mentions if m.article_id in new_articles]
    before = fuse(base)
    gone, fresh = refuse_incrementally(index_of(before), new, fuse)
    kept = [d for d in before if d.id not in gone]
    assert signature(kept + fresh) == signature(fuse(mentions))


def test_incremental_touches_a_small_part_of_a_large_base() -> None:
    mentions = synthetic_mentions(8000, seed=11)
    new, base = mentions[:200], mentions[200:]
    before = fuse(base)
    gone, fresh = refuse_incrementally(index_of(before), new, fuse)
    kept = [d for d in before if d.id not in gone]
    assert signature(kept + fresh) == signature(fuse(mentions))
    assert len(gone) < len(before) / 4


def _article(id_: str, outlet: str, published: str, text: str) -> str:
    return json.dumps({"id": id_, "outlet": outlet, "published": published, "text": text})


A = _article(
    "wire-a",
    "Agence Alpha",
    "2019-07-02",
    "Paris, 2 July 2019. Iranian agents plotted to bomb a rally of exiles in Villepinte, near Paris, "
    "on 30 June 2018. More than 100,000 people attended the rally. A couple carrying the explosives "
    "were arrested in Belgium in June 2018.",
)
B = _article(
    "paper-b",
    "Bravo Daily",
    "2019-07-03",
    "Iran's intelligence ministry was behind the June 2018 plot to bomb the exiles' rally near Paris. "
    "The rally was attended by tens of thousands of people. The couple carrying the bomb were arrested "
    "by police in the Netherlands in June 2018.",
)
C = _article(
    "paper-c",
    "Charlie Post",
    "2020-03-01",
    "Police in Germany arrested two Russian agents in Berlin on 2 March 2020 over a plot to kill a "
    "Chechen exile.",
)


def _records(store: Any) -> list[tuple[Any, ...]]:
    from plotwatch.store.queries import list_incidents

    return sorted(
        (
            r["id"],
            r["type"],
            tuple(sorted((m["article_id"], m["start"]) for m in r["mentions"])),
            tuple(c["field"] for c in r["contradictions"]),
            r["credibility"],
        )
        for r in list_incidents(store)
    )


@pytest.mark.slow
def test_incremental_ingest_a_then_b_equals_a_and_b_at_once(
    extractor: Any, db_url: str, tmp_path: Path
) -> None:
    from plotwatch.pipeline import ingest, refuse
    from plotwatch.store.db import Store

    for name, text in (("a", A), ("b", B), ("c", C)):
        (tmp_path / f"{name}.json").write_text(text, encoding="utf-8")
    step = Store(db_url)
    for name in ("a", "b", "c"):
        assert ingest(step, [str(tmp_path / f"{name}.json")], extractor=extractor).ok
    together = Store(f"sqlite:///{tmp_path / 'together.db'}")
    ingest(
        together,
        [str(tmp_path / n) for n in ("a.json", "b.json", "c.json")],
        extractor=extractor,
        incremental=False,
    )
    assert _records(step) == _records(together)
    arrests = [r for r in _records(step) if r[1] == "arrest" and "location.country" in r[3]]
    assert len(arrests) == 1 and {m[0] for m in arrests[0][2]} == {"wire-a", "paper-b"}
    # a full re-fusion of the incrementally built store changes nothing
    refuse(step)
    assert _records(step) == _records(together)


@pytest.mark.slow
def test_incremental_ingest_keeps_analyst_merges(extractor: Any, tmp_path: Path) -> None:
    from plotwatch.pipeline import ingest
    from plotwatch.review.actions import merge_incidents
    from plotwatch.store.db import Store
    from plotwatch.store.queries import list_incidents

    (tmp_path / "a.json").write_text(A, encoding="utf-8")
    (tmp_path / "c.json").write_text(C, encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    ingest(store, [str(tmp_path / "a.json")], extractor=extractor)
    incs = {r["type"]: r["id"] for r in list_incidents(store)}
    merge_incidents(store, incs["arrest"], incs["bombing"], actor="analyst")
    ingest(store, [str(tmp_path / "c.json")], extractor=extractor)
    ids = {r["id"] for r in list_incidents(store)}
    assert incs["bombing"] in ids and incs["arrest"] not in ids  # the merge still holds


@pytest.mark.parametrize("seed", [6, 7])
def test_incremental_fusion_does_not_depend_on_input_order(seed: int) -> None:
    mentions = messy_mentions(400, seed)
    shuffled = list(mentions)
    random.Random(seed).shuffle(shuffled)
    assert signature(fuse(shuffled)) == signature(fuse(mentions))
