"""The fusion benchmark's synthetic data behaves like news: several reports per incident."""

from __future__ import annotations

from plotwatch.bench.fusion import synthetic_mentions
from plotwatch.fuse import fuse


def test_bench_fusion_synthetic_mentions_merge_into_fewer_incidents() -> None:
    mentions = synthetic_mentions(2000)
    assert len(mentions) == 2000
    assert synthetic_mentions(2000)[5].article_id == mentions[5].article_id  # seeded
    drafts = fuse(mentions)
    assert 300 < len(drafts) < 1500
    assert sum(len(d.mentions) for d in drafts) == 2000
    # reports of one incident share the incident number in their article ids
    for d in drafts[:200]:
        assert len({m.article_id.split("-")[1] for m in d.mentions}) == 1
