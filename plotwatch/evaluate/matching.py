"""Which predicted incident is which gold incident.

A prediction *can* match a gold row (:func:`compatible`) when they have the same type, a
compatible country (equal, or either side null), a compatible date (one a prefix of the
other, or either side null) and share at least one article. Among the compatible pairs,
:func:`assign` picks a one-to-one assignment with as many pairs as possible and, among those,
the best field agreement (:func:`agreement`). It is a min-cost maximum flow by successive
shortest augmenting paths (Bellman–Ford, so negative costs are fine): each augmentation adds
one pair and keeps the total cost minimal for that number of pairs.

The field helpers here read prediction dicts in the export-contract format defensively: a
missing ``date`` or ``location`` reads as nulls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from plotwatch.evaluate.gold import GoldIncident

_WORD_RE = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SCALE = 1000  # agreement is scored in thousandths so the flow works on integers


# -- reading predictions ---------------------------------------------------------------------


def _sub(d: dict[str, Any], key: str) -> dict[str, Any]:
    value = d.get(key)
    return value if isinstance(value, dict) else {}


def pred_date(d: dict[str, Any]) -> str | None:
    return _sub(d, "date").get("start") or None


def pred_country(d: dict[str, Any]) -> str | None:
    return _sub(d, "location").get("country") or None


def pred_place(d: dict[str, Any]) -> str | None:
    return _sub(d, "location").get("place") or None


def pred_articles(d: dict[str, Any]) -> set[str]:
    return {m["article_id"] for m in d.get("mentions") or [] if isinstance(m, dict) and m.get("article_id")}


def pred_names(d: dict[str, Any]) -> list[str]:
    """Every name and alias of every predicted actor."""
    out: list[str] = []
    for actor in d.get("actors") or []:
        if not isinstance(actor, dict):
            continue
        if actor.get("name"):
            out.append(str(actor["name"]))
        out.extend(str(a) for a in actor.get("aliases") or [] if a)
    return out


# -- field agreement -------------------------------------------------------------------------


def date_compatible(a: str | None, b: str | None) -> bool:
    """Null on either side, or one date a prefix of the other ("2018-06" ~ "2018-06-30")."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def compatible(pred: dict[str, Any], gold: GoldIncident) -> bool:
    """Can ``pred`` be matched to ``gold`` at all?"""
    if pred.get("type") != gold.type:
        return False
    country = pred_country(pred)
    if country and gold.country and country != gold.country:
        return False
    if not date_compatible(pred_date(pred), gold.date):
        return False
    return not pred_articles(pred).isdisjoint(gold.articles)


def date_right(pred: dict[str, Any], gold: GoldIncident) -> bool:
    """Exact equality of the gold date with ``date.start``; a coarser prediction is wrong."""
    return pred_date(pred) == gold.date


def status_right(pred: dict[str, Any], gold: GoldIncident) -> bool:
    return (pred.get("status") or None) == gold.status


def place_right(pred: dict[str, Any], gold: GoldIncident) -> bool:
    """Country equal and, when the gold names a place, the same place (any case)."""
    if pred_country(pred) != gold.country:
        return False
    if gold.place is None:
        return True
    place = pred_place(pred)
    return place is not None and place.casefold().strip() == gold.place.casefold().strip()


def agent_state_right(pred: dict[str, Any], gold: GoldIncident) -> bool:
    return (pred.get("agent_state") or None) == gold.agent_state


def _words(name: str) -> tuple[str, ...]:
    words = _WORD_RE.findall(name.translate(_APOSTROPHES).casefold().replace("'", ""))
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def name_matches(predicted: str, alias: str) -> bool:
    """Equal, or one contained in the other as whole words (case-insensitive, no "the")."""
    p, a = _words(predicted), _words(alias)
    if not p or not a:
        return False
    return p == a or _contains(p, a) or _contains(a, p)


def actors_found(pred: dict[str, Any], gold: GoldIncident) -> tuple[int, int]:
    """(gold actors+targets some predicted name matches, gold actors+targets)."""
    names = pred_names(pred)
    entities = gold.entities
    found = sum(1 for aliases in entities if any(name_matches(n, a) for n in names for a in aliases))
    return found, len(entities)


def agreement(pred: dict[str, Any], gold: GoldIncident) -> float:
    """Field agreement of a pair, 0–5: date, status, place, agent state, actor recall."""
    found, total = actors_found(pred, gold)
    return (
        date_right(pred, gold)
        + status_right(pred, gold)
        + place_right(pred, gold)
        + agent_state_right(pred, gold)
        + (found / total if total else 1.0)
    )


# -- assignment ------------------------------------------------------------------------------


def assign(n_left: int, n_right: int, edges: Iterable[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Maximum matching of left to right nodes, maximising total weight among maximum ones.

    ``edges`` are ``(left, right, weight)``; returns the chosen ``(left, right)`` pairs sorted.
    Runs successive shortest augmenting paths on the residual graph (source → left → right →
    sink, cost ``-weight``); each augmentation is a min-cost path, so the result is a
    maximum-cardinality matching of maximum total weight. Ties resolve by input order.
    """
    cost: dict[tuple[int, int], int] = {}
    adj: list[list[int]] = [[] for _ in range(n_left)]
    for left, right, weight in edges:
        if (left, right) not in cost:
            adj[left].append(right)
        cost[(left, right)] = -round(weight * _SCALE)
    match_l: list[int | None] = [None] * n_left
    match_r: list[int | None] = [None] * n_right
    while True:
        path = _shortest_augmenting_path(adj, cost, match_l, match_r)
        if path is None:
            break
        for left, right in path:
            match_l[left] = right
            match_r[right] = left
    return sorted((left, r) for left, r in enumerate(match_l) if r is not None)


def _shortest_augmenting_path(
    adj: Sequence[Sequence[int]],
    cost: dict[tuple[int, int], int],
    match_l: Sequence[int | None],
    match_r: Sequence[int | None],
) -> list[tuple[int, int]] | None:
    """Cheapest alternating path from a free left node to a free right node (Bellman–Ford).

    Distances are kept on right nodes: reaching right ``r`` from left ``l`` costs
    ``cost[l, r]``; leaving a matched right ``r`` back to its left partner gives back
    ``cost[partner, r]``. Returns the pairs to set along the path, or None.
    """
    inf = float("inf")
    dist_l: list[float] = [0.0 if m is None else inf for m in match_l]
    dist_r: list[float] = [inf] * len(match_r)
    via: list[int | None] = [None] * len(match_r)  # left node each right node was reached from
    for _ in range(len(match_l) + len(match_r) + 1):
        changed = False
        for left, rights in enumerate(adj):
            if dist_l[left] == inf:
                continue
            for right in rights:
                if match_l[left] == right:
                    continue
                d = dist_l[left] + cost[(left, right)]
                if d < dist_r[right]:
                    dist_r[right], via[right] = d, left
                    changed = True
        for right, partner in enumerate(match_r):
            if partner is not None and dist_r[right] != inf:
                d = dist_r[right] - cost[(partner, right)]
                if d < dist_l[partner]:
                    dist_l[partner] = d
                    changed = True
        if not changed:
            break
    free = [r for r, m in enumerate(match_r) if m is None and dist_r[r] != inf]
    if not free:
        return None
    right = min(free, key=lambda r: (dist_r[r], r))
    path: list[tuple[int, int]] = []
    seen: set[int] = set()
    while right not in seen:
        seen.add(right)
        came_from = via[right]
        assert came_from is not None
        path.append((came_from, right))
        previous = match_l[came_from]
        if previous is None:
            return path
        right = previous
    return None  # unreachable with no negative cycles; never loop forever
