"""Fusion: event mentions from many articles in, one :class:`IncidentDraft` per incident out.

    cluster.py         blocked greedy clustering (type + agent state / country; date, place, actors)
    reconcile.py       one response reported in two countries → one incident with a contradiction
    merge.py           merged fields of a cluster and its stable id
    contradictions.py  fields the fused mentions disagree on, each value with its articles
    incremental.py     fuse new mentions against the incidents they can touch, not the world
    campaigns.py       incidents of one sponsor against one target over a period

Typical use::

    drafts = fuse(sourced_mentions)

Settings (slack, status priority, match scores) are in ``plotwatch/data/fusion.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from plotwatch import yamlfile
from plotwatch.fuse.cluster import cluster_mentions
from plotwatch.fuse.incremental import paused_gc
from plotwatch.fuse.merge import build_incident, incident_id
from plotwatch.fuse.reconcile import reconcile
from plotwatch.types import IncidentDraft, SourcedMention

__all__ = ["fuse", "incident_id", "load_settings"]

SETTINGS = Path(__file__).resolve().parents[1] / "data" / "fusion.yaml"


@lru_cache(maxsize=4)
def load_settings(path: Path = SETTINGS) -> dict[str, Any]:
    """Fusion settings from ``fusion.yaml``."""
    data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    return dict(data)


def fuse(mentions: Sequence[SourcedMention], settings: dict[str, Any] | None = None) -> list[IncidentDraft]:
    """Merge mentions of the same incident; every mention ends up in exactly one draft.

    The result (ids, membership, order) does not depend on the order of ``mentions``.
    """
    cfg = settings if settings is not None else load_settings()
    with paused_gc():  # many small objects, no reference cycles: the cyclic collector only slows it
        return _fuse(mentions, cfg)


def _fuse(mentions: Sequence[SourcedMention], cfg: dict[str, Any]) -> list[IncidentDraft]:
    priority = list(cfg.get("status_priority", ("foiled", "failed", "planned", "executed")))
    drafts = []
    for cluster in reconcile(cluster_mentions(mentions, cfg), cfg):
        types = {m.mention.type for m in cluster.mentions if not m.mention.generic}
        type_ = cluster.type if not types else sorted(types)[0] if len(types) == 1 else cluster.type
        drafts.append(build_incident(type_, cluster.mentions, priority))
    drafts.sort(key=lambda d: (d.id, min((m.article_id, m.mention.sentence_start) for m in d.mentions)))
    seen: dict[str, int] = {}
    for d in drafts:  # two incidents anchored on one sentence: keep ids unique and stable
        n = seen.get(d.id, 0)
        seen[d.id] = n + 1
        if n:
            d.id = f"{d.id}-{n + 1}"
    return drafts
