"""One response told in two places: merge response clusters that disagree only on the country.

Blocked clustering keeps mentions with different countries apart, so "the couple were
arrested in Belgium" (one article) and "stopped by police in the Netherlands" (another) end up
as two arrests. They are one arrest, reported with a contradiction, when all of this holds:

* same response type, no article in common, dates compatible;
* both are *anchored* to the same hostile incident: in each article, the nearest hostile
  mention at or before the response (within ``anchor_chars`` characters) belongs to it;
* neither article also reports a response of that type anchored to that incident in the
  other's country (an article that names both countries is describing two events);
* the pair is the unique best choice for both sides: the score is shared named actors minus
  named people that only one side has (names from a sentence that reports several of these
  responses count for neither); ties are left apart.

The merged incident keeps every country with its articles (see :mod:`plotwatch.fuse.contradictions`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from plotwatch.fuse.cluster import Cluster, actor_ids
from plotwatch.types import HOSTILE_TYPES


def _named_people(c: Cluster, shared: set[tuple[str, int]]) -> set[str]:
    """Named people of a cluster, leaving out sentences that report several such events (in
    "the couple were arrested in Belgium, while Assadi was arrested in Germany" the names
    cannot be told apart, so they count against neither arrest)."""
    return {
        a.key or a.name.casefold()
        for sm in c.mentions
        if (sm.article_id, sm.mention.sentence_start) not in shared
        for a in sm.mention.actors
        if a.kind == "person" and a.role in {"target", "victim", "perpetrator"}
    }


def _shared_sentences(clusters: Sequence[Cluster], members: Sequence[int]) -> set[tuple[str, int]]:
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for i in members:
        for sm in clusters[i].mentions:
            seen[(sm.article_id, sm.mention.sentence_start)].add(i)
    return {k for k, owners in seen.items() if len(owners) > 1}


def _anchors(clusters: Sequence[Cluster], max_chars: int) -> dict[int, set[int]]:
    """For each response cluster (index), the hostile clusters (indexes) it is anchored to."""
    owner: dict[int, int] = {}
    hostile_by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for sm in c.mentions:
            owner[id(sm)] = i
            if sm.mention.type in HOSTILE_TYPES:
                hostile_by_article[sm.article_id].append((sm.mention.sentence_start, i))
    for items in hostile_by_article.values():
        items.sort()
    out: dict[int, set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        if c.type in HOSTILE_TYPES:
            continue
        for sm in c.mentions:
            start = sm.mention.sentence_start
            before = [(s, h) for s, h in hostile_by_article.get(sm.article_id, []) if s <= start]
            if before and start - before[-1][0] <= max_chars:
                nearest = before[-1][0]
                out[i].update(h for s, h in before if s == nearest)
    return out


def _dates_ok(a: Cluster, b: Cluster, day_slack: int) -> bool:
    return all(x.compatible(y, day_slack) for x in a.dates for y in b.dates)


def reconcile(clusters: list[Cluster], settings: dict[str, Any]) -> list[Cluster]:
    """Merge response clusters that are one event told with different countries."""
    cfg = dict(settings.get("reconcile", {}))
    if not cfg.get("enabled", True):
        return clusters
    anchors = _anchors(clusters, int(cfg.get("anchor_chars", 800)))
    day_slack = int(settings.get("day_slack", 0))
    by_anchor: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, hs in anchors.items():
        for h in hs:
            by_anchor[(clusters[i].type, h)].append(i)
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for members in by_anchor.values():
        shared = _shared_sentences(clusters, members)
        for i in members:
            a = clusters[i]
            for j in members:
                b = clusters[j]
                if j == i or not a.countries or not b.countries or a.countries & b.countries:
                    continue
                if a.articles & b.articles or not _dates_ok(a, b, day_slack):
                    continue
                # an article that reports the other's country too is describing two events
                if any(
                    clusters[k].countries & b.countries and clusters[k].articles & a.articles
                    for k in members
                    if k not in (i, j)
                ) or any(
                    clusters[k].countries & a.countries and clusters[k].articles & b.articles
                    for k in members
                    if k not in (i, j)
                ):
                    continue
                pa, pb = _named_people(a, shared), _named_people(b, shared)
                score = len(_actors(a) & _actors(b)) - len(pa ^ pb)
                best[i].append((score, j))
    pairs: set[tuple[int, int]] = set()
    for i, options in best.items():
        options = sorted(set(options), reverse=True)
        top = [j for s, j in options if s == options[0][0]]
        if len(top) != 1:
            continue
        j = top[0]
        back = sorted(set(best.get(j, [])), reverse=True)
        back_top = [k for s, k in back if s == back[0][0]] if back else []
        if back_top == [i]:
            pairs.add((min(i, j), max(i, j)))
    if not pairs:
        return clusters
    merged_into: dict[int, int] = {}
    for i, j in sorted(pairs):
        if i in merged_into or j in merged_into:
            continue  # one merge per cluster: chains of reconciliations are not followed
        merged_into[j] = i
    out: list[Cluster] = []
    for k, c in enumerate(clusters):
        if k in merged_into:
            continue
        for j, i in merged_into.items():
            if i == k:
                for sm in clusters[j].mentions:
                    c.add(sm)
        out.append(c)
    return out


def _actors(c: Cluster) -> set[str]:
    out: set[str] = set()
    for sm in c.mentions:
        out |= actor_ids(sm)
    return out
